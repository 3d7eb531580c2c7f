// Fallback partitioning (issue 6): a Program with an op that XLA cannot lower is cut into
// segments that alternate between XLA and the WASM interpreter. Each record goes to the earliest
// segment of its kind that comes after all its inputs' segments (even segments XLA, odd ones the
// interpreter), so a run of lowerable ops stays one XLA executable and only the values that
// cross a cut are transferred. Every segment is an ordinary Program (docs/PROGRAM.md): its
// inputs from other segments become params, constants are copied into it.
//
// The plan is one executable handle of the XLA accelerator (a negative number: the addon's are
// positive). Its params and results are XLA buffers, like any other executable's, so the runtime
// and its compile cache do not know that part of it ran on the interpreter.
import { type ParsedProgram, type Rec } from '../program';
import { type Accelerator, type DataType } from '../accelerator';
import { WasmAccelerator } from '../wasm/index';
import { hasLowering, type OpName } from './lower';
import { Op } from '../../ts/generated/ops';
import { counters } from '../../ts/engine/metrics';
import { flags } from '../../ts/engine/env';

const DTYPES: readonly DataType[] = ['float32', 'int32', 'bool'];
const OP_NAME = new Map<number, string>(Object.entries(Op).map(([n, c]) => [c as number, n]));

// ---- which ops fall back ----

/** Opcodes treated as having no lowering (withoutLowering), with a count per nesting. */
const withheld = new Map<number, number>();

/** Whether XLA runs this record (params and consts belong to no segment: see plan()). */
export function lowerable(op: number): boolean {
  return hasLowering(op) && !withheld.has(op);
}

/**
 * Test hook: runs `fn` with these ops treated as having no StableHLO lowering, so that graphs
 * using them compiled meanwhile take the fallback path. Restores them when `fn` returns (or its
 * Promise settles). An executable compiled before stays in the compile cache: clear it, or use
 * shapes not compiled yet, to see the fallback.
 * @example
 * withoutLowering(['tanh'], () => lt.tensor([1, 2]).tanh().add(1).dataSync());
 */
export function withoutLowering<T>(ops: readonly OpName[], fn: () => T): T {
  const codes = ops.map((name) => {
    const code = (Op as Record<string, number>)[name];
    if (code === undefined) throw new Error(`withoutLowering: unknown op '${name}'`);
    return code;
  });
  for (const c of codes) withheld.set(c, (withheld.get(c) ?? 0) + 1);
  const restore = () => {
    for (const c of codes) {
      const n = withheld.get(c)! - 1;
      if (n === 0) withheld.delete(c); else withheld.set(c, n);
    }
  };
  let out: T;
  try {
    out = fn();
  } catch (e) {
    restore();
    throw e;
  }
  if (out instanceof Promise) return out.finally(restore) as T;
  restore();
  return out;
}

/** Whether a Program needs the fallback: some record XLA cannot lower. */
export function needsFallback(prog: ParsedProgram): boolean {
  return prog.records.some((r) => r.op !== Op.param && r.op !== Op.const && !lowerable(r.op));
}

// ---- planning ----

type Kind = 'xla' | 'wasm';

/** One segment: a Program and where its params come from and its outputs go (record indices of
 *  the whole Program). */
export interface Segment {
  kind: Kind;
  program: Int32Array;
  /** For each param slot, the record of the whole Program that feeds it. */
  sources: number[];
  /** For each output, the record of the whole Program it is. */
  outputs: number[];
  /** How many of its records are ops (not params or consts): the fallback ops it runs. */
  ops: number;
}

/** Segment index of every record: -1 for params and consts (copied or passed where needed),
 *  else the earliest of its kind (XLA even, interpreter odd) after all its inputs'. */
function stages(prog: ParsedProgram): number[] {
  return prog.records.reduce<number[]>((st, r) => {
    let s = -1;
    if (r.op !== Op.param && r.op !== Op.const) {
      s = 0;
      for (const i of r.inputs) s = Math.max(s, st[i]);
      if ((s % 2 === 1) === lowerable(r.op)) s++;
    }
    st.push(s);
    return st;
  }, []);
}

/** Writes records and outputs as a Program (docs/PROGRAM.md, version 1). */
function serialize(recs: Rec[], outputs: number[], nParams: number): Int32Array {
  const words = [0x4750544c, 1, recs.length, nParams, outputs.length, 0, 0, 0];
  for (const r of recs) words.push(r.op, r.dtype, r.dims.length, r.inputs.length, r.attrs.length, ...r.dims, ...r.inputs, ...r.attrs);
  words.push(...outputs);
  words[5] = words.length;
  return Int32Array.from(words);
}

