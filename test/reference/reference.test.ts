// Checks the float64 reference itself against hand-computed values on small cases, so that
// the op tests compare the engine with something known to be right.

import { describe, expect, it } from 'vitest';
import * as R from './index';

const f32 = (v: number[], shape = [v.length]) => R.fromValues(v, shape, 'float32');
const i32 = (v: number[], shape = [v.length]) => R.fromValues(v, shape, 'int32');
const bool = (v: (number | boolean)[], shape = [v.length]) => R.fromValues(v, shape, 'bool');

function is(r: R.Ref, shape: number[], dtype: R.DType, values: number[], tol = 1e-12) {
  expect(r.shape).toEqual(shape);
  expect(r.dtype).toBe(dtype);
  expect(r.data.length).toBe(values.length);
  for (let i = 0; i < values.length; i++) {
    const a = r.data[i];
    const e = values[i];
    if (Number.isNaN(e)) expect(Number.isNaN(a), `index ${i}: ${a} vs NaN`).toBe(true);
    else if (!Number.isFinite(e)) expect(a, `index ${i}`).toBe(e);
    else expect(Math.abs(a - e), `index ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(e)));
  }
}

describe('core', () => {
  it('stores inputs as their dtype', () => {
    is(f32([0.1]), [1], 'float32', [Math.fround(0.1)], 0);
    is(i32([2.7, -2.7, 3e9]), [3], 'int32', [2, -2, -1294967296], 0);
    is(bool([2, 0, true, false]), [4], 'bool', [1, 0, 1, 0], 0);
  });
  it('infers TensorLike dtypes like tfjs', () => {
    expect(R.refOf(3).dtype).toBe('float32');
    expect(R.refOf([[1, 2]]).shape).toEqual([1, 2]);
    expect(R.refOf([true]).dtype).toBe('bool');
    expect(R.refOf(new Int32Array([1])).dtype).toBe('int32');
    expect(R.refOf(new Uint8Array([1])).dtype).toBe('int32');
    expect(R.refOf(new Float32Array([1])).dtype).toBe('float32');
    expect(R.refOf([new Float32Array([1, 2]), new Float32Array([3, 4])]).shape).toEqual([2, 2]);
    expect(R.refOf([]).shape).toEqual([0]);
  });
  it('broadcasts shapes', () => {
    expect(R.broadcastShapes([2, 1], [3])).toEqual([2, 3]);
    expect(R.broadcastShapes([], [4, 1, 5], [3, 1])).toEqual([4, 3, 5]);
    expect(R.broadcastShapes([0, 3], [3])).toEqual([0, 3]);
    expect(R.broadcastShapes([2, 1], [0])).toEqual([2, 0]);
    expect(() => R.broadcastShapes([2], [3])).toThrow();
  });
  it('prng is deterministic', () => {
    const a = new R.Rng(7);
    const b = new R.Rng(7);
    for (let i = 0; i < 5; i++) expect(a.next()).toBe(b.next());
    const r = R.randRef(new R.Rng(1), [100], 'int32', { lo: -2, hi: 2 });
    expect(Math.min(...r.data)).toBe(-2);
    expect(Math.max(...r.data)).toBe(2);
  });
  it('toNested round-trips', () => {
    const x = f32([1, 2, 3, 4, 5, 6], [2, 3]);
    expect(R.toNested(x)).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(R.toNested(bool([1, 0]))).toEqual([true, false]);
    expect(R.toNested(R.scalarRef(2))).toBe(2);
  });
});

describe('unary', () => {
  it('math', () => {
    is(R.unary('exp', f32([0, 1, -Infinity])), [3], 'float32', [1, Math.E, 0]);
    is(R.unary('log', f32([1, 0, -1])), [3], 'float32', [0, -Infinity, NaN]);
    is(R.unary('rsqrt', f32([4])), [1], 'float32', [0.5]);
    is(R.unary('sigmoid', f32([0, -1000, 1000])), [3], 'float32', [0.5, 0, 1]);
    is(R.unary('softplus', f32([0, 100, -100])), [3], 'float32', [Math.LN2, 100, Math.exp(-100)]);
    is(R.unary('elu', f32([-1, 2])), [2], 'float32', [Math.exp(-1) - 1, 2]);
    is(R.unary('selu', f32([-1, 1])), [2], 'float32', [-1.1113307378125628, 1.0507009873554805]);
    is(R.unary('reciprocal', f32([0, 4])), [2], 'float32', [Infinity, 0.25]);
  });
  it('erf', () => {
    // erf(0.5), erf(1), erf(2), erf(3.5) from tables (A&S 7.1).
    is(R.unary('erf', f32([0.5, 1, 2, 3.5, -3.5, 0, 6])), [7], 'float32',
      [0.5204998778130465, 0.8427007929497149, 0.9953222650189527, 0.9999992569016276, -0.9999992569016276, 0, 1], 1e-13);
  });
  it('int32 and bool dtype rules', () => {
    is(R.unary('neg', i32([1, -2])), [2], 'int32', [-1, 2]);
    is(R.unary('abs', i32([-3])), [1], 'int32', [3]);
    is(R.unary('exp', i32([0])), [1], 'float32', [1]);
    is(R.unary('isNaN', i32([0])), [1], 'bool', [0]);
    is(R.unary('logicalNot', bool([1, 0])), [2], 'bool', [0, 1]);
    expect(() => R.unary('neg', bool([1]))).toThrow();
  });
  it('relu family keeps NaN; sign(NaN) = 0', () => {
    is(R.unary('relu', f32([NaN, -1, 2])), [3], 'float32', [NaN, 0, 2]);
    is(R.unary('relu6', f32([NaN, 7, -1, 3])), [4], 'float32', [NaN, 6, 0, 3]);
    is(R.unary('sign', f32([NaN, -2, 0, 3])), [4], 'float32', [0, -1, 0, 1]);
    is(R.leakyRelu(f32([-1, 2, NaN])), [3], 'float32', [-Math.fround(0.2), 2, NaN]);
    is(R.leakyRelu(i32([-2, 3]), 0.5), [2], 'float32', [-1, 3]);
  });
  it('round is half to even', () => {
    is(R.unary('round', f32([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 2.4, 2.6, -2.6])), [9], 'float32', [-2, -2, -0, 0, 2, 2, 2, 3, -3]);
    is(R.unary('floor', f32([-1.5, 1.5])), [2], 'float32', [-2, 1]);
    is(R.unary('ceil', f32([-1.5, 1.5])), [2], 'float32', [-1, 2]);
  });
  it('clipByValue and cast', () => {
    is(R.clipByValue(f32([-3, 0.5, 3, NaN]), -1, 2), [4], 'float32', [-1, 0.5, 2, NaN]);
    is(R.clipByValue(i32([-3, 0, 3]), -1.5, 1.5), [3], 'int32', [-1, 0, 1]);
    is(R.cast(f32([-2.7, 2.7, NaN]), 'int32'), [3], 'int32', [-2, 2, 0]);
    is(R.cast(f32([-2.7, 0, NaN]), 'bool'), [3], 'bool', [1, 0, 1]);
    is(R.cast(bool([1, 0]), 'float32'), [2], 'float32', [1, 0]);
  });
});

describe('binary', () => {
  it('broadcasting', () => {
    is(R.binary('add', f32([1, 2], [2, 1]), f32([10, 20, 30])), [2, 3], 'float32', [11, 21, 31, 12, 22, 32]);
    is(R.binary('sub', f32([5]), f32([1, 2], [2, 1])), [2, 1], 'float32', [4, 3]);
    is(R.binary('mul', f32([], [0, 3]), f32([1, 2, 3])), [0, 3], 'float32', []);
  });
  it('dtype promotion', () => {
    is(R.binary('add', i32([1, 2]), 2), [2], 'float32', [3, 4]);
    is(R.binary('add', i32([1, 2]), i32([3, 4])), [2], 'int32', [4, 6]);
    is(R.binary('add', bool([1, 0]), i32([3, 4])), [2], 'int32', [4, 4]);
    is(R.binary('add', i32([1]), [2]), [1], 'float32', [3]);
    is(R.binary('add', i32([1]), new Int32Array([2])), [1], 'int32', [3]);
    is(R.binary('add', i32([2147483647]), i32([1])), [1], 'int32', [-2147483648]);
    is(R.binary('mul', i32([65536 * 3]), i32([65536])), [1], 'int32', [0]);
    expect(() => R.binary('add', bool([1]), bool([1]))).toThrow();
  });
  it('div, floorDiv, mod', () => {
    is(R.binary('div', i32([7, -7, 7, -7]), i32([2, 2, -2, -2])), [4], 'int32', [3, -4, -4, 3]);
    is(R.binary('div', f32([7, -7]), f32([2, 2])), [2], 'float32', [3.5, -3.5]);
    is(R.binary('div', i32([7]), 2), [1], 'float32', [3.5]);
    is(R.binary('floorDiv', f32([7.5, -7.5]), f32([2, 2])), [2], 'int32', [3, -4]);
    is(R.binary('mod', f32([5.5, -5.5, 5.5, -5.5]), f32([2, 2, -2, -2])), [4], 'float32', [1.5, 0.5, -0.5, -1.5]);
    is(R.binary('mod', i32([5, -5, 5, -5, 6]), i32([2, 2, -2, -2, 3])), [5], 'int32', [1, 1, -1, -1, 0]);
  });
  it('pow, maximum, minimum, squaredDifference, atan2', () => {
    is(R.binary('pow', i32([2, 2, -2, 0, -1]), i32([3, -1, 3, 0, -3])), [5], 'int32', [8, 0, -8, 1, -1]);
    is(R.binary('pow', f32([-8, 4]), f32([1 / 3, 0.5])), [2], 'float32', [NaN, 2], 1e-7);
    is(R.binary('maximum', f32([NaN, 1, 3]), f32([1, NaN, 2])), [3], 'float32', [NaN, NaN, 3]);
    is(R.binary('minimum', i32([1, 5]), i32([2, 3])), [2], 'int32', [1, 3]);
    is(R.binary('squaredDifference', f32([1, 5]), f32([4, 2])), [2], 'float32', [9, 9]);
    is(R.binary('atan2', f32([1, 1, -1]), f32([1, -1, 0])), [3], 'float32', [Math.PI / 4, (3 * Math.PI) / 4, -Math.PI / 2]);
  });
  it('comparisons and logic', () => {
    is(R.binary('less', f32([1, 2, NaN]), f32([2, 2, 1])), [3], 'bool', [1, 0, 0]);
    is(R.binary('notEqual', f32([NaN]), f32([NaN])), [1], 'bool', [1]);
    is(R.binary('greaterEqual', i32([1, 2]), 1.5), [2], 'bool', [0, 1]);
    is(R.binary('equal', bool([1, 0]), bool([1, 1])), [2], 'bool', [1, 0]);
    is(R.binary('logicalAnd', [true, false, true], bool([1, 1, 0])), [3], 'bool', [1, 0, 0]);
    is(R.binary('logicalOr', [1, 0], [0, 0]), [2], 'bool', [1, 0]);
  });
  it('where', () => {
    is(R.where([true, false, true], f32([1, 2, 3]), f32([4, 5, 6])), [3], 'float32', [1, 5, 3]);
    is(R.where(bool([1, 0], [2, 1]), f32([1, 2, 3]), 9), [2, 3], 'float32', [1, 2, 3, 9, 9, 9]);
    is(R.where(bool([1, 0, 1]), i32([1, 2, 3]), f32([4, 5, 6])), [3], 'float32', [1, 5, 3]);
    is(R.where(bool([1, 0]), bool([1, 1]), bool([0, 0])), [2], 'bool', [1, 0]);
  });
});

describe('reductions', () => {
  const x = f32([1, 5, 3, 4, 2, 6], [2, 3]);
  it('sum mean prod with axes and keepDims', () => {
    is(R.sum(x), [], 'float32', [21]);
    is(R.sum(x, 1), [2], 'float32', [9, 12]);
    is(R.sum(x, -1, true), [2, 1], 'float32', [9, 12]);
    is(R.sum(x, [0]), [3], 'float32', [5, 7, 9]);
    is(R.sum(x, [1, 0], true), [1, 1], 'float32', [21]);
    is(R.sum(x, []), [2, 3], 'float32', [1, 5, 3, 4, 2, 6]);
    is(R.mean(x, 0), [3], 'float32', [2.5, 3.5, 4.5]);
    is(R.mean(i32([1, 2, 4, 4, 5, 9], [2, 3]), 1), [2], 'float32', [7 / 3, 6]);
    is(R.prod(x, 1), [2], 'float32', [15, 48]);
    is(R.sum(bool([1, 0, 1])), [], 'int32', [2]);
    is(R.prod(bool([1, 1])), [], 'int32', [1]);
    is(R.mean(bool([1, 0, 0])), [], 'float32', [1 / 3]);
    is(R.sum(f32([], [2, 0]), 1), [2], 'float32', [0, 0]);
    is(R.prod(f32([], [2, 0]), 1), [2], 'float32', [1, 1]);
    is(R.sum(f32([], [0, 3]), 0), [3], 'float32', [0, 0, 0]);
    is(R.sum(f32([], [0, 3]), 1), [0], 'float32', []);
  });
  it('max min argMax argMin', () => {
    is(R.max(x, 1), [2], 'float32', [5, 6]);
    is(R.min(x, 0, true), [1, 3], 'float32', [1, 2, 3]);
    is(R.max(f32([1, NaN, 2])), [], 'float32', [NaN]);
    is(R.max(bool([0, 1])), [], 'bool', [1]);
    is(R.argMax(x), [3], 'int32', [1, 0, 1]);
    is(R.argMax(x, -1), [2], 'int32', [1, 2]);
    is(R.argMin(x, 1), [2], 'int32', [0, 1]);
    is(R.argMax(f32([1, 3, 3, 2])), [], 'int32', [1]);
    is(R.argMin(f32([1, 0, 0, 2])), [], 'int32', [1]);
    is(R.argMax(f32([0, 1, 9, 2, 5, 2, 7, 1], [2, 2, 2]), 1), [2, 2], 'int32', [1, 1, 1, 0]);
  });
  it('logSumExp all any', () => {
    is(R.logSumExp(f32([1000, 1000])), [], 'float32', [1000 + Math.LN2]);
    is(R.logSumExp(i32([1, 5, 3, 4, 2, 6], [2, 3]), 1, true), [2, 1], 'float32',
      [Math.log(Math.exp(1) + Math.exp(5) + Math.exp(3)), Math.log(Math.exp(4) + Math.exp(2) + Math.exp(6))]);
    const b = bool([1, 0, 1, 1, 1, 1], [2, 3]);
    is(R.all(b, 1), [2], 'bool', [0, 1]);
    is(R.any(b, 0, true), [1, 3], 'bool', [1, 1, 1]);
    is(R.all(b), [], 'bool', [0]);
    is(R.any([false, false]), [], 'bool', [0]);
  });
  it('softmax logSoftmax', () => {
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    const s = e[0] + e[1] + e[2];
    is(R.softmax(f32([1, 2, 3, 1000, 1000, 1000], [2, 3])), [2, 3], 'float32', [e[0] / s, e[1] / s, e[2] / s, 1 / 3, 1 / 3, 1 / 3]);
    is(R.softmax(f32([-Infinity, 0])), [2], 'float32', [0, 1]);
    is(R.logSoftmax(f32([1, 2, 3])), [3], 'float32', [1 - Math.log(s), 2 - Math.log(s), 3 - Math.log(s)]);
    is(R.softmax(f32([1, 2, 1, 2], [2, 2]), 0), [2, 2], 'float32', [0.5, 0.5, 0.5, 0.5]);
  });
  it('cumsum', () => {
    const m = f32([1, 2, 3, 4, 5, 6], [2, 3]);
    is(R.cumsum(m), [2, 3], 'float32', [1, 2, 3, 5, 7, 9]);
    is(R.cumsum(m, 1), [2, 3], 'float32', [1, 3, 6, 4, 9, 15]);
    is(R.cumsum(m, -1, true), [2, 3], 'float32', [0, 1, 3, 0, 4, 9]);
    is(R.cumsum(m, 1, false, true), [2, 3], 'float32', [6, 5, 3, 15, 11, 6]);
    is(R.cumsum(m, 1, true, true), [2, 3], 'float32', [5, 3, 0, 11, 6, 0]);
    is(R.cumsum(bool([1, 1, 0])), [3], 'int32', [1, 2, 2]);
  });
  it('moments', () => {
    const m = f32([1, 2, 3, 4, 5, 9], [2, 3]);
    const r1 = R.moments(m);
    is(r1.mean, [], 'float32', [4]);
    is(r1.variance, [], 'float32', [20 / 3]);
    const r2 = R.moments(m, -1, true);
    is(r2.mean, [2, 1], 'float32', [2, 6]);
    is(r2.variance, [2, 1], 'float32', [2 / 3, 14 / 3]);
    const r3 = R.moments(i32([1, 2, 3, 4, 5, 9], [2, 3]), [0]);
    is(r3.mean, [3], 'float32', [2.5, 3.5, 6]);
    is(r3.variance, [3], 'float32', [2.25, 2.25, 9]);
  });
});

describe('shape ops', () => {
  const x = f32([1, 2, 3, 4, 5, 6], [2, 3]);
  const x3 = R.range(0, 24);
  const c = R.reshape(x3, [2, 3, 4]);
  it('reshape transpose expandDims squeeze', () => {
    is(R.reshape(x, [3, -1]), [3, 2], 'float32', [1, 2, 3, 4, 5, 6]);
    is(R.reshape(f32([], [0, 3]), [-1, 3]), [0, 3], 'float32', []);
    is(R.transpose(x), [3, 2], 'float32', [1, 4, 2, 5, 3, 6]);
    is(R.transpose(c, [1, 0, 2]), [3, 2, 4], 'float32',
      [0, 1, 2, 3, 12, 13, 14, 15, 4, 5, 6, 7, 16, 17, 18, 19, 8, 9, 10, 11, 20, 21, 22, 23]);
    is(R.transpose(c), [4, 3, 2], 'float32', [0, 12, 4, 16, 8, 20, 1, 13, 5, 17, 9, 21, 2, 14, 6, 18, 10, 22, 3, 15, 7, 19, 11, 23]);
    expect(R.expandDims(x).shape).toEqual([1, 2, 3]);
    expect(R.expandDims(x, -1).shape).toEqual([2, 3, 1]);
    expect(R.expandDims(x, -3).shape).toEqual([1, 2, 3]);
    expect(R.expandDims(R.scalarRef(1)).shape).toEqual([1]);
    expect(R.squeeze(R.fromValues([0, 0], [1, 2, 1], 'float32')).shape).toEqual([2]);
    expect(R.squeeze(R.fromValues([], [1, 0, 1], 'float32'), [-1]).shape).toEqual([1, 0]);
  });
  it('slice', () => {
    is(R.slice(c, [1, 0, 1], [1, 2, -1]), [1, 2, 3], 'float32', [13, 14, 15, 17, 18, 19]);
    is(R.slice(f32([1, 2, 3, 4]), 1, 2), [2], 'float32', [2, 3]);
    is(R.slice(f32([1, 2, 3, 4]), [1]), [3], 'float32', [2, 3, 4]);
    expect(R.slice(c, [1, 1]).shape).toEqual([1, 2, 4]);
    is(R.slice(c, [1, 1]), [1, 2, 4], 'float32', [16, 17, 18, 19, 20, 21, 22, 23]);
  });
  it('stridedSlice (values checked against hand-derived TF semantics)', () => {
    const ss = (...a: unknown[]) => (R.stridedSlice as (...args: unknown[]) => R.Ref)(c, ...a);
    is(ss([0, 1, 1], [2, 3, 3], [1, 1, 1]), [2, 2, 2], 'float32', [5, 6, 9, 10, 17, 18, 21, 22]);
    is(ss([1], [2]), [1, 3, 4], 'float32', [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
    is(ss([1, 2, 3], [0, 0, 0], [-1, -1, -2]), [1, 2, 2], 'float32', [23, 21, 19, 17]);
    is(ss([1, 1, 1], [2, 3, 4], [1, 1, 1], 1), [2, 2, 3], 'float32', [5, 6, 7, 9, 10, 11, 17, 18, 19, 21, 22, 23]);
    is(ss([0, 1, 1], [1, 2, 2], [1, 1, 1], 0, 6), [1, 2, 3], 'float32', [5, 6, 7, 9, 10, 11]);
    is(ss([-10, 1, 0], [10, 10, 10]), [2, 2, 4], 'float32', [4, 5, 6, 7, 8, 9, 10, 11, 16, 17, 18, 19, 20, 21, 22, 23]);
    is(ss([1, 0, 2], [2, 3, 3], [1, 1, 1], 0, 0, 0, 0, 5), [3], 'float32', [14, 18, 22]);
    is(ss([-1, 0, -1], [0, 3, 0], [1, 1, 1], 0, 0, 0, 0, 5), [3], 'float32', [15, 19, 23]);
    is(ss([0, 0, 0], [1, 1, 1], [1, 1, 1], 0, 0, 0, 2), [1, 1, 1, 4], 'float32', [0, 1, 2, 3]);
    is(ss([0, 1], [1, 3], [1, 1], 0, 0, 1), [2, 3, 2], 'float32', [1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22]);
    is(ss([1, 0, 2], [2, 0, 3], [1, 1, 1], 0, 0, 2), [1, 3, 1], 'float32', [14, 18, 22]);
    is(ss([0, 0, 1], [0, 0, 3], [1, 1, 1], 0, 0, 1, 2), [2, 3, 1, 2], 'float32', [1, 2, 5, 6, 9, 10, 13, 14, 17, 18, 21, 22]);
    is(ss([0, 1], [0, 2], [1, 1], 0, 0, 1, 0, 2), [2, 3], 'float32', [1, 5, 9, 13, 17, 21]);
    is(ss([0, 0, 0], [2, 3, 4], [1, 2, 3]), [2, 2, 2], 'float32', [0, 3, 8, 11, 12, 15, 20, 23]);
    is(ss([0, 5, 5], [2, -10, -10], [1, -2, -3]), [2, 2, 2], 'float32', [11, 8, 3, 0, 23, 20, 15, 12]);
    is(ss([1, 2, 3], [0, 0, 0], [1, 1, 1], 0, 0, 0, 0, 7), [], 'float32', [23]);
    is(ss([0, 1], [1, 2], [1, 1], 0, 0, 0, 1, 1), [1, 1, 3, 4], 'float32', [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
    is(ss([1, 0], [0, 0], [1, 1], 0, 1, 0, 0, 1), [0, 4], 'float32', []);
    is(ss([0, 3, 0], [2, 1, 4]), [2, 0, 4], 'float32', []);
    is(R.stridedSlice(f32([1, 2, 3, 4, 5]), [1], [4], [2]), [2], 'float32', [2, 4]);
  });
  it('concat stack unstack split', () => {
    is(R.concat([x, f32([7, 8], [2, 1])], -1), [2, 4], 'float32', [1, 2, 3, 7, 4, 5, 6, 8]);
    is(R.concat([x, x]), [4, 3], 'float32', [1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6]);
    is(R.concat([x, f32([], [2, 0])], 1), [2, 3], 'float32', [1, 2, 3, 4, 5, 6]);
    is(R.stack([f32([1, 2]), f32([3, 4])], 1), [2, 2], 'float32', [1, 3, 2, 4]);
    is(R.stack([f32([1, 2]), f32([3, 4])], -1), [2, 2], 'float32', [1, 3, 2, 4]);
    is(R.stack([R.scalarRef(1), R.scalarRef(2)]), [2], 'float32', [1, 2]);
    const u = R.unstack(x, 1);
    expect(u.length).toBe(3);
    is(u[2], [2], 'float32', [3, 6]);
    const sp = R.split(c, [1, -1, 2], 2);
    is(sp[0], [2, 3, 1], 'float32', [0, 4, 8, 12, 16, 20]);
    is(sp[1], [2, 3, 1], 'float32', [1, 5, 9, 13, 17, 21]);
    is(sp[2], [2, 3, 2], 'float32', [2, 3, 6, 7, 10, 11, 14, 15, 18, 19, 22, 23]);
    const sp2 = R.split(c, 2);
    is(sp2[1], [1, 3, 4], 'float32', [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23]);
  });
  it('tile pad gather reverse broadcastTo oneHot', () => {
    is(R.tile(f32([1, 2, 3, 4], [2, 2]), [1, 2]), [2, 4], 'float32', [1, 2, 1, 2, 3, 4, 3, 4]);
    is(R.tile(f32([1, 2]), [3]), [6], 'float32', [1, 2, 1, 2, 1, 2]);
    is(R.pad(x, [[1, 0], [0, 2]], 9), [3, 5], 'float32', [9, 9, 9, 9, 9, 1, 2, 3, 9, 9, 4, 5, 6, 9, 9]);
    is(R.pad(i32([1, 2]), [[1, 1]], 2.7), [4], 'int32', [2, 1, 2, 2]);
    is(R.gather(x, [1, 0, 1]), [3, 3], 'float32', [4, 5, 6, 1, 2, 3, 4, 5, 6]);
    is(R.gather(x, [[2, 0], [1, 1]], 1), [2, 2, 2], 'float32', [3, 1, 2, 2, 6, 4, 5, 5]);
    is(R.gather(x, 1), [3], 'float32', [4, 5, 6]);
    is(R.gather(x, [[0, 2], [1, 1]], 1, 1), [2, 2], 'float32', [1, 3, 5, 5]);
    is(R.reverse(x), [2, 3], 'float32', [6, 5, 4, 3, 2, 1]);
    is(R.reverse(x, -1), [2, 3], 'float32', [3, 2, 1, 6, 5, 4]);
    is(R.reverse(x, [0]), [2, 3], 'float32', [4, 5, 6, 1, 2, 3]);
    is(R.broadcastTo(f32([1, 2], [2, 1]), [2, 2, 3]), [2, 2, 3], 'float32', [1, 1, 1, 2, 2, 2, 1, 1, 1, 2, 2, 2]);
    is(R.oneHot(i32([0, 2, -1, 5]), 3), [4, 3], 'int32', [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    is(R.oneHot(i32([0, 2]), 3, 0.5, -1.5), [2, 3], 'int32', [0, -1, -1, -1, -1, 0]);
    is(R.oneHot(i32([0, 2]), 3, 0.5, -1.5, 'float32'), [2, 3], 'float32', [0.5, -1.5, -1.5, -1.5, -1.5, 0.5]);
  });
});

describe('linalg and creation', () => {
  const a = f32([1, 2, 3, 4, 5, 6], [2, 3]);
  it('matMul', () => {
    is(R.matMul(a, a, false, true), [2, 2], 'float32', [14, 32, 32, 77]);
    is(R.matMul(a, a, true, false), [3, 3], 'float32', [17, 22, 27, 22, 29, 36, 27, 36, 45]);
    is(R.matMul(i32([1, 2, 3, 4], [2, 2]), i32([1, 2, 3, 4], [2, 2])), [2, 2], 'int32', [7, 10, 15, 22]);
    is(R.matMul(f32([], [2, 0]), f32([], [0, 3])), [2, 3], 'float32', [0, 0, 0, 0, 0, 0]);
    // batch broadcast: A [2,1,1,2] x B [3,2,1]
    const A = f32([1, 2, 3, 4], [2, 1, 1, 2]);
    const B = f32([1, 1, 0, 1, 2, 0], [3, 2, 1]);
    is(R.matMul(A, B), [2, 3, 1, 1], 'float32', [3, 2, 2, 7, 4, 6]);
    is(R.matMul(f32([1, 2], [1, 2]), f32([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2])), [2, 1, 2], 'float32', [7, 10, 19, 22]);
  });
  it('dot', () => {
    is(R.dot([1, 2, 3], [4, 5, 6]), [], 'float32', [32]);
    is(R.dot([[1, 2, 3], [4, 5, 6]], [1, 1, 1]), [2], 'float32', [6, 15]);
    is(R.dot([1, 1], [[1, 2, 3], [4, 5, 6]]), [3], 'float32', [5, 7, 9]);
    is(R.dot(i32([1, 2]), i32([3, 4])), [], 'int32', [11]);
  });
  it('range linspace eye', () => {
    is(R.range(0, 10, 3), [4], 'float32', [0, 3, 6, 9]);
    is(R.range(5, 0, -2), [3], 'float32', [5, 3, 1]);
    is(R.range(5, 0), [5], 'float32', [5, 4, 3, 2, 1]);
    is(R.range(5, 0, 2), [0], 'float32', []);
    is(R.range(0, 5, -1), [0], 'float32', []);
    is(R.range(3, 3), [0], 'float32', []);
    is(R.range(-3, 3, 2, 'int32'), [3], 'int32', [-3, -1, 1]);
    is(R.range(0.5, 5, 1.5, 'int32'), [3], 'int32', [0, 1, 2]);
    is(R.range(0, 7, 2.5), [3], 'float32', [0, 2.5, 5]);
    is(R.linspace(0, 1, 5), [5], 'float32', [0, 0.25, 0.5, 0.75, 1]);
    is(R.linspace(2, 5, 1), [1], 'float32', [2]);
    is(R.linspace(5, -1, 4), [4], 'float32', [5, 3, 1, -1]);
    is(R.eye(2, 3), [2, 3], 'float32', [1, 0, 0, 0, 1, 0]);
    is(R.eye(2, 2, [2]), [2, 2, 2], 'float32', [1, 0, 0, 1, 1, 0, 0, 1]);
    is(R.eye(2, 1, [2, 1], 'int32'), [2, 1, 2, 1], 'int32', [1, 0, 1, 0]);
    is(R.eye(3, undefined, undefined, 'bool'), [3, 3], 'bool', [1, 0, 0, 0, 1, 0, 0, 0, 1]);
  });
});
