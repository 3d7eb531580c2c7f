// Every gradient rule against central finite differences of the float64 reference, on random
// inputs: unary ops on their domains, binary ops under broadcasting, reductions over several
// axes with and without keepDims, the structural ops (strided slices, gather with repeats,
// tile, pad, concat, matMul with transposes and batch broadcasting, ...) and the composite
// ops built from them. A last test checks that every differentiable table op was exercised.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import * as R from '../reference';
import { RULES, type OpName, type Rule } from '../../ts/autodiff/rules';
import { setupBackend } from '../helpers';
import { checkGradients, type GradCase, type Input } from './fd';

type T = lt.Tensor;

// Count which rules run, to prove coverage of the op table.
const used = new Set<OpName>();
const originals = { ...RULES };
beforeAll(async () => {
  await setupBackend();
  for (const name of Object.keys(RULES) as OpName[]) {
    const rule = originals[name];
    RULES[name] = ((a) => { used.add(name); return rule(a); }) as Rule;
  }
});
afterAll(() => { Object.assign(RULES, originals); });

const F = (shape: number[], opts?: R.RandOpts): Input => ({ shape, opts });
const POS: R.RandOpts = { lo: 0.5, hi: 3 };
const UNIT: R.RandOpts = { lo: -0.9, hi: 0.9 };
const NZ: R.RandOpts = { lo: -3, hi: 3, avoidZero: 0.2 };

