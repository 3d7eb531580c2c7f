// One vector-Jacobian product per IR op, over node ids. The record is typed over the op names of
// the generated Op enum, so adding a row to ops/table.mjs makes the type checker ask for its
// rule here. Non-differentiable ops have an explicit rule returning null (no gradient, treated
// as zero). Composite ops (mean, softmax, logSumExp, ...) need nothing: they are table ops.
import { Op } from '../generated/ops';
import {
  op, un, add, sub, mul, div, neg, where, cast, matMul, reshape, broadcast, sum, c, zeros,
  reduceTo, keptShape, shapeOf, sizeOf, sameShape, dtypeOf,
} from './build';

export interface RuleArgs {
  /** The node being differentiated (its value, y). */
  y: number;
  /** Its input nodes. */
  x: readonly number[];
  /** Its attributes, as the core normalized them (docs/PROGRAM.md). */
  attrs: readonly number[];
  /** The float32 cotangent of y, of y's shape. */
  dy: number;
  /** Which inputs need a gradient (float32 and connected to a source). */
  needs: readonly boolean[];
}

/** One cotangent per input, of that input's shape; null: no gradient (zero). */
export type Grads = readonly (number | null)[];
export type Rule = (a: RuleArgs) => Grads;
export type OpName = keyof typeof Op;

const SELU_SCALE = 1.0507009873554804934193349852946;
const SELU_ALPHA = 1.6732632423543772848170429916717;

const none: Rule = ({ x }) => x.map(() => null);
const leaf: Rule = () => [];

/** dy * f'(x), with f' built from x and y. */
const unary = (d: (x: number, y: number) => number): Rule => ({ x, y, dy }) => [mul(dy, d(x[0], y))];
/** dy masked to where a condition holds (zero elsewhere). */
const masked = (cond: (x: number, y: number) => number): Rule => ({ x, y, dy }) => [where(cond(x[0], y), dy, c(0))];

/** Binary elementwise: each partial summed back to its input's shape (broadcasting). */
const binary = (da: ((a: RuleArgs) => number) | null, db: ((a: RuleArgs) => number) | null): Rule => (r) => [
  r.needs[0] && da ? reduceTo(da(r), shapeOf(r.x[0])) : null,
  r.needs[1] && db ? reduceTo(db(r), shapeOf(r.x[1])) : null,
];

const cmp = (code: number, a: number, b: number) => op(code, [a, b]);
const square = (x: number) => un(Op.square, x);

/** dy of a reduction, reshaped to the input's rank (size 1 on the reduced axes). */
function keptDy({ x, attrs, dy }: RuleArgs): number {
  return reshape(dy, keptShape(shapeOf(x[0]), attrs.slice(1)));
}

/** max/min: dy flows to every element equal to the result (all ties, as tfjs). */
const extremum: Rule = (r) => {
  const kept = keptShape(shapeOf(r.x[0]), r.attrs.slice(1));
  return [where(cmp(Op.equal, r.x[0], reshape(r.y, kept)), keptDy(r), c(0))];
};

/** prod: d/dx_i = prod_{j != i} x_j, exact with zeros (y / x_i only where x_i != 0). */
const prodRule: Rule = (r) => {
  const x = r.x[0];
  const axes = r.attrs.slice(1);
  const kept = keptShape(shapeOf(x), axes);
  const isZero = cmp(Op.equal, x, c(0));
  const nonZeroProd = op(Op.prod, [where(isZero, c(1), x)], [1, ...axes]);
  const zeroCount = sum(cast(isZero, 'float32'), axes, true);
  const atZero = where(cmp(Op.equal, zeroCount, c(1)), nonZeroProd, c(0));
  return [mul(where(isZero, atZero, div(reshape(r.y, kept), x)), keptDy(r))];
};

/** slice with strides: scatter dy back. Negative strides become reversals; a stride k > 1
 *  interleaves k - 1 zeros after each element (pad a new axis, merge); then pad to x. */
