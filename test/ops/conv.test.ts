// conv2d, depthwiseConv2d, maxPool, avgPool and batchNorm against the float64 reference
// (test/reference/conv.ts): awkward sizes (1, 3, 7, 33), strides 1 and 2, dilation 2, 'same',
// 'valid', numeric and explicit padding, rank-3 inputs, NCHW, the pointwise (1 x 1) path, the
// Winograd path (3 x 3, stride 1) and images large enough to take several blocks.
import { beforeAll, describe, expect, it } from 'vitest';
import * as R from '../reference';
import { expectClose, setupBackend, toLt } from '../helpers';
import * as lt from '../../ts/index';

beforeAll(setupBackend);

type Pad = R.Pad;
const U = { lo: -1, hi: 1 };

/** [x shape, filter shape, strides, pad, dilations] */
const CONV_CASES: [number[], number[], R.Pair, Pad, R.Pair][] = [
  [[1, 1, 1, 1], [1, 1, 1, 1], 1, 'valid', 1],
  [[2, 3, 3, 1], [3, 3, 1, 3], 1, 'same', 1],
  [[1, 7, 7, 3], [3, 3, 3, 7], 1, 'same', 1],
  [[1, 7, 7, 3], [3, 3, 3, 7], 2, 'same', 1],
  [[1, 7, 7, 3], [3, 3, 3, 7], 2, 'valid', 1],
  [[3, 7, 5, 2], [2, 3, 2, 1], [2, 1], 'same', 1],
  [[1, 7, 7, 3], [3, 3, 3, 2], 1, 'same', 2],
  [[1, 7, 7, 3], [3, 2, 3, 2], 1, 'valid', [2, 1]],
  [[2, 9, 8, 4], [3, 3, 4, 5], 1, 1, 1],
  [[2, 9, 8, 4], [3, 3, 4, 5], 2, [[0, 0], [2, 0], [1, 3], [0, 0]], 1],
  [[1, 5, 5, 33], [3, 3, 33, 3], 1, 'same', 1],
  [[2, 4, 6, 7], [1, 1, 7, 33], 1, 'valid', 1],   // pointwise: the image is the GEMM operand
  [[1, 4, 6, 7], [1, 1, 7, 5], 2, 'same', 1],     // 1 x 1 with a stride: im2col
  [[2, 16, 16, 33], [3, 3, 33, 5], 1, 'same', 1], // several im2col blocks
  [[1, 8, 8, 2], [8, 8, 2, 3], 1, 'valid', 1],    // the window covers the image
  // 3 x 3 at stride 1 with channels a multiple of 4: Winograd F(2x2, 3x3), odd and even sizes
  [[2, 9, 7, 8], [3, 3, 8, 12], 1, 'same', 1],
  [[1, 6, 6, 16], [3, 3, 16, 8], 1, 'valid', 1],
  [[3, 5, 4, 8], [3, 3, 8, 8], 1, [[0, 0], [2, 0], [1, 2], [0, 0]], 1],
  [[2, 17, 17, 64], [3, 3, 64, 64], 1, 'same', 1], // several blocks of tiles
];

