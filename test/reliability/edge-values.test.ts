// Issue 9: hostile *values* are not errors. NaN, ±Infinity, ±0, subnormals and the float32
// extremes propagate as IEEE 754 (and tfjs) say: every first-wave op is checked against the
// float64 reference (test/reference) under the one tolerance table, which is exact for NaN and
// ±Infinity (a float32 result must equal the reference rounded to float32, or both be NaN).
// Also: zero-size shapes give the right shapes and identities, and mixed dtypes are upcast as
// tfjs does. Every test ends with nothing left behind.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import * as R from '../reference';
import { expectClose, fn, toLt } from '../helpers';
import { CLASS, type TestedOp, type Tol } from '../tolerances';
import { mem } from './harness';

beforeAll(async () => { await lt.ready(); });
let before: ReturnType<typeof mem>;
let owned: lt.Tensor[] = [];
/** A tensor shared by several checks of a test, disposed after it. */
const own = (t: lt.Tensor) => { owned.push(t); return t; };
beforeEach(() => { before = mem(); });
afterEach(() => {
  lt.dispose(owned);
  owned = [];
  expect(mem(), 'lt.memory() after the test').toEqual(before);
});

const F32_MAX = 3.4028234663852886e38;
const F32_TINY = 1.401298464324817e-45;   // the smallest subnormal
/** The values every op sees; the unary ops get all of them, the binary ops every pair. */
const SPECIALS = [NaN, Infinity, -Infinity, 0, -0, 1, -1, 0.5, -2.5, 3, F32_MAX, -F32_MAX, F32_TINY, -F32_TINY, 1e-30];
const ref = (values: number[], shape = [values.length], dtype: R.DType = 'float32') => R.fromValues(values, shape, dtype);

/** Builds a tensor inside tidy (its inputs are disposed), compares it, disposes it. */
async function chk(make: () => lt.Tensor, expected: R.Ref, tol: TestedOp | Tol, what: string): Promise<void> {
  const t = lt.tidy(make);
  try {
    await expectClose(t, expected, tol, what);
  } finally {
    t.dispose();
  }
}

/** Float ops whose result for huge arguments depends on range reduction (sin(3e38)): checked
 *  on every special except the float32 extremes, which tfjs (Math.sin in float64) gets right
 *  and which are checked separately below. */
const PERIODIC = new Set(['sin', 'cos', 'tan']);

