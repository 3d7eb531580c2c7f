// Program (docs/PROGRAM.md) -> StableHLO MLIR text, the input of the XLA accelerator.
//
// One lowering per op of ops/table.mjs: LOWERINGS is typed over the generated `Op` table, so an
// op added to the table without a lowering here is a type error (`npm run typecheck`), and
// `lowerProgram` throws "no lowering for op X" at run time for anything it cannot lower.
// Every op is emitted in MLIR's generic form ("stablehlo.add"(...) : (...) -> ...), which every
// StableHLO consumer parses, whatever its pretty-printer version.
//
// Semantics follow the interpreter (accelerators/wasm/assembly), not XLA's defaults, where the
// two differ: float -> int casts truncate and wrap (f64ToI32), int32 floorDiv/mod by 0 give 0,
// maximum/minimum/max/min propagate NaN, sign(NaN) = 0, argMax/argMin take the first index and
// ignore NaN unless it comes first, gather gives 0 for an out-of-range index.
import { Op } from '../../ts/generated/ops';

export type OpName = keyof typeof Op;
import { parseProgram, type Rec, type ParsedProgram } from '../program';
import * as W from './lower-window';

export { parseProgram };
export type { Rec, ParsedProgram };

// ---- types and literals ----

const ELEM = ['f32', 'i32', 'i1'] as const;
type Elem = 'f32' | 'i32' | 'i1' | 'f64';

export function tensorType(dims: readonly number[], e: Elem): string {
  return `tensor<${dims.map((d) => `${d}x`).join('')}${e}>`;
}

const f32buf = new Float32Array(1);
const u32f = new Uint32Array(f32buf.buffer);
const f64buf = new Float64Array(1);
const u32d = new Uint32Array(f64buf.buffer);

function hex(n: number, digits: number): string { return n.toString(16).toUpperCase().padStart(digits, '0'); }

/** A scalar literal of element type e, exact (floats as their bit pattern). */
function literal(v: number, e: Elem): string {
  if (e === 'f32') { f32buf[0] = v; return `0x${hex(u32f[0], 8)}`; }
  if (e === 'f64') { f64buf[0] = v; return `0x${hex(u32d[1], 8)}${hex(u32d[0], 8)}`; }
  if (e === 'i1') return v ? 'true' : 'false';
  return String(v | 0);
}

const arr = (xs: readonly number[]) => (xs.length ? `array<i64: ${xs.join(', ')}>` : 'array<i64>');
const list = (xs: readonly number[]) => `[${xs.join(', ')}]`;

/** JS's ToInt32 on a double (the interpreter's f64ToI32), for constants. */
function toInt32(v: number): number {
  return Number.isFinite(v) ? Number(BigInt.asIntN(32, BigInt(Math.trunc(v)))) : 0;
}

// ---- the emitter ----

/** A value: its SSA name, dims and element type. */
export interface Val { name: string; dims: number[]; e: Elem }

export class Emitter {
  lines: string[] = [];
  private n = 0;

  constructor(private indent = '    ') {}

  /** Emits one op in generic form; returns its (first) result. */
  op(name: string, args: Val[], dims: number[], e: Elem, attrs = '', region = ''): Val {
    const v = `%${this.n++}`;
    const types = `(${args.map((a) => tensorType(a.dims, a.e)).join(', ')}) -> ${tensorType(dims, e)}`;
    this.lines.push(`${this.indent}${v} = "${name}"(${args.map((a) => a.name).join(', ')})${region ? ` (${region})` : ''}${attrs ? ` {${attrs}}` : ''} : ${types}`);
    return { name: v, dims, e };
  }

  /** Emits an op with several results; returns them. */
  opN(name: string, args: Val[], results: { dims: number[]; e: Elem }[], attrs = '', region = ''): Val[] {
    const v = `%${this.n++}`;
    const types = `(${args.map((a) => tensorType(a.dims, a.e)).join(', ')}) -> (${results.map((r) => tensorType(r.dims, r.e)).join(', ')})`;
    this.lines.push(`${this.indent}${v}:${results.length} = "${name}"(${args.map((a) => a.name).join(', ')})${region ? ` (${region})` : ''}${attrs ? ` {${attrs}}` : ''} : ${types}`);
    return results.map((r, i) => ({ name: `${v}#${i}`, dims: r.dims, e: r.e }));
  }