describe('conv2d', () => {
  CONV_CASES.forEach(([xs, fs, strides, pad, dil], i) => {
    it(`x [${xs}] filter [${fs}] strides ${JSON.stringify(strides)} pad ${JSON.stringify(pad)} dilations ${JSON.stringify(dil)}`, async () => {
      const rng = new R.Rng(100 + i);
      const x = R.randRef(rng, xs, 'float32', U), f = R.randRef(rng, fs, 'float32', U);
      await expectClose(lt.conv2d(toLt(x), toLt(f), strides, pad as lt.Padding, 'NHWC', dil), R.conv2d(x, f, strides, pad, dil), 'conv2d');
    });
  });
  it('rank-3 input, NCHW, method form, int32 input, numeric pad with dimRoundingMode', async () => {
    const rng = new R.Rng(120);
    const x = R.randRef(rng, [1, 5, 6, 3], 'float32', U), f = R.randRef(rng, [3, 3, 3, 4], 'float32', U);
    const want = R.conv2d(x, f, 1, 'same');
    const x3 = toLt(x).reshape([5, 6, 3]);
    await expectClose(lt.conv2d(x3, toLt(f), 1, 'same'), R.reshape(want, [5, 6, 4]), 'conv2d', 'rank 3');
    const nchw = lt.conv2d(toLt(x).transpose([0, 3, 1, 2]), toLt(f), 1, 'same', 'NCHW');
    await expectClose(nchw, R.transpose(want, [0, 3, 1, 2]), 'conv2d', 'NCHW');
    await expectClose(toLt(x).conv2d(toLt(f), 1, 'same'), want, 'conv2d', 'method');
    const xi = R.randRef(rng, [1, 4, 4, 2], 'int32', { lo: -3, hi: 3 }), fi = R.randRef(rng, [2, 2, 2, 1], 'float32', U);
    await expectClose(lt.conv2d(toLt(xi), toLt(fi), 1, 'valid'), R.conv2d(xi, fi, 1, 'valid'), 'conv2d', 'int32 input');
    // tfjs: out = ceil((5 - 3 + 2) / 2 + 1) = 4 rows with 'ceil' (the bottom pad grows), 3 with 'floor'
    const y = R.randRef(rng, [1, 5, 5, 1], 'float32', U), k = R.randRef(rng, [3, 3, 1, 1], 'float32', U);
    expect(lt.conv2d(toLt(y), toLt(k), 2, 1, 'NHWC', 1, 'floor').shape).toEqual([1, 3, 3, 1]);
    const ceil = lt.conv2d(toLt(y), toLt(k), 2, 1, 'NHWC', 1, 'ceil');
    expect(ceil.shape).toEqual([1, 3, 3, 1]);
    const z = R.randRef(rng, [1, 6, 6, 1], 'float32', U);
    const ceil6 = lt.conv2d(toLt(z), toLt(k), 2, 1, 'NHWC', 1, 'ceil');
    expect(ceil6.shape).toEqual([1, 4, 4, 1]);
    await expectClose(ceil6, R.conv2d(z, k, 2, [[0, 0], [1, 2], [1, 2], [0, 0]]), 'conv2d', 'ceil rounding');
  });
  it('a size-0 batch and zero input channels', async () => {
    const f = R.randRef(new R.Rng(121), [3, 3, 2, 4], 'float32', U);
    await expectClose(lt.conv2d(lt.zeros([0, 5, 5, 2]), toLt(f), 1, 'same'), R.conv2d(R.fromValues([], [0, 5, 5, 2], 'float32'), f, 1, 'same'), 'conv2d');
    await expectClose(lt.conv2d(lt.zeros([1, 3, 3, 0]), lt.zeros([2, 2, 0, 3]), 1, 'valid'), R.fromValues(new Array(12).fill(0), [1, 2, 2, 3], 'float32'), 'conv2d', 'no channels');
  });
});

describe('conv2d gradients against the reference adjoints', () => {
  // channels multiples of 4 and >= 8: conv2dBackpropInput runs as a flipped Winograd conv
  // (pad before <= 2), im2col otherwise
  const cases: [number[], number[], R.Pair, Pad][] = [
    [[2, 9, 7, 8], [3, 3, 8, 12], 1, 'same'],
    [[1, 6, 6, 16], [3, 3, 16, 8], 1, 'valid'],
    [[3, 5, 4, 8], [3, 3, 8, 8], 1, [[0, 0], [2, 0], [1, 2], [0, 0]]],
    [[1, 6, 7, 8], [3, 3, 8, 8], 1, [[0, 0], [3, 1], [0, 3], [0, 0]]],
    [[1, 7, 6, 8], [3, 3, 8, 8], 2, 'same'],
  ];
  cases.forEach(([xs, fs, strides, pad], i) => {
    it(`x [${xs}] filter [${fs}] strides ${JSON.stringify(strides)} pad ${JSON.stringify(pad)}`, async () => {
      const rng = new R.Rng(150 + i);
      const x = R.randRef(rng, xs, 'float32', U), f = R.randRef(rng, fs, 'float32', U);
      const dy = R.randRef(rng, R.conv2d(x, f, strides, pad).shape, 'float32', U);
      const [dx, df] = lt.grads((a: lt.Tensor, b: lt.Tensor) => lt.conv2d(a, b, strides, pad as lt.Padding))([toLt(x), toLt(f)], toLt(dy));
      const want = R.convGrads(x, f, dy, strides, pad);
      await expectClose(dx, want.dx, 'conv2d', 'dx');
      await expectClose(df, want.df, 'conv2d', 'dfilter');
    });
  });
});

