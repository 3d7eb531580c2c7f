// Shape and data-movement ops against the reference (all exact): float32, int32 and bool,
// negative axes, size-0 and size-1 dims, rank 0, method form, TensorLike inputs.

import { beforeAll, describe, it } from 'vitest';
import * as R from '../reference';
import { expectAllClose, expectClose, setupBackend, toLt } from '../helpers';
import * as lt from '../../ts/index';

beforeAll(setupBackend);

const DTYPES: R.DType[] = ['float32', 'int32', 'bool'];
const rand = (seed: number, shape: number[], dtype: R.DType = 'float32') => R.randRef(new R.Rng(seed), shape, dtype);

describe('reshape', () => {
  it('with -1, to and from rank 0, size 0; every dtype (function form)', async () => {
    for (const dtype of DTYPES) {
      const x = rand(1, [2, 3, 4], dtype);
      for (const shape of [[24], [4, -1], [-1, 2, 3], [2, 12], [1, 24, 1]]) {
        await expectClose(lt.reshape(toLt(x), shape), R.reshape(x, shape), 'reshape', `${dtype} [${shape}]`);
      }
    }
    const s = rand(2, [1, 1]);
    await expectClose(lt.reshape(toLt(s), []), R.reshape(s, []), 'reshape', 'to rank 0');
    await expectClose(lt.reshape(lt.scalar(3), [1, 1]), R.reshape(3, [1, 1]), 'reshape', 'from rank 0');
    const e = rand(3, [0, 4]);
    await expectClose(lt.reshape(toLt(e), [2, 0, 2]), R.reshape(e, [2, 0, 2]), 'reshape', 'size 0');
  });
  it('method form and TensorLike', async () => {
    const x = rand(4, [6]);
    await expectClose(toLt(x).reshape([3, 2]), R.reshape(x, [3, 2]), 'reshape', 'method');
    await expectClose(lt.reshape([[1, 2], [3, 4]], [4]), R.reshape([[1, 2], [3, 4]], [4]), 'reshape', 'nested');
  });
});

describe('transpose', () => {
  it('default and explicit perms, every dtype (function form)', async () => {
    for (const dtype of DTYPES) {
      const x = rand(5, [2, 3, 4], dtype);
      await expectClose(lt.transpose(toLt(x)), R.transpose(x), 'transpose', `${dtype} default`);
      for (const perm of [[0, 1, 2], [1, 0, 2], [2, 0, 1], [0, 2, 1], [1, 2, 0]]) {
        await expectClose(lt.transpose(toLt(x), perm), R.transpose(x, perm), 'transpose', `${dtype} [${perm}]`);
      }
    }
  });
  it('method form, rank 4, rank 1, rank 0, size-1 and size-0 dims, TensorLike', async () => {
    const x = rand(6, [2, 1, 3, 2]);
    await expectClose(toLt(x).transpose([3, 1, 0, 2]), R.transpose(x, [3, 1, 0, 2]), 'transpose', 'rank 4');
    await expectClose(toLt(x).transpose(), R.transpose(x), 'transpose', 'method default');
    const v = rand(7, [5]);
    await expectClose(toLt(v).transpose(), R.transpose(v), 'transpose', 'rank 1');
    await expectClose(lt.transpose(lt.scalar(2)), R.transpose(2), 'transpose', 'rank 0');
    const e = rand(8, [0, 3]);
    await expectClose(lt.transpose(toLt(e)), R.transpose(e), 'transpose', 'size 0');
    await expectClose(lt.transpose([[1, 2, 3], [4, 5, 6]]), R.transpose([[1, 2, 3], [4, 5, 6]]), 'transpose', 'nested');
  });
});

