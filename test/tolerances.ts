// The one tolerance table (house rule 7): how far a float32 result may be from the float64
// reference. int32 and bool results are always compared exactly. A float32 value passes when
// it equals the reference rounded to float32 (this also covers ±Infinity and exact ops), when
// both are NaN, or when |actual - expected| <= atol + rtol * |expected|.

export interface Tol {
  atol: number;
  rtol: number;
}

/** Tolerance classes; each op below picks one. */
export const CLASS = {
  /** Data movement, selection, comparison, casts, rounding: the float32 value must be exact. */
  exact: { atol: 0, rtol: 0 },
  /** One correctly rounded float32 operation (add, mul, div, sqrt ...), with slack for an
   *  accelerator that divides by reciprocal or flushes subnormals. */
  arith: { atol: 1e-30, rtol: 1e-6 },
  /** Library transcendentals (exp, log, sin, tanh, erf ...): a few float32 ulps, or a small
   *  absolute error near zeros of the function. */
  transcendental: { atol: 1e-6, rtol: 1e-5 },
  /** pow: relative error grows with |b * log(a)|. */
  pow: { atol: 1e-6, rtol: 2e-5 },
  /** Accumulations (sum, mean, cumsum, moments, matMul, dot) over at most ~100 terms of
   *  magnitude <= ~3, in any summation order. */
  accum: { atol: 1e-4, rtol: 1e-5 },
  /** Products of up to ~30 terms. */
  prod: { atol: 1e-6, rtol: 2e-5 },
  /** softmax, logSoftmax, logSumExp: a max, an exp per element, a sum, a log or a divide. */
  softmax: { atol: 2e-6, rtol: 2e-5 },
  /** range and linspace: start + i * step, or a running sum as tfjs does. */
  sequence: { atol: 1e-6, rtol: 1e-6 },
} as const satisfies Record<string, Tol>;

/** Every op of the first wave that the op tests cover, and its tolerance class. */
export const TOLERANCES = {
  // unary
  neg: CLASS.exact,
  abs: CLASS.exact,
  exp: CLASS.transcendental,
  expm1: CLASS.transcendental,
  log: CLASS.transcendental,
  log1p: CLASS.transcendental,
  sqrt: CLASS.arith,
  rsqrt: CLASS.arith,
  square: CLASS.arith,
  reciprocal: CLASS.arith,
  sin: CLASS.transcendental,
  cos: CLASS.transcendental,
  tan: CLASS.transcendental,
  asin: CLASS.transcendental,
  acos: CLASS.transcendental,
  atan: CLASS.transcendental,
  sinh: CLASS.transcendental,
  cosh: CLASS.transcendental,
  tanh: CLASS.transcendental,
  sigmoid: CLASS.transcendental,
  softplus: CLASS.transcendental,
  relu: CLASS.exact,
  relu6: CLASS.exact,
  elu: CLASS.transcendental,
  selu: CLASS.transcendental,
  leakyRelu: CLASS.arith,
  sign: CLASS.exact,
  floor: CLASS.exact,
  ceil: CLASS.exact,
  round: CLASS.exact,
  erf: CLASS.transcendental,
  isNaN: CLASS.exact,
  isFinite: CLASS.exact,
  logicalNot: CLASS.exact,
  clipByValue: CLASS.exact,
  cast: CLASS.exact,
  // binary
  add: CLASS.arith,
  sub: CLASS.arith,
  mul: CLASS.arith,
  div: CLASS.arith,
  floorDiv: CLASS.exact,
  mod: CLASS.arith,
  pow: CLASS.pow,
  maximum: CLASS.exact,
  minimum: CLASS.exact,
  squaredDifference: CLASS.arith,
  atan2: CLASS.transcendental,
  equal: CLASS.exact,
  notEqual: CLASS.exact,
  less: CLASS.exact,
  lessEqual: CLASS.exact,
  greater: CLASS.exact,
  greaterEqual: CLASS.exact,
  logicalAnd: CLASS.exact,
  logicalOr: CLASS.exact,
  where: CLASS.exact,
  // reductions
  sum: CLASS.accum,
  mean: CLASS.accum,
  max: CLASS.exact,
  min: CLASS.exact,
  prod: CLASS.prod,
  argMax: CLASS.exact,
  argMin: CLASS.exact,
  logSumExp: CLASS.softmax,
  all: CLASS.exact,
  any: CLASS.exact,
  softmax: CLASS.softmax,
  logSoftmax: CLASS.softmax,
  cumsum: CLASS.accum,
  moments: CLASS.accum,
  // shape
  reshape: CLASS.exact,
  transpose: CLASS.exact,
  expandDims: CLASS.exact,
  squeeze: CLASS.exact,
  slice: CLASS.exact,
  stridedSlice: CLASS.exact,
  concat: CLASS.exact,
  stack: CLASS.exact,
  unstack: CLASS.exact,
  split: CLASS.exact,
  tile: CLASS.exact,
  pad: CLASS.exact,
  gather: CLASS.exact,
  reverse: CLASS.exact,
  broadcastTo: CLASS.exact,
  oneHot: CLASS.exact,
  // linear algebra
  matMul: CLASS.accum,
  dot: CLASS.accum,
  // convolution and pooling (sums over at most ~300 window taps of inputs in [-1, 1])
  conv2d: CLASS.accum,
  depthwiseConv2d: CLASS.accum,
  maxPool: CLASS.exact,
  avgPool: CLASS.accum,
  batchNorm: CLASS.transcendental,
  // creation
  range: CLASS.sequence,
  linspace: CLASS.sequence,
  eye: CLASS.exact,
} as const satisfies Record<string, Tol>;

export type TestedOp = keyof typeof TOLERANCES;

export function tolFor(op: TestedOp): Tol {
  const t = TOLERANCES[op];
  if (!t) throw new Error(`no tolerance for op '${op}'`);
  return t;
}
