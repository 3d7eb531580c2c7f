// Random programs over the first-wave ops, for the differential test (differential.test.ts).
//
// A program is built from a *recipe* of plain numbers that fast-check generates and shrinks
// (fewer steps, smaller numbers): each step names an op and picks its operands and parameters
// among the values computed so far, by their shapes, dtypes and (for domains and gradients)
// their values. Building evaluates the float64 reference (test/reference) as it goes, so every
// choice is valid and the program always runs; a step that fits no operand is dropped.
// Inputs are float32 (plain, with NaN/±Infinity/±0, quantized to quarters for ties, large,
// tiny), int32 (small, or anywhere in the int32 range) and bool, given as typed arrays, nested
// arrays or flat arrays; operands are also JS numbers (scalar parameters) and methods.
//
// The program then runs:
//   - through the public API of lazytensor (`evalLt`), as one lazy graph, with lt.markStep()
//     after some steps;
//   - through the reference, one op at a time, on the engine's own values of that op's inputs
//     (`checkForward`): every op is held to its own row of test/tolerances.ts whatever came
//     before it (errors do not compound, ties and discontinuities see the same inputs);
//   - for gradients, lt.grads of the whole program against float64 central differences of the
//     reference program (`checkGradients`), on smooth programs: operands are chosen inside the
//     ops' domains, and a step whose operands come near a kink (relu at 0, a tie of max, a
//     comparison that could flip) is dropped.
// A few combinations where the reference and the engine legitimately differ are not generated;
// each is commented where it is excluded (int32 max/min over nothing, int32 values past 2^24
// entering float arithmetic, stridedSlice cases tfjs itself gets wrong, nested arrays for
// size-0 shapes).
import * as lt from '../../ts/index';
import * as R from '../reference';
import { closeEnough, toLt, type InputForm } from '../helpers';
import { tolFor, type TestedOp, type Tol } from '../tolerances';

export type Mode = 'forward' | 'grad';

/** One recipe step: all plain numbers, so fast-check shrinks them toward 0. */
export interface RawStep { op: number; a: number; b: number; c: number; p: number; q: number }
export interface RawInput { rank: number; dims: number[]; dtype: number; values: number; form: number }
export interface Recipe { seed: number; inputs: RawInput[]; steps: RawStep[] }

interface Val {
  ref: R.Ref;
  /** The program inputs this value depends on through differentiable paths (float32 only). */
  deps: Set<number>;
}

export interface Step {
  op: OpDef;
  args: number[];
  P: any;
  /** lt.markStep() right after this op (forward programs): the values so far become data. */
  barrier: boolean;
}

export interface Program {
  inputs: R.Ref[];
  forms: InputForm[];
  steps: Step[];
  /** Reference values of the inputs, then of every step, evaluated in float64. */
  vals: Val[];
}

// ---------------------------------------------------------------- limits
/** Largest value (elements) a step may produce. */
const MAX_SIZE = 96;
/** Smallest distance to a kink or a domain edge that a gradient program tolerates. */
const MARGIN = 0.02;
/** Largest magnitude in a gradient program (finite differences need moderate values). */
const GRAD_MAX = 200;

// ---------------------------------------------------------------- helpers
const sizeOf = R.sizeOf;
const isFloat = (v: Val) => v.ref.dtype === 'float32';
const notBool = (v: Val) => v.ref.dtype !== 'bool';
const isBool = (v: Val) => v.ref.dtype === 'bool';
const rank = (v: Val) => v.ref.shape.length;
const all = (r: R.Ref, f: (x: number) => boolean) => r.data.every(f);
const maxAbs = (r: R.Ref) => r.data.reduce((m, x) => (Number.isFinite(x) ? Math.max(m, Math.abs(x)) : m), 0);
const fmt = (s: readonly number[]) => `[${s.join(',')}]`;

function broadcastable(a: number[], b: number[]): boolean {
  for (let i = 1; i <= Math.min(a.length, b.length); i++) {
    const x = a[a.length - i], y = b[b.length - i];
    if (x !== y && x !== 1 && y !== 1) return false;
  }
  return true;
}
function broadcastShape(a: number[], b: number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = a[a.length - n + i] ?? 1, y = b[b.length - n + i] ?? 1;
    out.push(x === 1 ? y : x);
  }
  return out;
}

/** The index of the k-th value satisfying pred, cycling; -1 when none does. */
function choose(vals: Val[], pred: (v: Val, i: number) => boolean, k: number): number {
  const ok: number[] = [];
  vals.forEach((v, i) => { if (pred(v, i)) ok.push(i); });
  return ok.length ? ok[k % ok.length] : -1;
}

/** A random permutation of n from a number (Lehmer code). */
function perm(n: number, k: number): number[] {
  const rest = Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  for (let i = n; i > 0; i--) {
    out.push(rest.splice(k % i, 1)[0]);
    k = Math.floor(k / i);
  }
  return out;
}

/** A subset of the axes from the bits of k (possibly empty). */
const axesFrom = (r: number, k: number) => Array.from({ length: r }, (_, i) => i).filter((i) => (k >> i) & 1);

/** An axis list in one of tfjs's spellings: undefined (all), a number, negative, or a list. */
function axisArg(r: number, k: number): number | number[] | undefined {
  switch (k % 5) {
    case 0: return undefined;
    case 1: return r ? (k >> 3) % r : undefined;
    case 2: return r ? ((k >> 3) % r) - r : undefined;
    case 3: return axesFrom(r, k >> 3);
    default: return axesFrom(r, k >> 3).map((a, i) => (i % 2 ? a - r : a));
  }
}

const castTo = (r: R.Ref, dtype: R.DType) => R.cast(r, dtype);
const common = (rs: R.Ref[]) => rs.map((r) => r.dtype).reduce(R.upcast);

/** Distance to the nearest integer (floor, ceil, cast to int: discontinuities). */
const fracDist = (x: number) => Math.abs(x - Math.round(x));
/** Distance to the nearest half-integer (round). */
const halfDist = (x: number) => Math.abs(x - Math.floor(x) - 0.5);
/** The smallest gap between the largest and second largest of each group (max ties), per row of a reduction. */
function tieGap(r: R.Ref, axes: number[] | undefined, sign: 1 | -1): number {
  const ax = R.normAxes(axes, r.shape.length);
  const reduced = new Set(ax);
  const keptShape = r.shape.map((d, i) => (reduced.has(i) ? 1 : d));
  const strides = R.stridesOf(keptShape);
  const groups = new Map<number, number[]>();
  R.forEachIndex(r.shape, (idx, f) => {
    let o = 0;
    idx.forEach((v, i) => { if (!reduced.has(i)) o += v * strides[i]; });
    (groups.get(o) ?? groups.set(o, []).get(o)!).push(sign * r.data[f]);
  });
  let gap = Infinity;
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    g.sort((p, q) => q - p);
    gap = Math.min(gap, g[0] - g[1]);
  }
  return gap;
}

// ---------------------------------------------------------------- the op table
export interface Plan { args: number[]; P?: any }

export interface OpDef {
  name: string;
  /** Row of test/tolerances.ts for the per-op check. */
  tol: TestedOp;
  /** The row, when it depends on the parameters. */
  tolOf?(P: any): TestedOp;
  /** Whether gradient programs may use it. */
  grad: boolean;
  /** Chooses operands and parameters (null: does not apply here). */
  plan(vals: Val[], s: RawStep, mode: Mode): Plan | null;
  ref(xs: R.Ref[], P: any): R.Ref;
  lt(xs: lt.Tensor[], P: any): lt.Tensor;
  show(xs: string[], P: any): string;
  /** Operand positions gradients flow through (default: all). */
  diffArgs?: number[];
  /** Distance of the operands to this op's kinks and discontinuities (gradient programs). */
  margin?(xs: R.Ref[], P: any): number;
  /** Accumulations: how much larger than ~3 the terms are (scales the absolute tolerance),
   *  and whether float32 overflow could depend on the summation order (then not checked). */
  accum?(xs: R.Ref[], P: any): { scale: number; unsafe: boolean };
}

