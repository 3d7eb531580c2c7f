// Reductions (sum mean max min prod logSumExp all any argMax argMin), softmax, logSoftmax,
// cumsum and moments against the float64 reference: axis undefined / number / list / negative,
// keepDims, int32 and bool inputs, size-0 and size-1 dims, method form, TensorLike inputs.

import { beforeAll, describe, it } from 'vitest';
import * as R from '../reference';
import { expectClose, fn, method, setupBackend, toLt } from '../helpers';
import type { TestedOp } from '../tolerances';
import * as lt from '../../ts/index';

beforeAll(setupBackend);

type Axis = number | number[] | undefined;
type Reducer = (x: R.RefLike, axis?: Axis, keepDims?: boolean) => R.Ref;

interface ReducerDef {
  ref: Reducer;
  dtypes: R.DType[];
  opts?: R.RandOpts;
}

const REDUCERS: Partial<Record<TestedOp, ReducerDef>> = {
  sum: { ref: R.sum, dtypes: ['float32', 'int32', 'bool'] },
  mean: { ref: R.mean, dtypes: ['float32', 'int32', 'bool'] },
  max: { ref: R.max, dtypes: ['float32', 'int32', 'bool'] },
  min: { ref: R.min, dtypes: ['float32', 'int32', 'bool'] },
  prod: { ref: R.prod, dtypes: ['float32', 'int32', 'bool'], opts: { lo: 0.5, hi: 1.5 } },
  logSumExp: { ref: R.logSumExp, dtypes: ['float32', 'int32'] },
  all: { ref: R.all, dtypes: ['bool'] },
  any: { ref: R.any, dtypes: ['bool'] },
};

/** [axis, keepDims] cases on a [3, 4, 5] input. */
const AXES: [Axis, boolean][] = [
  [undefined, false],
  [undefined, true],
  [0, false],
  [1, true],
  [-1, false],
  [-2, true],
  [[0, 2], false],
  [[-1, 0], true],
  [[0, 1, 2], false],
];

function intRange(name: string): R.RandOpts {
  return name === 'prod' ? { lo: -2, hi: 2 } : { lo: -9, hi: 9 };
}

describe('reductions', () => {
  let seed = 400;
  for (const [name, def] of Object.entries(REDUCERS) as [TestedOp, ReducerDef][]) {
    for (const dtype of def.dtypes) {
      const s = seed++;
      it(`${name}: ${dtype} [3,4,5], axis undefined/number/list/negative, keepDims (function form)`, async () => {
        const rng = new R.Rng(s);
        const opts = dtype === 'int32' ? intRange(name) : dtype === 'float32' ? def.opts : undefined;
        const x = R.randRef(rng, name === 'prod' ? [3, 2, 5] : [3, 4, 5], dtype, opts);
        const xt = toLt(x);
        for (const [axis, keep] of AXES) {
          await expectClose(fn(name)(xt, axis, keep), def.ref(x, axis, keep), name, `axis ${JSON.stringify(axis)} keepDims ${keep}`);
        }
      });
    }

    const s = seed++;
    it(`${name}: method form, rank 0, rank 1, size-1 dims`, async () => {
      const rng = new R.Rng(s);
      const dtype = def.dtypes[0];
      const x = R.randRef(rng, [1, 6, 1], dtype, def.opts);
      await expectClose(method(toLt(x), name), def.ref(x), name, 'all axes');
      await expectClose(method(toLt(x), name, 0), def.ref(x, 0), name, 'axis 0 (size 1)');
      await expectClose(method(toLt(x), name, [2, 1], true), def.ref(x, [2, 1], true), name, 'axes [2,1] keepDims');
      const v = R.randRef(rng, [7], dtype, def.opts);
      await expectClose(method(toLt(v), name, -1, true), def.ref(v, -1, true), name, 'rank 1');
      const sc = R.randRef(rng, [], dtype, def.opts);
      await expectClose(method(toLt(sc), name), def.ref(sc), name, 'rank 0');
      await expectClose(method(toLt(x), name, []), def.ref(x, []), name, 'axis [] (no reduction)');
    });

    it(`${name}: size-0 dims`, async () => {
      const rng = new R.Rng(s + 1);
      const dtype = def.dtypes[0];
      const x = R.randRef(rng, [0, 3], dtype);
      // reducing a non-empty axis of an empty tensor gives an empty result
      await expectClose(fn(name)(toLt(x), 1), def.ref(x, 1), name, '[0,3] axis 1');
      await expectClose(fn(name)(toLt(x), -1, true), def.ref(x, -1, true), name, '[0,3] axis -1 keepDims');
      if (name === 'sum' || name === 'prod' || name === 'all' || name === 'any') {
        // the identity element over an empty axis
        await expectClose(fn(name)(toLt(x), 0), def.ref(x, 0), name, '[0,3] axis 0');
        await expectClose(fn(name)(toLt(x)), def.ref(x), name, '[0,3] all axes');
      }
    });
  }

  it('sum / mean / prod / max / min: TensorLike inputs', async () => {
    const nested = [[1.5, -2, 3], [4, 0.5, -6]];
    for (const [name, def] of Object.entries(REDUCERS) as [TestedOp, ReducerDef][]) {
      if (name === 'all' || name === 'any') continue;
      await expectClose(fn(name)(nested, 1), def.ref(nested, 1), name, 'nested array');
      const ints = new Int32Array([3, -1, 2, 2]);
      await expectClose(fn(name)(ints), def.ref(ints), name, 'Int32Array');
    }
    await expectClose(lt.all([[true, false], [true, true]], 1), R.all([[true, false], [true, true]], 1), 'all', 'boolean arrays');
    await expectClose(lt.any([[false, false], [true, false]], 0), R.any([[false, false], [true, false]], 0), 'any', 'boolean arrays');
  });

  it('max / min: NaN propagates', async () => {
    const x = R.fromValues([1, NaN, 3, 4, 5, 6, -Infinity, 2, Infinity], [3, 3], 'float32');
    await expectClose(lt.max(toLt(x), 1), R.max(x, 1), 'max');
    await expectClose(lt.min(toLt(x), 1), R.min(x, 1), 'min');
    await expectClose(lt.max(toLt(x)), R.max(x), 'max', 'all axes');
  });

  it('logSumExp: large values are stable', async () => {
    const x = R.fromValues([1000, 1000, -1000, 80, 90, 100], [2, 3], 'float32');
    await expectClose(lt.logSumExp(toLt(x), 1), R.logSumExp(x, 1), 'logSumExp');
    await expectClose(toLt(x).logSumExp(-1, true), R.logSumExp(x, -1, true), 'logSumExp', 'method');
  });
});