// ---------------------------------------------------------------- unary
const UNARY_DOMAIN: Partial<Record<R.UnaryName, R.RandOpts>> = {
  abs: NZ, log: POS, log1p: { lo: -0.5, hi: 3 }, sqrt: POS, rsqrt: POS, reciprocal: { lo: -3, hi: 3, avoidZero: 0.5 },
  tan: { lo: -1.2, hi: 1.2 }, asin: UNIT, acos: UNIT, exp: { lo: -2, hi: 2 }, expm1: { lo: -2, hi: 2 },
  relu: NZ, relu6: { lo: -2, hi: 8, avoidZero: 0.2 }, elu: NZ, selu: NZ, sinh: { lo: -2, hi: 2 }, cosh: { lo: -2, hi: 2 },
};
const SMOOTH: R.UnaryName[] = ['neg', 'abs', 'exp', 'expm1', 'log', 'log1p', 'sqrt', 'rsqrt', 'square', 'reciprocal', 'sin', 'cos',
  'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'sigmoid', 'softplus', 'relu', 'relu6', 'elu', 'selu', 'erf'];
const STEPS: R.UnaryName[] = ['sign', 'floor', 'ceil', 'round'];

const unaryCases: GradCase[] = [
  ...SMOOTH.map((name): GradCase => ({
    name,
    inputs: [F([2, 3], UNARY_DOMAIN[name])],
    lt: (x: T) => (lt as unknown as Record<string, (x: T) => T>)[name](x),
    ref: (x) => R.unary(name, x),
  })),
  // piecewise constant: zero gradient (x * x keeps the objective differentiable)
  ...STEPS.map((name): GradCase => ({
    name,
    inputs: [F([2, 3], { lo: -3, hi: 3 })],
    lt: (x: T) => (lt as unknown as Record<string, (x: T) => T>)[name](x).add(x.square()),
    ref: (x) => R.binary('add', R.unary(name, x), R.unary('square', x)),
  })),
  {
    name: 'isNaN, isFinite, logicalNot (no gradient through bool)',
    inputs: [F([2, 3], NZ)],
    lt: (x: T) => lt.where(lt.logicalNot(x.greater(0)), x.isNaN().cast('float32').add(x), x.isFinite().cast('float32').mul(x)),
    ref: (x) => R.where(R.unary('logicalNot', R.binary('greater', x, 0)), R.binary('add', R.cast(R.unary('isNaN', x), 'float32'), x),
      R.binary('mul', R.cast(R.unary('isFinite', x), 'float32'), x)),
  },
  { name: 'leakyRelu', inputs: [F([3, 2], NZ)], lt: (x: T) => lt.leakyRelu(x, 0.3), ref: (x) => R.leakyRelu(x, 0.3) },
  { name: 'clipByValue', inputs: [F([3, 3], { lo: -3, hi: 3 })], lt: (x: T) => lt.clipByValue(x, -1.5, 1.25), ref: (x) => R.clipByValue(x, -1.5, 1.25) },
  {
    name: 'cast to int32 has no gradient; float32 to float32 passes it',
    inputs: [F([2, 3])],
    lt: (x: T) => x.cast('int32').cast('float32').add(x.cast('float32').mul(x)),
    ref: (x) => R.binary('add', R.cast(R.cast(x, 'int32'), 'float32'), R.binary('mul', x, x)),
  },
];

// ---------------------------------------------------------------- binary, with broadcasting
type BinName = 'add' | 'sub' | 'mul' | 'div' | 'mod' | 'pow' | 'maximum' | 'minimum' | 'squaredDifference' | 'atan2';
const BIN_DOMAIN: Partial<Record<BinName, [R.RandOpts, R.RandOpts]>> = {
  div: [{}, NZ],
  mod: [{ lo: -6, hi: 6 }, { lo: 0.7, hi: 2.5 }],
  pow: [{ lo: 0.5, hi: 2.5 }, { lo: -2, hi: 2 }],
  atan2: [NZ, NZ],
};
const SHAPES: [number[], number[]][] = [[[2, 3], [2, 3]], [[2, 3], [3]], [[2, 1, 3], [4, 1]], [[], [2, 2]]];
const BINARY: BinName[] = ['add', 'sub', 'mul', 'div', 'mod', 'pow', 'maximum', 'minimum', 'squaredDifference', 'atan2'];

const binaryCases: GradCase[] = BINARY.flatMap((name) => SHAPES.map(([sa, sb]): GradCase => ({
  name: `${name} [${sa}] with [${sb}]`,
  inputs: [F(sa, BIN_DOMAIN[name]?.[0]), F(sb, BIN_DOMAIN[name]?.[1])],
  lt: (a: T, b: T) => (lt as unknown as Record<string, (a: T, b: T) => T>)[name](a, b),
  ref: (a, b) => R.binary(name, a, b),
})));

const CMP = ['equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual'] as const;
const selectCases: GradCase[] = [
  ...CMP.map((name): GradCase => ({
    name: `where on ${name}`,
    inputs: [F([2, 3], { lo: -2, hi: 2 }), F([3], { lo: -2, hi: 2 })],   // no ties: where jumps there
    lt: (a: T, b: T) => lt.where((lt as unknown as Record<string, (a: T, b: T) => T>)[name](a, b), a.mul(b), b.sub(a)),
    ref: (a, b) => R.where(R.binary(name, a, b), R.binary('mul', a, b), R.binary('sub', b, a)),
  })),
  {
    name: 'where with broadcast condition, logicalAnd and logicalOr',
    inputs: [F([2, 3]), F([3]), F([2, 1])],
    lt: (a: T, b: T, c: T) => lt.where(lt.logicalOr(lt.logicalAnd(c.greater(0), b.less(0.5)), c.less(-1)), a, b),
    ref: (a, b, c) => R.where(R.binary('logicalOr', R.binary('logicalAnd', R.binary('greater', c, 0), R.binary('less', b, 0.5)), R.binary('less', c, -1)), a, b),
  },
  {
    name: 'floorDiv has no gradient',
    inputs: [F([2, 3], { lo: -6, hi: 6 }), F([3], NZ)],
    lt: (a: T, b: T) => lt.floorDiv(a, b).cast('float32').add(a.mul(b)),
    ref: (a, b) => R.binary('add', R.cast(R.binary('floorDiv', a, b), 'float32'), R.binary('mul', a, b)),
  },
];

// ---------------------------------------------------------------- reductions
type RedName = 'sum' | 'prod' | 'max' | 'min' | 'mean' | 'logSumExp';
const AXES: [number | number[] | undefined, boolean][] = [[undefined, false], [1, false], [[0, 2], true], [-1, true], [[2, 0], false]];
const REDUCE: RedName[] = ['sum', 'prod', 'max', 'min', 'mean', 'logSumExp'];
const reduceCases: GradCase[] = [
  ...REDUCE.flatMap((name) => AXES.map(([axis, keepDims]): GradCase => ({
    name: `${name} axis ${JSON.stringify(axis)} keepDims ${keepDims}`,
    inputs: [F([2, 3, 4], name === 'prod' ? { lo: 0.5, hi: 1.5 } : {})],
    lt: (x: T) => (lt as unknown as Record<string, (x: T, a: unknown, k: boolean) => T>)[name](x, axis, keepDims),
    ref: (x) => (R as unknown as Record<string, (x: R.Ref, a: unknown, k: boolean) => R.Ref>)[name](x, axis, keepDims),
  }))),
  {
    name: 'prod with one zero in a row, and two in another',
    inputs: [{ shape: [3, 3], values: [0.5, 0, 2, 0, 1.5, 0, 1.25, -2, 0.75] }],
    lt: (x: T) => lt.prod(x, 1),
    ref: (x) => R.prod(x, 1),
  },
  {
    name: 'all, any (no gradient through bool)',
    inputs: [F([2, 3])],
    lt: (x: T) => lt.where(lt.any(x.greater(1), 1, true), x, lt.where(lt.all(x.less(2), 0), x.square(), x.neg())),
    ref: (x) => R.where(R.any(R.binary('greater', x, 1), 1, true), x, R.where(R.all(R.binary('less', x, 2), 0), R.unary('square', x), R.unary('neg', x))),
  },
  {
    name: 'argMax, argMin (no gradient through int32)',
    inputs: [F([3, 4])],
    lt: (x: T) => lt.argMax(x, 1).add(lt.argMin(x, 1)).cast('float32').add(x.sum(1)),
    ref: (x) => R.binary('add', R.cast(R.binary('add', R.argMax(x, 1), R.argMin(x, 1)), 'float32'), R.sum(x, 1)),
  },
  { name: 'softmax', inputs: [F([3, 4])], lt: (x: T) => lt.softmax(x), ref: (x) => R.softmax(x) },
  { name: 'logSoftmax', inputs: [F([3, 4])], lt: (x: T) => lt.logSoftmax(x), ref: (x) => R.logSoftmax(x) },
  {
    name: 'moments over axes [0, 2]',
    inputs: [F([2, 3, 2])],
    lt: (x: T) => { const { mean, variance } = lt.moments(x, [0, 2]); return mean.mul(variance).add(variance); },
    ref: (x) => { const { mean, variance } = R.moments(x, [0, 2]); return R.binary('add', R.binary('mul', mean, variance), variance); },
  },
  ...[[false, false], [true, false], [false, true], [true, true]].map(([exclusive, reverse]): GradCase => ({
    name: `cumsum exclusive ${exclusive} reverse ${reverse}`,
    inputs: [F([2, 4, 3])],
    lt: (x: T) => lt.cumsum(x, 1, exclusive, reverse),
    ref: (x) => R.cumsum(x, 1, exclusive, reverse),
  })),
];

// ---------------------------------------------------------------- shape ops
const idx = (values: number[], shape: number[]) => ({ t: () => lt.tensor(Int32Array.from(values), shape, 'int32'), r: R.fromValues(values, shape, 'int32') });

/** A case over a fixed int32 tensor (created and disposed inside f: grads' tidy scope). */
function withIndices(name: string, inputs: Input[], ind: ReturnType<typeof idx>, f: (x: T[], i: T) => T, g: (x: R.Ref[], i: R.Ref) => R.Ref): GradCase {
  return {
    name, inputs,
    lt: (...xs: T[]) => f(xs, ind.t()),
    ref: (...xs) => g(xs, ind.r),
  };
}

const shapeCases: GradCase[] = [
  { name: 'reshape', inputs: [F([2, 6])], lt: (x: T) => x.reshape([3, 2, 2]).mul(x.reshape([3, 4]).reshape([3, 2, 2])), ref: (x) => R.binary('mul', R.reshape(x, [3, 2, 2]), R.reshape(x, [3, 2, 2])) },
  { name: 'transpose', inputs: [F([2, 3, 4])], lt: (x: T) => lt.transpose(x, [2, 0, 1]), ref: (x) => R.transpose(x, [2, 0, 1]) },
  { name: 'expandDims, squeeze', inputs: [F([3, 1, 2])], lt: (x: T) => lt.expandDims(lt.squeeze(x), 2), ref: (x) => R.expandDims(R.squeeze(x), 2) },
  { name: 'broadcastTo from [3]', inputs: [F([3])], lt: (x: T) => lt.broadcastTo(x, [2, 4, 3]), ref: (x) => R.broadcastTo(x, [2, 4, 3]) },
  { name: 'broadcastTo from [2, 1]', inputs: [F([2, 1])], lt: (x: T) => lt.broadcastTo(x, [2, 3]), ref: (x) => R.broadcastTo(x, [2, 3]) },
  { name: 'slice', inputs: [F([4, 5])], lt: (x: T) => lt.slice(x, [1, 2], [2, -1]), ref: (x) => R.slice(x, [1, 2], [2, -1]) },
  { name: 'stridedSlice stride 2', inputs: [F([7, 4])], lt: (x: T) => lt.stridedSlice(x, [1, 0], [7, 4], [2, 3]), ref: (x) => R.stridedSlice(x, [1, 0], [7, 4], [2, 3]) },
  { name: 'stridedSlice stride 3 to the end', inputs: [F([7])], lt: (x: T) => lt.stridedSlice(x, [0], [7], [3]), ref: (x) => R.stridedSlice(x, [0], [7], [3]) },
  { name: 'stridedSlice negative strides', inputs: [F([6, 5])], lt: (x: T) => lt.stridedSlice(x, [5, 4], [0, 0], [-2, -1]), ref: (x) => R.stridedSlice(x, [5, 4], [0, 0], [-2, -1]) },
  { name: 'stridedSlice reverse all', inputs: [F([5])], lt: (x: T) => lt.stridedSlice(x, [0], [0], [-1], 1, 1), ref: (x) => R.stridedSlice(x, [0], [0], [-1], 1, 1) },
  { name: 'stridedSlice shrink and new axis', inputs: [F([3, 4])], lt: (x: T) => lt.stridedSlice(x, [1, 0, 1], [2, 0, 4], [1, 1, 2], 0, 0, 0, 2, 1), ref: (x) => R.stridedSlice(x, [1, 0, 1], [2, 0, 4], [1, 1, 2], 0, 0, 0, 2, 1) },
  { name: 'concat axis 1', inputs: [F([2, 1]), F([2, 3]), F([2, 2])], lt: (a: T, b: T, c: T) => lt.concat([a, b, c], 1), ref: (a, b, c) => R.concat([a, b, c], 1) },
  { name: 'concat of a tensor with itself', inputs: [F([3])], lt: (a: T) => lt.concat([a, a.square()]), ref: (a) => R.concat([a, R.unary('square', a)]) },
  { name: 'stack, unstack', inputs: [F([2, 3]), F([2, 3])], lt: (a: T, b: T) => { const [p, q] = lt.unstack(lt.stack([a, b], 1), 2).slice(1); return p.mul(q); }, ref: (a, b) => { const [p, q] = R.unstack(R.stack([a, b], 1), 2).slice(1); return R.binary('mul', p, q); } },
  { name: 'split', inputs: [F([2, 6])], lt: (x: T) => { const [a, b, c] = lt.split(x, [1, 3, 2], 1); return a.mul(c.sum(1, true)).add(b.sum()); }, ref: (x) => { const [a, b, c] = R.split(x, [1, 3, 2], 1); return R.binary('add', R.binary('mul', a, R.sum(c, 1, true)), R.sum(b)); } },
  { name: 'tile [2, 3] by [2, 3]', inputs: [F([2, 3])], lt: (x: T) => lt.tile(x, [2, 3]), ref: (x) => R.tile(x, [2, 3]) },
  { name: 'tile [2, 1, 3] by [1, 4, 2]', inputs: [F([2, 1, 3])], lt: (x: T) => lt.tile(x, [1, 4, 2]), ref: (x) => R.tile(x, [1, 4, 2]) },
  { name: 'pad', inputs: [F([2, 3])], lt: (x: T) => lt.pad(x, [[1, 2], [0, 1]], 0.5), ref: (x) => R.pad(x, [[1, 2], [0, 1]], 0.5) },
  { name: 'reverse axis 1', inputs: [F([2, 3, 2])], lt: (x: T) => lt.reverse(x, 1), ref: (x) => R.reverse(x, 1) },
  { name: 'reverse all axes', inputs: [F([2, 3])], lt: (x: T) => lt.reverse(x), ref: (x) => R.reverse(x) },
  withIndices('gather axis 0 with repeated indices', [F([4, 3])], idx([2, 0, 2, 3, 2], [5]), ([x], i) => lt.gather(x, i), ([x], i) => R.gather(x, i)),
  withIndices('gather axis 1 with 2-D indices', [F([2, 4, 3])], idx([3, 1, 1, 0], [2, 2]), ([x], i) => lt.gather(x, i, 1), ([x], i) => R.gather(x, i, 1)),
  withIndices('gather axis 2 (last)', [F([2, 3])], idx([2, 2, 0], [3]), ([x], i) => lt.gather(x, i, 1), ([x], i) => R.gather(x, i, 1)),
  withIndices('gather batchDims 1', [F([2, 4, 3])], idx([3, 0, 3, 1, 1, 2], [2, 3]), ([x], i) => lt.gather(x, i, 1, 1), ([x], i) => R.gather(x, i, 1, 1)),
  withIndices('oneHot (no gradient to indices)', [F([3, 4])], idx([1, 3, 0], [3]), ([x], i) => lt.oneHot(i, 4, 1, 0, 'float32').mul(x), ([x], i) => R.binary('mul', R.oneHot(i, 4, 1, 0, 'float32'), x)),
];

// ---------------------------------------------------------------- linear algebra
const matMulCases: GradCase[] = [
  ...[[false, false], [true, false], [false, true], [true, true]].map(([ta, tb]): GradCase => ({
    name: `matMul transposeA ${ta} transposeB ${tb}`,
    inputs: [F(ta ? [3, 2] : [2, 3]), F(tb ? [4, 3] : [3, 4])],
    lt: (a: T, b: T) => lt.matMul(a, b, ta, tb),
    ref: (a, b) => R.matMul(a, b, ta, tb),
  })),
  { name: 'matMul batched, b broadcast over the batch', inputs: [F([2, 2, 3]), F([3, 4])], lt: (a: T, b: T) => lt.matMul(a, b), ref: (a, b) => R.matMul(a, b) },
  { name: 'matMul batch dims broadcast both ways', inputs: [F([2, 1, 3, 2]), F([3, 2, 2])], lt: (a: T, b: T) => lt.matMul(a, b, false, true), ref: (a, b) => R.matMul(a, b, false, true) },
  { name: 'matMul batched with transposeA', inputs: [F([1, 3, 2]), F([2, 3, 4])], lt: (a: T, b: T) => lt.matMul(a, b, true), ref: (a, b) => R.matMul(a, b, true) },
  { name: 'dot vector-vector', inputs: [F([3]), F([3])], lt: (a: T, b: T) => lt.dot(a, b), ref: (a, b) => R.dot(a, b) },
  { name: 'dot matrix-vector', inputs: [F([2, 3]), F([3])], lt: (a: T, b: T) => lt.dot(a, b), ref: (a, b) => R.dot(a, b) },
];

// ---------------------------------------------------------------- convolution and pooling
type ConvArgs = [R.Pair, R.Pad, R.Pair];
const CONV: [string, number[], number[], ConvArgs][] = [
  ['stride 1 same', [2, 5, 5, 3], [3, 3, 3, 2], [1, 'same', 1]],
  ['stride 2 same', [1, 6, 5, 2], [3, 2, 2, 3], [2, 'same', 1]],
  ['dilation 2 valid', [1, 7, 6, 2], [2, 3, 2, 2], [1, 'valid', 2]],
  ['explicit padding, strides [2, 1]', [1, 5, 6, 1], [3, 3, 1, 2], [[2, 1], [[0, 0], [1, 0], [2, 1], [0, 0]], 1]],
];
const DW: [string, number[], number[], ConvArgs][] = [
  ['multiplier 1, stride 1 same', [2, 5, 5, 3], [3, 3, 3, 1], [1, 'same', 1]],
  ['multiplier 2, stride 2 same', [1, 6, 5, 2], [3, 2, 2, 2], [2, 'same', 1]],
  ['dilation 2 valid', [1, 7, 6, 2], [2, 2, 2, 3], [1, 'valid', 2]],
];
const asPad = (p: R.Pad) => p as lt.Padding;
/** First-order: the rules of conv2d / depthwiseConv2d; second-order (the gradient of a
 *  gradient): the rules of their two adjoints, against the reference adjoints. */
function convGradCases(depthwise: boolean, cases: typeof CONV): GradCase[] {
  const name = depthwise ? 'depthwiseConv2d' : 'conv2d';
  const fwd = (x: T, f: T, [s, p, d]: ConvArgs) => (depthwise ? lt.depthwiseConv2d : lt.conv2d)(x, f, s, asPad(p), 'NHWC', d);
  const ref = (x: R.Ref, f: R.Ref, [s, p, d]: ConvArgs) => (depthwise ? R.depthwiseConv2d : R.conv2d)(x, f, s, p, d);
  const out: GradCase[] = [];
  for (const [what, xs, fs, args] of cases) {
    out.push({ name: `${name} ${what}`, inputs: [F(xs), F(fs)], lt: (x: T, f: T) => fwd(x, f, args), ref: (x, f) => ref(x, f, args) });
  }
  // the adjoints' own rules: dx = bInput(d, f) as a function of f and d, df = bFilter(x, d)
  // of x and d (the third operand of the inner gradient is a constant)
  const [what, xs, fs, args] = cases[1];
  const ys = ref(R.randRef(new R.Rng(1), xs), R.randRef(new R.Rng(2), fs), args).shape;
  const inner = (x: T, f: T, d: T) => lt.grads((a: T, b: T) => fwd(a, b, args))([x, f], d);
  const zeros = (shape: number[]) => R.fromValues(new Array(shape.reduce((a, b) => a * b, 1)).fill(0), shape, 'float32');
  out.push({
    name: `${name}BackpropInput (second order), ${what}`, inputs: [F(fs), F(ys)],
    lt: (f: T, d: T) => inner(lt.zeros(xs), f, d)[0],
    ref: (f, d) => R.convGrads(zeros(xs), f, d, args[0], args[1], args[2], depthwise).dx,
  });
  out.push({
    name: `${name}BackpropFilter (second order), ${what}`, inputs: [F(xs), F(ys)],
    lt: (x: T, d: T) => inner(x, lt.zeros(fs), d)[1],
    ref: (x, d) => R.convGrads(x, zeros(fs), d, args[0], args[1], args[2], depthwise).df,
  });
  return out;
}

type PoolArgs = [R.Pair, R.Pair, R.Pad];
/** Distinct values at least 0.01 apart, shuffled: no window has a tie, and no maximum moves
 *  under a finite-difference step. */
function distinct(shape: number[]): Input {
  const n = shape.reduce((a, b) => a * b, 1);
  return { shape, values: Array.from({ length: n }, (_, i) => (((i * 37) % n) - n / 2) * 0.013) };
}
const POOL: [string, number[], PoolArgs][] = [
  ['2x2 stride 2 valid', [2, 4, 6, 3], [2, 2, 'valid']],
  ['3x3 stride 2 same', [1, 7, 6, 2], [3, 2, 'same']],
  ['[3, 2] strides [1, 2] explicit', [1, 5, 6, 2], [[3, 2], [1, 2], [[0, 0], [2, 0], [0, 1], [0, 0]]]],
];
const poolCases: GradCase[] = [
  ...POOL.flatMap(([what, xs, [k, s, p]]): GradCase[] => [
    { name: `maxPool ${what}`, inputs: [distinct(xs)], lt: (x: T) => lt.maxPool(x, k, s, asPad(p)), ref: (x) => R.maxPool(x, k, s, p) },
    { name: `avgPool ${what}`, inputs: [F(xs)], lt: (x: T) => lt.avgPool(x, k, s, asPad(p)), ref: (x) => R.avgPool(x, k, s, p) },
  ]),
  {
    name: 'avgPoolGrad (second order)', inputs: [F([1, 4, 3, 2])],
    lt: (d: T) => lt.grads((a: T) => lt.avgPool(a, 3, 2, 'same'))([lt.zeros([1, 7, 6, 2])], d)[0],
    ref: (d) => R.poolGrad(R.fromValues(new Array(84).fill(0), [1, 7, 6, 2], 'float32'), d, 3, 2, 'same', false),
  },
  {
    // maxPoolGrad is piecewise constant in x: its rule gives no gradient to x (and refuses a
    // gradient to its cotangent, tested in api.test.ts)
    name: 'maxPoolGrad with a constant cotangent (second order)', inputs: [distinct([1, 4, 4, 2])],
    lt: (x: T) => lt.grad((a: T) => lt.maxPool(a, 2, 2, 'valid').mul(lt.tensor([1, -2], [2])).sum())(x).add(x.square()),
    ref: (x) => R.binary('add', R.poolGrad(x, R.binary('mul', R.fromValues(new Array(8).fill(1), [1, 2, 2, 2], 'float32'), R.fromValues([1, -2], [2], 'float32')), 2, 2, 'valid', true), R.unary('square', x)),
  },
  {
    name: 'batchNorm with offset and scale', inputs: [F([2, 3, 4]), F([4]), F([4], { lo: 0.2, hi: 2 }), F([4]), F([4])],
    lt: (x: T, m: T, v: T, o: T, sc: T) => lt.batchNorm(x, m, v, o, sc, 0.01),
    ref: (x, m, v, o, sc) => R.batchNorm(x, m, v, o, sc, 0.01),
  },
];
const windowCases = [...convGradCases(false, CONV), ...convGradCases(true, DW), ...poolCases];

// ---------------------------------------------------------------- composites and reuse
const compositeCases: GradCase[] = [
  {
    name: 'a small MLP with a value used twice',
    inputs: [F([4, 3]), F([3, 5]), F([5]), F([5, 2])],
    lt: (x: T, w1: T, b1: T, w2: T) => { const h = x.matMul(w1).add(b1).tanh(); return h.matMul(w2).add(h.sum(1, true)).sigmoid(); },
    ref: (x, w1, b1, w2) => {
      const h = R.unary('tanh', R.binary('add', R.matMul(x, w1), b1));
      return R.unary('sigmoid', R.binary('add', R.matMul(h, w2), R.sum(h, 1, true)));
    },
  },
  {
    name: 'x * x (one node as both operands)',
    inputs: [F([3])],
    lt: (x: T) => x.mul(x).add(x.div(x.add(5))),
    ref: (x) => R.binary('add', R.binary('mul', x, x), R.binary('div', x, R.binary('add', x, 5))),
  },
];

const ALL = [...unaryCases, ...binaryCases, ...selectCases, ...reduceCases, ...shapeCases, ...matMulCases, ...windowCases, ...compositeCases];

describe('gradient rules against finite differences', () => {
  for (const c of ALL) it(c.name, () => checkGradients(c));
});

/** Table ops whose rule cannot run: their outputs are bool or int32 (no cotangent reaches
 *  them), their gradient inputs are not float32 (oneHot; cast, whose float32 -> float32 form is
 *  never recorded), or (floorDiv) the public op casts its result to int32. */
const UNREACHABLE: OpName[] = ['param', 'const', 'data', 'scalar', 'isNaN', 'isFinite', 'logicalNot', 'floorDiv', 'equal', 'notEqual', 'less', 'lessEqual',
  'greater', 'greaterEqual', 'logicalAnd', 'logicalOr', 'all', 'any', 'argMax', 'argMin', 'oneHot', 'cast'];

describe('coverage', () => {
  it('runs the rule of every op whose output can carry a gradient', () => {
    const missing = (Object.keys(RULES) as OpName[]).filter((n) => !used.has(n) && !UNREACHABLE.includes(n));
    expect(missing).toEqual([]);
  });
});