describe('NaN and Infinity propagate as IEEE says (not an error)', () => {
  const unaryNames = R.UNARY_NAMES.filter((n) => n !== 'logicalNot');
  for (const name of unaryNames) {
    it(`${name} of NaN, ±Infinity, ±0, subnormals, ±max`, async () => {
      const values = PERIODIC.has(name) ? SPECIALS.filter((v) => Math.abs(v) !== F32_MAX) : SPECIALS;
      const x = ref(values);
      await chk(() => fn(name)(toLt(x)), R.unary(name, x), name as TestedOp, name);
    });
  }

  for (const name of R.BINARY_NAMES) {
    it(`${name} of every pair of specials`, async () => {
      const logic = name === 'logicalAnd' || name === 'logicalOr';
      const a = logic ? ref(SPECIALS.map((v) => (Number.isNaN(v) ? 1 : v)), [SPECIALS.length, 1], 'bool') : ref(SPECIALS, [SPECIALS.length, 1]);
      const b = logic ? ref(SPECIALS.map((v) => (Number.isNaN(v) ? 1 : v)), [1, SPECIALS.length], 'bool') : ref(SPECIALS, [1, SPECIALS.length]);
      await chk(() => fn(name)(toLt(a), toLt(b)), R.binary(name, a, b), name as TestedOp, name);
    });
  }

  it('sin, cos and tan of the float32 extremes (±3.4e38)', async () => {
    const x = ref([F32_MAX, -F32_MAX, 1e30, -1e30, 16777217]);
    for (const name of ['sin', 'cos', 'tan'] as const) {
      await chk(() => fn(name)(toLt(x)), R.unary(name, x), name, name);
    }
  });

  it('leakyRelu, clipByValue, cast and where keep NaN and Infinity', async () => {
    const x = ref(SPECIALS);
    await (async () => {
      await chk(() => lt.leakyRelu(toLt(x), 0.1), R.leakyRelu(x, 0.1), 'leakyRelu', 'leakyRelu');
      await chk(() => lt.clipByValue(toLt(x), -1, 2), R.clipByValue(x, -1, 2), 'clipByValue', 'clipByValue');
      await chk(() => lt.clipByValue(toLt(x), -Infinity, Infinity), R.clipByValue(x, -Infinity, Infinity), 'clipByValue', 'clipByValue to ±Infinity');
      await chk(() => lt.cast(toLt(x), 'int32'), R.cast(x, 'int32'), 'cast', 'cast to int32 (NaN -> 0, ±Infinity -> 0)');
      await chk(() => lt.cast(toLt(x), 'bool'), R.cast(x, 'bool'), 'cast', 'cast to bool (NaN -> true)');
      const c = ref(SPECIALS.map((_, i) => i % 2), [SPECIALS.length], 'bool');
      const y = ref(SPECIALS.slice().reverse());
      await chk(() => lt.where(toLt(c), toLt(x), toLt(y)), R.where(c, x, y), 'where', 'where');
    });
  });

  it('reductions over rows holding NaN, +Infinity, -Infinity and both infinities', async () => {
    // rows: plain, a NaN, +Inf, -Inf, +Inf and -Inf, all NaN, the float32 max twice (overflow)
    const rows = [
      [1, 2, 3, 4], [1, NaN, 3, 4], [1, Infinity, 3, 4], [1, -Infinity, 3, 4],
      [Infinity, 2, -Infinity, 4], [NaN, NaN, NaN, NaN], [F32_MAX, F32_MAX, -1, 1], [-0, 0, -0, -0],
    ];
    const x = ref(rows.flat(), [rows.length, 4]);
    await (async () => {
      const X = own(toLt(x));
      for (const name of ['sum', 'mean', 'max', 'min', 'prod', 'logSumExp'] as const) {
        await chk(() => fn(name)(X, 1), (R[name] as (x: R.Ref, axis: number) => R.Ref)(x, 1), name, `${name} along rows`);
        await chk(() => fn(name)(X, 0), (R[name] as (x: R.Ref, axis: number) => R.Ref)(x, 0), name, `${name} along columns`);
      }
      for (const name of ['argMax', 'argMin'] as const) {
        await chk(() => fn(name)(X, 1), R[name](x, 1), name, `${name} along rows`);
      }
      await chk(() => lt.softmax(X), R.softmax(x), 'softmax', 'softmax');
      await chk(() => lt.logSoftmax(X), R.logSoftmax(x), 'logSoftmax', 'logSoftmax');
      await chk(() => lt.cumsum(X, 1), R.cumsum(x, 1), 'cumsum', 'cumsum');
      const rm = R.moments(x, 1);
      await chk(() => lt.moments(X, 1).mean, rm.mean, 'moments', 'moments mean');
      await chk(() => lt.moments(X, 1).variance, rm.variance, 'moments', 'moments variance');
    });
  });

  it('matMul and dot: Infinity * 0 is NaN, NaN spreads along its row and column', async () => {
    const a = ref([1, 0, 2, Infinity, NaN, 1, 0, 1, 1], [3, 3]);
    const b = ref([0, 1, 1, 1, 0, 1, 2, 2, -Infinity], [3, 3]);
    await (async () => {
      await chk(() => lt.matMul(toLt(a), toLt(b)), R.matMul(a, b), 'matMul', 'matMul');
      await chk(() => lt.matMul(toLt(a), toLt(b), true, true), R.matMul(a, b, true, true), 'matMul', 'matMul transposed');
      const v = ref([Infinity, 0, 1]);
      const w = ref([0, 5, 1]);
      await chk(() => lt.dot(toLt(v), toLt(w)), R.dot(v, w), 'dot', 'dot');
    });
  });

  it('NaN and Infinity travel unchanged through the shape ops', async () => {
    const x = ref([NaN, Infinity, -Infinity, -0, 1, 2], [2, 3]);
    await (async () => {
      const X = own(toLt(x));
      await chk(() => X.transpose(), R.transpose(x), 'transpose', 'transpose');
      await chk(() => lt.pad(X, [[1, 0], [0, 1]], NaN), R.pad(x, [[1, 0], [0, 1]], NaN), 'pad', 'pad with NaN');
      await chk(() => lt.pad(X, [[0, 1], [1, 0]], -Infinity), R.pad(x, [[0, 1], [1, 0]], -Infinity), 'pad', 'pad with -Infinity');
      await chk(() => lt.tile(X, [2, 1]), R.tile(x, [2, 1]), 'tile', 'tile');
      await chk(() => lt.reverse(X, 1), R.reverse(x, 1), 'reverse', 'reverse');
      await chk(() => lt.gather(X, [2, 0], 1), R.gather(x, [2, 0], 1), 'gather', 'gather');
      await chk(() => lt.concat([X, X], 1), R.concat([x, x], 1), 'concat', 'concat');
      await chk(() => lt.oneHot(lt.tensor([0, 2], [2], 'int32'), 3, NaN, -Infinity, 'float32'), R.oneHot(R.fromValues([0, 2], [2], 'int32'), 3, NaN, -Infinity, 'float32'), 'oneHot', 'oneHot with NaN on, -Infinity off');
    });
  });

  it('scalars from user code: NaN and Infinity as operands and parameters', async () => {
    const x = ref([1, -2, 0, Infinity]);
    await (async () => {
      await chk(() => toLt(x).add(NaN), R.binary('add', x, NaN), 'add', 'x + NaN');
      await chk(() => toLt(x).mul(Infinity), R.binary('mul', x, Infinity), 'mul', 'x * Infinity');
      await chk(() => toLt(x).div(0), R.binary('div', x, 0), 'div', 'x / 0');
      await chk(() => toLt(x).div(-0), R.binary('div', x, -0), 'div', 'x / -0');
      await chk(() => lt.fill([3], NaN), ref([NaN, NaN, NaN]), CLASS.exact, 'fill NaN');
      await chk(() => lt.scalar(-Infinity), R.scalarRef(-Infinity), CLASS.exact, 'scalar -Infinity');
    });
    // the same graph with another scalar value reuses the Program (scalars are parameters)
    const run = (s: number) => lt.tidy(() => Array.from(lt.tensor([1, 2]).mul(s).dataSync()));
    expect(run(2)).toEqual([2, 4]);
    const misses = lt.metrics().cacheMisses;
    expect(run(NaN)).toEqual([NaN, NaN]);
    expect(run(-Infinity)).toEqual([-Infinity, -Infinity]);
    expect(lt.metrics().cacheMisses).toBe(misses);
  });
});