describe('argMax / argMin', () => {
  for (const name of ['argMax', 'argMin'] as const) {
    const ref = name === 'argMax' ? R.argMax : R.argMin;
    it(`${name}: float32 and int32, every axis incl. negative, ties pick the first`, async () => {
      const rng = new R.Rng(name.length);
      for (const dtype of ['float32', 'int32'] as const) {
        // quantized values make ties likely
        const x = R.randRef(rng, [3, 4, 5], dtype, dtype === 'float32' ? { lo: -2, hi: 2, step: 2 } : { lo: -3, hi: 3 });
        for (const axis of [0, 1, 2, -1, -3]) {
          await expectClose(fn(name)(toLt(x), axis), ref(x, axis), name, `${dtype} axis ${axis}`);
        }
        await expectClose(fn(name)(toLt(x)), ref(x), name, `${dtype} default axis 0`);
      }
    });
    it(`${name}: method form, rank 1, size-1 dims, size-0 dims, TensorLike`, async () => {
      const rng = new R.Rng(name.length + 50);
      const v = R.randRef(rng, [9], 'float32');
      await expectClose(method(toLt(v), name), ref(v), name, 'rank 1');
      const x = R.randRef(rng, [1, 5, 1], 'float32');
      await expectClose(method(toLt(x), name, 1), ref(x, 1), name, 'size-1 dims');
      await expectClose(method(toLt(x), name, 0), ref(x, 0), name, 'reduce a size-1 axis');
      const e = R.randRef(rng, [0, 4], 'float32');
      await expectClose(method(toLt(e), name, 1), ref(e, 1), name, '[0,4] axis 1');
      await expectClose(fn(name)([[3, 1, 3], [0, 5, 5]], 1), ref([[3, 1, 3], [0, 5, 5]], 1), name, 'nested array');
    });
  }
});

describe('softmax / logSoftmax', () => {
  for (const name of ['softmax', 'logSoftmax'] as const) {
    const ref = name === 'softmax' ? R.softmax : R.logSoftmax;
    it(`${name}: [2,3,5] default and explicit last axis (function form)`, async () => {
      const x = R.randRef(new R.Rng(500), [2, 3, 5], 'float32', { lo: -5, hi: 5 });
      await expectClose(fn(name)(toLt(x)), ref(x), name, 'default');
      await expectClose(fn(name)(toLt(x), -1), ref(x, -1), name, 'axis -1');
      await expectClose(fn(name)(toLt(x), 2), ref(x, 2), name, 'axis 2');
    });
    it(`${name}: method form, rank 1, size-1 axis, large and -Infinity logits, nested array`, async () => {
      const v = R.randRef(new R.Rng(501), [7], 'float32');
      await expectClose(method(toLt(v), name), ref(v), name, 'rank 1');
      const one = R.randRef(new R.Rng(502), [4, 1], 'float32');
      await expectClose(method(toLt(one), name), ref(one), name, 'size-1 axis');
      const big = R.fromValues([1000, 1000, 1000, -1000, 0, 1000, 1, 2, 3], [3, 3], 'float32');
      await expectClose(method(toLt(big), name), ref(big), name, 'large logits');
      const ninf = R.fromValues([-Infinity, 0, 1, -Infinity], [2, 2], 'float32');
      if (name === 'softmax') await expectClose(method(toLt(ninf), name), ref(ninf), name, '-Infinity logits');
      await expectClose(fn(name)([[1, 2], [3, 5]]), ref([[1, 2], [3, 5]]), name, 'nested array');
    });
  }
  it('logSoftmax: int32 input -> float32', async () => {
    const x = R.randRef(new R.Rng(503), [3, 4], 'int32');
    await expectClose(lt.logSoftmax(toLt(x)), R.logSoftmax(x), 'logSoftmax');
  });
});