describe('expandDims / squeeze', () => {
  it('expandDims: every axis incl. negative, default axis, every dtype', async () => {
    for (const dtype of DTYPES) {
      const x = rand(9, [2, 3], dtype);
      await expectClose(lt.expandDims(toLt(x)), R.expandDims(x), 'expandDims', `${dtype} default`);
      for (const axis of [0, 1, 2, -1, -2, -3]) {
        await expectClose(lt.expandDims(toLt(x), axis), R.expandDims(x, axis), 'expandDims', `${dtype} axis ${axis}`);
      }
    }
  });
  it('expandDims: method form, rank 0, size 0, TensorLike', async () => {
    await expectClose(lt.scalar(4).expandDims(), R.expandDims(4), 'expandDims', 'rank 0');
    const e = rand(10, [0, 2]);
    await expectClose(toLt(e).expandDims(1), R.expandDims(e, 1), 'expandDims', 'size 0');
    await expectClose(lt.expandDims([1, 2, 3], -1), R.expandDims([1, 2, 3], -1), 'expandDims', 'number[]');
  });
  it('squeeze: all size-1 dims or the listed ones (negative too), every dtype', async () => {
    for (const dtype of DTYPES) {
      const x = rand(11, [1, 3, 1, 2, 1], dtype);
      await expectClose(lt.squeeze(toLt(x)), R.squeeze(x), 'squeeze', `${dtype} all`);
      await expectClose(lt.squeeze(toLt(x), [0]), R.squeeze(x, [0]), 'squeeze', `${dtype} [0]`);
      await expectClose(lt.squeeze(toLt(x), [2, -1]), R.squeeze(x, [2, -1]), 'squeeze', `${dtype} [2,-1]`);
    }
  });
  it('squeeze: method form, to rank 0, size 0, TensorLike', async () => {
    const x = rand(12, [1, 1]);
    await expectClose(toLt(x).squeeze(), R.squeeze(x), 'squeeze', 'to rank 0');
    const e = rand(13, [1, 0, 1]);
    await expectClose(toLt(e).squeeze([0]), R.squeeze(e, [0]), 'squeeze', 'size 0');
    await expectClose(lt.squeeze([[1], [2]]), R.squeeze([[1], [2]]), 'squeeze', 'nested');
  });
});

describe('slice', () => {
  it('begin/size lists, size -1, every dtype (function form)', async () => {
    for (const dtype of DTYPES) {
      const x = rand(14, [3, 4, 5], dtype);
      const cases: [number[], number[] | undefined][] = [
        [[0, 0, 0], [3, 4, 5]],
        [[1, 2, 3], [2, 1, 2]],
        [[1, 0, 1], [1, -1, 3]],
        [[2, 3, 4], [-1, -1, -1]],
        [[0, 1, 0], [3, 0, 5]],
        [[1], undefined],
        [[1, 1], [2]],
      ];
      for (const [begin, size] of cases) {
        await expectClose(lt.slice(toLt(x), begin, size), R.slice(x, begin, size), 'slice', `${dtype} begin [${begin}] size ${JSON.stringify(size)}`);
      }
    }
  });
  it('rank 1 with number begin/size, method form, size-1 and size-0 dims, TensorLike', async () => {
    const v = rand(15, [8]);
    await expectClose(lt.slice(toLt(v), 2, 3), R.slice(v, 2, 3), 'slice', 'numbers');
    await expectClose(toLt(v).slice(5), R.slice(v, 5), 'slice', 'method, begin only');
    await expectClose(toLt(v).slice([1], [-1]), R.slice(v, [1], [-1]), 'slice', 'method, size -1');
    const x = rand(16, [1, 4, 1]);
    await expectClose(toLt(x).slice([0, 1, 0], [1, 2, 1]), R.slice(x, [0, 1, 0], [1, 2, 1]), 'slice', 'size-1 dims');
    const e = rand(17, [0, 4]);
    await expectClose(lt.slice(toLt(e), [0, 1], [0, 2]), R.slice(e, [0, 1], [0, 2]), 'slice', 'size 0');
    await expectClose(lt.slice([[1, 2, 3], [4, 5, 6]], [0, 1], [2, 2]), R.slice([[1, 2, 3], [4, 5, 6]], [0, 1], [2, 2]), 'slice', 'nested');
  });
});