describe('zero-size shapes are valid (not an error)', () => {
  const z = (shape: number[]) => R.fromValues([], shape, 'float32');
  it('reductions over empty axes give the identities', async () => {
    const x = z([0, 3]);
    await (async () => {
      const X = own(toLt(x));
      for (const name of ['sum', 'mean', 'max', 'min', 'prod', 'logSumExp'] as const) {
        const r = R[name] as (x: R.Ref, axis?: number) => R.Ref;
        await chk(() => fn(name)(X), r(x), name, `${name} of all`);
        await chk(() => fn(name)(X, 0), r(x, 0), name, `${name} axis 0`);
        await chk(() => fn(name)(X, 1), r(x, 1), name, `${name} axis 1`);
      }
      await chk(() => lt.cast(X, 'bool').all(0), R.all(R.cast(x, 'bool'), 0), 'all', 'all');
      await chk(() => lt.cast(X, 'bool').any(), R.any(R.cast(x, 'bool')), 'any', 'any');
      await chk(() => lt.cumsum(X, 0), R.cumsum(x, 0), 'cumsum', 'cumsum');
    });
  });

  it('shape ops, matMul and elementwise ops on size-0 tensors', async () => {
    await (async () => {
      const e = z([0, 3]);
      const E = own(toLt(e));
      await chk(() => lt.matMul(toLt(z([2, 0])), toLt(z([0, 3]))), R.matMul(z([2, 0]), z([0, 3])), 'matMul', '[2,0] x [0,3] is zeros');
      await chk(() => lt.matMul(toLt(z([0, 2])), lt.ones([2, 3])), R.matMul(z([0, 2]), R.fromValues(new Array(6).fill(1), [2, 3], 'float32')), 'matMul', '[0,2] x [2,3]');
      await chk(() => lt.dot(toLt(z([0])), toLt(z([0]))), R.dot(z([0]), z([0])), 'dot', 'dot of empty vectors');
      await chk(() => E.add(lt.ones([3])), R.binary('add', e, R.fromValues([1, 1, 1], [3], 'float32')), 'add', 'broadcast against size 0');
      await chk(() => E.exp(), R.unary('exp', e), 'exp', 'exp');
      await chk(() => E.transpose(), R.transpose(e), 'transpose', 'transpose');
      await chk(() => E.reshape([3, 0, 5]), R.reshape(e, [3, 0, 5]), 'reshape', 'reshape');
      await chk(() => lt.pad(E, [[1, 1], [0, 0]], 7), R.pad(e, [[1, 1], [0, 0]], 7), 'pad', 'pad grows it');
      await chk(() => lt.tile(lt.ones([2, 3]), [0, 1]), R.tile(R.fromValues(new Array(6).fill(1), [2, 3], 'float32'), [0, 1]), 'tile', 'tile by 0');
      await chk(() => lt.concat([E, lt.ones([2, 3])]), R.concat([e, R.fromValues(new Array(6).fill(1), [2, 3], 'float32')]), 'concat', 'concat');
      await chk(() => lt.stack([E, E]), R.stack([e, e]), 'stack', 'stack');
      await chk(() => lt.gather(lt.ones([3, 2]), lt.tensor([], [0], 'int32')), R.gather(R.fromValues(new Array(6).fill(1), [3, 2], 'float32'), R.fromValues([], [0], 'int32')), 'gather', 'no indices');
      await chk(() => lt.oneHot(lt.tensor([1], [1], 'int32'), 0), R.oneHot(R.fromValues([1], [1], 'int32'), 0), 'oneHot', 'depth 0');
      await chk(() => lt.slice(lt.ones([2, 3]), [1, 1], [0, 2]), R.slice(R.fromValues(new Array(6).fill(1), [2, 3], 'float32'), [1, 1], [0, 2]), 'slice', 'slice of size 0');
      await chk(() => lt.softmax(toLt(z([2, 0]))), R.softmax(z([2, 0])), 'softmax', 'softmax over an empty axis');
      expect(lt.split(E, 3, 1).map((t) => t.shape)).toEqual([[0, 1], [0, 1], [0, 1]]);
      expect(lt.unstack(E, 0)).toEqual([]);
    });
  });


  it('a zero dim after dims whose product passes 2^31 is empty, not too large, and leaks nothing', () => {
    // [65536, 65536, 0]: the prefix product 2^32 overflowed int32 before the 0 was seen, so
    // the interpreter refused it as too large and the failed read left its handle behind
    const big = [65536, 65536, 0];
    const before = lt.memory();
    const makers: [string, () => lt.Tensor][] = [
      ['zeros', () => lt.zeros(big)],
      ['ones', () => lt.ones(big)],
      ['fill', () => lt.fill(big, 3)],
      ['tensor', () => lt.tensor(new Float32Array(0), big)],
      ['reshape', () => lt.zeros([0]).reshape(big)],
      ['add', () => lt.zeros(big).add(lt.ones([65536, 1, 1]))],
      ['sum axis 0', () => lt.zeros(big).sum(0).reshape(big)],
    ];
    for (const [name, make] of makers) {
      lt.tidy(() => {
        const t = make();
        expect(t.shape, name).toEqual(big);
        expect(t.dataSync().length, name).toBe(0);
      });
      expect(lt.memory(), `lt.memory() after ${name}`).toEqual(before);
    }
    expect(() => lt.zeros([65536, 65536, 1]), 'one more element than allowed').toThrow(/zeros:.*2\^31/);
    expect(lt.memory()).toEqual(before);
  });

  it('gradients through size-0 tensors are size-0 zeros', () => {
    lt.tidy(() => {
      const g = lt.grads((a: lt.Tensor, b: lt.Tensor) => lt.matMul(a, b).sum())([lt.zeros([2, 0]), lt.zeros([0, 3])]);
      expect(g.map((t) => t.shape)).toEqual([[2, 0], [0, 3]]);
      for (const f of [(x: lt.Tensor) => x.max(1), (x: lt.Tensor) => x.logSumExp(0), (x: lt.Tensor) => x.prod(0), (x: lt.Tensor) => x.mean(0)]) {
        const d = lt.grad(f)(lt.tensor([], [0, 3]));
        expect(d.shape).toEqual([0, 3]);
      }
    });
  });
});