  /** A fresh name for a region argument. */
  fresh(): string { return `%${this.n++}`; }

  scalar(v: number, e: Elem): Val {
    return this.op('stablehlo.constant', [], [], e, `value = dense<${literal(v, e)}> : ${tensorType([], e)}`);
  }

  /** A constant filled with v, of the given dims. */
  full(v: number, dims: number[], e: Elem): Val { return this.bcast(this.scalar(v, e), dims); }

  /** numpy-style broadcast of x to dims (right-aligned); identity when the dims match. */
  bcast(x: Val, dims: number[]): Val {
    if (x.dims.length === dims.length && x.dims.every((d, i) => d === dims[i])) return x;
    const off = dims.length - x.dims.length;
    return this.op('stablehlo.broadcast_in_dim', [x], dims, x.e, `broadcast_dimensions = ${arr(x.dims.map((_, i) => i + off))}`);
  }

  un(name: string, x: Val, e: Elem = x.e): Val { return this.op(`stablehlo.${name}`, [x], x.dims, e); }
  bin(name: string, a: Val, b: Val): Val { return this.op(`stablehlo.${name}`, [a, b], a.dims, a.e); }

  cmp(dir: 'EQ' | 'NE' | 'LT' | 'LE' | 'GT' | 'GE', a: Val, b: Val): Val {
    const type = a.e === 'f32' || a.e === 'f64' ? 'FLOAT' : a.e === 'i32' ? 'SIGNED' : 'UNSIGNED';
    return this.op('stablehlo.compare', [a, b], a.dims, 'i1',
      `comparison_direction = #stablehlo<comparison_direction ${dir}>, compare_type = #stablehlo<comparison_type ${type}>`);
  }

  /** compare against a scalar constant broadcast to a's shape. */
  cmpK(dir: 'EQ' | 'NE' | 'LT' | 'LE' | 'GT' | 'GE', a: Val, k: number): Val { return this.cmp(dir, a, this.full(k, a.dims, a.e)); }

  select(c: Val, a: Val, b: Val): Val { return this.op('stablehlo.select', [c, a, b], a.dims, a.e); }
  convert(x: Val, e: Elem): Val { return x.e === e ? x : this.op('stablehlo.convert', [x], x.dims, e); }
  reshape(x: Val, dims: number[]): Val {
    if (x.dims.length === dims.length && x.dims.every((d, i) => d === dims[i])) return x;
    return this.op('stablehlo.reshape', [x], dims, x.e);
  }
  isNaN(x: Val): Val { return this.cmp('NE', x, x); }

  /** A reduction region over scalars of the given element types: body(args) gives the results. */
  region(es: Elem[], body: (args: Val[]) => Val[]): string {
    const args = [...es, ...es].map((e) => ({ name: this.fresh(), dims: [] as number[], e }));
    const saved = this.lines;
    this.lines = [];
    const outer = this.indent;
    this.indent = outer + '  ';
    const res = body(args);
    this.lines.push(`${this.indent}"stablehlo.return"(${res.map((r) => r.name).join(', ')}) : (${res.map((r) => tensorType([], r.e)).join(', ')}) -> ()`);
    const inner = this.lines;
    this.lines = saved;
    this.indent = outer;
    return `{\n${outer}^bb0(${args.map((a) => `${a.name}: ${tensorType([], a.e)}`).join(', ')}):\n${inner.join('\n')}\n${outer}}`;
  }

  /** stablehlo.reduce of x over axes with a binary scalar op (add, multiply, maximum ...). */
  reduce(x: Val, axes: number[], init: number, combine: string): Val {
    const dims = x.dims.filter((_, i) => !axes.includes(i));
    const region = this.region([x.e], ([a, b]) => [this.op(`stablehlo.${combine}`, [a, b], [], x.e)]);
    return this.op('stablehlo.reduce', [x, this.scalar(init, x.e)], dims, x.e, `dimensions = ${arr(axes)}`, region);
  }
}

// ---- the lowerings ----

type Lower = (em: Emitter, r: Rec, ins: Val[], prog: ParsedProgram) => Val;

