// Elementwise unary ops against the float64 reference: float32 with special values, method
// form, rank 0, size 0 and size-1 dims, TensorLike inputs, int32 where tfjs defines it.

import { beforeAll, describe, it } from 'vitest';
import * as R from '../reference';
import { expectClose, fn, method, setupBackend, toLt } from '../helpers';
import * as lt from '../../ts/index';

beforeAll(setupBackend);

const NAN = NaN;
const INF = Infinity;

interface Spec {
  lo: number;
  hi: number;
  /** quantize inputs (ties for round, exact integers for floor ...) */
  step?: number;
  specials: number[];
  /** int32 input is defined by tfjs (and consistent across its backends) */
  int32?: boolean;
}

const SPECS: Record<Exclude<R.UnaryName, 'logicalNot'>, Spec> = {
  neg: { lo: -8, hi: 8, specials: [NAN, INF, -INF, 0], int32: true },
  abs: { lo: -8, hi: 8, specials: [NAN, INF, -INF, -0], int32: true },
  exp: { lo: -10, hi: 10, specials: [NAN, INF, -INF, 0, 100, -100], int32: true },
  expm1: { lo: -5, hi: 5, specials: [NAN, INF, -INF, 0, 1e-5, -1e-5] },
  log: { lo: 0.01, hi: 10, specials: [NAN, INF, 0, -1, 1] },
  log1p: { lo: -0.99, hi: 10, specials: [NAN, INF, -1, -2, 0, 1e-6] },
  sqrt: { lo: 0, hi: 10, specials: [NAN, INF, 0, -1, 4] },
  rsqrt: { lo: 0.01, hi: 10, specials: [NAN, INF, 0, -1, 4] },
  square: { lo: -8, hi: 8, specials: [NAN, INF, -INF, 1e20], int32: true },
  reciprocal: { lo: 0.05, hi: 5, specials: [NAN, INF, -INF, 0, -0, -2] },
  sin: { lo: -10, hi: 10, specials: [NAN, INF, 0] },
  cos: { lo: -10, hi: 10, specials: [NAN, -INF, 0] },
  tan: { lo: -1.5, hi: 1.5, specials: [NAN, INF, 0] },
  asin: { lo: -1, hi: 1, specials: [NAN, 1, -1, 1.5, -2] },
  acos: { lo: -1, hi: 1, specials: [NAN, 1, -1, 1.5, -2] },
  atan: { lo: -10, hi: 10, specials: [NAN, INF, -INF, 0] },
  sinh: { lo: -5, hi: 5, specials: [NAN, INF, -INF, 0] },
  cosh: { lo: -5, hi: 5, specials: [NAN, INF, -INF, 0] },
  tanh: { lo: -10, hi: 10, specials: [NAN, INF, -INF, 0, 50, -50] },
  sigmoid: { lo: -20, hi: 20, specials: [NAN, INF, -INF, 0, 100, -100] },
  softplus: { lo: -20, hi: 20, specials: [NAN, INF, -INF, 0, 100, -100] },
  relu: { lo: -8, hi: 8, specials: [NAN, INF, -INF, 0] },
  relu6: { lo: -3, hi: 9, specials: [NAN, INF, -INF, 6, 0] },
  elu: { lo: -5, hi: 5, specials: [NAN, INF, -INF, 0] },
  selu: { lo: -5, hi: 5, specials: [NAN, INF, -INF, 0] },
  sign: { lo: -8, hi: 8, specials: [NAN, INF, -INF, 0], int32: true },
  floor: { lo: -8, hi: 8, step: 4, specials: [NAN, INF, -INF, -0.5, 0.5] },
  ceil: { lo: -8, hi: 8, step: 4, specials: [NAN, INF, -INF, -0.5, 0.5] },
  round: { lo: -8, hi: 8, step: 4, specials: [NAN, INF, -INF, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5], int32: true },
  erf: { lo: -4, hi: 4, specials: [NAN, INF, -INF, 0, 1e-4], int32: true },
  isNaN: { lo: -8, hi: 8, specials: [NAN, INF, -INF, 0], int32: true },
  isFinite: { lo: -8, hi: 8, specials: [NAN, INF, -INF, 0], int32: true },
};

// relu, relu6 and int32 inputs of the int-capable ops use the same spec; relu/relu6 int32 too.
const INT_OK = new Set<string>(['relu', 'relu6']);