describe('mixed dtypes are upcast as tfjs does (not an error)', () => {
  it('bool, int32 and float32 operands of the binary ops', async () => {
    const rng = new R.Rng(9);
    const vals: Record<R.DType, R.Ref> = {
      bool: R.randRef(rng, [2, 3], 'bool'),
      int32: R.randRef(rng, [2, 3], 'int32', { lo: -5, hi: 5, avoidZero: 1 }),
      float32: R.randRef(rng, [2, 3], 'float32', { avoidZero: 0.1 }),
    };
    await (async () => {
      for (const name of ['add', 'sub', 'mul', 'div', 'maximum', 'equal', 'less'] as const) {
        for (const [da, db] of [['int32', 'float32'], ['bool', 'float32'], ['bool', 'int32'], ['float32', 'int32']] as const) {
          const a = vals[da], b = vals[db];
          await chk(() => fn(name)(toLt(a), toLt(b)), R.binary(name, a, b), name, `${name}(${da}, ${db})`);
        }
      }
      // TensorLike of another dtype, and mixed element types in one array (tfjs: dtype of the first)
      await chk(() => lt.add(toLt(vals.int32), [1.5, 2, 3]), R.binary('add', vals.int32, [1.5, 2, 3]), 'add', 'int32 + number[]');
      await chk(() => lt.add(toLt(vals.int32), new Int32Array([1, 2, 3])), R.binary('add', vals.int32, new Int32Array([1, 2, 3])), 'add', 'int32 + Int32Array');
      await chk(() => lt.tensor([1, true, 2] as never), R.fromValues([1, 1, 2], [3], 'float32'), CLASS.exact, 'a number-first mixed array is float32');
      await chk(() => lt.concat([toLt(vals.bool), toLt(vals.int32), toLt(vals.float32)]), R.concat([R.cast(vals.bool, 'float32'), R.cast(vals.int32, 'float32'), vals.float32]), 'concat', 'concat of three dtypes');
      await chk(() => lt.where(toLt(vals.bool), toLt(vals.int32), toLt(vals.float32)), R.where(vals.bool, vals.int32, vals.float32), 'where', 'where of int32 and float32');
      await chk(() => lt.matMul(toLt(vals.int32), toLt(vals.float32), false, true), R.matMul(R.cast(vals.int32, 'float32'), vals.float32, false, true), 'matMul', 'matMul of int32 and float32');
    });
  });
});

