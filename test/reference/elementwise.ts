// Elementwise ops of the reference: unary, binary with broadcasting, where, cast. Values are
// computed in float64 from the stored input values; dtype rules follow tfjs (see README.md).

import {
  type DType,
  type Ref,
  type RefLike,
  broadcastIndexMap,
  broadcastShapes,
  castRef,
  refOf,
  result,
  sizeOf,
  upcast,
} from './core';

// ---------------------------------------------------------------- scalar math helpers

const SELU_SCALE = 1.0507009873554804934193349852946;
const SELU_ALPHA = 1.6732632423543772848170429916717;

/** erf in float64 (|error| < 1e-13): Maclaurin series for |x| < 3, continued fraction beyond. */
export function erf64(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === 0) return x;
  const ax = Math.abs(x);
  if (ax < 3) {
    // erf(x) = 2/sqrt(pi) * sum_n (-1)^n x^(2n+1) / (n! (2n+1))
    let term = ax;
    let sum = ax;
    const x2 = ax * ax;
    for (let n = 1; n < 200; n++) {
      term *= -x2 / n;
      const t = term / (2 * n + 1);
      sum += t;
      if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
    }
    const r = (2 / Math.sqrt(Math.PI)) * sum;
    return x < 0 ? -r : r;
  }
  if (!Number.isFinite(ax)) return x > 0 ? 1 : -1;
  // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), evaluated backwards.
  let f = ax;
  for (let k = 60; k >= 1; k--) f = ax + k / 2 / f;
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  return x < 0 ? erfc - 1 : 1 - erfc;
}