describe('concat / stack / unstack / split', () => {
  it('concat: every axis incl. negative, several inputs, every dtype (function form)', async () => {
    for (const dtype of DTYPES) {
      const a = rand(18, [2, 3, 4], dtype);
      for (const axis of [0, 1, 2, -1, -3]) {
        const shapeB = [2, 3, 4];
        const ax = axis < 0 ? axis + 3 : axis;
        shapeB[ax] = 2;
        const b = rand(19, shapeB, dtype);
        const c = rand(20, shapeB.map((d, i) => (i === ax ? 1 : d)), dtype);
        await expectClose(lt.concat([toLt(a), toLt(b), toLt(c)], axis), R.concat([a, b, c], axis), 'concat', `${dtype} axis ${axis}`);
      }
      await expectClose(lt.concat([toLt(a), toLt(a)]), R.concat([a, a]), 'concat', `${dtype} default axis`);
    }
  });
  it('concat: one input, size-0 inputs, rank 1, method form, TensorLike', async () => {
    const a = rand(21, [2, 3]);
    await expectClose(lt.concat([toLt(a)], 1), R.concat([a], 1), 'concat', 'one input');
    const e = rand(22, [2, 0]);
    await expectClose(lt.concat([toLt(a), toLt(e)], 1), R.concat([a, e], 1), 'concat', 'with size 0');
    await expectClose(lt.concat([toLt(e), toLt(e)], 0), R.concat([e, e], 0), 'concat', 'all size 0');
    const v = rand(23, [3]);
    await expectClose(toLt(v).concat(toLt(v)), R.concat([v, v]), 'concat', 'method, one tensor');
    await expectClose(toLt(a).concat([toLt(a), toLt(a)], -1), R.concat([a, a, a], -1), 'concat', 'method, list');
    await expectClose(lt.concat([[1, 2], [3]]), R.concat([[1, 2], [3]]), 'concat', 'number[]s');
  });
  it('stack: every axis incl. negative, every dtype (function form)', async () => {
    for (const dtype of DTYPES) {
      const xs = [rand(24, [2, 3], dtype), rand(25, [2, 3], dtype), rand(26, [2, 3], dtype)];
      for (const axis of [0, 1, 2, -1, -3]) {
        await expectClose(lt.stack(xs.map((x) => toLt(x)), axis), R.stack(xs, axis), 'stack', `${dtype} axis ${axis}`);
      }
    }
  });
  it('stack: scalars, one input, size 0, method form, TensorLike', async () => {
    await expectClose(lt.stack([lt.scalar(1), lt.scalar(2)]), R.stack([1, 2].map((v) => R.scalarRef(v))), 'stack', 'scalars');
    const a = rand(27, [3]);
    await expectClose(lt.stack([toLt(a)], 1), R.stack([a], 1), 'stack', 'one input');
    const e = rand(28, [0, 2]);
    await expectClose(lt.stack([toLt(e), toLt(e)], 1), R.stack([e, e], 1), 'stack', 'size 0');
    await expectClose(toLt(a).stack(toLt(a)), R.stack([a, a]), 'stack', 'method, one tensor');
    await expectClose(toLt(a).stack([toLt(a), toLt(a)], -1), R.stack([a, a, a], -1), 'stack', 'method, list');
    await expectClose(lt.stack([[1, 2], [3, 4]]), R.stack([[1, 2], [3, 4]]), 'stack', 'number[]s');
  });
  it('unstack: every axis incl. negative, every dtype, method form, size-1 axis', async () => {
    for (const dtype of DTYPES) {
      const x = rand(29, [2, 3, 4], dtype);
      for (const axis of [0, 1, 2, -1]) {
        await expectAllClose(lt.unstack(toLt(x), axis), R.unstack(x, axis), 'unstack', `${dtype} axis ${axis}`);
      }
      await expectAllClose(toLt(x).unstack(), R.unstack(x), 'unstack', `${dtype} method default axis`);
    }
    const one = rand(30, [1, 3]);
    await expectAllClose(lt.unstack(toLt(one)), R.unstack(one), 'unstack', 'size-1 axis');
    const e = rand(31, [2, 0]);
    await expectAllClose(lt.unstack(toLt(e)), R.unstack(e), 'unstack', 'size-0 dims');
    await expectAllClose(lt.unstack([[1, 2], [3, 4]], 1), R.unstack([[1, 2], [3, 4]], 1), 'unstack', 'nested');
  });
  it('split: even count and size lists with -1, every axis incl. negative, every dtype', async () => {
    for (const dtype of DTYPES) {
      const x = rand(32, [4, 6, 2], dtype);
      const cases: [number | number[], number][] = [
        [2, 0],
        [3, 1],
        [1, -1],
        [[1, 3], 0],
        [[2, -1, 1], 1],
        [[1, 2, 3], -2],
        [[0, 2], 2],
        [[3, -1], 0],
      ];
      for (const [spec, axis] of cases) {
        await expectAllClose(lt.split(toLt(x), spec, axis), R.split(x, spec, axis), 'split', `${dtype} ${JSON.stringify(spec)} axis ${axis}`);
      }
    }
  });
  it('split: default axis, method form, size-0 dims, TensorLike', async () => {
    const x = rand(33, [4, 3]);
    await expectAllClose(lt.split(toLt(x), 2), R.split(x, 2), 'split', 'default axis');
    await expectAllClose(toLt(x).split([1, -1], 1), R.split(x, [1, -1], 1), 'split', 'method');
    const e = rand(34, [0, 4]);
    await expectAllClose(lt.split(toLt(e), 2, 1), R.split(e, 2, 1), 'split', 'size 0');
    await expectAllClose(lt.split([1, 2, 3, 4], [3, 1]), R.split([1, 2, 3, 4], [3, 1]), 'split', 'number[]');
  });
});