// Minimal reproducers of what the differential test (differential.test.ts) found, kept as
// named tests so that each is seen on its own.
describe('found by the differential test', () => {
  it('floorDiv of float32 is floor of the exact quotient (as tfjs: in float64), not of the float32 quotient', async () => {
    // -2.998... / 5.7978e-7 = -5170930.0059 rounds to -5170930 in float32, whose floor is not -5170931
    const a = ref([-2.9980216026306152, 2.25, 2.5, F32_TINY, -F32_TINY]);
    const b = ref([5.797838298349234e-7, 0.001, 0.001, -2.5, 3]);
    await chk(() => lt.floorDiv(toLt(a), toLt(b)), R.binary('floorDiv', a, b), 'floorDiv', 'floorDiv near integers and underflow');
    await chk(() => lt.floorDiv(toLt(ref([2.25])), 0.001), R.binary('floorDiv', ref([2.25]), 0.001), 'floorDiv', 'floorDiv by a number');
  });


  it('clipByValue of int32 with an infinite bound (clip(x, 0, Infinity) must not zero everything)', async () => {
    const x = R.fromValues([-7, -1, 0, 5, 9], [5], 'int32');
    await chk(() => lt.clipByValue(toLt(x), 0, Infinity), R.clipByValue(x, 0, Infinity), 'clipByValue', 'clip(int32, 0, Infinity)');
    await chk(() => lt.clipByValue(toLt(x), -Infinity, 1), R.clipByValue(x, -Infinity, 1), 'clipByValue', 'clip(int32, -Infinity, 1)');
  });

  it('NaN becomes true as a bool everywhere (cast does so; tensor(), scalar() and pad values too)', async () => {
    await chk(() => lt.cast(lt.tensor([NaN, 0.4, -0]), 'bool'), R.fromValues([NaN, 0.4, -0], [3], 'bool'), 'cast', 'cast');
    await chk(() => lt.tensor([NaN, 0.4, -0], [3], 'bool'), R.fromValues([NaN, 0.4, -0], [3], 'bool'), 'cast', 'tensor(..., bool)');
    await chk(() => lt.scalar(NaN, 'bool'), R.fromValues([NaN], [], 'bool'), 'cast', 'scalar(NaN, bool)');
    await chk(() => lt.pad(lt.tensor([true]), [[1, 0]], NaN), R.pad(R.fromValues([1], [1], 'bool'), [[1, 0]], NaN), 'pad', 'pad(bool, NaN)');
  });

  it('sin, cos and tan of 5e26..1.5e27 (range reduction)', async () => {
    const x = ref([8.774100847069817e26, -6.691740880178877e26, 6.226401838435954e26, 1.2e27]);
    for (const name of ['sin', 'cos', 'tan'] as const) {
      await chk(() => fn(name)(toLt(x)), R.unary(name, x), name, name);
    }
  });
});