type LtFn = (...a: unknown[]) => lt.Tensor;
/** The function `lt[name]`. */
const L = (name: string): LtFn => (lt as unknown as Record<string, LtFn>)[name];
/** The chainable method `x[name](...args)`. */
const M = (x: lt.Tensor, name: string, ...args: unknown[]): lt.Tensor => (x as unknown as Record<string, LtFn>)[name](...args);

/** Domains of the unary float ops in gradient programs (forward programs take any value). */
const UNARY_DOMAIN: Partial<Record<R.UnaryName, (x: number) => boolean>> = {
  log: (x) => x > MARGIN * 5,
  sqrt: (x) => x > MARGIN * 5,
  rsqrt: (x) => x > 0.1,
  reciprocal: (x) => Math.abs(x) > 0.1,
  log1p: (x) => x > -1 + MARGIN * 5,
  asin: (x) => Math.abs(x) < 1 - MARGIN * 5,
  acos: (x) => Math.abs(x) < 1 - MARGIN * 5,
  tan: (x) => Math.abs(Math.cos(x)) > 0.2,
  exp: (x) => x < 4, expm1: (x) => x < 4, sinh: (x) => Math.abs(x) < 4, cosh: (x) => Math.abs(x) < 4,
};
/** Kinks of the unary ops (distance of x to the nearest one). */
const UNARY_KINK: Partial<Record<R.UnaryName, (x: number) => number>> = {
  abs: (x) => Math.abs(x), relu: (x) => Math.abs(x), relu6: (x) => Math.min(Math.abs(x), Math.abs(x - 6)),
  selu: (x) => Math.abs(x), elu: (x) => Math.abs(x), sign: (x) => Math.abs(x),
  floor: fracDist, ceil: fracDist, round: halfDist,
};
const NO_GRAD_UNARY = new Set<R.UnaryName>(['sign', 'floor', 'ceil', 'round', 'isNaN', 'isFinite', 'logicalNot']);

function unaryOp(name: R.UnaryName): OpDef {
  const needsBool = name === 'logicalNot';
  return {
    name, tol: name, grad: name !== 'logicalNot' && name !== 'isNaN' && name !== 'isFinite',
    diffArgs: NO_GRAD_UNARY.has(name) ? [] : [0],
    plan(vals, s, mode) {
      const dom = mode === 'grad' ? UNARY_DOMAIN[name] : undefined;
      const i = choose(vals, (v) => (needsBool ? isBool(v) : notBool(v) || (name === 'isNaN' || name === 'isFinite'))
        && (!dom || all(v.ref, dom)), s.a);
      return i < 0 ? null : { args: [i], P: { method: (s.q & 1) === 1 } };
    },
    ref: ([x]) => R.unary(name, x),
    lt: ([x], P) => (P.method ? M(x, name) : L(name)(x)),
    show: ([x], P) => (P.method ? `${x}.${name}()` : `lt.${name}(${x})`),
    margin: UNARY_KINK[name] ? ([x]) => x.data.reduce((m, v) => Math.min(m, UNARY_KINK[name]!(v)), Infinity) : undefined,
  };
}

const CMP = new Set(['equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual']);
function binaryOp(name: R.BinaryName): OpDef {
  const logic = name === 'logicalAnd' || name === 'logicalOr';
  const cmp = CMP.has(name);
  const noGrad = cmp || logic || name === 'floorDiv';
  return {
    name, tol: name, grad: !logic && name !== 'floorDiv',
    diffArgs: noGrad ? [] : [0, 1],
    plan(vals, s, mode) {
      const okA = (v: Val) => (logic ? isBool(v) : true) && (mode === 'forward' || isFloat(v) || cmp);
      const i = choose(vals, okA, s.a);
      if (i < 0) return null;
      const A = vals[i];
      // the operand order is decided first: domains (pow's base, a divisor) depend on it
      const swap = (s.c & 1) === 1;
      const domainOk = (x: R.Ref, y: R.Ref) => (name !== 'pow' || powOk(x, y, mode)) && (mode === 'forward' || gradDomainOk(name, x, y));
      const okB = (v: Val) => okA(v) && broadcastable(A.ref.shape, v.ref.shape)
        && sizeOf(broadcastShape(A.ref.shape, v.ref.shape)) <= MAX_SIZE
        && (logic || cmp || notBool(A) || notBool(v))   // bool op bool is defined only for these
        && (name !== 'squaredDifference' || (smallInt(A) && smallInt(v)))
        && (swap ? domainOk(v.ref, A.ref) : domainOk(A.ref, v.ref));
      const j = choose(vals, okB, s.b);
      if (j < 0) return null;
      return { args: swap ? [j, i] : [i, j], P: { method: (s.q & 1) === 1 } };
    },
    ref: ([a, b]) => R.binary(name, a, b),
    lt: ([a, b], P) => (P.method ? M(a, name, b) : L(name)(a, b)),
    show: ([a, b], P) => (P.method ? `${a}.${name}(${b})` : `lt.${name}(${a}, ${b})`),
    margin: cmp ? ([a, b]) => minPairwise(a, b, (x, y) => Math.abs(x - y))
      : name === 'maximum' || name === 'minimum' ? ([a, b]) => minPairwise(a, b, (x, y) => Math.abs(x - y))
      : name === 'mod' ? ([a, b]) => minPairwise(a, b, (x, y) => fracDist(x / y) * Math.abs(y))
      : undefined,
  };
}

/** int32 operands small enough that the reference's float64 products and sums are exact. */
const smallInt = (v: Val) => v.ref.dtype !== 'int32' || maxAbs(v.ref) <= 2 ** 20;

/** pow: int32 results must stay exact in float64 (the reference computes them there). */
function powOk(a: R.Ref, b: R.Ref, mode: Mode): boolean {
  if (mode === 'grad') return all(a, (x) => x > 0.2 && x < 5) && all(b, (x) => Math.abs(x) < 3);
  if (R.upcast(a.dtype, b.dtype) === 'int32') return maxAbs(a) <= 10 && maxAbs(b) <= 8;
  return true;
}

function gradDomainOk(name: string, a: R.Ref, b: R.Ref): boolean {
  if (name === 'div' || name === 'mod') return all(b, (x) => Math.abs(x) > 0.2);
  if (name === 'atan2') return minPairwise(a, b, (x, y) => Math.hypot(x, y)) > 0.2;
  return true;
}

/** min over broadcast pairs of f(a, b). */
function minPairwise(a: R.Ref, b: R.Ref, f: (x: number, y: number) => number): number {
  const shape = broadcastShape(a.shape, b.shape);
  const ma = R.broadcastIndexMap(a.shape, shape), mb = R.broadcastIndexMap(b.shape, shape);
  let m = Infinity;
  for (let i = 0; i < ma.length; i++) m = Math.min(m, f(a.data[ma[i]], b.data[mb[i]]));
  return m;
}

/** Accumulation scale: terms of magnitude M (the table assumes <= ~3), n terms. */
function accumOf(M: number, n: number): { scale: number; unsafe: boolean } {
  return { scale: Math.max(1, M / 3), unsafe: M * Math.max(n, 1) > 1e36 };
}

const REDUCE = ['sum', 'mean', 'max', 'min', 'prod', 'logSumExp'] as const;
function reduceOp(name: (typeof REDUCE)[number]): OpDef {
  return {
    name, tol: name, grad: true,
    plan(vals, s, mode) {
      // max/min of an empty int32 group: the engine gives the int32 identity (-2^31 / 2^31-1),
      // the reference ToInt32(-Infinity) = 0; tfjs does not define it either: not generated
      const emptyInt = (v: Val) => (name === 'max' || name === 'min') && v.ref.dtype !== 'float32' && v.ref.shape.includes(0);
      const i = choose(vals, (v) => notBool(v) && (mode === 'forward' || isFloat(v)) && !emptyInt(v) && (name !== 'prod' || smallInt(v)), s.a);
      if (i < 0) return null;
      return { args: [i], P: { axis: axisArg(rank(vals[i]), s.p), keepDims: (s.q & 1) === 1 } };
    },
    ref: ([x], P) => (R[name] as (x: R.Ref, a?: number | number[], k?: boolean) => R.Ref)(x, P.axis, P.keepDims),
    lt: ([x], P) => L(name)(x, P.axis, P.keepDims),
    show: ([x], P) => `lt.${name}(${x}, ${JSON.stringify(P.axis)}, ${P.keepDims})`,
    margin: name === 'max' || name === 'min' ? ([x], P) => tieGap(x, axesList(P.axis), name === 'max' ? 1 : -1) : undefined,
    accum: name === 'max' || name === 'min' ? undefined : ([x], P) => {
      const n = sizeOf(x.shape) / Math.max(1, sizeOf(R.sum(x, P.axis).shape));
      if (name === 'prod') {
        const ok = x.data.every((v) => !Number.isFinite(v) || v === 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) <= 1e3));
        return { scale: 1, unsafe: !ok || n > 12 };
      }
      return accumOf(maxAbs(x), n);
    },
  };
}
const axesList = (axis: number | number[] | undefined) => (axis === undefined ? undefined : Array.isArray(axis) ? axis : [axis]);

