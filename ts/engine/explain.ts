// Why the last cache miss happened: the new graph compared with the nearest compiled one.
// Same skeleton (ops and wiring, ignoring shapes, dtypes and constants): name the first record
// whose shape, dtype, attributes or constant changed. Otherwise: where the structure diverges.
import * as core from './core';
import { flags, onFlagChange } from './env';
import { OP_NAMES } from '../generated/ops';
import type { Compiled } from './cache';
import { parseProgram, type Rec } from '../../accelerators/program';

const DTYPE_NAMES = ['float32', 'int32', 'bool'];
const records = (p: Int32Array): Rec[] => parseProgram(p).records;

const skeleton = (rs: Rec[]) => rs.map((r) => `${r.op}(${r.inputs.join(',')})`).join(';');
const shape = (d: number[]) => `[${d.join(',')}]`;
const same = (a: number[], b: number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

function describe(r: Rec, i: number): string {
  return r.op === 0 ? `input %${i} (param slot ${r.attrs[0]})` : `%${i} = ${OP_NAMES[r.op]}`;
}

let last: { program: Int32Array; candidates: Compiled[]; nodes: Int32Array; donated: Uint8Array | null } | undefined;
const stacks = new Map<number, string>();

function captureStacks(on: boolean): void {
  stacks.clear();
  core.setBuildHook(on ? (id) => stacks.set(id, new Error().stack?.split('\n').slice(3).join('\n') ?? '') : null);
}
onFlagChange((name) => { if (name === 'DEBUG_STACKS') captureStacks(flags.DEBUG_STACKS); });

/** @internal Called by the runtime on every miss, before the new graph joins the cache. */
export function noteMiss(program: Int32Array, cached: Compiled[], donated: Uint8Array | null = null): void {
  last = { program, candidates: cached, nodes: flags.DEBUG_STACKS ? core.recordNodes() : new Int32Array(0), donated };
}

/** The donated slots, listed ('none' if none). */
const slots = (d: Uint8Array | null | undefined) => (d ? [...d.keys()].filter((s) => d[s]).join(', ') : '') || 'none';

function where(i: number): string {
  const stack = last && last.nodes.length > i ? stacks.get(last.nodes[i]) : undefined;
  return stack ? `\nrecorded at:\n${stack}` : '';
}

/**
 * Why the last compile-cache miss happened, compared with the nearest compiled graph.
 * @example
 * lt.env().set('DEBUG_STACKS', true);  // optional: also say where the changed op was recorded
 * console.log(lt.debug.explainLastMiss());
 */
export function explainLastMiss(): string {
  if (!last) return 'no cache miss yet';
  const now = records(last.program);
  if (last.candidates.length === 0) return `first compile: no graph was compiled before (${now.length} records)`;
  const cands = last.candidates.map((c) => records(c.program));
  const sameSkeleton = cands.find((c) => skeleton(c) === skeleton(now));
  const twin = last.candidates.find((c) => c.program.length === last!.program.length && c.program.every((w, i) => w === last!.program[i]));
  if (twin) {
    return `the graph equals a compiled one, but other inputs were donated (buffers nothing reads after the step, which it may overwrite: lt.env() DONATE): param slots ${slots(twin.donated)} -> ${slots(last.donated)}`;
  }
  if (sameSkeleton) {
    for (let i = 0; i < now.length; i++) {
      const a = sameSkeleton[i], b = now[i];
      if (!same(a.dims, b.dims)) return `${describe(b, i)}: shape ${shape(a.dims)} -> ${shape(b.dims)}${where(i)}`;
      if (a.dtype !== b.dtype) return `${describe(b, i)}: dtype ${DTYPE_NAMES[a.dtype]} -> ${DTYPE_NAMES[b.dtype]}${where(i)}`;
      if (!same(a.attrs, b.attrs)) {
        const what = b.op === 1 ? 'constant' : 'attributes';
        const fmt = (r: Rec) => (b.op === 1 ? String(new Float64Array(new Int32Array(r.attrs).buffer)[0]) : shape(r.attrs));
        return `${describe(b, i)}: ${what} ${fmt(a)} -> ${fmt(b)}${where(i)}`;
      }
    }
    return 'the graph equals a compiled one except for its outputs';
  }
  // the nearest graph: the longest common prefix of records
  let best = cands[0], bestLen = -1;
  for (const c of cands) {
    let k = 0;
    while (k < c.length && k < now.length && skeleton([c[k]]) === skeleton([now[k]])) k++;
    if (k > bestLen) { best = c; bestLen = k; }
  }
  const i = bestLen;
  if (i >= now.length) return `the graph is a prefix of a compiled one: it ends after ${now.length} records instead of ${best.length}`;
  const was = i < best.length ? `${OP_NAMES[best[i].op]}(${best[i].inputs.map((x) => `%${x}`).join(', ')})` : 'nothing';
  return `structure changed at %${i}: ${was} -> ${OP_NAMES[now[i].op]}(${now[i].inputs.map((x) => `%${x}`).join(', ')})${where(i)}`;
}