describe('floorDiv past float32 precision and int32 range (tfjs: Math.floor(a / b) in f64, stored into an Int32Array)', () => {
  it('float32 operands: exact quotients past 2^24, wrapped past 2^31, 0 for NaN and ±Infinity', () => {
    // every operand is exactly representable in float32; the expected values are worked by hand:
    const cases: [number, number, number][] = [
      [50331652, 3, 16777217],              // 16777217.33 floored; float32 would round it to 16777216
      [33554436, 2, 16777218],              // exact, even above 2^24
      [3e9, 1, 3e9 - 2 ** 32],              // -1294967296: wraps, as ToInt32 does
      [-3e9, 1, -3e9 + 2 ** 32],            // 1294967296
      [1e10, 1, 1e10 - 2 * 2 ** 32],        // 1410065408
      [2 ** 31, 1, -(2 ** 31)],
      [2 ** 32, 1, 0],
      [7.5, 2, 3],
      [-7.5, 2, -4],
      [1, 0, 0],                            // Infinity stored into an Int32Array is 0
      [-1, 0, 0],
      [NaN, 1, 0],
    ];
    lt.tidy(() => {
      const q = lt.floorDiv(lt.tensor(cases.map((c) => c[0])), lt.tensor(cases.map((c) => c[1])));
      expect(q.dtype).toBe('int32');
      const got = Array.from(q.dataSync());
      cases.forEach(([a, b, want], i) => expect(got[i], `floorDiv(${a}, ${b})`).toBe(want));
      // a scalar operand takes the same kernel through its param
      expect(Array.from(lt.floorDiv(lt.tensor([50331652]), 3).dataSync())).toEqual([16777217]);
    });
  });

  it('int32 operands: floor toward -Infinity, MIN / -1 wraps, / 0 is 0', () => {
    lt.tidy(() => {
      const a = lt.tensor([-7, 7, -(2 ** 31), 5, -5], undefined, 'int32');
      const b = lt.tensor([2, -2, -1, 0, 3], undefined, 'int32');
      expect(Array.from(lt.floorDiv(a, b).dataSync())).toEqual([-4, -4, -(2 ** 31), 0, -2]);
    });
  });
});