const DW_CASES: [number[], number[], R.Pair, Pad, R.Pair][] = [
  [[1, 1, 1, 1], [1, 1, 1, 1], 1, 'valid', 1],
  [[2, 7, 7, 3], [3, 3, 3, 1], 1, 'same', 1],
  [[1, 7, 7, 3], [3, 3, 3, 2], 2, 'same', 1],
  [[1, 7, 6, 33], [3, 3, 33, 1], [1, 2], 'valid', 1],
  [[1, 7, 7, 4], [3, 3, 4, 3], 1, 'same', 2],
  [[1, 9, 9, 5], [2, 2, 5, 1], 2, [[0, 0], [1, 0], [0, 1], [0, 0]], 1],
];

describe('depthwiseConv2d', () => {
  DW_CASES.forEach(([xs, fs, strides, pad, dil], i) => {
    it(`x [${xs}] filter [${fs}] strides ${JSON.stringify(strides)} pad ${JSON.stringify(pad)} dilations ${JSON.stringify(dil)}`, async () => {
      const rng = new R.Rng(200 + i);
      const x = R.randRef(rng, xs, 'float32', U), f = R.randRef(rng, fs, 'float32', U);
      await expectClose(lt.depthwiseConv2d(toLt(x), toLt(f), strides, pad as lt.Padding, 'NHWC', dil), R.depthwiseConv2d(x, f, strides, pad, dil), 'depthwiseConv2d');
    });
  });
  it('method form and rank 3', async () => {
    const rng = new R.Rng(220);
    const x = R.randRef(rng, [1, 4, 5, 3], 'float32', U), f = R.randRef(rng, [2, 2, 3, 2], 'float32', U);
    const want = R.depthwiseConv2d(x, f, 1, 'same');
    await expectClose(toLt(x).depthwiseConv2d(toLt(f), 1, 'same'), want, 'depthwiseConv2d', 'method');
    await expectClose(lt.depthwiseConv2d(toLt(x).reshape([4, 5, 3]), toLt(f), 1, 'same'), R.reshape(want, [4, 5, 6]), 'depthwiseConv2d', 'rank 3');
  });
});

/** [x shape, filterSize, strides, pad] */
const POOL_CASES: [number[], R.Pair, R.Pair, Pad][] = [
  [[1, 1, 1, 1], 1, 1, 'valid'],
  [[2, 7, 7, 3], 3, 2, 'same'],
  [[2, 7, 7, 3], 3, 2, 'valid'],
  [[1, 7, 6, 33], [2, 3], [1, 2], 'same'],
  [[1, 8, 8, 5], 2, 2, 'valid'],
  [[1, 5, 5, 2], 3, 1, 1],
  [[1, 6, 5, 7], [3, 2], 2, [[0, 0], [2, 1], [0, 1], [0, 0]]],
];

describe('maxPool and avgPool', () => {
  for (const name of ['maxPool', 'avgPool'] as const) {
    POOL_CASES.forEach(([xs, size, strides, pad], i) => {
      it(`${name} x [${xs}] filter ${JSON.stringify(size)} strides ${JSON.stringify(strides)} pad ${JSON.stringify(pad)}`, async () => {
        const x = R.randRef(new R.Rng(300 + i), xs, 'float32', U);
        await expectClose(lt[name](toLt(x), size, strides, pad as lt.Padding), R[name](x, size, strides, pad), name);
      });
    });
    it(`${name}: method form and rank 3`, async () => {
      const x = R.randRef(new R.Rng(330), [1, 5, 4, 3], 'float32', U);
      const want = R[name](x, 2, 1, 'same');
      await expectClose(toLt(x)[name](2, 1, 'same'), want, name, 'method');
      await expectClose(lt[name](toLt(x).reshape([5, 4, 3]), 2, 1, 'same'), R.reshape(want, [5, 4, 3]), name, 'rank 3');
    });
  }
});

describe('maxPool and avgPool gradients against the reference adjoints', () => {
  // channel counts with and without a vector-width tail; distinct values, so every window
  // has one maximum
  const cases: [number[], R.Pair, R.Pair, Pad][] = [
    [[2, 7, 6, 33], 3, 2, 'same'],
    [[1, 8, 8, 8], 2, 2, 'valid'],
    [[1, 5, 6, 5], [2, 3], 1, [[0, 0], [1, 0], [2, 1], [0, 0]]],
  ];
  cases.forEach(([xs, k, st, pad], i) => {
    it(`x [${xs}] filter ${JSON.stringify(k)} strides ${JSON.stringify(st)} pad ${JSON.stringify(pad)}`, async () => {
      const n = xs.reduce((a, b) => a * b, 1);
      const x = R.fromValues(Array.from({ length: n }, (_, j) => (((j * 97) % n) - n / 2) / 64), xs, 'float32');
      const dy = R.randRef(new R.Rng(350 + i), R.maxPool(x, k, st, pad).shape, 'float32', U);
      for (const name of ['maxPool', 'avgPool'] as const) {
        const [dx] = lt.grads((a: lt.Tensor) => lt[name](a, k, st, pad as lt.Padding))([toLt(x)], toLt(dy));
        await expectClose(dx, R.poolGrad(x, dy, k, st, pad, name === 'maxPool'), 'avgPool', `${name} dx`);
      }
    });
  });
});