/** Round half to even (banker's rounding), as tfjs's round. */
export function roundHalfEven(x: number): number {
  if (!Number.isFinite(x)) return x;
  const f = Math.floor(x);
  const d = x - f;
  if (d < 0.5) return f;
  if (d > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

/** tfjs's mod: the remainder takes the sign of the divisor. */
export function modTf(a: number, b: number): number {
  const rem = a % b;
  if ((a < 0 && b < 0) || (a >= 0 && b >= 0)) return rem;
  return (rem + b) % b;
}

function softplus64(x: number): number {
  if (Number.isNaN(x)) return NaN;
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

function sigmoid64(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

// ---------------------------------------------------------------- unary

/** How a unary op's output dtype follows from its input dtype.
 *  - 'same'  : float32 -> float32, int32 -> int32 (tfjs keeps int32 for these); bool unsupported.
 *  - 'float' : always float32; int32/bool inputs are promoted. tfjs itself is inconsistent here
 *              (exp/erf give float32, log/sqrt/sin... throw on int32, tfjs-cpu truncates
 *              expm1/sinh/... into int32); the op tests only use int32 where tfjs is consistent.
 *  - 'pred'  : bool output, any numeric input.
 *  - 'bool'  : bool -> bool. */
type UnaryRule = 'same' | 'float' | 'pred' | 'bool';

export interface UnaryDef {
  rule: UnaryRule;
  f: (x: number) => number;
}

export const UNARY = {
  neg: { rule: 'same', f: (x) => -x },
  abs: { rule: 'same', f: (x) => Math.abs(x) },
  exp: { rule: 'float', f: (x) => Math.exp(x) },
  expm1: { rule: 'float', f: (x) => Math.expm1(x) },
  log: { rule: 'float', f: (x) => Math.log(x) },
  log1p: { rule: 'float', f: (x) => Math.log1p(x) },
  sqrt: { rule: 'float', f: (x) => Math.sqrt(x) },
  rsqrt: { rule: 'float', f: (x) => 1 / Math.sqrt(x) },
  square: { rule: 'same', f: (x) => x * x },
  reciprocal: { rule: 'float', f: (x) => 1 / x },
  sin: { rule: 'float', f: (x) => Math.sin(x) },
  cos: { rule: 'float', f: (x) => Math.cos(x) },
  tan: { rule: 'float', f: (x) => Math.tan(x) },
  asin: { rule: 'float', f: (x) => Math.asin(x) },
  acos: { rule: 'float', f: (x) => Math.acos(x) },
  atan: { rule: 'float', f: (x) => Math.atan(x) },
  sinh: { rule: 'float', f: (x) => Math.sinh(x) },
  cosh: { rule: 'float', f: (x) => Math.cosh(x) },
  tanh: { rule: 'float', f: (x) => Math.tanh(x) },
  sigmoid: { rule: 'float', f: sigmoid64 },
  softplus: { rule: 'float', f: softplus64 },
  // NaN stays NaN: `x < 0` is false for NaN (tfjs: relu(NaN) = NaN).
  relu: { rule: 'same', f: (x) => (x < 0 ? 0 : x) },
  relu6: { rule: 'same', f: (x) => (x < 0 ? 0 : x > 6 ? 6 : x) },
  elu: { rule: 'float', f: (x) => (x > 0 ? x : Math.expm1(x)) },
  selu: { rule: 'float', f: (x) => (x > 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * Math.expm1(x)) },
  // tfjs: sign(NaN) = 0.
  sign: { rule: 'same', f: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0) },
  floor: { rule: 'float', f: (x) => Math.floor(x) },
  ceil: { rule: 'float', f: (x) => Math.ceil(x) },
  round: { rule: 'same', f: roundHalfEven },
  erf: { rule: 'float', f: erf64 },
  isNaN: { rule: 'pred', f: (x) => (Number.isNaN(x) ? 1 : 0) },
  isFinite: { rule: 'pred', f: (x) => (Number.isFinite(x) ? 1 : 0) },
  logicalNot: { rule: 'bool', f: (x) => (x !== 0 ? 0 : 1) },
} satisfies Record<string, UnaryDef>;

export type UnaryName = keyof typeof UNARY;
export const UNARY_NAMES = Object.keys(UNARY) as UnaryName[];

export function unaryOutDtype(name: UnaryName, dtype: DType): DType {
  const rule = (UNARY[name] as UnaryDef).rule;
  switch (rule) {
    case 'same':
      if (dtype === 'bool') throw new Error(`ref: ${name} of bool is not defined`);
      return dtype;
    case 'float':
      return 'float32';
    case 'pred':
      return 'bool';
    case 'bool':
      if (dtype !== 'bool') throw new Error(`ref: ${name} needs bool`);
      return 'bool';
  }
}

export function mapRef(x: Ref, dtype: DType, f: (v: number) => number): Ref {
  const out = new Float64Array(x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = f(x.data[i]);
  return result(x.shape, dtype, out);
}

export function unary(name: UnaryName, x: RefLike): Ref {
  const r = refOf(x, name === 'logicalNot' ? 'bool' : undefined);
  return mapRef(r, unaryOutDtype(name, r.dtype), (UNARY[name] as UnaryDef).f);
}

/** tfjs leakyRelu(x, alpha = 0.2): always float32 (alpha is a float32 scalar and tfjs upcasts). */
export function leakyRelu(x: RefLike, alpha = 0.2): Ref {
  const a = Math.fround(alpha);
  return mapRef(refOf(x), 'float32', (v) => (v < 0 ? a * v : v));
}

/** tfjs clipByValue: keeps the dtype (int32 results are truncated); NaN stays NaN (tfjs-cpu). */
export function clipByValue(x: RefLike, min: number, max: number): Ref {
  const r = refOf(x);
  if (r.dtype === 'bool') throw new Error('ref: clipByValue of bool is not defined');
  const lo = r.dtype === 'float32' ? Math.fround(min) : min;
  const hi = r.dtype === 'float32' ? Math.fround(max) : max;
  return mapRef(r, r.dtype, (v) => (v < lo ? lo : v > hi ? hi : v));
}

/** tfjs cast: to int32 truncates toward zero (NaN -> 0, out of range wraps); to bool is x != 0. */
export function cast(x: RefLike, dtype: DType): Ref {
  return castRef(refOf(x), dtype);
}

// ---------------------------------------------------------------- binary

/** Output dtype rules of binary ops (inputs are first upcast to a common dtype, as tfjs's
 *  makeTypesMatch does):
 *  - 'arith'   : the common dtype; bool op bool is not defined.
 *  - 'div'     : the common dtype; int32 / int32 is floorDiv.
 *  - 'floordiv': always int32 (tfjs-cpu and tfjs-webgl return int32 even for float32 inputs).
 *  - 'float'   : float32 (atan2).
 *  - 'cmp'     : bool.
 *  - 'logic'   : bool inputs, bool output. */
type BinaryRule = 'arith' | 'div' | 'floordiv' | 'float' | 'cmp' | 'logic';

export interface BinaryDef {
  rule: BinaryRule;
  f: (a: number, b: number) => number;
  /** Exact int32 kernel where float64 would lose bits (mul). */
  i?: (a: number, b: number) => number;
}

export const BINARY = {
  add: { rule: 'arith', f: (a, b) => a + b },
  sub: { rule: 'arith', f: (a, b) => a - b },
  mul: { rule: 'arith', f: (a, b) => a * b, i: (a, b) => Math.imul(a, b) },
  div: { rule: 'div', f: (a, b) => a / b, i: (a, b) => Math.floor(a / b) },
  floorDiv: { rule: 'floordiv', f: (a, b) => Math.floor(a / b) },
  mod: { rule: 'arith', f: modTf },
  pow: { rule: 'arith', f: (a, b) => Math.pow(a, b) },
  maximum: { rule: 'arith', f: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)) },
  minimum: { rule: 'arith', f: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b)) },
  squaredDifference: { rule: 'arith', f: (a, b) => (a - b) * (a - b) },
  atan2: { rule: 'float', f: (a, b) => Math.atan2(a, b) },
  equal: { rule: 'cmp', f: (a, b) => (a === b ? 1 : 0) },
  notEqual: { rule: 'cmp', f: (a, b) => (a !== b ? 1 : 0) },
  less: { rule: 'cmp', f: (a, b) => (a < b ? 1 : 0) },
  lessEqual: { rule: 'cmp', f: (a, b) => (a <= b ? 1 : 0) },
  greater: { rule: 'cmp', f: (a, b) => (a > b ? 1 : 0) },
  greaterEqual: { rule: 'cmp', f: (a, b) => (a >= b ? 1 : 0) },
  logicalAnd: { rule: 'logic', f: (a, b) => (a !== 0 && b !== 0 ? 1 : 0) },
  logicalOr: { rule: 'logic', f: (a, b) => (a !== 0 || b !== 0 ? 1 : 0) },
} satisfies Record<string, BinaryDef>;