describe('tile / pad / reverse / broadcastTo', () => {
  it('tile: every dtype, reps with 1s and 0s (function form)', async () => {
    for (const dtype of DTYPES) {
      const x = rand(35, [2, 3], dtype);
      for (const reps of [[1, 1], [2, 1], [1, 3], [3, 2], [0, 2]]) {
        await expectClose(lt.tile(toLt(x), reps), R.tile(x, reps), 'tile', `${dtype} [${reps}]`);
      }
    }
  });
  it('tile: method form, rank 1 and 3, size-0 input, TensorLike', async () => {
    const v = rand(36, [3]);
    await expectClose(toLt(v).tile([4]), R.tile(v, [4]), 'tile', 'rank 1');
    const x = rand(37, [2, 1, 2]);
    await expectClose(toLt(x).tile([2, 3, 1]), R.tile(x, [2, 3, 1]), 'tile', 'rank 3');
    const e = rand(38, [0, 2]);
    await expectClose(lt.tile(toLt(e), [3, 2]), R.tile(e, [3, 2]), 'tile', 'size 0');
    await expectClose(lt.tile([[1, 2]], [2, 2]), R.tile([[1, 2]], [2, 2]), 'tile', 'nested');
  });
  it('pad: every dtype, default and explicit constant (function form)', async () => {
    for (const dtype of DTYPES) {
      const x = rand(39, [2, 3], dtype);
      const cases: [[number, number][], number | undefined][] = [
        [[[0, 0], [0, 0]], undefined],
        [[[1, 0], [0, 2]], undefined],
        [[[2, 1], [1, 1]], dtype === 'bool' ? 1 : 7],
        [[[0, 3], [2, 0]], dtype === 'float32' ? -2.5 : dtype === 'int32' ? -4 : 0],
      ];
      for (const [paddings, c] of cases) {
        await expectClose(lt.pad(toLt(x), paddings, c), R.pad(x, paddings, c), 'pad', `${dtype} ${JSON.stringify(paddings)} c ${c}`);
      }
    }
  });
  it('pad: method form, rank 1 and 3, size-0 input, int32 with fractional constant, TensorLike', async () => {
    const v = rand(40, [3]);
    await expectClose(toLt(v).pad([[2, 1]], 0.5), R.pad(v, [[2, 1]], 0.5), 'pad', 'rank 1');
    const x = rand(41, [1, 2, 2]);
    await expectClose(toLt(x).pad([[1, 1], [0, 1], [2, 0]]), R.pad(x, [[1, 1], [0, 1], [2, 0]]), 'pad', 'rank 3');
    const e = rand(42, [0, 2]);
    await expectClose(lt.pad(toLt(e), [[1, 1], [0, 1]], 3), R.pad(e, [[1, 1], [0, 1]], 3), 'pad', 'size 0');
    const xi = rand(43, [2], 'int32');
    await expectClose(lt.pad(toLt(xi), [[1, 1]], 2.7), R.pad(xi, [[1, 1]], 2.7), 'pad', 'int32, constant 2.7');
    await expectClose(lt.pad([[1, 2]], [[1, 0], [0, 1]], 9), R.pad([[1, 2]], [[1, 0], [0, 1]], 9), 'pad', 'nested');
  });
  it('reverse: default, single, negative and listed axes, every dtype (function form)', async () => {
    for (const dtype of DTYPES) {
      const x = rand(44, [2, 3, 4], dtype);
      await expectClose(lt.reverse(toLt(x)), R.reverse(x), 'reverse', `${dtype} all axes`);
      for (const axis of [0, 1, -1, [0, 2], [-1, -2], []] as (number | number[])[]) {
        await expectClose(lt.reverse(toLt(x), axis), R.reverse(x, axis), 'reverse', `${dtype} axis ${JSON.stringify(axis)}`);
      }
    }
  });
  it('reverse: method form, rank 1, rank 0, size-1 and size-0 dims, TensorLike', async () => {
    const v = rand(45, [5]);
    await expectClose(toLt(v).reverse(), R.reverse(v), 'reverse', 'rank 1');
    await expectClose(toLt(v).reverse(0), R.reverse(v, 0), 'reverse', 'rank 1 axis 0');
    await expectClose(lt.reverse(lt.scalar(3)), R.reverse(3), 'reverse', 'rank 0');
    const x = rand(46, [1, 4, 1]);
    await expectClose(toLt(x).reverse([0, 1]), R.reverse(x, [0, 1]), 'reverse', 'size-1 dims');
    const e = rand(47, [0, 3]);
    await expectClose(lt.reverse(toLt(e), 1), R.reverse(e, 1), 'reverse', 'size 0');
    await expectClose(lt.reverse([[1, 2], [3, 4]], 1), R.reverse([[1, 2], [3, 4]], 1), 'reverse', 'nested');
  });
  it('broadcastTo: adding and expanding dims, every dtype (function form)', async () => {
    for (const dtype of DTYPES) {
      const cases: [number[], number[]][] = [
        [[3], [2, 3]],
        [[2, 1], [2, 4]],
        [[1, 3, 1], [2, 3, 4]],
        [[], [2, 2]],
        [[2, 3], [2, 3]],
        [[1], [1, 1, 5]],
      ];
      for (const [from, to] of cases) {
        const x = rand(48, from, dtype);
        await expectClose(lt.broadcastTo(toLt(x), to), R.broadcastTo(x, to), 'broadcastTo', `${dtype} [${from}] -> [${to}]`);
      }
    }
  });
  it('broadcastTo: method form, to a size-0 shape, TensorLike', async () => {
    const x = rand(49, [1, 3]);
    await expectClose(toLt(x).broadcastTo([4, 3]), R.broadcastTo(x, [4, 3]), 'broadcastTo', 'method');
    const e = rand(50, [0, 1]);
    await expectClose(lt.broadcastTo(toLt(e), [0, 3]), R.broadcastTo(e, [0, 3]), 'broadcastTo', 'size 0');
    await expectClose(lt.broadcastTo(5, [3]), R.broadcastTo(5, [3]), 'broadcastTo', 'number');
    await expectClose(lt.broadcastTo([[1], [2]], [2, 2]), R.broadcastTo([[1], [2]], [2, 2]), 'broadcastTo', 'nested');
  });
});