const ARG = ['argMax', 'argMin'] as const;
function argOp(name: (typeof ARG)[number]): OpDef {
  return {
    name, tol: name, grad: true, diffArgs: [],
    plan(vals, s) {
      const i = choose(vals, (v) => notBool(v) && rank(v) > 0 && sizeOf(v.ref.shape) > 0 && !v.ref.shape.includes(0), s.a);
      if (i < 0) return null;
      const r = rank(vals[i]);
      return { args: [i], P: { axis: (s.p % (2 * r)) - r } };
    },
    ref: ([x], P) => R[name](x, P.axis),
    lt: ([x], P) => L(name)(x, P.axis),
    show: ([x], P) => `lt.${name}(${x}, ${P.axis})`,
    margin: ([x], P) => tieGap(x, [P.axis], name === 'argMax' ? 1 : -1),
  };
}

function logicReduce(name: 'all' | 'any'): OpDef {
  return {
    name, tol: name, grad: false, diffArgs: [],
    plan(vals, s) {
      const i = choose(vals, isBool, s.a);
      return i < 0 ? null : { args: [i], P: { axis: axisArg(rank(vals[i]), s.p), keepDims: (s.q & 1) === 1 } };
    },
    ref: ([x], P) => R[name](x, P.axis, P.keepDims),
    lt: ([x], P) => L(name)(x, P.axis, P.keepDims),
    show: ([x], P) => `lt.${name}(${x}, ${JSON.stringify(P.axis)}, ${P.keepDims})`,
  };
}

function softmaxOp(name: 'softmax' | 'logSoftmax'): OpDef {
  return {
    name, tol: name, grad: true,
    plan(vals, s, mode) {
      const i = choose(vals, (v) => notBool(v) && rank(v) > 0 && (mode === 'forward' || isFloat(v)), s.a);
      return i < 0 ? null : { args: [i] };
    },
    ref: ([x]) => R[name](x),
    lt: ([x]) => L(name)(x),
    show: ([x]) => `lt.${name}(${x})`,
    accum: ([x]) => accumOf(maxAbs(x), x.shape[x.shape.length - 1]),
  };
}

const OPS: OpDef[] = [];
const add = (d: OpDef) => { OPS.push(d); return d; };

// the simplest first: shrinking moves the op index toward 0
for (const name of R.UNARY_NAMES) add(unaryOp(name));
for (const name of R.BINARY_NAMES) add(binaryOp(name));

// a JavaScript number as an operand: a scalar parameter of the Program (0 and 1: constants)
const SCALAR_BINARY: R.BinaryName[] = ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'squaredDifference', 'mod', 'atan2', 'less', 'equal', 'greaterEqual'];
const SCALARS = [2.5, -1, 0, 1, 0.5, -3, NaN, Infinity, 1e-3, 7];
add({
  name: 'scalar operand', tol: 'add', grad: true,
  tolOf: (P) => P.name,
  plan(vals, s, mode) {
    const names = mode === 'grad' ? SCALAR_BINARY.filter((n) => ['add', 'sub', 'mul', 'div', 'pow', 'maximum', 'minimum', 'squaredDifference'].includes(n)) : SCALAR_BINARY;
    const name = names[s.p % names.length];
    let value = SCALARS[s.q % SCALARS.length];
    if (mode === 'grad' && (!Number.isFinite(value) || (name === 'div' && Math.abs(value) < 0.2))) value = 2.5;
    if (mode === 'grad' && name === 'pow') value = [2, 0.5, -1, 3][s.q % 4];
    const i = choose(vals, (v) => notBool(v) && (mode === 'forward' || isFloat(v))
      && (mode === 'forward' || name !== 'pow' || all(v.ref, (x) => x > 0.2 && x < 5))
      && (name !== 'pow' || v.ref.dtype !== 'int32' || (maxAbs(v.ref) <= 10 && Math.abs(value) <= 8)), s.a);
    return i < 0 ? null : { args: [i], P: { name, value, method: (s.c & 1) === 1 } };
  },
  ref: ([a], P) => R.binary(P.name, a, P.value),
  lt: ([a], P) => (P.method ? M(a, P.name, P.value) : L(P.name)(a, P.value)),
  show: ([a], P) => (P.method ? `${a}.${P.name}(${P.value})` : `lt.${P.name}(${a}, ${P.value})`),
  diffArgs: [0],
  margin: ([a], P) => (P.name === 'maximum' || P.name === 'minimum' ? a.data.reduce((m, v) => Math.min(m, Math.abs(v - P.value)), Infinity) : Infinity),
});
for (const name of REDUCE) add(reduceOp(name));
for (const name of ARG) add(argOp(name));
add(logicReduce('all'));
add(logicReduce('any'));
add(softmaxOp('softmax'));
add(softmaxOp('logSoftmax'));

add({
  name: 'leakyRelu', tol: 'leakyRelu', grad: true, diffArgs: [0],
  plan(vals, s, mode) {
    const i = choose(vals, (v) => notBool(v) && (mode === 'forward' || isFloat(v)), s.a);
    return i < 0 ? null : { args: [i], P: { alpha: [0.2, 0.01, 0.5, -0.3, 1.5][s.p % 5] } };
  },
  ref: ([x], P) => R.leakyRelu(x, P.alpha),
  lt: ([x], P) => lt.leakyRelu(x, P.alpha),
  show: ([x], P) => `lt.leakyRelu(${x}, ${P.alpha})`,
  margin: ([x]) => x.data.reduce((m, v) => Math.min(m, Math.abs(v)), Infinity),
});

add({
  name: 'clipByValue', tol: 'clipByValue', grad: true, diffArgs: [0],
  plan(vals, s, mode) {
    const i = choose(vals, (v) => notBool(v) && (mode === 'forward' || isFloat(v)), s.a);
    if (i < 0) return null;
    const [lo, hi] = [[-1, 1], [-0.5, 0], [0, 0], [-2.5, 0.5], [-Infinity, 1], [0, Infinity], [-Infinity, Infinity], [1, 1]][s.p % 8];
    return { args: [i], P: { lo, hi } };
  },
  ref: ([x], P) => R.clipByValue(x, P.lo, P.hi),
  lt: ([x], P) => lt.clipByValue(x, P.lo, P.hi),
  show: ([x], P) => `lt.clipByValue(${x}, ${P.lo}, ${P.hi})`,
  margin: ([x], P) => x.data.reduce((m, v) => Math.min(m, Math.abs(v - P.lo), Math.abs(v - P.hi)), Infinity),
});

add({
  name: 'cast', tol: 'cast', grad: true,
  plan(vals, s) {
    const i = choose(vals, () => true, s.a);
    return { args: [i], P: { dtype: (['float32', 'int32', 'bool'] as const)[s.p % 3] } };
  },
  ref: ([x], P) => R.cast(x, P.dtype),
  lt: ([x], P) => lt.cast(x, P.dtype),
  show: ([x], P) => `lt.cast(${x}, '${P.dtype}')`,
  diffArgs: [0],
  // to int32 jumps at the integers, to bool at 0
  margin: ([x], P) => x.data.reduce((m, v) => Math.min(m, P.dtype === 'int32' ? fracDist(v) : P.dtype === 'bool' ? Math.abs(v) : Infinity), Infinity),
});