export type BinaryName = keyof typeof BINARY;
export const BINARY_NAMES = Object.keys(BINARY) as BinaryName[];

export function binaryOutDtype(name: BinaryName, a: DType, b: DType): DType {
  const common = upcast(a, b);
  switch ((BINARY[name] as BinaryDef).rule) {
    case 'arith':
    case 'div':
      if (common === 'bool') throw new Error(`ref: ${name} of bool and bool is not defined`);
      return common;
    case 'floordiv':
      return 'int32';
    case 'float':
      return 'float32';
    case 'cmp':
      return 'bool';
    case 'logic':
      if (a !== 'bool' || b !== 'bool') throw new Error(`ref: ${name} needs bool`);
      return 'bool';
  }
}

/** Applies f over the broadcast of all inputs. */
export function broadcastMap(inputs: Ref[], dtype: DType, f: (...v: number[]) => number): Ref {
  const shape = broadcastShapes(...inputs.map((r) => r.shape));
  const maps = inputs.map((r) => broadcastIndexMap(r.shape, shape));
  const n = sizeOf(shape);
  const out = new Float64Array(n);
  const args = new Array<number>(inputs.length);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < inputs.length; k++) args[k] = inputs[k].data[maps[k][i]];
    out[i] = f(...args);
  }
  return result(shape, dtype, out);
}

export function binary(name: BinaryName, a: RefLike, b: RefLike): Ref {
  const def = BINARY[name] as BinaryDef;
  const parse = def.rule === 'logic' ? 'bool' : undefined;
  const ra = refOf(a, parse);
  const rb = refOf(b, parse);
  const dtype = binaryOutDtype(name, ra.dtype, rb.dtype);
  const common = upcast(ra.dtype, rb.dtype);
  const f = common === 'int32' && def.i ? def.i : def.f;
  return broadcastMap([ra, rb], dtype, f);
}

/** tfjs where(condition, a, b): condition is bool (TensorLike parsed as bool); the result has
 *  the common dtype of a and b; all three broadcast. */
export function where(condition: RefLike, a: RefLike, b: RefLike): Ref {
  const c = refOf(condition, 'bool');
  if (c.dtype !== 'bool') throw new Error('ref: where needs a bool condition');
  const ra = refOf(a);
  const rb = refOf(b);
  const dtype = upcast(ra.dtype, rb.dtype);
  return broadcastMap([c, castRef(ra, dtype), castRef(rb, dtype)], dtype, (cv, av, bv) => (cv !== 0 ? av : bv));
}