describe('gather', () => {
  it('every axis incl. negative, index tensors of rank 0-2, every dtype (function form)', async () => {
    const rng = new R.Rng(51);
    for (const dtype of DTYPES) {
      const x = R.randRef(rng, [3, 4, 5], dtype);
      for (const axis of [0, 1, 2, -1, -2]) {
        const dim = x.shape[axis < 0 ? axis + 3 : axis];
        for (const ishape of [[], [2], [6], [2, 3]]) {
          const ind = R.randRef(rng, ishape, 'int32', { lo: 0, hi: dim - 1 });
          await expectClose(lt.gather(toLt(x), toLt(ind), axis), R.gather(x, ind, axis), 'gather', `${dtype} axis ${axis} indices [${ishape}]`);
        }
      }
    }
  });
  it('default axis, method form, repeated indices, empty indices, size-0 dims, TensorLike indices', async () => {
    const rng = new R.Rng(52);
    const x = R.randRef(rng, [4, 3], 'float32');
    const ind = R.fromValues([3, 3, 0, 1, 3], [5], 'int32');
    await expectClose(lt.gather(toLt(x), toLt(ind)), R.gather(x, ind), 'gather', 'default axis, repeats');
    await expectClose(toLt(x).gather(toLt(ind), 0), R.gather(x, ind, 0), 'gather', 'method');
    await expectClose(toLt(x).gather([2, 0], 1), R.gather(x, [2, 0], 1), 'gather', 'number[] indices');
    await expectClose(lt.gather(toLt(x), 1), R.gather(x, 1), 'gather', 'number index');
    await expectClose(lt.gather(toLt(x), [[0, 1], [1, 0]], 1), R.gather(x, [[0, 1], [1, 0]], 1), 'gather', 'nested indices');
    await expectClose(lt.gather(toLt(x), new Int32Array([2, 1])), R.gather(x, new Int32Array([2, 1])), 'gather', 'Int32Array indices');
    const none = R.fromValues([], [0], 'int32');
    await expectClose(lt.gather(toLt(x), toLt(none), 1), R.gather(x, none, 1), 'gather', 'empty indices');
    const e = R.randRef(rng, [0, 3], 'float32');
    await expectClose(lt.gather(toLt(e), [2, 0], 1), R.gather(e, [2, 0], 1), 'gather', 'size-0 input');
    await expectClose(lt.gather([[1, 2], [3, 4]], [1]), R.gather([[1, 2], [3, 4]], [1]), 'gather', 'nested input');
  });
  it('batchDims 1', async () => {
    const rng = new R.Rng(53);
    const x = R.randRef(rng, [2, 3, 4], 'float32');
    const ind = R.randRef(rng, [2, 5], 'int32', { lo: 0, hi: 2 });
    await expectClose(lt.gather(toLt(x), toLt(ind), 1, 1), R.gather(x, ind, 1, 1), 'gather', 'axis 1');
    const ind2 = R.randRef(rng, [2, 2], 'int32', { lo: 0, hi: 3 });
    await expectClose(lt.gather(toLt(x), toLt(ind2), 2, 1), R.gather(x, ind2, 2, 1), 'gather', 'axis 2');
  });
});