add({
  name: 'where', tol: 'where', grad: true, diffArgs: [1, 2],
  plan(vals, s, mode) {
    const c = choose(vals, isBool, s.a);
    if (c < 0) return null;
    const C = vals[c].ref.shape;
    const a = choose(vals, (v) => broadcastable(C, v.ref.shape) && (mode === 'forward' || isFloat(v)), s.b);
    if (a < 0) return null;
    const S = broadcastShape(C, vals[a].ref.shape);
    const b = choose(vals, (v) => broadcastable(S, v.ref.shape) && sizeOf(broadcastShape(S, v.ref.shape)) <= MAX_SIZE && (mode === 'forward' || isFloat(v)), s.c);
    return b < 0 ? null : { args: [c, a, b] };
  },
  ref: ([c, a, b]) => R.where(c, a, b),
  lt: ([c, a, b]) => lt.where(c, a, b),
  show: ([c, a, b]) => `lt.where(${c}, ${a}, ${b})`,
});

add({
  name: 'cumsum', tol: 'cumsum', grad: true,
  plan(vals, s, mode) {
    const i = choose(vals, (v) => rank(v) > 0 && (mode === 'forward' || isFloat(v)), s.a);
    if (i < 0) return null;
    const r = rank(vals[i]);
    return { args: [i], P: { axis: (s.p % (2 * r)) - r, exclusive: (s.q & 1) === 1, reverse: (s.q & 2) === 2 } };
  },
  ref: ([x], P) => R.cumsum(x, P.axis, P.exclusive, P.reverse),
  lt: ([x], P) => lt.cumsum(x, P.axis, P.exclusive, P.reverse),
  show: ([x], P) => `lt.cumsum(${x}, ${P.axis}, ${P.exclusive}, ${P.reverse})`,
  accum: ([x], P) => accumOf(maxAbs(x), x.shape[P.axis < 0 ? P.axis + x.shape.length : P.axis]),
});

add({
  name: 'moments', tol: 'moments', grad: true,
  plan(vals, s, mode) {
    const i = choose(vals, (v) => notBool(v) && (mode === 'forward' || isFloat(v)), s.a);
    return i < 0 ? null : { args: [i], P: { axis: axisArg(rank(vals[i]), s.p), keepDims: (s.q & 1) === 1, which: (s.q & 2) ? 'variance' : 'mean' } };
  },
  ref: ([x], P) => R.moments(x, P.axis, P.keepDims)[P.which as 'mean' | 'variance'],
  lt: ([x], P) => lt.moments(x, P.axis, P.keepDims)[P.which as 'mean' | 'variance'],
  show: ([x], P) => `lt.moments(${x}, ${JSON.stringify(P.axis)}, ${P.keepDims}).${P.which}`,
  accum: ([x], P) => {
    const M = maxAbs(x);
    const n = sizeOf(x.shape) / Math.max(1, sizeOf(R.sum(x, P.axis).shape));
    return accumOf(P.which === 'variance' ? M * M : M, n);
  },
});

// ------------------------------------------------ shape ops
/** A shape of the given size from the number k (rank 0-4, -1 sometimes). */
function reshapeTarget(size: number, k: number): number[] {
  if (size === 0) return [[0], [0, 3], [2, 0], [0, 1, 2]][k % 4];
  const out: number[] = [];
  let rest = size;
  while (rest > 1 && out.length < 3) {
    const divs = Array.from({ length: rest }, (_, i) => i + 1).filter((d) => rest % d === 0);
    const d = divs[k % divs.length];
    k = Math.floor(k / divs.length) + 7;
    out.push(d);
    rest /= d;
  }
  out.push(rest);
  const s = (k % 3 === 0 && out[0] === 1) ? out.slice(1) : out;
  if (k % 4 === 1 && s.length > 0) s[k % s.length] = -1;
  return s;
}

add({
  name: 'reshape', tol: 'reshape', grad: true,
  plan(vals, s) {
    const i = choose(vals, () => true, s.a);
    return { args: [i], P: { shape: reshapeTarget(sizeOf(vals[i].ref.shape), s.p) } };
  },
  ref: ([x], P) => R.reshape(x, P.shape),
  lt: ([x], P) => lt.reshape(x, P.shape),
  show: ([x], P) => `lt.reshape(${x}, ${fmt(P.shape)})`,
});

add({
  name: 'transpose', tol: 'transpose', grad: true,
  plan(vals, s) {
    const i = choose(vals, () => true, s.a);
    const r = rank(vals[i]);
    return { args: [i], P: { perm: s.p % 7 === 0 ? undefined : perm(r, s.p) } };
  },
  ref: ([x], P) => R.transpose(x, P.perm),
  lt: ([x], P) => lt.transpose(x, P.perm),
  show: ([x], P) => `lt.transpose(${x}${P.perm ? `, ${fmt(P.perm)}` : ''})`,
});

add({
  name: 'expandDims', tol: 'expandDims', grad: true,
  plan(vals, s) {
    const i = choose(vals, (v) => rank(v) < 4, s.a);
    if (i < 0) return null;
    const r = rank(vals[i]);
    return { args: [i], P: { axis: (s.p % (2 * r + 2)) - (r + 1) } };
  },
  ref: ([x], P) => R.expandDims(x, P.axis),
  lt: ([x], P) => lt.expandDims(x, P.axis),
  show: ([x], P) => `lt.expandDims(${x}, ${P.axis})`,
});

add({
  name: 'squeeze', tol: 'squeeze', grad: true,
  plan(vals, s) {
    const i = choose(vals, () => true, s.a);
    const ones = vals[i].ref.shape.map((d, a) => (d === 1 ? a : -1)).filter((a) => a >= 0);
    const pick = ones.filter((_, k) => (s.p >> k) & 1);
    return { args: [i], P: { axis: s.q % 3 === 0 ? undefined : pick } };
  },
  ref: ([x], P) => R.squeeze(x, P.axis),
  lt: ([x], P) => lt.squeeze(x, P.axis),
  show: ([x], P) => `lt.squeeze(${x}${P.axis ? `, ${fmt(P.axis)}` : ''})`,
});

add({
  name: 'slice', tol: 'slice', grad: true,
  plan(vals, s) {
    const i = choose(vals, (v) => rank(v) > 0, s.a);
    if (i < 0) return null;
    let k = s.p * 131 + s.q;
    const begin: number[] = [], size: number[] = [];
    for (const d of vals[i].ref.shape) {
      const b = k % (d + 1); k = Math.floor(k / (d + 1)) + 3;
      const n = (k % 4 === 0) ? -1 : k % (d - b + 1); k = Math.floor(k / 5) + 1;
      begin.push(b); size.push(n);
    }
    return { args: [i], P: { begin, size } };
  },
  ref: ([x], P) => R.slice(x, P.begin, P.size),
  lt: ([x], P) => lt.slice(x, P.begin, P.size),
  show: ([x], P) => `lt.slice(${x}, ${fmt(P.begin)}, ${fmt(P.size)})`,
});

add({
  name: 'stridedSlice', tol: 'stridedSlice', grad: true,
  plan(vals, s) {
    const i = choose(vals, (v) => rank(v) > 0, s.a);
    if (i < 0) return null;
    const shape = vals[i].ref.shape;
    let k = s.p * 977 + s.q * 13 + s.b;
    const n = 1 + (k % shape.length); k = Math.floor(k / shape.length);
    const begin: number[] = [], end: number[] = [], strides: number[] = [];
    let shrink = 0;
    for (let a = 0; a < n; a++) {
      const d = shape[a];
      const st = [1, 1, 2, -1, -2, 3][k % 6]; k = Math.floor(k / 6) + 5;
      begin.push((k % (2 * d + 3)) - d - 1); k = Math.floor(k / 3) + 2;
      end.push((k % (2 * d + 3)) - d - 1); k = Math.floor(k / 2) + 1;
      strides.push(st);
      // shrink only with stride 1 and an index inside the dim (tfjs 4.22 returns wrong data otherwise)
      if (st === 1 && d > 0 && (k % 5 === 0)) { shrink |= 1 << a; begin[a] = (k >> 3) % d; end[a] = begin[a] + 1; }
    }
    // positive strides with begin > end are skipped (tfjs throws; TF gives an empty slice)
    const b2 = begin.map((b, a) => {
      const d = shape[a];
      const norm = (v: number) => (v < 0 ? v + d : v);
      return strides[a] > 0 && norm(b) > norm(end[a]) && !(shrink & (1 << a)) ? end[a] : b;
    });
    return { args: [i], P: { begin: b2, end, strides, beginMask: s.c & ((1 << n) - 1) & ~shrink, endMask: (s.c >> 4) & ((1 << n) - 1) & ~shrink, shrink } };
  },
  ref: ([x], P) => R.stridedSlice(x, P.begin, P.end, P.strides, P.beginMask, P.endMask, 0, 0, P.shrink),
  lt: ([x], P) => lt.stridedSlice(x, P.begin, P.end, P.strides, P.beginMask, P.endMask, 0, 0, P.shrink),
  show: ([x], P) => `lt.stridedSlice(${x}, ${fmt(P.begin)}, ${fmt(P.end)}, ${fmt(P.strides)}, ${P.beginMask}, ${P.endMask}, 0, 0, ${P.shrink})`,
});

