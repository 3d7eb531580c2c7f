// stridedSlice against the reference: begin/end/strides with negative indices and strides,
// clamping, and every mask (begin, end, ellipsis, newAxis, shrinkAxis), alone and combined.

import { beforeAll, describe, it } from 'vitest';
import * as R from '../reference';
import { expectClose, setupBackend, toLt } from '../helpers';
import * as lt from '../../ts/index';

beforeAll(setupBackend);

type Args = [number[], number[], number[]?, number?, number?, number?, number?, number?];

const arange = (shape: number[], dtype: R.DType = 'float32') =>
  R.reshape(R.range(0, R.sizeOf(shape), 1, dtype === 'bool' ? 'int32' : dtype), shape);

/** Hand-checked cases on x = arange(24).reshape([2, 3, 4]) (see test/reference/reference.test.ts). */
const NAMED: [string, Args][] = [
  ['plain begin/end/strides', [[0, 1, 1], [2, 3, 3], [1, 1, 1]]],
  ['strides omitted', [[0, 1, 1], [2, 3, 3]]],
  ['fewer entries than rank', [[1], [2]]],
  ['negative strides', [[1, 2, 3], [0, 0, 0], [-1, -1, -2]]],
  ['negative strides, full reverse', [[-1, -1, -1], [-3, -4, -5], [-1, -1, -1]]],
  ['negative indices', [[-1, -2, -3], [2, 3, 4]]],
  ['out-of-range indices clamp', [[-10, 1, 0], [10, 10, 10]]],
  ['stride 2 and 3', [[0, 0, 0], [2, 3, 4], [1, 2, 3]]],
  ['negative strides past the ends', [[0, 5, 5], [2, -10, -10], [1, -2, -3]]],
  ['begin == end is empty', [[1, 2, 3], [1, 2, 3]]],
  ['beginMask', [[1, 1, 1], [2, 3, 4], [1, 1, 1], 1]],
  ['endMask', [[0, 1, 1], [1, 2, 2], [1, 1, 1], 0, 6]],
  ['endMask with negative strides', [[0, 2, 3], [0, 0, 0], [1, -1, -1], 0, 7]],
  ['beginMask with negative strides', [[0, 0, 0], [2, 0, 1], [1, -1, -1], 7]],
  ['shrinkAxisMask', [[1, 0, 2], [2, 3, 3], [1, 1, 1], 0, 0, 0, 0, 5]],
  ['shrinkAxisMask with negative index', [[-1, 0, -1], [0, 3, 0], [1, 1, 1], 0, 0, 0, 0, 5]],
  ['shrink every axis (rank 0 out)', [[1, 2, 3], [0, 0, 0], [1, 1, 1], 0, 0, 0, 0, 7]],
  ['shrink ignores end and endMask', [[1, 0], [0, 0], [1, 1], 0, 1, 0, 0, 1]],
  ['newAxisMask', [[0, 0, 0], [1, 1, 1], [1, 1, 1], 0, 0, 0, 2]],
  ['newAxisMask in front', [[0, 0, 0, 0], [2, 1, 3, 4], [1, 1, 1, 1], 0, 0, 0, 2]],
  ['newAxis wins over shrink on the same bit', [[0, 1], [1, 2], [1, 1], 0, 0, 0, 1, 1]],
  ['ellipsis first', [[0, 1], [1, 3], [1, 1], 0, 0, 1]],
  ['ellipsis in the middle', [[1, 0, 2], [2, 0, 3], [1, 1, 1], 0, 0, 2]],
  ['ellipsis then newAxis', [[0, 0, 1], [0, 0, 3], [1, 1, 1], 0, 0, 1, 2]],
  ['ellipsis then shrink', [[0, 1], [0, 2], [1, 1], 0, 0, 1, 0, 2]],
  ['ellipsis alone', [[0], [0], [1], 0, 0, 1]],
  ['ellipsis with beginMask after it', [[0, 1], [0, 3], [1, 1], 2, 0, 1]],
];

/** Random cases [shape, begin, end, strides, beginMask, endMask, ellipsisMask, newAxisMask,
 *  shrinkAxisMask] on x = arange(shape), each checked once against tfjs-core 4.22 (cpu); the
 *  generator left out what tfjs 4.22 gets wrong or throws on (a shrink axis together with a
 *  stride other than 1; a positive stride with begin > end). */