const sliceRule: Rule = ({ x, attrs, dy }) => {
  const xs = shapeOf(x[0]);
  const r = xs.length;
  const size = attrs.slice(r, 2 * r);
  if (size.some((s) => s === 0)) return [zeros(xs)];
  const begin = attrs.slice(0, r), step = attrs.slice(2 * r, 3 * r);
  const rev: number[] = [];
  for (let a = 0; a < r; a++) {
    if (size[a] === 1) step[a] = 1;
    else if (step[a] < 0) {
      rev.push(a);
      begin[a] += (size[a] - 1) * step[a];
      step[a] = -step[a];
    }
  }
  let g = rev.length ? op(Op.reverse, [dy], rev) : dy;
  const extent = [...size];
  for (let a = 0; a < r; a++) {
    const k = step[a];
    if (k === 1) continue;
    const s = shapeOf(g);
    const n = s[a];
    const u = op(Op.pad, [reshape(g, [sizeOf(s.slice(0, a)), n, 1, sizeOf(s.slice(a + 1))]), c(0)], [0, 0, 0, 0, 0, 0, k - 1, 0]);
    s[a] = n * k;
    g = reshape(u, s);
    extent[a] = n * k;
    if (begin[a] + n * k > xs[a]) {   // the trailing zeros run past x: trim them
      extent[a] = (n - 1) * k + 1;
      g = sliceOf(g, s.map(() => 0), s.map((d, i) => (i === a ? extent[a] : d)));
    }
  }
  const after = xs.map((d, a) => d - begin[a] - extent[a]);
  if (begin.some((v) => v !== 0) || after.some((v) => v !== 0)) g = op(Op.pad, [g, c(0)], [...begin, ...after]);
  return [g];
};

function sliceOf(n: number, begin: readonly number[], size: readonly number[]): number {
  if (begin.every((b) => b === 0) && sameShape(shapeOf(n), size)) return n;
  return op(Op.slice, [n], [...begin, ...size, ...begin.map(() => 1)]);
}

const concatRule: Rule = ({ x, attrs, dy, needs }) => {
  const axis = attrs[0];
  const ds = shapeOf(dy);
  let offset = 0;
  return x.map((xi, i) => {
    const s = shapeOf(xi);
    const begin = ds.map((_, a) => (a === axis ? offset : 0));
    offset += s[axis];
    return needs[i] ? sliceOf(dy, begin, s) : null;
  });
};

/** gather's adjoint is a scatter-add; built from table ops as oneHot(indices)^T @ dy, with
 *  the axes before and after `axis` flattened (P batch rows, Q trailing columns). */
const gatherRule: Rule = ({ x, attrs, dy, needs }) => {
  if (!needs[0]) return [null, null];
  const xs = shapeOf(x[0]);
  const axis = attrs[0];
  const P = sizeOf(xs.slice(0, axis)), A = xs[axis], Q = sizeOf(xs.slice(axis + 1)), nI = sizeOf(shapeOf(x[1]));
  if (nI === 0 || sizeOf(xs) === 0) return [zeros(xs), null];
  const oneHot = op(Op.oneHot, [reshape(x[1], [nI]), c(1), c(0)], [A]);   // [nI, A]
  const d = reshape(dy, P === 1 ? [nI, Q] : [P, nI, Q]);
  return [reshape(matMul(oneHot, d, true, false), xs), null];
};

/** tile: sum the repeats of each axis, one axis at a time (keeps the rank <= 4). */
const tileRule: Rule = ({ x, attrs, dy }) => {
  const xs = shapeOf(x[0]);
  if (attrs.some((r) => r === 0)) return [zeros(xs)];
  let g = dy;
  for (let a = 0; a < xs.length; a++) {
    if (attrs[a] === 1) continue;
    const s = shapeOf(g);
    g = sum(reshape(g, [sizeOf(s.slice(0, a)), attrs[a], xs[a], sizeOf(s.slice(a + 1))]), [1], false);
    s[a] = xs[a];
    g = reshape(g, s);
  }
  return [g];
};

/** matMul: the four transpose cases; batch dims that were broadcast are summed back. */
const matMulRule: Rule = ({ x: [a, b], attrs: [ta, tb], dy, needs }) => {
  let da: number | null = null, db: number | null = null;
  if (needs[0]) da = ta ? matMul(b, dy, !!tb, true) : matMul(dy, b, false, !tb);
  if (needs[1]) db = tb ? matMul(dy, a, true, !!ta) : matMul(a, dy, !ta, false);
  return [da === null ? null : reduceTo(da, shapeOf(a)), db === null ? null : reduceTo(db, shapeOf(b))];
};

/** A convolution family (forward, backprop input, backprop filter; attrs in docs/PROGRAM.md).
 *  Each op is bilinear, its two adjoints are the family's other two ops, so the rules close
 *  over the family (second-order gradients work): with W the window map,
 *    y = fwd(x, f):     dx = bInput(dy, f),  df = bFilter(x, dy)
 *    y = bInput(d, f):  dd = fwd(g, f),      df = bFilter(g, d)
 *    y = bFilter(x, d): dx = bInput(d, g),   dd = fwd(x, g)          (g: the cotangent) */