/** The segment made of `members` (record indices, ascending) whose values `wanted` are needed
 *  by later segments or by the caller. */
function segment(prog: ParsedProgram, kind: Kind, members: number[], wanted: (i: number) => boolean): Segment {
  const local = new Map<number, number>();
  const recs: Rec[] = [];
  const sources: number[] = [];
  const ref = (j: number): number => {
    let k = local.get(j);
    if (k !== undefined) return k;
    const r = prog.records[j];
    if (r.op === Op.const) recs.push({ ...r, inputs: [] });
    else { recs.push({ op: Op.param, dtype: r.dtype, dims: r.dims, inputs: [], attrs: [sources.length] }); sources.push(j); }
    local.set(j, (k = recs.length - 1));
    return k;
  };
  let ops = 0;
  for (const m of members) {
    const r = prog.records[m];
    if (r.op === Op.param || r.op === Op.const) { ref(m); continue; }
    recs.push({ ...r, inputs: r.inputs.map(ref) });
    local.set(m, recs.length - 1);
    ops++;
  }
  const outputs = members.filter(wanted);
  return { kind, program: serialize(recs, outputs.map((m) => local.get(m)!), sources.length), sources, outputs, ops };
}

/** Cuts a Program into alternating XLA and interpreter segments, in execution order. */
export function plan(prog: ParsedProgram): Segment[] {
  const st = stages(prog);
  // a param or const that the caller wants back is copied by the first XLA segment
  for (const o of prog.outputs) if (st[o] < 0) st[o] = 0;
  const wanted = new Set(prog.outputs);
  prog.records.forEach((r, i) => { for (const j of r.inputs) if (st[j] >= 0 && st[j] !== st[i]) wanted.add(j); });
  const n = Math.max(0, ...st) + 1;
  const segs: Segment[] = [];
  for (let s = 0; s < n; s++) {
    const members = st.flatMap((t, i) => (t === s ? [i] : []));
    if (members.length) segs.push(segment(prog, s % 2 ? 'wasm' : 'xla', members, (i) => wanted.has(i)));
  }
  return segs;
}

// ---- compiling and running a plan ----

/** What the fallback needs of the XLA accelerator: its own (non-partitioned) compile, and its
 *  buffers. */
export interface XlaSide extends Pick<Accelerator, 'execute' | 'release' | 'upload' | 'download' | 'free'> {
  compileLowered(program: Int32Array): number;
}

interface CompiledSegment extends Segment { exe: number }
interface Plan { segments: CompiledSegment[]; outputs: number[]; records: Rec[]; nParams: number; lastUse: Map<number, number> }

/** Ops reported once per process (console.warn). */
const warned = new Set<string>();

/** The partitioned executables of one XLA accelerator, and the interpreter they fall back to. */
export class Partitions {
  private plans = new Map<number, Plan>();
  private next = -1;
  private interp?: Accelerator;

  /** `interpreter` makes the accelerator the fallback runs on, when first needed (default: a
   *  WASM interpreter of its own, the build lt.env()'s DETERMINISTIC asks for). */
  constructor(private xla: XlaSide, private interpreter: () => Accelerator = () => WasmAccelerator.createSync(!flags.DETERMINISTIC)) {}

  /** Whether an executable handle is a plan of this table. */
  has(exe: number): boolean { return this.plans.has(exe); }

  private wasm(): Accelerator {
    return (this.interp ??= this.interpreter());
  }

  private on(kind: Kind): Pick<Accelerator, 'execute' | 'release' | 'upload' | 'download' | 'free'> {
    return kind === 'xla' ? this.xla : this.wasm();
  }