const RANDOM: [number[], ...Args][] = [
  [[3, 3, 3, 3], [-2, 2, 0, -1], [-4, 2, -5, 5], [1, 2, 1, -2], 9, 0, 0, 0, 0],
  [[2], [0], [-1], [1], 1, 0, 0, 0, 1],
  [[3, 3], [2, 0], [-3, 4], [1, -1], 0, 0, 1, 3, 0],
  [[4, 4, 2, 3], [0], [1], [-1], 1, 0, 0, 0, 0],
  [[4, 1, 1], [-4, 5, 5], [1, -3, -4], [1, -1, 3], 6, 0, 4, 0, 0],
  [[3, 1], [3], [0], [1], 1, 1, 1, 0, 0],
  [[4, 1, 1], [-3, -1, 4, -2], [-1, -1, -5, -4], [3, -2, 1, 3], 0, 7, 0, 9, 0],
  [[4, 3], [3, -5], [1, -4], [3, -1], 0, 0, 0, 0, 0],
  [[1, 3], [-1, 0, -5], [3, -2, 2], [1, 1, -1], 2, 5, 0, 1, 0],
  [[3, 4, 4], [-4, 3, -2], [-3, 2, 3], [1, 3, 1], 0, 0, 2, 0, 0],
  [[4, 3, 2, 4], [-4, 2, -5], [1, -2, 0], [1, 2, -2], 5, 0, 4, 0, 0],
  [[1], [5], [-3], [2], 0, 0, 0, 0, 0],
  [[1, 2, 2, 4], [-2], [-1], [1], 0, 1, 1, 1, 0],
  [[4, 3], [5], [3], [3], 1, 1, 0, 0, 0],
  [[4, 2, 4, 4], [1, -4, -3], [5, -4, -4], [-2, 2, 2], 0, 0, 0, 0, 0],
  [[4, 1, 1], [2, 2, -1], [2, 1, -5], [1, -2, -2], 0, 7, 0, 0, 0],
  [[4, 3, 3], [0, 2, -4, -2], [0, 3, 2, 5], [-1, 1, 3, 1], 0, 11, 1, 0, 0],
  [[1, 1], [1, 4, 1], [-2, -2, 2], [1, 1, 1], 0, 0, 2, 0, 0],
  [[3, 4, 1], [-5], [-5], [1], 1, 1, 1, 1, 1],
  [[1, 4], [-2, -4], [2, -1], [2, -2], 0, 0, 0, 2, 0],
  [[1, 4], [-2, 0], [0, 3], [3, 3], 1, 0, 1, 0, 0],
  [[4, 2, 1], [-1, -5], [-1, 5], [1, 3], 3, 2, 2, 0, 0],
  [[3, 3, 1, 2], [5, 1, 2], [-1, 1, 0], [-3, -1, -1], 6, 2, 0, 0, 0],
  [[3, 4, 2], [2, 5, 5], [-2, -1, 0], [3, -2, 2], 7, 2, 4, 0, 0],
  [[2], [-1], [-2], [1], 1, 0, 0, 0, 0],
  [[4, 4, 1, 4], [-4, 4, -5, 3, 3], [5, -3, 0, -2, -5], [-1, -2, 2, 1, 1], 0, 0, 0, 14, 0],
  [[2], [0, -4], [-4, 2], [-2, 2], 1, 2, 0, 1, 0],
  [[4, 4, 2], [4, 2, -2], [4, 5, -1], [1, 1, 1], 7, 1, 0, 2, 6],
  [[4, 2], [-2, 5], [-2, -5], [-3, 2], 0, 2, 1, 3, 0],
  [[3, 3], [4], [-1], [2], 1, 0, 0, 0, 0],
  [[1], [-4], [4], [-1], 1, 1, 0, 0, 0],
  [[2, 2, 3, 4], [-2, -1, 0], [0, -4, 2], [1, 1, 1], 1, 1, 0, 0, 3],
  [[2, 2], [5], [2], [1], 1, 1, 0, 0, 0],
  [[4, 1], [-4, 0], [-5, 3], [-2, 3], 0, 2, 0, 0, 0],
  [[4, 2, 2], [1], [3], [2], 0, 1, 0, 1, 0],
  [[4, 4], [2], [-3], [-3], 1, 0, 1, 1, 0],
  [[2], [0], [1], [1], 0, 0, 1, 1, 0],
  [[1, 2], [-4], [2], [1], 0, 1, 1, 0, 1],
  [[1, 2, 3, 2], [-4, 0, 0], [-3, -4, 0], [-1, 3, -3], 0, 4, 2, 1, 0],
  [[3, 4], [-4], [5], [2], 1, 0, 1, 0, 0],
  [[1, 2, 1, 2], [1], [-3], [1], 0, 1, 0, 1, 0],
  [[1, 1, 1], [0], [3], [1], 0, 1, 0, 0, 1],
  [[3], [4, -2], [4, 2], [1, 1], 0, 3, 0, 3, 1],
  [[1, 1, 2, 3], [-1], [3], [1], 1, 0, 0, 0, 1],
  [[4, 3], [0, 0, 2], [-3, 3, -1], [1, 1, 1], 5, 7, 2, 0, 3],
  [[1], [3, 2], [-5, 0], [-2, 2], 1, 0, 0, 1, 0],
  [[3, 3, 4], [-2], [3], [1], 1, 1, 0, 0, 1],
  [[2, 2], [2], [0], [1], 0, 0, 1, 0, 1],
  [[3, 1, 4], [-4, -1, -4, -3], [-5, -2, -5, 1], [2, -1, 1, 2], 0, 13, 1, 0, 0],
  [[2, 3, 4], [-4], [-4], [2], 0, 0, 0, 0, 0],
  [[2], [2], [-4], [1], 1, 0, 0, 1, 1],
  [[2, 2, 3, 4], [-2], [-3], [3], 1, 0, 1, 1, 0],
  [[3], [-2, 5], [-4, 1], [1, 1], 0, 0, 2, 1, 3],
  [[4, 1, 3, 3], [-4], [-2], [1], 1, 0, 0, 1, 1],
  [[2, 1, 4, 1], [-5, 1], [-1, -4], [1, 3], 0, 1, 0, 0, 0],
  [[2, 2, 4, 4], [-2, 2, 2], [5, 1, 4], [1, 1, 3], 0, 0, 1, 7, 0],
  [[2, 2, 2, 2], [5, 3, 4, -2], [3, -1, -5, -5], [3, -1, 1, 2], 10, 8, 8, 14, 0],
  [[4, 2], [5, 0, 4], [-4, -3, -1], [2, -3, -1], 5, 0, 0, 1, 0],
  [[4, 2], [-1], [2], [3], 1, 0, 0, 1, 0],
  [[3, 2], [3, 3, -5], [-2, 4, 4], [3, 2, 3], 5, 1, 0, 3, 0],
  [[3], [-1, -5], [-4, -1], [2, -3], 3, 3, 1, 0, 0],
  [[3], [-1, -3], [1, -2], [1, 1], 0, 0, 0, 3, 0],
  [[2, 3, 1], [-1], [1], [1], 1, 0, 0, 1, 0],
  [[4, 1], [-2], [-4], [1], 0, 0, 0, 1, 1],
  [[1, 1, 1], [-5, 4, -1, -3], [-1, 0, -4, -4], [-2, 2, 3, -2], 0, 0, 8, 0, 0],
  [[4, 4, 4], [5], [4], [2], 1, 1, 0, 1, 0],
  [[3], [-5], [3], [3], 0, 0, 0, 1, 0],
  [[1, 2, 2, 1], [-4, -3], [5, -2], [-2, -2], 0, 0, 2, 0, 0],
  [[3], [5], [5], [1], 0, 1, 0, 1, 1],
  [[1, 1], [3, -5], [-5, -2], [-3, 1], 3, 0, 1, 1, 0],
  [[2, 4, 2], [1, 2, 4, 5], [-1, -3, -4, 2], [-3, 1, 1, 1], 0, 12, 0, 12, 0],
  [[4], [5], [-4], [1], 1, 1, 0, 1, 1],
  [[3, 4, 3, 4], [1], [-1], [-1], 0, 0, 1, 1, 0],
  [[1, 2, 2], [-3], [2], [1], 1, 0, 1, 1, 1],
  [[3, 1], [-1, 1], [3, -5], [1, 1], 0, 0, 0, 1, 3],
  [[2, 3, 3, 2], [1, -1, 0, 3], [-3, 3, 0, 5], [1, 1, 1, 1], 0, 0, 0, 0, 4],
  [[1], [-2], [-4], [1], 1, 0, 1, 0, 1],
  [[4, 1], [1], [3], [1], 1, 1, 1, 0, 1],
  [[1, 3, 4, 4], [-3], [0], [1], 1, 0, 1, 0, 1],
  [[1], [0], [0], [3], 0, 1, 1, 0, 0],
  [[2], [-1], [-2], [1], 0, 0, 0, 0, 1],
  [[4, 2], [-5, 2], [2, 3], [1, 1], 0, 1, 0, 0, 0],
  [[1, 2], [0, 0, 5], [-2, -4, -3], [1, 1, 1], 1, 7, 2, 3, 3],
  [[3], [2], [1], [1], 0, 1, 0, 0, 1],
  [[1], [-5], [5], [1], 0, 1, 1, 0, 1],
  [[3, 2, 3], [1, 3], [5, 5], [1, 1], 0, 0, 2, 0, 1],
  [[2], [-2], [-4], [1], 0, 1, 1, 0, 0],
  [[4], [5], [-5], [1], 1, 0, 1, 1, 1],
  [[1, 4, 2], [4, -2, -3], [-2, 4, -5], [-1, 1, -3], 2, 5, 2, 4, 0],
  [[4, 3, 2, 2], [2, -5, 5], [-5, -2, -5], [1, 2, 1], 5, 0, 4, 6, 0],
  [[3, 2, 4, 4], [0, -2], [-5, -2], [1, 1], 0, 2, 1, 2, 2],
  [[2, 2, 2], [0], [3], [1], 0, 0, 1, 1, 1],
  [[4, 3, 3], [-3, -2], [5, 4], [1, 1], 0, 1, 1, 3, 3],
  [[4, 4], [0], [-2], [3], 0, 1, 1, 1, 0],
  [[2, 3], [3], [-5], [1], 1, 1, 1, 1, 0],
  [[3, 1], [-2], [4], [1], 1, 1, 1, 1, 0],
];