const F32 = 0, I32 = 1;

const elemOf = (r: Rec): Elem => ELEM[r.dtype];

function unaryF(name: string): Lower { return (em, r, [x]) => em.un(name, x); }
function chlo(name: string): Lower { return (em, r, [x]) => em.op(`chlo.${name}`, [x], x.dims, x.e); }

/** Broadcasts every input to the record's dims first. */
function bcastAll(em: Emitter, r: Rec, ins: Val[]): Val[] { return ins.map((x) => em.bcast(x, r.dims)); }

function binary(f: (em: Emitter, a: Val, b: Val, r: Rec) => Val): Lower {
  return (em, r, ins) => { const [a, b] = bcastAll(em, r, ins); return f(em, a, b, r); };
}
const binOp = (name: string): Lower => binary((em, a, b) => em.bin(name, a, b));
const cmpOp = (dir: 'EQ' | 'NE' | 'LT' | 'LE' | 'GT' | 'GE'): Lower => binary((em, a, b) => em.cmp(dir, a, b));

/** NaN if either is NaN, else f(a, b): the interpreter's maximum/minimum. */
function nanProp(em: Emitter, a: Val, b: Val, name: string): Val {
  const m = em.bin(name, a, b);
  if (a.e !== 'f32') return m;
  const nan = em.full(NaN, a.dims, 'f32');
  return em.select(em.isNaN(a), nan, em.select(em.isNaN(b), nan, m));
}

/** Float (f32 or f64) -> i32 as JS's ToInt32: truncate, wrap modulo 2^32, NaN/Inf -> 0.
 *  The remainder is exact, and so are the +-2^32 corrections of the integers that need them. */
function floatToI32(em: Emitter, x: Val): Val {
  const r0 = em.bin('remainder', x, em.full(4294967296, x.dims, x.e));
  const two32 = em.full(4294967296, x.dims, x.e);
  const r1 = em.select(em.cmpK('GE', r0, 2147483648), em.bin('subtract', r0, two32), r0);
  const r2 = em.select(em.cmpK('LT', r1, -2147483648), em.bin('add', r1, two32), r1);
  const finite = em.op('stablehlo.is_finite', [x], x.dims, 'i1');
  return em.select(finite, em.convert(r2, 'i32'), em.full(0, x.dims, 'i32'));
}

function cast(em: Emitter, x: Val, to: Elem): Val {
  if (x.e === to) return x;
  if (to === 'i1') return em.cmpK('NE', x, 0);
  // not convert: XLA rewrites convert(pred) * y (and / y) into a select that gives 0 where y is
  // NaN or inf; the interpreter and IEEE give NaN
  if (x.e === 'i1') return em.select(x, em.full(1, x.dims, to), em.full(0, x.dims, to));
  if ((x.e === 'f32' || x.e === 'f64') && to === 'i32') return floatToI32(em, x);
  return em.convert(x, to);
}

/** int32 floor division as floorDivI32: b == 0 gives 0, b == -1 gives -a (wrapping). */
function floorDivI32(em: Emitter, a: Val, b: Val): Val {
  const zero = em.full(0, a.dims, 'i32'), one = em.full(1, a.dims, 'i32');
  const b0 = em.cmpK('EQ', b, 0), bm1 = em.cmpK('EQ', b, -1);
  const safe = em.select(em.op('stablehlo.or', [b0, bm1], a.dims, 'i1'), one, b);
  const q = em.bin('divide', a, safe), rem = em.bin('remainder', a, safe);
  const adjust = em.op('stablehlo.and', [em.cmp('NE', rem, zero), em.cmp('NE', em.cmp('LT', a, zero), em.cmp('LT', safe, zero))], a.dims, 'i1');
  const fq = em.select(adjust, em.bin('subtract', q, one), q);
  return em.select(b0, zero, em.select(bm1, em.un('negate', a), fq));
}