describe('unary', () => {
  let seed = 100;
  for (const [name, spec] of Object.entries(SPECS) as [Exclude<R.UnaryName, 'logicalNot'>, Spec][]) {
    const s = seed++;
    it(`${name}: float32 [3,4,5] with special values (function form)`, async () => {
      const rng = new R.Rng(s);
      const x = R.randRef(rng, [3, 4, 5], 'float32', { lo: spec.lo, hi: spec.hi, step: spec.step, specials: spec.specials, specialRate: 0.15 });
      await expectClose(fn(name)(toLt(x)), R.unary(name, x), name);
    });

    it(`${name}: method form on rank 0, size-1 dims and size 0`, async () => {
      const rng = new R.Rng(s + 1000);
      for (const shape of [[], [1, 1, 3], [0, 3], [2, 0, 1]]) {
        const x = R.randRef(rng, shape, 'float32', { lo: spec.lo, hi: spec.hi, step: spec.step });
        await expectClose(method(toLt(x), name), R.unary(name, x), name, `shape [${shape}]`);
      }
    });

    it(`${name}: TensorLike inputs (nested array, number, Float32Array)`, async () => {
      const rng = new R.Rng(s + 2000);
      const x = R.randRef(rng, [2, 3], 'float32', { lo: spec.lo, hi: spec.hi, step: spec.step });
      const nested = R.toNested(x) as number[][];
      await expectClose(fn(name)(nested), R.unary(name, nested), name, 'nested array');
      const v = x.data[0];
      await expectClose(fn(name)(v), R.unary(name, v), name, 'number');
      const typed = Float32Array.from(x.data);
      await expectClose(fn(name)(typed), R.unary(name, typed), name, 'Float32Array');
    });

    if (spec.int32 || INT_OK.has(name)) {
      it(`${name}: int32 input -> ${R.unaryOutDtype(name, 'int32')}`, async () => {
        const rng = new R.Rng(s + 3000);
        const x = R.randRef(rng, [4, 5], 'int32', { lo: -9, hi: 9 });
        await expectClose(fn(name)(toLt(x)), R.unary(name, x), name);
        const xi = new Int32Array([-3, 0, 2, 7]);
        await expectClose(method(lt.tensor(xi), name), R.unary(name, xi), name, 'Int32Array');
      });
    }
  }

  it('logicalNot: bool (function and method form, size 0, TensorLike booleans)', async () => {
    const rng = new R.Rng(7);
    const x = R.randRef(rng, [3, 4], 'bool');
    await expectClose(lt.logicalNot(toLt(x)), R.unary('logicalNot', x), 'logicalNot');
    await expectClose(toLt(x).logicalNot(), R.unary('logicalNot', x), 'logicalNot', 'method');
    const e = R.randRef(rng, [0, 2], 'bool');
    await expectClose(toLt(e).logicalNot(), R.unary('logicalNot', e), 'logicalNot', 'size 0');
    await expectClose(lt.logicalNot([true, false]), R.unary('logicalNot', [true, false]), 'logicalNot', 'boolean[]');
    await expectClose(lt.logicalNot(true), R.unary('logicalNot', true), 'logicalNot', 'boolean');
  });
});

describe('leakyRelu', () => {
  it('default alpha 0.2, float32 with specials (function form)', async () => {
    const x = R.randRef(new R.Rng(1), [4, 6], 'float32', { lo: -5, hi: 5, specials: [NAN, INF, -INF, 0] });
    await expectClose(lt.leakyRelu(toLt(x)), R.leakyRelu(x), 'leakyRelu');
  });
  it('alpha 0.01 and 1.5, method form, rank 0 and size 0', async () => {
    const rng = new R.Rng(2);
    const x = R.randRef(rng, [2, 1, 5], 'float32');
    await expectClose(toLt(x).leakyRelu(0.01), R.leakyRelu(x, 0.01), 'leakyRelu', 'alpha 0.01');
    await expectClose(toLt(x).leakyRelu(1.5), R.leakyRelu(x, 1.5), 'leakyRelu', 'alpha 1.5');
    const s = R.scalarRef(-2);
    await expectClose(toLt(s).leakyRelu(0.3), R.leakyRelu(s, 0.3), 'leakyRelu', 'rank 0');
    const e = R.randRef(rng, [0, 4], 'float32');
    await expectClose(lt.leakyRelu(toLt(e), 0.1), R.leakyRelu(e, 0.1), 'leakyRelu', 'size 0');
  });
  it('int32 input -> float32; TensorLike', async () => {
    const x = R.randRef(new R.Rng(3), [3, 3], 'int32');
    await expectClose(lt.leakyRelu(toLt(x), 0.5), R.leakyRelu(x, 0.5), 'leakyRelu', 'int32');
    await expectClose(lt.leakyRelu([[-1, 2], [3, -4]], 0.25), R.leakyRelu([[-1, 2], [3, -4]], 0.25), 'leakyRelu', 'nested');
  });
});