describe('stridedSlice', () => {
  const x = arange([2, 3, 4]);
  for (const [name, args] of NAMED) {
    it(`${name}: ${JSON.stringify(args)}`, async () => {
      await expectClose(lt.stridedSlice(toLt(x), ...args), R.stridedSlice(x, ...args), 'stridedSlice');
    });
  }

  it(`${RANDOM.length} random mask/stride combinations (float32, rank 1-3)`, async () => {
    for (const [shape, ...args] of RANDOM) {
      const xs = arange(shape);
      await expectClose(lt.stridedSlice(toLt(xs), ...args), R.stridedSlice(xs, ...args), 'stridedSlice', JSON.stringify([shape, ...args]));
    }
  });

  it('int32 and bool inputs', async () => {
    const xi = arange([2, 3, 4], 'int32');
    await expectClose(lt.stridedSlice(toLt(xi), [1, 2, 3], [0, 0, 0], [-1, -1, -2]), R.stridedSlice(xi, [1, 2, 3], [0, 0, 0], [-1, -1, -2]), 'stridedSlice', 'int32');
    const xb = R.randRef(new R.Rng(1), [3, 4], 'bool');
    await expectClose(lt.stridedSlice(toLt(xb), [0, 3], [3, 0], [2, -1]), R.stridedSlice(xb, [0, 3], [3, 0], [2, -1]), 'stridedSlice', 'bool');
    await expectClose(lt.stridedSlice(toLt(xb), [1], [2], [1], 0, 0, 0, 0, 1), R.stridedSlice(xb, [1], [2], [1], 0, 0, 0, 0, 1), 'stridedSlice', 'bool shrink');
  });

  it('method form, rank 1, size-0 dims, TensorLike', async () => {
    await expectClose(toLt(x).stridedSlice([0, 0, 1], [2, 3, 4], [1, 2, 2]), R.stridedSlice(x, [0, 0, 1], [2, 3, 4], [1, 2, 2]), 'stridedSlice', 'method');
    await expectClose(toLt(x).stridedSlice([0, 1], [0, 2], [1, 1], 0, 0, 1, 0, 2), R.stridedSlice(x, [0, 1], [0, 2], [1, 1], 0, 0, 1, 0, 2), 'stridedSlice', 'method with masks');
    const v = arange([7]);
    await expectClose(lt.stridedSlice(toLt(v), [1], [6], [2]), R.stridedSlice(v, [1], [6], [2]), 'stridedSlice', 'rank 1');
    await expectClose(lt.stridedSlice(toLt(v), [-1], [-8], [-3]), R.stridedSlice(v, [-1], [-8], [-3]), 'stridedSlice', 'rank 1 reversed');
    const e = R.randRef(new R.Rng(2), [0, 3], 'float32');
    await expectClose(lt.stridedSlice(toLt(e), [0, 1], [0, 3]), R.stridedSlice(e, [0, 1], [0, 3]), 'stridedSlice', 'size-0 input');
    await expectClose(lt.stridedSlice([1, 2, 3, 4, 5], [1], [4], [2]), R.stridedSlice([1, 2, 3, 4, 5], [1], [4], [2]), 'stridedSlice', 'number[]');
    await expectClose(lt.stridedSlice([[1, 2], [3, 4]], [0, 1], [2, 2], [1, 1], 0, 0, 0, 0, 2), R.stridedSlice([[1, 2], [3, 4]], [0, 1], [2, 2], [1, 1], 0, 0, 0, 0, 2), 'stridedSlice', 'nested');
  });
});