function convRules(fwd: number, bInput: number, bFilter: number): [Rule, Rule, Rule] {
  const imageHW = (n: number) => shapeOf(n).slice(1, 3);
  const filterHW = (n: number) => shapeOf(n).slice(0, 2);
  const forward: Rule = ({ x: [x, f], attrs, dy, needs }) => [
    needs[0] ? op(bInput, [dy, f], [...attrs, ...imageHW(x)]) : null,
    needs[1] ? op(bFilter, [x, dy], [...attrs, ...filterHW(f)]) : null,
  ];
  const input: Rule = ({ x: [d, f], attrs, dy: g, needs }) => [
    needs[0] ? op(fwd, [g, f], attrs.slice(0, 8)) : null,
    needs[1] ? op(bFilter, [g, d], [...attrs.slice(0, 8), ...filterHW(f)]) : null,
  ];
  const filter: Rule = ({ x: [x, d], attrs, dy: g, needs }) => [
    needs[0] ? op(bInput, [d, g], [...attrs.slice(0, 8), ...imageHW(x)]) : null,
    needs[1] ? op(fwd, [x, g], attrs.slice(0, 8)) : null,
  ];
  return [forward, input, filter];
}
const [conv2d, conv2dBackpropInput, conv2dBackpropFilter] = convRules(Op.conv2d, Op.conv2dBackpropInput, Op.conv2dBackpropFilter);
const [depthwiseConv2d, depthwiseConv2dBackpropInput, depthwiseConv2dBackpropFilter] =
  convRules(Op.depthwiseConv2d, Op.depthwiseConv2dBackpropInput, Op.depthwiseConv2dBackpropFilter);