/** int32 remainder with the divisor's sign as modI32: mod by 0 gives 0. */
function modI32(em: Emitter, a: Val, b: Val): Val {
  const zero = em.full(0, a.dims, 'i32'), one = em.full(1, a.dims, 'i32');
  const b0 = em.cmpK('EQ', b, 0), bm1 = em.cmpK('EQ', b, -1);
  const safe = em.select(em.op('stablehlo.or', [b0, bm1], a.dims, 'i1'), one, b);
  const r = em.bin('remainder', a, safe); // x % 1 == x % -1 == 0
  const fix = em.op('stablehlo.and', [em.cmp('NE', r, zero), em.cmp('NE', em.cmp('LT', r, zero), em.cmp('LT', b, zero))], a.dims, 'i1');
  return em.select(b0, zero, em.select(fix, em.bin('add', r, b), r));
}

/** float32 mod as modF32: in f64, rounded once. */
function modF32(em: Emitter, a32: Val, b32: Val): Val {
  const x = em.convert(a32, 'f64'), y = em.convert(b32, 'f64');
  const r = em.bin('remainder', x, y);
  const zero = em.full(0, x.dims, 'f64');
  const bothNeg = em.op('stablehlo.and', [em.cmp('LT', x, zero), em.cmp('LT', y, zero)], x.dims, 'i1');
  const bothPos = em.op('stablehlo.and', [em.cmp('GE', x, zero), em.cmp('GE', y, zero)], x.dims, 'i1');
  const same = em.op('stablehlo.or', [bothNeg, bothPos], x.dims, 'i1');
  const alt = em.bin('remainder', em.bin('add', r, y), y);
  return em.convert(em.select(same, r, alt), 'f32');
}

/** Reductions: keepDims and axes from the attrs. */
function reduction(combine: (e: Elem) => string, init: (e: Elem) => number, nanProp = false): Lower {
  return (em, r, [x]) => {
    const axes = r.attrs.slice(1);
    if (axes.length === 0) return em.reshape(x, r.dims);
    let y = em.reduce(x, axes, init(x.e), combine(x.e));
    if (nanProp && x.e === 'f32') {
      // max/min of a slice holding a NaN is NaN, whatever the backend's max does with NaN
      const anyNaN = em.reduce(em.isNaN(x), axes, 0, 'or');
      y = em.select(anyNaN, em.full(NaN, y.dims, 'f32'), y);
    }
    return em.reshape(y, r.dims);
  };
}

/** argMax/argMin: the first index of the extreme, NaN ignored unless it is at index 0. */
function argLower(isMax: boolean): Lower {
  return (em, r, [x]) => {
    const axis = r.attrs[0];
    const n = x.dims[axis];
    const outDims = x.dims.filter((_, i) => i !== axis);
    if (n === 0) return em.full(0, outDims, 'i32');
    const worst = x.e === 'f32' ? (isMax ? -Infinity : Infinity) : (isMax ? -2147483648 : 2147483647);
    const xv = x.e === 'f32' ? em.select(em.isNaN(x), em.full(worst, x.dims, 'f32'), x) : x;
    const idx = em.op('stablehlo.iota', [], x.dims, 'i32', `iota_dimension = ${axis} : i64`);
    const region = em.region([x.e, 'i32'], ([av, ai, bv, bi]) => {
      const better = em.cmp(isMax ? 'GT' : 'LT', bv, av);
      const tie = em.op('stablehlo.and', [em.cmp('EQ', bv, av), em.cmp('LT', bi, ai)], [], 'i1');
      const takeB = em.op('stablehlo.or', [better, tie], [], 'i1');
      return [em.select(takeB, bv, av), em.select(takeB, bi, ai)];
    });
    const [, at] = em.opN('stablehlo.reduce', [xv, idx, em.scalar(worst, x.e), em.scalar(0, 'i32')],
      [{ dims: outDims, e: x.e }, { dims: outDims, e: 'i32' }], `dimensions = ${arr([axis])}`, region);
    if (x.e !== 'f32') return at;
    const start = x.dims.map(() => 0), limit = x.dims.map((d, i) => (i === axis ? 1 : d));
    const first = em.op('stablehlo.slice', [x], limit, 'f32',
      `start_indices = ${arr(start)}, limit_indices = ${arr(limit)}, strides = ${arr(x.dims.map(() => 1))}`);
    return em.select(em.isNaN(em.reshape(first, outDims)), em.full(0, outDims, 'i32'), at);
  };
}