describe('clipByValue', () => {
  it('float32 with NaN and ±Infinity (function form)', async () => {
    const x = R.randRef(new R.Rng(4), [5, 6], 'float32', { lo: -4, hi: 4, specials: [NAN, INF, -INF] });
    await expectClose(lt.clipByValue(toLt(x), -1.5, 2.25), R.clipByValue(x, -1.5, 2.25), 'clipByValue');
  });
  it('method form, min == max, rank 0 and size 0', async () => {
    const rng = new R.Rng(5);
    const x = R.randRef(rng, [1, 4, 1], 'float32');
    await expectClose(toLt(x).clipByValue(-0.3, 0.7), R.clipByValue(x, -0.3, 0.7), 'clipByValue');
    await expectClose(toLt(x).clipByValue(0.5, 0.5), R.clipByValue(x, 0.5, 0.5), 'clipByValue', 'min == max');
    const s = R.scalarRef(9);
    await expectClose(toLt(s).clipByValue(-1, 1), R.clipByValue(s, -1, 1), 'clipByValue', 'rank 0');
    const e = R.randRef(rng, [3, 0], 'float32');
    await expectClose(lt.clipByValue(toLt(e), 0, 1), R.clipByValue(e, 0, 1), 'clipByValue', 'size 0');
  });
  it('int32 stays int32 (fractional bounds truncate); TensorLike', async () => {
    const x = R.randRef(new R.Rng(6), [4, 5], 'int32');
    await expectClose(lt.clipByValue(toLt(x), -3, 4), R.clipByValue(x, -3, 4), 'clipByValue', 'int32');
    await expectClose(lt.clipByValue(toLt(x), -2.5, 2.5), R.clipByValue(x, -2.5, 2.5), 'clipByValue', 'int32 fractional');
    await expectClose(lt.clipByValue([1, 5, -5], -2, 2), R.clipByValue([1, 5, -5], -2, 2), 'clipByValue', 'number[]');
  });
});

describe('cast', () => {
  const conversions: [R.DType, R.DType][] = [
    ['float32', 'int32'],
    ['float32', 'bool'],
    ['float32', 'float32'],
    ['int32', 'float32'],
    ['int32', 'bool'],
    ['int32', 'int32'],
    ['bool', 'float32'],
    ['bool', 'int32'],
    ['bool', 'bool'],
  ];
  for (const [from, to] of conversions) {
    it(`${from} -> ${to}`, async () => {
      const rng = new R.Rng(10);
      // float32 -> int32 truncates toward zero; -> bool is x != 0 (NaN is true)
      const specials = from === 'float32' ? (to === 'bool' ? [0, -0, NAN, INF, -2.5, 0.5] : [0, -0, -2.5, 2.5, -0.5, 0.99]) : undefined;
      const x = R.randRef(rng, [4, 5], from, { lo: -6, hi: 6, specials });
      await expectClose(lt.cast(toLt(x), to), R.cast(x, to), 'cast');
      await expectClose(toLt(x).cast(to), R.cast(x, to), 'cast', 'method');
    });
  }
  it('rank 0, size 0 and TensorLike', async () => {
    await expectClose(lt.cast(lt.scalar(-3.7), 'int32'), R.cast(-3.7, 'int32'), 'cast', 'rank 0');
    const e = R.randRef(new R.Rng(1), [0, 2], 'float32');
    await expectClose(toLt(e).cast('bool'), R.cast(e, 'bool'), 'cast', 'size 0');
    await expectClose(lt.cast([[1.5, -1.5], [0, 2]], 'int32'), R.cast([[1.5, -1.5], [0, 2]], 'int32'), 'cast', 'nested');
    await expectClose(lt.cast([true, false], 'float32'), R.cast([true, false], 'float32'), 'cast', 'boolean[]');
  });
});