describe('batchNorm', () => {
  it('rank-1 statistics over the last axis, with and without offset and scale', async () => {
    const rng = new R.Rng(400);
    const x = R.randRef(rng, [2, 3, 4], 'float32', U);
    const m = R.randRef(rng, [4], 'float32', U), v = R.randRef(rng, [4], 'float32', { lo: 0.1, hi: 2 });
    const o = R.randRef(rng, [4], 'float32', U), s = R.randRef(rng, [4], 'float32', U);
    await expectClose(lt.batchNorm(toLt(x), toLt(m), toLt(v)), R.batchNorm(x, m, v), 'batchNorm', 'plain');
    await expectClose(lt.batchNorm(toLt(x), toLt(m), toLt(v), toLt(o), toLt(s), 1e-5), R.batchNorm(x, m, v, o, s, 1e-5), 'batchNorm', 'offset and scale');
    await expectClose(toLt(x).batchNorm(toLt(m), toLt(v), undefined, toLt(s)), R.batchNorm(x, m, v, undefined, s), 'batchNorm', 'method, scale only');
  });
  it('statistics of the same rank as x, from moments', async () => {
    const x = R.randRef(new R.Rng(401), [3, 5, 2], 'float32', U);
    const t = toLt(x);
    const { mean, variance } = lt.moments(t, [0, 1], true);
    const rm = R.moments(x, [0, 1], true);
    await expectClose(lt.batchNorm(t, mean, variance), R.batchNorm(x, rm.mean, rm.variance), 'batchNorm');
  });
});

describe('bad input', () => {
  it('names the op and the shapes, and records nothing', () => {
    const before = lt.memory().numGraphNodes;
    const x = lt.zeros([1, 5, 5, 2]);
    const cases: [() => unknown, RegExp][] = [
      [() => lt.conv2d(x, lt.zeros([3, 3, 3, 4]), 1, 'same'), /conv2d: the filter's input channels do not match the input's \(shapes \[1,5,5,2\] and \[3,3,3,4\]\)/],
      [() => lt.conv2d(x, lt.zeros([7, 7, 2, 4]), 1, 'valid'), /conv2d: .*window does not fit/],
      [() => lt.conv2d(lt.zeros([5, 5]), lt.zeros([1, 1, 5, 1]), 1, 'valid'), /conv2d: input must be rank 3 or 4, got shape \[5,5\]/],
      [() => lt.conv2d(x, lt.zeros([3, 3, 2]), 1, 'valid'), /conv2d: filter must be rank 4.*\[3,3,2\]/],
      [() => lt.conv2d(x, lt.zeros([3, 3, 2, 1]), 0, 'valid'), /conv2d: strides must be a positive integer/],
      [() => lt.conv2d(x, lt.zeros([3, 3, 2, 1]), 1, 'full' as lt.Padding), /conv2d: explicit padding must be/],
      [() => lt.conv2d(x, lt.zeros([3, 3, 2, 1]), 1, 'same', 'NHWC', 1, 'ceil'), /pad must be an integer when using dimRoundingMode/],
      [() => lt.depthwiseConv2d(x, lt.zeros([3, 3, 4, 1]), 1, 'same'), /depthwiseConv2d: the filter's input channels/],
      [() => lt.maxPool(x, 6, 1, 'valid'), /maxPool: .*window does not fit.*\[1,5,5,2\]/],
      [() => lt.avgPool(x, [2, 0], 1, 'valid'), /avgPool: filterSize must be a positive integer/],
    ];
    // tidy disposes the operands each case creates: what is left would be the ops' leak
    for (const [f, re] of cases) lt.tidy(() => { expect(f).toThrow(re); });
    x.dispose();
    expect(lt.memory().numGraphNodes).toBe(before);
  });
});