function cumsum(em: Emitter, r: Rec, [x]: Val[]): Val {
  const [axis, exclusive, reverse] = r.attrs;
  const n = x.dims[axis];
  if (n === 0 || x.dims.some((d) => d === 0)) return x;
  let y = x;
  const rev = (v: Val) => em.op('stablehlo.reverse', [v], v.dims, v.e, `dimensions = ${arr([axis])}`);
  if (reverse) y = rev(y);
  if (exclusive) {
    // shift by one along the axis: pad 1 zero in front, drop the last element (negative padding)
    const lo = x.dims.map((_, i) => (i === axis ? 1 : 0)), hi = x.dims.map((_, i) => (i === axis ? -1 : 0));
    y = em.op('stablehlo.pad', [y, em.scalar(0, x.e)], x.dims, x.e,
      `edge_padding_low = ${arr(lo)}, edge_padding_high = ${arr(hi)}, interior_padding = ${arr(x.dims.map(() => 0))}`);
  }
  const win = x.dims.map((_, i) => (i === axis ? n : 1));
  const pad = x.dims.map((_, i) => `[${i === axis ? n - 1 : 0}, 0]`).join(', ');
  const region = em.region([x.e], ([a, b]) => [em.op('stablehlo.add', [a, b], [], x.e)]);
  y = em.op('stablehlo.reduce_window', [y, em.scalar(0, x.e)], x.dims, x.e,
    `window_dimensions = ${arr(win)}, window_strides = ${arr(x.dims.map(() => 1))}, padding = dense<[${pad}]> : tensor<${x.dims.length}x2xi64>`, region);
  if (reverse) y = rev(y);
  return y;
}

function slice(em: Emitter, r: Rec, [x]: Val[]): Val {
  const rank = x.dims.length;
  const begin = r.attrs.slice(0, rank), size = r.attrs.slice(rank, 2 * rank), strides = r.attrs.slice(2 * rank, 3 * rank);
  if (size.some((s) => s === 0)) return em.full(0, r.dims, x.e);
  const flip = strides.map((s, i) => (s < 0 ? i : -1)).filter((i) => i >= 0);
  let y = x;
  if (flip.length) y = em.op('stablehlo.reverse', [y], y.dims, y.e, `dimensions = ${arr(flip)}`);
  const start = begin.map((b, i) => (strides[i] < 0 ? x.dims[i] - 1 - b : b));
  const st = strides.map(Math.abs);
  const limit = start.map((s, i) => s + (size[i] - 1) * st[i] + 1);
  return em.op('stablehlo.slice', [y], r.dims, x.e, `start_indices = ${arr(start)}, limit_indices = ${arr(limit)}, strides = ${arr(st)}`);
}

function gather(em: Emitter, r: Rec, [x, idx]: Val[]): Val {
  const axis = r.attrs[0];
  const n = x.dims[axis], q = idx.dims.length, rank = x.dims.length;
  if (n === 0 || r.dims.some((d) => d === 0)) return em.full(0, r.dims, x.e);
  const offsetDims: number[] = [];
  for (let i = 0; i < axis; i++) offsetDims.push(i);
  for (let i = axis + 1; i < rank; i++) offsetDims.push(i - 1 + q);
  const sizes = x.dims.map((d, i) => (i === axis ? 1 : d));
  const idx1 = em.reshape(idx, [...idx.dims, 1]);
  const dn = `#stablehlo.gather<${offsetDims.length ? `offset_dims = ${list(offsetDims)}, ` : ''}collapsed_slice_dims = [${axis}], start_index_map = [${axis}], index_vector_dim = ${q}>`;
  const g = em.op('stablehlo.gather', [x, idx1], r.dims, x.e, `dimension_numbers = ${dn}, slice_sizes = ${arr(sizes)}`);
  // XLA clamps out-of-range starts; the interpreter gives 0 there
  const ok = em.op('stablehlo.and', [em.cmpK('GE', idx, 0), em.cmpK('LT', idx, n)], idx.dims, 'i1');
  const okOut = em.op('stablehlo.broadcast_in_dim', [ok], r.dims, 'i1', `broadcast_dimensions = ${arr(idx.dims.map((_, i) => axis + i))}`);
  return em.select(okOut, g, em.full(0, r.dims, x.e));
}