/** Operands of equal rank whose dims match off `axis` (concat). */
function concatPlan(vals: Val[], s: RawStep, mode: Mode, stack: boolean): Plan | null {
  const i = choose(vals, (v) => (stack || rank(v) > 0) && (mode === 'forward' || isFloat(v)), s.a);
  if (i < 0) return null;
  const A = vals[i].ref.shape;
  const r = A.length;
  const axis = stack ? (s.p % (2 * r + 2)) - (r + 1) : (s.p % (2 * r)) - r;
  const ax = axis < 0 ? axis + r : axis;
  const fits = (v: Val) => (mode === 'forward' || isFloat(v)) && v.ref.shape.length === r
    && v.ref.shape.every((d, k) => d === A[k] || (!stack && k === ax));
  const n = 2 + (s.q % 2);
  const args = [i];
  for (let k = 1; k < n; k++) args.push(choose(vals, fits, s.b + k * (s.c + 1)));
  const total = args.reduce((acc, j) => acc + sizeOf(vals[j].ref.shape), 0);
  return total > MAX_SIZE ? null : { args, P: { axis } };
}

add({
  name: 'concat', tol: 'concat', grad: true,
  plan: (vals, s, mode) => concatPlan(vals, s, mode, false),
  ref: (xs, P) => R.concat(xs.map((x) => castTo(x, common(xs))), P.axis),
  lt: (xs, P) => lt.concat(xs, P.axis),
  show: (xs, P) => `lt.concat([${xs.join(', ')}], ${P.axis})`,
});

add({
  name: 'stack', tol: 'stack', grad: true,
  plan: (vals, s, mode) => concatPlan(vals, s, mode, true),
  ref: (xs, P) => R.stack(xs.map((x) => castTo(x, common(xs))), P.axis),
  lt: (xs, P) => lt.stack(xs, P.axis),
  show: (xs, P) => `lt.stack([${xs.join(', ')}], ${P.axis})`,
});

add({
  name: 'unstack', tol: 'unstack', grad: true,
  plan(vals, s) {
    const i = choose(vals, (v) => rank(v) > 0 && v.ref.shape.every((d) => d > 0), s.a);
    if (i < 0) return null;
    const r = rank(vals[i]);
    const axis = (s.p % (2 * r)) - r;
    return { args: [i], P: { axis, part: s.q % vals[i].ref.shape[(axis + r) % r] } };
  },
  ref: ([x], P) => R.unstack(x, P.axis)[P.part],
  lt: ([x], P) => lt.unstack(x, P.axis)[P.part],
  show: ([x], P) => `lt.unstack(${x}, ${P.axis})[${P.part}]`,
});

add({
  name: 'split', tol: 'split', grad: true,
  plan(vals, s) {
    const i = choose(vals, (v) => rank(v) > 0 && v.ref.shape.some((d) => d > 1), s.a);
    if (i < 0) return null;
    const shape = vals[i].ref.shape;
    const r = shape.length;
    const axes = shape.map((d, a) => (d > 1 ? a : -1)).filter((a) => a >= 0);
    const axis = axes[s.p % axes.length];
    const d = shape[axis];
    let spec: number | number[];
    if (s.q % 2 === 0) {
      const divs = Array.from({ length: d }, (_, k) => k + 1).filter((k) => d % k === 0);
      spec = divs[(s.q >> 1) % divs.length];
    } else {
      const first = (s.q >> 1) % (d + 1);
      spec = s.c % 2 ? [first, -1] : [first, d - first];
    }
    const parts = typeof spec === 'number' ? spec : spec.length;
    return { args: [i], P: { spec, axis: s.b % 2 ? axis - r : axis, part: s.c % parts } };
  },
  ref: ([x], P) => R.split(x, P.spec, P.axis)[P.part],
  lt: ([x], P) => lt.split(x, P.spec, P.axis)[P.part],
  show: ([x], P) => `lt.split(${x}, ${JSON.stringify(P.spec)}, ${P.axis})[${P.part}]`,
});

add({
  name: 'tile', tol: 'tile', grad: true,
  plan(vals, s) {
    const i = choose(vals, (v) => rank(v) > 0, s.a);
    if (i < 0) return null;
    const reps = vals[i].ref.shape.map((_, a) => [1, 2, 1, 3, 0, 1][((s.p >> (2 * a)) + a) % 6]);
    return sizeOf(vals[i].ref.shape) * sizeOf(reps) > MAX_SIZE ? null : { args: [i], P: { reps } };
  },
  ref: ([x], P) => R.tile(x, P.reps),
  lt: ([x], P) => lt.tile(x, P.reps),
  show: ([x], P) => `lt.tile(${x}, ${fmt(P.reps)})`,
});

add({
  name: 'pad', tol: 'pad', grad: true,
  plan(vals, s) {
    const i = choose(vals, () => true, s.a);
    const paddings = vals[i].ref.shape.map((_, a) => [(s.p >> (3 * a)) % 3, (s.q >> (3 * a)) % 3] as [number, number]);
    const out = vals[i].ref.shape.map((d, a) => d + paddings[a][0] + paddings[a][1]);
    const value = [0, 1.5, -2, NaN, Infinity, 7][s.c % 6];
    return sizeOf(out) > MAX_SIZE ? null : { args: [i], P: { paddings, value } };
  },
  ref: ([x], P) => R.pad(x, P.paddings, P.value),
  lt: ([x], P) => lt.pad(x, P.paddings, P.value),
  show: ([x], P) => `lt.pad(${x}, ${JSON.stringify(P.paddings)}, ${P.value})`,
});

add({
  name: 'gather', tol: 'gather', grad: true, diffArgs: [0],
  plan(vals, s) {
    const i = choose(vals, (v) => rank(v) > 0 && v.ref.shape.some((d) => d > 0), s.a);
    if (i < 0) return null;
    const shape = vals[i].ref.shape;
    const r = shape.length;
    const axes = shape.map((d, a) => (d > 0 ? a : -1)).filter((a) => a >= 0);
    const axis = axes[s.p % axes.length];
    const ishape = [[], [2], [3], [2, 2], [1], [0]][s.q % 6];
    const n = sizeOf(ishape);
    const rng = new R.Rng(s.q * 31 + s.c);
    const indices = R.fromValues(Array.from({ length: n }, () => rng.int(0, shape[axis] - 1)), ishape, 'int32');
    const outSize = (sizeOf(shape) / shape[axis]) * n;
    return outSize > MAX_SIZE ? null : { args: [i], P: { indices, axis: s.b % 2 ? axis - r : axis } };
  },
  ref: ([x], P) => R.gather(x, P.indices, P.axis),
  lt: ([x], P) => lt.gather(x, toLt(P.indices), P.axis),
  show: ([x], P) => `lt.gather(${x}, int32 ${fmt(P.indices.shape)} ${JSON.stringify(Array.from(P.indices.data))}, ${P.axis})`,
});