describe('cumsum', () => {
  it('float32 [3,4,5]: every axis incl. negative, exclusive, reverse (function form)', async () => {
    const x = R.randRef(new R.Rng(600), [3, 4, 5], 'float32');
    const xt = toLt(x);
    for (const axis of [0, 1, 2, -1, -2]) {
      for (const [exclusive, reverse] of [[false, false], [true, false], [false, true], [true, true]]) {
        await expectClose(lt.cumsum(xt, axis, exclusive, reverse), R.cumsum(x, axis, exclusive, reverse), 'cumsum', `axis ${axis} exclusive ${exclusive} reverse ${reverse}`);
      }
    }
    await expectClose(lt.cumsum(xt), R.cumsum(x), 'cumsum', 'default axis 0');
  });
  it('int32 and bool (-> int32), method form', async () => {
    const rng = new R.Rng(601);
    const xi = R.randRef(rng, [4, 6], 'int32');
    await expectClose(toLt(xi).cumsum(1), R.cumsum(xi, 1), 'cumsum', 'int32');
    await expectClose(toLt(xi).cumsum(0, true, true), R.cumsum(xi, 0, true, true), 'cumsum', 'int32 exclusive reverse');
    const xb = R.randRef(rng, [4, 6], 'bool');
    await expectClose(lt.cumsum(toLt(xb), 1), R.cumsum(xb, 1), 'cumsum', 'bool');
  });
  it('rank 1, size-1 and size-0 dims, TensorLike', async () => {
    const rng = new R.Rng(602);
    const v = R.randRef(rng, [10], 'float32');
    await expectClose(lt.cumsum(toLt(v)), R.cumsum(v), 'cumsum', 'rank 1');
    const one = R.randRef(rng, [1, 5], 'float32');
    await expectClose(lt.cumsum(toLt(one), 0), R.cumsum(one, 0), 'cumsum', 'size-1 axis');
    const e = R.randRef(rng, [0, 3], 'float32');
    await expectClose(lt.cumsum(toLt(e), 1), R.cumsum(e, 1), 'cumsum', '[0,3] axis 1');
    await expectClose(lt.cumsum(toLt(e), 0, true), R.cumsum(e, 0, true), 'cumsum', '[0,3] axis 0');
    await expectClose(lt.cumsum([1, 2, 3, 4]), R.cumsum([1, 2, 3, 4]), 'cumsum', 'number[]');
    await expectClose(lt.cumsum(new Int32Array([1, 2, 3, 4]), 0, false, true), R.cumsum(new Int32Array([1, 2, 3, 4]), 0, false, true), 'cumsum', 'Int32Array');
  });
});

describe('moments', () => {
  it('float32 [3,4,5]: axes undefined/number/list/negative, keepDims', async () => {
    const x = R.randRef(new R.Rng(700), [3, 4, 5], 'float32', { lo: -2, hi: 4 });
    const xt = toLt(x);
    for (const [axes, keep] of AXES) {
      const got = lt.moments(xt, axes, keep);
      const want = R.moments(x, axes, keep);
      const what = `axes ${JSON.stringify(axes)} keepDims ${keep}`;
      await expectClose(got.mean, want.mean, 'moments', `mean, ${what}`);
      await expectClose(got.variance, want.variance, 'moments', `variance, ${what}`);
    }
  });
  it('int32 input -> float32, size-1 dims, TensorLike', async () => {
    const xi = R.randRef(new R.Rng(701), [4, 5], 'int32');
    let got = lt.moments(toLt(xi), 1);
    let want = R.moments(xi, 1);
    await expectClose(got.mean, want.mean, 'moments', 'int32 mean');
    await expectClose(got.variance, want.variance, 'moments', 'int32 variance');
    const one = R.randRef(new R.Rng(702), [1, 6, 1], 'float32');
    got = lt.moments(toLt(one), [0, 2], true);
    want = R.moments(one, [0, 2], true);
    await expectClose(got.mean, want.mean, 'moments', 'size-1 mean');
    await expectClose(got.variance, want.variance, 'moments', 'size-1 variance');
    got = lt.moments([[1, 2, 3], [4, 5, 9]], -1);
    want = R.moments([[1, 2, 3], [4, 5, 9]], -1);
    await expectClose(got.mean, want.mean, 'moments', 'nested mean');
    await expectClose(got.variance, want.variance, 'moments', 'nested variance');
  });
});