function tile(em: Emitter, r: Rec, [x]: Val[]): Val {
  const reps = r.attrs;
  const inter: number[] = [];
  x.dims.forEach((d, i) => inter.push(reps[i], d));
  const b = em.op('stablehlo.broadcast_in_dim', [x], inter, x.e, `broadcast_dimensions = ${arr(x.dims.map((_, i) => 2 * i + 1))}`);
  return em.reshape(b, r.dims);
}

function oneHot(em: Emitter, r: Rec, [idx, on, off]: Val[]): Val {
  const q = idx.dims.length;
  const iota = em.op('stablehlo.iota', [], r.dims, 'i32', `iota_dimension = ${q} : i64`);
  const ib = em.op('stablehlo.broadcast_in_dim', [idx], r.dims, 'i32', `broadcast_dimensions = ${arr(idx.dims.map((_, i) => i))}`);
  return em.select(em.cmp('EQ', iota, ib), em.bcast(on, r.dims), em.bcast(off, r.dims));
}

function matMul(em: Emitter, r: Rec, [a, b]: Val[]): Val {
  const [ta, tb] = r.attrs;
  const nb = r.dims.length - 2;
  const batch = r.dims.slice(0, nb);
  const a2 = em.bcast(a, [...batch, ...a.dims.slice(-2)]);
  const b2 = em.bcast(b, [...batch, ...b.dims.slice(-2)]);
  const bd = batch.map((_, i) => i);
  const dn = `#stablehlo.dot<${nb ? `lhs_batching_dimensions = ${list(bd)}, rhs_batching_dimensions = ${list(bd)}, ` : ''}lhs_contracting_dimensions = [${ta ? nb : nb + 1}], rhs_contracting_dimensions = [${tb ? nb + 1 : nb}]>`;
  return em.op('stablehlo.dot_general', [a2, b2], r.dims, a.e, `dot_dimension_numbers = ${dn}`);
}

function constLower(em: Emitter, r: Rec): Val {
  const v = new Float64Array(new Int32Array([r.attrs[0], r.attrs[1]]).buffer)[0];
  const e = elemOf(r);
  const val = e === 'i32' ? toInt32(v) : e === 'i1' ? (v !== 0 ? 1 : 0) : v;
  return em.full(val, r.dims, e);
}

/** The least float32 x whose exp rounds to +inf in float32. */
const EXP_OVERFLOW = 88.72283935546875;

function softplus(em: Emitter, x: Val): Val {
  const threshold = Math.log(1.1920928955078125e-7) + 2;
  const ex = em.un('exponential', x);
  const mid = em.un('log_plus_one', ex);
  return em.select(em.cmpK('LT', x, threshold), ex, em.select(em.cmpK('GT', x, -threshold), x, mid));
}

function selu(em: Emitter, x: Val): Val {
  const scale = 1.0507009873554804934193349852946, alpha = 1.6732632423543772848170429916717;
  const pos = em.bin('multiply', em.full(scale, x.dims, 'f32'), x);
  const neg = em.bin('multiply', em.full(scale * alpha, x.dims, 'f32'), em.un('exponential_minus_one', x));
  return em.select(em.cmpK('GE', x, 0), pos, neg);
}