add({
  name: 'reverse', tol: 'reverse', grad: true,
  plan(vals, s) {
    const i = choose(vals, () => true, s.a);
    const r = rank(vals[i]);
    return { args: [i], P: { axis: s.q % 4 === 0 ? undefined : axesFrom(r, s.p).map((a, k) => (k % 2 ? a - r : a)) } };
  },
  ref: ([x], P) => R.reverse(x, P.axis),
  lt: ([x], P) => lt.reverse(x, P.axis),
  show: ([x], P) => `lt.reverse(${x}${P.axis ? `, ${fmt(P.axis)}` : ''})`,
});

add({
  name: 'broadcastTo', tol: 'broadcastTo', grad: true,
  plan(vals, s) {
    const i = choose(vals, (v) => rank(v) < 4, s.a);
    if (i < 0) return null;
    const shape = vals[i].ref.shape.map((d, a) => (d === 1 ? [1, 2, 3][(s.p >> (2 * a)) % 3] : d));
    const target = s.q % 2 ? [1 + (s.q >> 1) % 3, ...shape] : shape;
    return sizeOf(target) > MAX_SIZE ? null : { args: [i], P: { shape: target } };
  },
  ref: ([x], P) => R.broadcastTo(x, P.shape),
  lt: ([x], P) => lt.broadcastTo(x, P.shape),
  show: ([x], P) => `lt.broadcastTo(${x}, ${fmt(P.shape)})`,
});

add({
  name: 'oneHot', tol: 'oneHot', grad: false, diffArgs: [],
  plan(vals, s) {
    const i = choose(vals, (v) => v.ref.dtype === 'int32' && rank(v) < 3, s.a);
    if (i < 0) return null;
    const depth = 1 + (s.p % 4);
    return sizeOf(vals[i].ref.shape) * depth > MAX_SIZE ? null
      : { args: [i], P: { depth, on: [1, 5, -1.5][s.q % 3], off: [0, -1, 0.25][(s.q >> 2) % 3], dtype: (['int32', 'float32'] as const)[s.c % 2] } };
  },
  ref: ([x], P) => R.oneHot(x, P.depth, P.on, P.off, P.dtype),
  lt: ([x], P) => lt.oneHot(x, P.depth, P.on, P.off, P.dtype),
  show: ([x], P) => `lt.oneHot(${x}, ${P.depth}, ${P.on}, ${P.off}, '${P.dtype}')`,
});

add({
  name: 'matMul', tol: 'matMul', grad: true,
  plan(vals, s, mode) {
    const i = choose(vals, (v) => rank(v) >= 2 && rank(v) <= 4 && notBool(v) && smallInt(v) && (mode === 'forward' || isFloat(v)), s.a);
    if (i < 0) return null;
    const A = vals[i].ref.shape;
    const ta = (s.p & 1) === 1, tb = (s.p & 2) === 2;
    const k = ta ? A[A.length - 2] : A[A.length - 1];
    const m = ta ? A[A.length - 1] : A[A.length - 2];
    const fits = (v: Val) => {
      const B = v.ref.shape;
      if (B.length < 2 || B.length > 4 || !notBool(v) || !smallInt(v) || (mode === 'grad' && !isFloat(v))) return false;
      const k2 = tb ? B[B.length - 1] : B[B.length - 2];
      const n = tb ? B[B.length - 2] : B[B.length - 1];
      return k2 === k && broadcastable(A.slice(0, -2), B.slice(0, -2)) && sizeOf(broadcastShape(A.slice(0, -2), B.slice(0, -2))) * m * n <= MAX_SIZE;
    };
    const j = choose(vals, fits, s.b);
    return j < 0 ? null : { args: [i, j], P: { ta, tb } };
  },
  ref: ([a, b], P) => R.matMul(a, b, P.ta, P.tb),
  lt: ([a, b], P) => lt.matMul(a, b, P.ta, P.tb),
  show: ([a, b], P) => `lt.matMul(${a}, ${b}, ${P.ta}, ${P.tb})`,
  accum: ([a, b], P) => accumOf(maxAbs(a) * maxAbs(b), P.ta ? a.shape[a.shape.length - 2] : a.shape[a.shape.length - 1]),
});

add({
  name: 'dot', tol: 'dot', grad: true,
  plan(vals, s, mode) {
    const i = choose(vals, (v) => (rank(v) === 1 || rank(v) === 2) && notBool(v) && smallInt(v) && (mode === 'forward' || isFloat(v)), s.a);
    if (i < 0) return null;
    const A = vals[i].ref.shape;
    const k = A[A.length - 1];
    const j = choose(vals, (v) => (rank(v) === 1 || rank(v) === 2) && notBool(v) && smallInt(v) && v.ref.shape[0] === k && (mode === 'forward' || isFloat(v)), s.b);
    return j < 0 ? null : { args: [i, j] };
  },
  ref: ([a, b]) => R.dot(a, b),
  lt: ([a, b]) => lt.dot(a, b),
  show: ([a, b]) => `lt.dot(${a}, ${b})`,
  accum: ([a, b]) => accumOf(maxAbs(a) * maxAbs(b), a.shape[a.shape.length - 1]),
});

// ------------------------------------------------ creation (leaves inside programs)
add({
  name: 'zerosLike', tol: 'cast', grad: false, diffArgs: [],
  plan: (vals, s) => ({ args: [choose(vals, () => true, s.a)], P: { one: (s.p & 1) === 1 } }),
  ref: ([x], P) => R.fromValues(new Array(sizeOf(x.shape)).fill(P.one ? 1 : 0), x.shape, x.dtype),
  lt: ([x], P) => (P.one ? lt.onesLike(x) : lt.zerosLike(x)),
  show: ([x], P) => `lt.${P.one ? 'onesLike' : 'zerosLike'}(${x})`,
});

add({
  name: 'fill', tol: 'cast', grad: false, diffArgs: [],
  plan: (vals, s) => ({ args: [], P: { shape: vals[choose(vals, () => true, s.a)].ref.shape, value: [2.5, -1, NaN, Infinity, 0, 1e-40][s.p % 6] } }),
  ref: (_, P) => R.fromValues(new Array(sizeOf(P.shape)).fill(P.value), P.shape, 'float32'),
  lt: (_, P) => lt.fill(P.shape, P.value),
  show: (_, P) => `lt.fill(${fmt(P.shape)}, ${P.value})`,
});

add({
  name: 'range', tol: 'range', grad: false, diffArgs: [],
  plan: (_, s) => {
    const start = (s.p % 13) - 6, stop = (s.q % 13) - 6, step = [1, 2, -1, 0.5, -1.5, 3][s.c % 6];
    const dtype = (['float32', 'int32'] as const)[s.b % 2];
    if (dtype === 'int32' && !Number.isInteger(step)) return null;
    return { args: [], P: { start, stop, step, dtype } };
  },
  ref: (_, P) => R.range(P.start, P.stop, P.step, P.dtype),
  lt: (_, P) => lt.range(P.start, P.stop, P.step, P.dtype),
  show: (_, P) => `lt.range(${P.start}, ${P.stop}, ${P.step}, '${P.dtype}')`,
});

add({
  name: 'linspace', tol: 'linspace', grad: false, diffArgs: [],
  plan: (_, s) => ({ args: [], P: { start: (s.p % 9) - 4, stop: (s.q % 9) - 4 + 0.5, num: 1 + (s.c % 7) } }),
  ref: (_, P) => R.linspace(P.start, P.stop, P.num),
  lt: (_, P) => lt.linspace(P.start, P.stop, P.num),
  show: (_, P) => `lt.linspace(${P.start}, ${P.stop}, ${P.num})`,
});

add({
  name: 'eye', tol: 'eye', grad: false, diffArgs: [],
  plan: (_, s) => ({ args: [], P: { rows: s.p % 4, cols: s.q % 5, batch: s.c % 3 ? [] : [2], dtype: (['float32', 'int32', 'bool'] as const)[s.b % 3] } }),
  ref: (_, P) => R.eye(P.rows, P.cols, P.batch, P.dtype),
  lt: (_, P) => lt.eye(P.rows, P.cols, P.batch, P.dtype),
  show: (_, P) => `lt.eye(${P.rows}, ${P.cols}, ${fmt(P.batch)}, '${P.dtype}')`,
});