describe('oneHot', () => {
  it('default on/off values and dtype int32, out-of-range indices give all-off rows (function form)', async () => {
    const ind = R.fromValues([0, 2, 1, -1, 3, 5, 2], [7], 'int32');
    await expectClose(lt.oneHot(toLt(ind), 3), R.oneHot(ind, 3), 'oneHot', 'depth 3');
    await expectClose(lt.oneHot(toLt(ind), 2), R.oneHot(ind, 2), 'oneHot', 'depth 2');
  });
  it('onValue / offValue, float32 dtype, rank-2 and rank-0 indices, size 0, method form, TensorLike', async () => {
    const rng = new R.Rng(54);
    const ind = R.randRef(rng, [2, 3], 'int32', { lo: 0, hi: 3 });
    await expectClose(lt.oneHot(toLt(ind), 4, 5, -1), R.oneHot(ind, 4, 5, -1), 'oneHot', 'on 5 off -1');
    await expectClose(lt.oneHot(toLt(ind), 4, 0.5, -1.5, 'float32'), R.oneHot(ind, 4, 0.5, -1.5, 'float32'), 'oneHot', 'float32');
    await expectClose(lt.oneHot(lt.scalar(2, 'int32'), 4), R.oneHot(R.scalarRef(2, 'int32'), 4), 'oneHot', 'rank 0');
    const e = R.fromValues([], [0], 'int32');
    await expectClose(lt.oneHot(toLt(e), 3), R.oneHot(e, 3), 'oneHot', 'size 0');
    await expectClose(toLt(ind).oneHot(4), R.oneHot(ind, 4), 'oneHot', 'method');
    await expectClose(toLt(ind).oneHot(4, 2, 1), R.oneHot(ind, 4, 2, 1), 'oneHot', 'method, on/off');
    await expectClose(lt.oneHot([1, 0, 2], 3), R.oneHot([1, 0, 2], 3), 'oneHot', 'number[]');
    await expectClose(lt.oneHot(new Int32Array([1, 0]), 2), R.oneHot(new Int32Array([1, 0]), 2), 'oneHot', 'Int32Array');
  });
});