/** The lowering of every op of the table; leaves `data` and `scalar` never reach a Program. */
export const LOWERINGS: Record<OpName, Lower | 'core only'> = {
  param: () => { throw new Error('param is lowered by lowerProgram'); },
  const: (em, r) => constLower(em, r),
  data: 'core only',
  scalar: 'core only',
  // unary
  neg: unaryF('negate'),
  abs: unaryF('abs'),
  // XLA's CPU backend (TF 2.21) gives a finite value for exp of a large x inside some fusions
  // (exp(inf) - inf came out -inf): past float32's overflow point the result is +inf.
  exp: (em, r, [x]) => em.select(em.cmpK('GE', x, EXP_OVERFLOW), em.full(Infinity, x.dims, 'f32'), em.un('exponential', x)),
  expm1: unaryF('exponential_minus_one'),
  log: unaryF('log'),
  log1p: unaryF('log_plus_one'),
  sqrt: unaryF('sqrt'),
  rsqrt: unaryF('rsqrt'),
  square: (em, r, [x]) => em.bin('multiply', x, x),
  reciprocal: (em, r, [x]) => em.bin('divide', em.full(1, x.dims, x.e), x),
  sin: unaryF('sine'),
  cos: unaryF('cosine'),
  tan: unaryF('tan'),
  asin: chlo('asin'),
  acos: chlo('acos'),
  atan: (em, r, [x]) => em.bin('atan2', x, em.full(1, x.dims, x.e)),
  sinh: chlo('sinh'),
  cosh: chlo('cosh'),
  tanh: unaryF('tanh'),
  sigmoid: unaryF('logistic'),
  softplus: (em, r, [x]) => softplus(em, x),
  relu: (em, r, [x]) => em.select(em.cmpK('LT', x, 0), em.full(0, x.dims, x.e), x),
  relu6: (em, r, [x]) => em.select(em.cmpK('LT', x, 0), em.full(0, x.dims, x.e), em.select(em.cmpK('GT', x, 6), em.full(6, x.dims, x.e), x)),
  elu: (em, r, [x]) => em.select(em.cmpK('GE', x, 0), x, em.un('exponential_minus_one', x)),
  selu: (em, r, [x]) => selu(em, x),
  sign: (em, r, [x]) => (x.e === 'f32' ? em.select(em.isNaN(x), em.full(0, x.dims, 'f32'), em.un('sign', x)) : em.un('sign', x)),
  floor: unaryF('floor'),
  ceil: unaryF('ceil'),
  round: (em, r, [x]) => (x.e === 'f32' ? em.un('round_nearest_even', x) : x),
  erf: chlo('erf'),
  isNaN: (em, r, [x]) => em.isNaN(x),
  isFinite: (em, r, [x]) => em.op('stablehlo.is_finite', [x], x.dims, 'i1'),
  logicalNot: unaryF('not'),
  // binary
  add: binOp('add'),
  sub: binOp('subtract'),
  mul: binOp('multiply'),
  div: binOp('divide'),
  // float32: divided and floored in f64, then wrapped to int32, as the interpreter and tfjs
  floorDiv: binary((em, a, b) => (a.e === 'f32'
    ? cast(em, em.un('floor', em.bin('divide', em.convert(a, 'f64'), em.convert(b, 'f64'))), 'i32')
    : floorDivI32(em, a, b))),
  mod: binary((em, a, b) => (a.e === 'f32' ? modF32(em, a, b) : modI32(em, a, b))),
  pow: binary((em, a, b) => (a.e === 'f32' ? em.bin('power', a, b)
    : floatToI32(em, em.bin('power', em.convert(a, 'f64'), em.convert(b, 'f64'))))),
  maximum: binary((em, a, b) => nanProp(em, a, b, 'maximum')),
  minimum: binary((em, a, b) => nanProp(em, a, b, 'minimum')),
  squaredDifference: binary((em, a, b) => { const d = em.bin('subtract', a, b); return em.bin('multiply', d, d); }),
  atan2: binOp('atan2'),
  equal: cmpOp('EQ'),
  notEqual: cmpOp('NE'),
  less: cmpOp('LT'),
  lessEqual: cmpOp('LE'),
  greater: cmpOp('GT'),
  greaterEqual: cmpOp('GE'),
  logicalAnd: binOp('and'),
  logicalOr: binOp('or'),
  // reductions
  sum: reduction(() => 'add', () => 0),
  prod: reduction(() => 'multiply', () => 1),
  max: reduction((e) => (e === 'i1' ? 'or' : 'maximum'), (e) => (e === 'f32' ? -Infinity : e === 'i32' ? -2147483648 : 0), true),
  min: reduction((e) => (e === 'i1' ? 'and' : 'minimum'), (e) => (e === 'f32' ? Infinity : e === 'i32' ? 2147483647 : 1), true),
  all: reduction(() => 'and', () => 1),
  any: reduction(() => 'or', () => 0),
  // structural
  where: (em, r, ins) => { const [c, a, b] = bcastAll(em, r, ins); return em.select(c, a, b); },
  cast: (em, r, [x]) => cast(em, x, elemOf(r)),
  argMax: argLower(true),
  argMin: argLower(false),
  cumsum,
  reshape: (em, r, [x]) => em.reshape(x, r.dims),
  broadcastTo: (em, r, [x]) => em.bcast(x, r.dims),
  transpose: (em, r, [x]) => em.op('stablehlo.transpose', [x], r.dims, x.e, `permutation = ${arr(r.attrs)}`),
  slice,
  concat: (em, r, ins) => em.op('stablehlo.concatenate', ins, r.dims, ins[0].e, `dimension = ${r.attrs[0]} : i64`),
  pad: (em, r, [x, v]) => {
    const rank = x.dims.length;
    return em.op('stablehlo.pad', [x, v], r.dims, x.e,
      `edge_padding_low = ${arr(r.attrs.slice(0, rank))}, edge_padding_high = ${arr(r.attrs.slice(rank, 2 * rank))}, interior_padding = ${arr(x.dims.map(() => 0))}`);
  },
  gather,
  reverse: (em, r, [x]) => (r.attrs.length ? em.op('stablehlo.reverse', [x], r.dims, x.e, `dimensions = ${arr(r.attrs)}`) : x),
  tile,
  oneHot,
  matMul,
  // window ops (lower-window.ts)
  conv2d: W.convForward,
  conv2dBackpropInput: W.convBackpropInput,
  conv2dBackpropFilter: W.convBackpropFilter(false),
  depthwiseConv2d: W.depthwiseForward,
  depthwiseConv2dBackpropInput: W.depthwiseBackpropInput,
  depthwiseConv2dBackpropFilter: W.convBackpropFilter(true),
  maxPool: W.maxPool,
  avgPool: W.avgPool,
  maxPoolGrad: W.maxPoolGrad,
  avgPoolGrad: W.avgPoolGrad,
};