add({
  // the engine's seeded generator is mulberry32, like the reference's Rng: same seed, same values
  name: 'randomUniform', tol: 'cast', grad: false, diffArgs: [],
  plan: (vals, s) => ({ args: [], P: { shape: vals[choose(vals, () => true, s.a)].ref.shape, lo: (s.p % 5) - 3, hi: (s.p % 5) - 3 + 1 + (s.q % 4), seed: s.c * 7919 + s.b } }),
  ref: (_, P) => {
    const rng = new R.Rng(P.seed);
    return R.fromValues(Array.from({ length: sizeOf(P.shape) }, () => P.lo + (P.hi - P.lo) * rng.next()), P.shape, 'float32');
  },
  lt: (_, P) => lt.randomUniform(P.shape, P.lo, P.hi, 'float32', P.seed),
  show: (_, P) => `lt.randomUniform(${fmt(P.shape)}, ${P.lo}, ${P.hi}, 'float32', ${P.seed})`,
});

export const OP_TABLE: readonly OpDef[] = OPS;
/** The first-wave ops the programs exercise (names, for coverage checks). */
export const OP_NAMES = OPS.map((o) => o.name);

// ---------------------------------------------------------------- building
function makeInput(raw: RawInput, k: number, seed: number, mode: Mode): { ref: R.Ref; form: InputForm } {
  const r = raw.rank % 4;
  const shape = raw.dims.slice(0, r).map((d) => [1, 2, 3, 4, 1, 2, 3, 2, 0][d % 9]);
  const dtype: R.DType = mode === 'grad' ? 'float32' : (['float32', 'float32', 'float32', 'float32', 'float32', 'int32', 'int32', 'bool'] as const)[raw.dtype % 8];
  const rng = new R.Rng((seed * 7 + k * 1013) >>> 0);
  const v = raw.values % 6;
  const opts: R.RandOpts = mode === 'grad' ? { lo: -2, hi: 2 }
    : dtype === 'int32' && v === 0 ? { lo: -(2 ** 31), hi: 2 ** 31 - 1 }   // wraps around
    : dtype !== 'float32' ? {}
    : v === 0 ? { specials: [NaN, Infinity, -Infinity, 0, -0], specialRate: 0.15 }
    : v === 1 ? { step: 4 }                         // quarters: ties, exact integers, half-integers
    : v === 2 ? { lo: -100, hi: 100 }
    : v === 3 ? { lo: -1e-3, hi: 1e-3 }
    : v === 4 ? { lo: -1e35, hi: 1e35 }              // overflows to Infinity in a few ops
    : {};
  const ref = R.randRef(rng, shape, dtype, opts);
  // nested arrays cannot spell a size-0 shape with dims after the 0 ([[]] is [1, 0])
  const form = sizeOf(shape) === 0 && raw.form % 4 === 2 ? 'typed' : (['typed', 'typed', 'nested', 'flat'] as const)[raw.form % 4];
  return { ref, form };
}

/** Builds a valid program from a recipe; null when it is not usable for the mode (a gradient
 *  program with no differentiable path, values too large, or too near a kink). */
export function build(recipe: Recipe, mode: Mode): Program | null {
  const inputs = recipe.inputs.map((raw, k) => makeInput(raw, k, recipe.seed, mode));
  const vals: Val[] = inputs.map((x, k) => ({ ref: x.ref, deps: new Set(x.ref.dtype === 'float32' ? [k] : []) }));
  const steps: Step[] = [];
  const ops = mode === 'grad' ? OPS.filter((o) => o.grad) : OPS;
  for (const s of recipe.steps) {
    const op = ops[s.op % ops.length];
    const plan = op.plan(vals, s, mode);
    if (!plan || plan.args.some((a) => a < 0)) continue;
    const xs = plan.args.map((a) => vals[a].ref);
    let out: R.Ref;
    try {
      out = op.ref(xs, plan.P);
    } catch {
      continue;   // a combination the reference does not define (documented tfjs gaps)
    }
    if (sizeOf(out.shape) > MAX_SIZE) continue;
    // the reference computes int32 operands exactly in float64; the engine (as tfjs) first casts
    // them to float32 wherever the op computes in float32: only the same below 2^24
    const bigInt = xs.some((x) => x.dtype === 'int32' && maxAbs(x) > 2 ** 24);
    if (bigInt && op.name !== 'cast' && (out.dtype === 'float32' || xs.some((x) => x.dtype === 'float32') || op.name === 'square' || op.name === 'scalar operand')) continue;
    if (mode === 'grad') {
      if (op.margin && op.margin(xs, plan.P) < MARGIN) continue;
      if (out.dtype === 'float32' && !out.data.every((v) => Number.isFinite(v) && Math.abs(v) < GRAD_MAX)) continue;
    }
    const diff = op.diffArgs ?? plan.args.map((_, i) => i);
    const deps = new Set<number>();
    if (out.dtype === 'float32') for (const i of diff) for (const d of vals[plan.args[i]].deps) deps.add(d);
    vals.push({ ref: out, deps });
    steps.push({ op, args: plan.args, P: plan.P, barrier: mode === 'forward' && s.b % 11 === 10 });
  }
  if (steps.length === 0) return null;
  if (mode === 'grad') {
    const last = vals[vals.length - 1];
    if (last.ref.dtype !== 'float32' || last.deps.size === 0) return null;
  }
  return { inputs: inputs.map((x) => x.ref), forms: inputs.map((x) => x.form), steps, vals };
}