  /** Plans and compiles every segment; returns the plan's handle. */
  compile(prog: ParsedProgram): number {
    const segs = plan(prog);
    for (const name of new Set(prog.records.filter((r) => r.op !== Op.param && r.op !== Op.const && !lowerable(r.op)).map((r) => OP_NAME.get(r.op) ?? `#${r.op}`))) {
      if (warned.has(name)) continue;
      warned.add(name);
      console.warn(`lazytensor: op '${name}' has no XLA lowering: it runs on the WASM interpreter (fallback), with its inputs and results copied between XLA and the interpreter`);
    }
    const compiled: CompiledSegment[] = [];
    try {
      for (const s of segs) {
        const exe = s.kind === 'xla' ? this.xla.compileLowered(s.program) : this.wasm().compile(s.program);
        compiled.push({ ...s, exe });
      }
    } catch (e) {
      for (const c of compiled) this.on(c.kind).release(c.exe);
      throw e;
    }
    // the segment after which each record's value is no longer read (freed there)
    const lastUse = new Map<number, number>();
    compiled.forEach((c, k) => { for (const j of c.sources) lastUse.set(j, k); });
    const id = this.next--;
    this.plans.set(id, { segments: compiled, outputs: prog.outputs, records: prog.records, nParams: prog.nParams, lastUse });
    return id;
  }

  release(exe: number): void {
    const p = this.plans.get(exe);
    if (!p) throw new Error(`xla: release: unknown executable ${exe}`);
    this.plans.delete(exe);
    for (const s of p.segments) this.on(s.kind).release(s.exe);
  }

  /** Runs the segments in order over XLA param buffers; returns new XLA buffers, one per output. */
  execute(exe: number, params: readonly number[]): number[] {
    const p = this.plans.get(exe);
    if (!p) throw new Error(`xla: execute: unknown executable ${exe}`);
    if (params.length !== p.nParams) throw new Error(`xla: execute: ${params.length} buffers supplied, the program takes ${p.nParams}`);
    const run = new Run(p, params, (k) => this.on(k));
    try {
      p.segments.forEach((s, k) => {
        const outs = this.on(s.kind).execute(s.exe, s.sources.map((j) => run.handle(j, s.kind)));
        s.outputs.forEach((j, i) => run.set(j, s.kind, outs[i]));
        if (s.kind === 'wasm') counters.fallbackOps += s.ops;
        run.freeAfter(k);
      });
      return run.results();
    } finally {
      run.freeAll();
    }
  }
}

/** The buffers of one execution: each record's value on XLA and/or the interpreter. A param's
 *  XLA buffer is the caller's (never freed here); every other buffer is ours until returned. */
class Run {
  private vals = new Map<number, { xla?: number; wasm?: number; borrowed: boolean }>();

  constructor(private p: Plan, params: readonly number[], private acc: (k: Kind) => Pick<Accelerator, 'upload' | 'download' | 'free'>) {
    p.records.forEach((r, i) => { if (r.op === Op.param) this.vals.set(i, { xla: params[r.attrs[0]], borrowed: true }); });
  }

  set(j: number, kind: Kind, h: number): void {
    this.drop(j); // a param the caller wants back: its copy replaces the borrowed buffer
    this.vals.set(j, { [kind]: h, borrowed: false });
  }

  /** Record j's buffer on `kind`, copied there (and counted) the first time it is needed. */
  handle(j: number, kind: Kind): number {
    const v = this.vals.get(j);
    if (!v) throw new Error(`xla fallback: record ${j} has no value yet`);
    const have = v[kind];
    if (have !== undefined) return have;
    const from: Kind = kind === 'xla' ? 'wasm' : 'xla';
    const r = this.p.records[j];
    const dtype = DTYPES[r.dtype];
    const data = this.acc(from).download(v[from]!, dtype, r.dims.reduce((a, b) => a * b, 1));
    const h = this.acc(kind).upload(dtype, data, r.dims);
    if (kind === 'xla') counters.transfersToDevice++; else counters.transfersFromDevice++;
    v[kind] = h;
    return h;
  }

  /** Frees the values no segment after k reads and the caller does not want. */
  freeAfter(k: number): void {
    for (const [j, last] of this.p.lastUse) if (last === k && !this.p.outputs.includes(j)) this.drop(j);
  }

  private drop(j: number): void {
    const v = this.vals.get(j);
    if (!v) return;
    this.vals.delete(j);
    if (v.wasm !== undefined) this.acc('wasm').free(v.wasm);
    if (v.xla !== undefined && !v.borrowed) this.acc('xla').free(v.xla);
  }

  /** The outputs as XLA buffers, handed to the caller (no longer freed here). */
  results(): number[] {
    const outs = this.p.outputs.map((j) => this.handle(j, 'xla'));
    for (const j of this.p.outputs) this.vals.get(j)!.xla = undefined;
    return outs;
  }

  freeAll(): void {
    for (const j of [...this.vals.keys()]) this.drop(j);
  }
}