const NAMES = Object.keys(Op) as OpName[];

/** Whether an opcode has a lowering. */
export function hasLowering(code: number): boolean {
  const name = NAMES.find((n) => Op[n] === code);
  return name !== undefined && typeof LOWERINGS[name] === 'function';
}

/** Lowers a Program to a StableHLO module whose `main` takes one argument per param slot and
 *  returns the outputs in order. Throws on a malformed Program or an op without a lowering. */
export function lowerProgram(program: Int32Array | ParsedProgram): string {
  const prog = program instanceof Int32Array ? parseProgram(program) : program;
  const em = new Emitter();
  const vals: Val[] = [];
  const args: (Val | undefined)[] = new Array(prog.nParams);
  const byCode = new Map<number, OpName>(NAMES.map((n) => [Op[n], n]));
  prog.records.forEach((r, i) => {
    const name = byCode.get(r.op);
    if (name === undefined) throw new Error(`xla: record ${i}: unknown opcode ${r.op}`);
    if (r.op === Op.param) {
      const slot = r.attrs[0];
      if (!(slot >= 0 && slot < prog.nParams) || args[slot]) throw new Error(`xla: record ${i}: bad param slot ${slot}`);
      const arg: Val = { name: `%arg${slot}`, dims: r.dims, e: elemOf(r) };
      args[slot] = arg;
      vals.push(arg);
      return;
    }
    const lower = LOWERINGS[name];
    if (typeof lower !== 'function') throw new Error(`xla: no lowering for op ${name}`);
    const v = lower(em, r, r.inputs.map((x) => vals[x]), prog);
    const want = tensorType(r.dims, elemOf(r)), got = tensorType(v.dims, v.e);
    if (want !== got) throw new Error(`xla: record ${i} (${name}): lowered to ${got}, want ${want}`);
    vals.push(v);
  });
  for (let s = 0; s < prog.nParams; s++) if (!args[s]) throw new Error(`xla: param slot ${s} missing`);
  const outs = prog.outputs.map((o) => vals[o]);
  const sig = args.map((a) => `${a!.name}: ${tensorType(a!.dims, a!.e)}`).join(', ');
  const resTypes = outs.map((v) => tensorType(v.dims, v.e)).join(', ');
  return [
    'module @lazytensor {',
    `  func.func public @main(${sig}) -> (${resTypes}) {`,
    ...em.lines,
    `    "func.return"(${outs.map((v) => v.name).join(', ')}) : (${resTypes}) -> ()`,
    '  }',
    '}',
    '',
  ].join('\n');
}