/** Whether two programs differ only in their input values (the same graph: a cache hit). */
export function sameStructure(p: Program, q: Program): boolean {
  return p.steps.length === q.steps.length && p.inputs.every((x, k) => R.sizeOf(x.shape) === R.sizeOf(q.inputs[k].shape) && x.dtype === q.inputs[k].dtype)
    && p.steps.every((s, k) => s.op === q.steps[k].op && s.barrier === q.steps[k].barrier && JSON.stringify(s.args) === JSON.stringify(q.steps[k].args)
      && JSON.stringify(s.P, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)) === JSON.stringify(q.steps[k].P, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
}

/** The program as code (the reproducer fast-check prints). */
export function show(p: Program): string {
  const lines = p.inputs.map((x, k) => `const x${k} = lt.tensor(${JSON.stringify(Array.from(x.data, (v) => (Number.isFinite(v) ? v : String(v))))}, ${fmt(x.shape)}, '${x.dtype}');`);
  const name = (i: number) => (i < p.inputs.length ? `x${i}` : `v${i}`);
  p.steps.forEach((s, k) => lines.push(`const v${p.inputs.length + k} = ${s.op.show(s.args.map(name), s.P)};${s.barrier ? ' lt.markStep();' : ''}`));
  return lines.join('\n');
}

// ---------------------------------------------------------------- running
/** Runs the program through the public API: every value, inputs first. */
export function evalLt(p: Program, inputs: lt.Tensor[]): lt.Tensor[] {
  const out = [...inputs];
  for (const s of p.steps) {
    out.push(s.op.lt(s.args.map((a) => out[a]), s.P));
    if (s.barrier) lt.markStep();
  }
  return out;
}

export interface Observed { shape: number[]; dtype: string; data: ArrayLike<number> }

/** Compares an engine value with a reference value; a message when they differ. */
export function compare(got: Observed, want: R.Ref, tol: Tol): string | null {
  if (JSON.stringify(got.shape) !== JSON.stringify(want.shape)) return `shape ${fmt(got.shape)}, want ${fmt(want.shape)}`;
  if (got.dtype !== want.dtype) return `dtype ${got.dtype}, want ${want.dtype}`;
  const bad: string[] = [];
  let n = 0;
  for (let i = 0; i < want.data.length; i++) {
    if (closeEnough(got.data[i], want.data[i], want.dtype, tol)) continue;
    n++;
    if (bad.length < 6) bad.push(`[${i}] got ${got.data[i]} want ${want.data[i]}`);
  }
  return n ? `${n} of ${want.data.length} elements differ (atol ${tol.atol}, rtol ${tol.rtol}): ${bad.join(', ')}` : null;
}

export interface ForwardResult { mismatch: string | null; checked: number; skipped: number }

/** Runs the program once as one graph with every value as a root, and once with only the
 *  result as the root; checks every op against the reference on the engine's own inputs, and
 *  that the result does not depend on which values were materialized (exactly, unless
 *  `aloneTol` allows for an accelerator that fuses the two graphs differently). With
 *  `flushesSubnormals` (XLA on CPU: denormals-are-zero, flush-to-zero), a step whose inputs
 *  hold a subnormal may instead match the reference on those inputs flushed to zero. */
/** A float32 subnormal (XLA's CPU backend reads and writes them as zero). */
const subnormal = (v: number) => v !== 0 && Math.abs(v) < 1.1754943508222875e-38;

/** A copy of a float32 Ref with its subnormals flushed to zero (of the same sign). */
function flushRef(x: R.Ref): R.Ref {
  return x.dtype !== 'float32' ? x : { ...x, data: x.data.map((v) => (subnormal(Math.fround(v)) ? (v < 0 ? -0 : 0) : v)) };
}

export function checkForward(p: Program, passes?: string[], aloneTol: Tol = { atol: 0, rtol: 0 }, flushesSubnormals = false): ForwardResult {
  const before = lt.memory();
  const all = lt.tidy(() => evalLt(p, p.inputs.map((x, k) => toLt(x, p.forms[k]))));
  lt.sync(...all);
  const got: Observed[] = all.map((t) => ({ shape: t.shape, dtype: t.dtype, data: t.dataSync() }));
  lt.dispose(all);
  // the result alone, optionally compiled under other optimization passes
  const env = lt.env() as unknown as { get(n: string): unknown; set(n: string, v: unknown): void };
  const saved = env.get('PASSES');
  if (passes) env.set('PASSES', passes);
  let last: Observed;
  try {
    const alone = lt.tidy(() => {
      const vs = evalLt(p, p.inputs.map((x, k) => toLt(x, p.forms[k])));
      return vs[vs.length - 1];
    });
    last = { shape: alone.shape, dtype: alone.dtype, data: alone.dataSync() };
    alone.dispose();
  } finally {
    if (passes) env.set('PASSES', saved);
  }
  const after = lt.memory();
  if (JSON.stringify(after) !== JSON.stringify(before)) {
    return { mismatch: `lt.memory() ${JSON.stringify(before)} before, ${JSON.stringify(after)} after`, checked: 0, skipped: 0 };
  }

  const n0 = p.inputs.length;
  let checked = 0, skipped = 0;
  for (let k = 0; k < p.steps.length; k++) {
    const s = p.steps[k];
    const xs = s.args.map((a) => R.fromValues(got[a].data as ArrayLike<number>, got[a].shape, got[a].dtype as R.DType));
    const want = s.op.ref(xs, s.P);
    let tol = tolFor(s.op.tolOf ? s.op.tolOf(s.P) : s.op.tol);
    if (s.op.accum) {
      const { scale, unsafe } = s.op.accum(xs, s.P);
      if (unsafe) { skipped++; continue; }
      tol = { atol: tol.atol * scale, rtol: tol.rtol };
    }
    checked++;
    let m = compare(got[n0 + k], want, tol);
    if (m && flushesSubnormals && xs.some((x) => x.dtype === 'float32' && x.data.some(subnormal))) {
      if (!compare(got[n0 + k], flushRef(s.op.ref(xs.map(flushRef), s.P)), tol)) m = null;
    }
    if (m) return { mismatch: `v${n0 + k} = ${s.op.show(s.args.map((a) => (a < n0 ? `x${a}` : `v${a}`)), s.P)}: ${m}\n  on the engine's inputs ${s.args.map((a) => `${a < n0 ? 'x' : 'v'}${a} = ${JSON.stringify(Array.from(got[a].data))}`).join(', ')}`, checked, skipped };
  }
  // the result alone: the same values, whatever else was materialized with it
  const m = compare(last, R.fromValues(got[got.length - 1].data as ArrayLike<number>, got[got.length - 1].shape, got[got.length - 1].dtype as R.DType), aloneTol);
  if (m) return { mismatch: `the result synced alone${passes ? ` (passes ${JSON.stringify(passes)})` : ''} differs from the result synced with every intermediate: ${m}`, checked, skipped };
  return { mismatch: null, checked, skipped };
}

/** The reference program on float64 inputs (no rounding of the inputs to float32). */
function refProgram(p: Program, xs: R.Ref[]): R.Ref {
  const vals = [...xs];
  for (const s of p.steps) vals.push(s.op.ref(s.args.map((a) => vals[a]), s.P));
  return vals[vals.length - 1];
}

/** lt.grads of sum(program * w) against central differences of the reference program. */
export function checkGradients(p: Program, seed: number): string | null {
  const last = p.vals[p.vals.length - 1];
  const sources = [...last.deps].sort((a, b) => a - b);
  const rng = new R.Rng(seed);
  const w = R.randRef(rng, last.ref.shape, 'float32', { lo: -1, hi: 1 });
  const objective = (xs: R.Ref[]) => {
    const y = refProgram(p, xs);
    let s = 0;
    for (let i = 0; i < y.data.length; i++) s += y.data[i] * w.data[i];
    return s;
  };
  // central differences, one source element at a time, with one Richardson step (error
  // O(h^4)); the change it made estimates the error left, which widens the tolerance there
  const fdErr = sources.map((k) => new Float64Array(p.inputs[k].data.length));
  const fd = sources.map((k, si) => {
    const x = p.inputs[k];
    const g = new Float64Array(x.data.length);
    for (let j = 0; j < x.data.length; j++) {
      const h = 1e-3 * Math.max(1, Math.abs(x.data[j]));
      const at = (v: number) => {
        const data = Float64Array.from(x.data);
        data[j] = v;
        const xs = p.inputs.slice();
        xs[k] = { shape: x.shape, dtype: 'float32', data };
        return objective(xs);
      };
      const d = (step: number) => (at(x.data[j] + step) - at(x.data[j] - step)) / (2 * step);
      const d1 = d(h), d2 = d(h / 2);
      g[j] = (4 * d2 - d1) / 3;
      fdErr[si][j] = Math.abs(g[j] - d2);
    }
    return g;
  });

  const before = lt.memory();
  const got = lt.tidy(() => {
    const xs = p.inputs.map((x, k) => toLt(x, p.forms[k]));
    const f = (...ss: lt.Tensor[]) => {
      const args = xs.slice();
      sources.forEach((k, i) => { args[k] = ss[i]; });
      const vs = evalLt(p, args);
      return vs[vs.length - 1];
    };
    return lt.grads(f)(sources.map((k) => xs[k]), toLt(w)).map((g) => ({ shape: g.shape, dtype: g.dtype, data: Array.from(g.dataSync()) }));
  });
  const after = lt.memory();
  if (JSON.stringify(after) !== JSON.stringify(before)) return `lt.memory() ${JSON.stringify(before)} before, ${JSON.stringify(after)} after lt.grads`;
  for (let i = 0; i < sources.length; i++) {
    const x = p.inputs[sources[i]];
    const g = got[i];
    if (JSON.stringify(g.shape) !== JSON.stringify(x.shape) || g.dtype !== 'float32') return `gradient of x${sources[i]}: shape ${fmt(g.shape)} ${g.dtype}, want ${fmt(x.shape)} float32`;
    // the tolerances of test/autodiff/fd.ts: rtol 2e-3, atol 2e-4 of the largest gradient
    const scale = Math.max(1, ...Array.from(fd[i], Math.abs));
    const bad: string[] = [];
    for (let j = 0; j < fd[i].length; j++) {
      if (!(Math.abs(g.data[j] - fd[i][j]) <= 2e-4 * scale + 2e-3 * Math.abs(fd[i][j]) + fdErr[i][j])) bad.push(`[${j}] got ${g.data[j]} want ${fd[i][j]} (±${fdErr[i][j].toPrecision(2)})`);
    }
    if (bad.length) return `gradient of x${sources[i]} (shape ${fmt(x.shape)}) differs in ${bad.length} of ${fd[i].length}: ${bad.slice(0, 6).join(', ')}\n  cotangent w = ${JSON.stringify(Array.from(w.data))}`;
  }
  return null;
}