export const RULES: Record<OpName, Rule> = {
  // leaves have no inputs
  param: leaf,
  const: leaf,
  data: leaf,
  scalar: leaf,

  // unary
  neg: ({ dy }) => [neg(dy)],
  abs: unary((x) => un(Op.sign, x)),
  exp: unary((_, y) => y),
  expm1: unary((x) => un(Op.exp, x)),
  log: ({ x, dy }) => [div(dy, x[0])],
  log1p: ({ x, dy }) => [div(dy, add(x[0], c(1)))],
  sqrt: ({ y, dy }) => [div(dy, mul(y, c(2)))],
  rsqrt: unary((x, y) => mul(div(y, x), c(-0.5))),
  square: unary((x) => mul(x, c(2))),
  reciprocal: unary((_, y) => neg(square(y))),
  sin: unary((x) => un(Op.cos, x)),
  cos: unary((x) => neg(un(Op.sin, x))),
  tan: ({ x, dy }) => [div(dy, square(un(Op.cos, x[0])))],
  asin: unary((x) => un(Op.rsqrt, sub(c(1), square(x)))),
  acos: unary((x) => neg(un(Op.rsqrt, sub(c(1), square(x))))),
  atan: ({ x, dy }) => [div(dy, add(c(1), square(x[0])))],
  sinh: unary((x) => un(Op.cosh, x)),
  cosh: unary((x) => un(Op.sinh, x)),
  tanh: unary((_, y) => sub(c(1), square(y))),
  sigmoid: unary((_, y) => mul(y, sub(c(1), y))),
  softplus: unary((x) => un(Op.sigmoid, x)),
  relu: masked((x) => cmp(Op.greater, x, c(0))),
  relu6: masked((x) => op(Op.logicalAnd, [cmp(Op.greater, x, c(0)), cmp(Op.lessEqual, x, c(6))])),
  elu: ({ x, y, dy }) => [where(cmp(Op.greater, x[0], c(0)), dy, mul(dy, add(y, c(1))))],
  selu: ({ x, dy }) => [where(cmp(Op.greater, x[0], c(0)), mul(dy, c(SELU_SCALE)), mul(dy, mul(un(Op.exp, x[0]), c(SELU_SCALE * SELU_ALPHA))))],
  sign: none,
  floor: none,
  ceil: none,
  round: none,
  erf: unary((x) => mul(un(Op.exp, neg(square(x))), c(2 / Math.sqrt(Math.PI)))),
  isNaN: none,
  isFinite: none,
  logicalNot: none,

  // binary (broadcasting)
  add: binary(({ dy }) => dy, ({ dy }) => dy),
  sub: binary(({ dy }) => dy, ({ dy }) => neg(dy)),
  mul: binary(({ x, dy }) => mul(dy, x[1]), ({ x, dy }) => mul(dy, x[0])),
  div: binary(({ x, dy }) => div(dy, x[1]), ({ x, dy }) => mul(dy, neg(div(x[0], square(x[1]))))),
  floorDiv: none,
  mod: binary(({ dy }) => dy, ({ x, dy }) => mul(dy, neg(un(Op.floor, div(x[0], x[1]))))),
  pow: binary(
    ({ x, dy }) => mul(dy, mul(x[1], op(Op.pow, [x[0], sub(x[1], c(1))]))),
    ({ x, y, dy }) => mul(dy, mul(y, where(cmp(Op.greater, x[0], c(0)), un(Op.log, x[0]), c(0)))),
  ),
  maximum: binary(({ x, dy }) => where(cmp(Op.greaterEqual, x[0], x[1]), dy, c(0)), ({ x, dy }) => where(cmp(Op.less, x[0], x[1]), dy, c(0))),
  minimum: binary(({ x, dy }) => where(cmp(Op.lessEqual, x[0], x[1]), dy, c(0)), ({ x, dy }) => where(cmp(Op.greater, x[0], x[1]), dy, c(0))),
  squaredDifference: binary(({ x, dy }) => mul(dy, mul(sub(x[0], x[1]), c(2))), ({ x, dy }) => mul(dy, mul(sub(x[1], x[0]), c(2)))),
  atan2: binary(
    ({ x, dy }) => mul(dy, div(x[1], add(square(x[0]), square(x[1])))),
    ({ x, dy }) => mul(dy, neg(div(x[0], add(square(x[0]), square(x[1]))))),
  ),
  equal: none,
  notEqual: none,
  less: none,
  lessEqual: none,
  greater: none,
  greaterEqual: none,
  logicalAnd: none,
  logicalOr: none,

  // reductions ([keepDims, ...axes])
  sum: (r) => [broadcast(keptDy(r), shapeOf(r.x[0]))],
  prod: prodRule,
  max: extremum,
  min: extremum,
  all: none,
  any: none,

  // structural
  where: ({ x: [cond], dy, needs, x }) => [
    null,
    needs[1] ? reduceTo(where(cond, dy, c(0)), shapeOf(x[1])) : null,
    needs[2] ? reduceTo(where(cond, c(0), dy), shapeOf(x[2])) : null,
  ],
  // float32 -> float32 passes dy; casts to or from int32/bool carry no gradient
  cast: ({ x, y, dy }) => [dtypeOf(x[0]) === 'float32' && dtypeOf(y) === 'float32' ? dy : null],
  argMax: none,
  argMin: none,
  // the adjoint of a cumulative sum runs the other way
  cumsum: ({ attrs: [axis, exclusive, reverse], dy }) => [op(Op.cumsum, [dy], [axis, exclusive, reverse ? 0 : 1])],
  reshape: ({ x, dy }) => [reshape(dy, shapeOf(x[0]))],
  broadcastTo: ({ x, dy }) => [reduceTo(dy, shapeOf(x[0]))],
  transpose: ({ attrs, dy }) => {
    const inverse = new Array<number>(attrs.length);
    attrs.forEach((p, i) => { inverse[p] = i; });
    return [op(Op.transpose, [dy], inverse)];
  },
  slice: sliceRule,
  concat: concatRule,
  // the pad value is a number in the public API (a scalar leaf), never a gradient source
  pad: ({ x, attrs, dy }) => [sliceOf(dy, attrs.slice(0, shapeOf(x[0]).length), shapeOf(x[0])), null],
  gather: gatherRule,
  reverse: ({ attrs, dy }) => [attrs.length ? op(Op.reverse, [dy], attrs) : dy],
  tile: tileRule,
  // indices are int32; on/off values are numbers in the public API
  oneHot: none,
  matMul: matMulRule,

  // convolutions and pooling
  conv2d,
  conv2dBackpropInput,
  conv2dBackpropFilter,
  depthwiseConv2d,
  depthwiseConv2dBackpropInput,
  depthwiseConv2dBackpropFilter,
  maxPool: ({ x, attrs, dy }) => [op(Op.maxPoolGrad, [x[0], dy], attrs)],
  // avgPool and its adjoint are each other's transpose (the same window, the same counts)
  avgPool: ({ x, attrs, dy }) => [op(Op.avgPoolGrad, [dy], [...attrs, ...shapeOf(x[0]).slice(1, 3)])],
  avgPoolGrad: ({ attrs, dy }) => [op(Op.avgPool, [dy], attrs.slice(0, 8))],
  // piecewise constant in x; linear in dy, but its adjoint (gathering each window's argmax)
  // has no table op yet
  maxPoolGrad: ({ needs }) => {
    if (needs[1]) throw new Error('maxPool: gradients of second order are not supported (the adjoint of maxPoolGrad has no op)');
    return [null, null];
  },
};
