// Binary elementwise ops and where against the float64 reference: numpy/tfjs broadcasting,
// method form, rank 0 and size 0, dtype promotion (int32 op JS number -> float32, int32/int32
// div is floorDiv ...), TensorLike operands, NaN.

import { beforeAll, describe, it } from 'vitest';
import * as R from '../reference';
import { expectClose, fn, method, setupBackend, toLt } from '../helpers';
import * as lt from '../../ts/index';

beforeAll(setupBackend);

const NAN = NaN;
const INF = Infinity;

type Num = Exclude<R.BinaryName, 'logicalAnd' | 'logicalOr'>;

interface Spec {
  a: R.RandOpts;
  b: R.RandOpts;
  /** int32 x int32 is defined by tfjs and tested */
  int32: boolean;
}

const q = (lo: number, hi: number, step = 4): R.RandOpts => ({ lo, hi, step });
const DIVISOR: R.RandOpts = { lo: -3, hi: 3, step: 4, avoidZero: 0.25 };
const CMP: R.RandOpts = { lo: -2, hi: 2, step: 2, specials: [NAN, INF, -INF], specialRate: 0.1 };

const SPECS: Record<Num, Spec> = {
  add: { a: { specials: [NAN, INF, -INF], specialRate: 0.05 }, b: {}, int32: true },
  sub: { a: {}, b: { specials: [NAN, INF], specialRate: 0.05 }, int32: true },
  mul: { a: { specials: [NAN, INF, 0], specialRate: 0.05 }, b: {}, int32: true },
  div: { a: q(-6, 6), b: DIVISOR, int32: true },
  floorDiv: { a: q(-6, 6), b: DIVISOR, int32: true },
  mod: { a: q(-6, 6), b: DIVISOR, int32: true },
  pow: { a: { lo: 0.1, hi: 3 }, b: { lo: -3, hi: 3 }, int32: true },
  maximum: { a: { specials: [NAN, INF], specialRate: 0.1 }, b: { specials: [NAN, -INF], specialRate: 0.1 }, int32: true },
  minimum: { a: { specials: [NAN, INF], specialRate: 0.1 }, b: { specials: [NAN, -INF], specialRate: 0.1 }, int32: true },
  squaredDifference: { a: {}, b: { specials: [NAN], specialRate: 0.05 }, int32: true },
  atan2: { a: { specials: [0, INF, -INF, NAN], specialRate: 0.1 }, b: { specials: [0, INF, -INF], specialRate: 0.1 }, int32: false },
  equal: { a: CMP, b: CMP, int32: true },
  notEqual: { a: CMP, b: CMP, int32: true },
  less: { a: CMP, b: CMP, int32: true },
  lessEqual: { a: CMP, b: CMP, int32: true },
  greater: { a: CMP, b: CMP, int32: true },
  greaterEqual: { a: CMP, b: CMP, int32: true },
};

/** int32 operand ranges per op (divisors non-zero, small exponents). */
function intOpts(name: Num, which: 'a' | 'b'): R.RandOpts {
  if (which === 'b' && (name === 'div' || name === 'floorDiv' || name === 'mod')) return { lo: -5, hi: 5, avoidZero: 1 };
  if (name === 'pow') return which === 'a' ? { lo: -3, hi: 3 } : { lo: 0, hi: 5 };
  return { lo: -9, hi: 9 };
}

/** Broadcast pairs: [a shape, b shape]. */
const BROADCASTS: [number[], number[]][] = [
  [[2, 3, 4], [3, 1]],
  [[4], [3, 1, 4]],
  [[1, 5], [4, 1]],
  [[2, 1, 3], [2, 4, 1]],
];

describe('binary', () => {
  let seed = 200;
  for (const [name, spec] of Object.entries(SPECS) as [Num, Spec][]) {
    const s = seed++;
    it(`${name}: float32 broadcasting (function form)`, async () => {
      const rng = new R.Rng(s);
      for (const [sa, sb] of BROADCASTS) {
        const a = R.randRef(rng, sa, 'float32', spec.a);
        const b = R.randRef(rng, sb, 'float32', spec.b);
        await expectClose(fn(name)(toLt(a), toLt(b)), R.binary(name, a, b), name, `[${sa}] vs [${sb}]`);
      }
    });

    it(`${name}: same shape, method form, rank 0 and JS number operands`, async () => {
      const rng = new R.Rng(s + 1000);
      const a = R.randRef(rng, [3, 5], 'float32', spec.a);
      const b = R.randRef(rng, [3, 5], 'float32', spec.b);
      await expectClose(method(toLt(a), name, toLt(b)), R.binary(name, a, b), name, 'method, same shape');
      const sa = R.randRef(rng, [], 'float32', spec.a);
      const sb = R.randRef(rng, [], 'float32', spec.b);
      await expectClose(method(toLt(sa), name, toLt(sb)), R.binary(name, sa, sb), name, 'rank 0 op rank 0');
      const k = R.randRef(rng, [], 'float32', { ...spec.b, specials: undefined }).data[0];
      await expectClose(method(toLt(a), name, k), R.binary(name, a, k), name, `tensor op ${k}`);
      const k2 = R.randRef(rng, [], 'float32', { ...spec.a, specials: undefined }).data[0];
      await expectClose(fn(name)(k2, toLt(b)), R.binary(name, k2, b), name, `${k2} op tensor`);
    });

    it(`${name}: size-0 and size-1 dims`, async () => {
      const rng = new R.Rng(s + 2000);
      const cases: [number[], number[]][] = [
        [[0, 3], [1, 3]],
        [[2, 1], [0]],
        [[0], []],
        [[1, 1, 1], [1]],
        [[1], [2, 1, 3]],
      ];
      for (const [sa, sb] of cases) {
        const a = R.randRef(rng, sa, 'float32', spec.a);
        const b = R.randRef(rng, sb, 'float32', spec.b);
        await expectClose(fn(name)(toLt(a), toLt(b)), R.binary(name, a, b), name, `[${sa}] vs [${sb}]`);
      }
    });

    if (spec.int32) {
      it(`${name}: int32 op int32 -> ${R.binaryOutDtype(name, 'int32', 'int32')}, broadcasting`, async () => {
        const rng = new R.Rng(s + 3000);
        const a = R.randRef(rng, [3, 4], 'int32', intOpts(name, 'a'));
        const b = R.randRef(rng, [4], 'int32', intOpts(name, 'b'));
        await expectClose(fn(name)(toLt(a), toLt(b)), R.binary(name, a, b), name);
        const a2 = R.randRef(rng, [4], 'int32', intOpts(name, 'a'));
        const b2 = R.randRef(rng, [3, 4], 'int32', intOpts(name, 'b'));
        await expectClose(method(toLt(a2), name, toLt(b2)), R.binary(name, a2, b2), name, 'method');
      });
    }

    it(`${name}: dtype promotion (int32 with float32, JS number, number[], Int32Array, bool)`, async () => {
      const rng = new R.Rng(s + 4000);
      const ai = R.randRef(rng, [2, 3], 'int32', intOpts(name, 'a'));
      const bf = R.randRef(rng, [3], 'float32', spec.b.avoidZero ? DIVISOR : { lo: -3, hi: 3, step: 2 });
      await expectClose(fn(name)(toLt(ai), toLt(bf)), R.binary(name, ai, bf), name, 'int32 op float32');
      const k = name === 'pow' ? 2 : 3;
      await expectClose(fn(name)(toLt(ai), k), R.binary(name, ai, k), name, `int32 op JS number ${k}`);
      const arr = [1, 2, 3];
      await expectClose(fn(name)(toLt(ai), arr), R.binary(name, ai, arr), name, 'int32 op number[]');
      if (spec.int32) {
        const typed = new Int32Array([1, 2, 3]);
        await expectClose(fn(name)(toLt(ai), typed), R.binary(name, ai, typed), name, 'int32 op Int32Array');
        const bb = R.randRef(rng, [2, 3], 'bool');
        const bi = R.randRef(rng, [2, 3], 'int32', intOpts(name, 'b'));
        await expectClose(fn(name)(toLt(bb), toLt(bi)), R.binary(name, bb, bi), name, 'bool op int32 -> int32');
      }
      await expectClose(fn(name)([[1.5, -2], [4, 0.5]], [2, 0.5]), R.binary(name, [[1.5, -2], [4, 0.5]], [2, 0.5]), name, 'nested arrays');
    });
  }

  it('comparisons: bool op bool -> bool', async () => {
    const rng = new R.Rng(290);
    const a = R.randRef(rng, [3, 4], 'bool');
    const b = R.randRef(rng, [4], 'bool');
    for (const name of ['equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual'] as const) {
      await expectClose(fn(name)(toLt(a), toLt(b)), R.binary(name, a, b), name, 'bool');
    }
  });

  it('div: int32 / int32 is floorDiv (negative operands)', async () => {
    const a = R.fromValues([7, -7, 7, -7, 0, 9, -1, 1], [8], 'int32');
    const b = R.fromValues([2, 2, -2, -2, 3, 3, 3, -3], [8], 'int32');
    await expectClose(lt.div(toLt(a), toLt(b)), R.binary('div', a, b), 'div');
    await expectClose(toLt(a).div(toLt(b)), R.binary('div', a, b), 'div', 'method');
  });

  it('floorDiv: float32 inputs give int32 (tfjs-cpu and tfjs-webgl)', async () => {
    const a = R.fromValues([7.5, -7.5, 7.5, -7.5, 1, -1], [6], 'float32');
    const b = R.fromValues([2, 2, -2, -2, 3, 3], [6], 'float32');
    await expectClose(lt.floorDiv(toLt(a), toLt(b)), R.binary('floorDiv', a, b), 'floorDiv');
  });

  it('mod: result has the sign of the divisor', async () => {
    const a = R.fromValues([5.5, -5.5, 5.5, -5.5, 6, -6, 0], [7], 'float32');
    const b = R.fromValues([2, 2, -2, -2, 3, 3, -2], [7], 'float32');
    await expectClose(lt.mod(toLt(a), toLt(b)), R.binary('mod', a, b), 'mod');
    const ai = R.fromValues([5, -5, 5, -5, 6, -6, 0], [7], 'int32');
    const bi = R.fromValues([2, 2, -2, -2, 3, 3, -2], [7], 'int32');
    await expectClose(toLt(ai).mod(toLt(bi)), R.binary('mod', ai, bi), 'mod', 'int32');
  });

  it('pow: negative bases with integer exponents, int32 negative exponents', async () => {
    const a = R.fromValues([-2, -2, -3, 0, 0, 4, -8], [7], 'float32');
    const b = R.fromValues([3, 2, -1, 0, 2, 0.5, 1 / 3], [7], 'float32');
    await expectClose(lt.pow(toLt(a), toLt(b)), R.binary('pow', a, b), 'pow');
    const ai = R.fromValues([2, 2, -2, 1, -1, 3], [6], 'int32');
    const bi = R.fromValues([-1, 10, 3, -5, -3, 0], [6], 'int32');
    await expectClose(toLt(ai).pow(toLt(bi)), R.binary('pow', ai, bi), 'pow', 'int32');
  });

  it('maximum / minimum propagate NaN', async () => {
    const a = R.fromValues([NAN, 1, NAN, 2], [4], 'float32');
    const b = R.fromValues([1, NAN, NAN, -INF], [4], 'float32');
    await expectClose(lt.maximum(toLt(a), toLt(b)), R.binary('maximum', a, b), 'maximum');
    await expectClose(lt.minimum(toLt(a), toLt(b)), R.binary('minimum', a, b), 'minimum');
  });
});

describe('logicalAnd / logicalOr', () => {
  for (const name of ['logicalAnd', 'logicalOr'] as const) {
    it(`${name}: bool broadcasting, method form, rank 0, size 0, TensorLike`, async () => {
      const rng = new R.Rng(name.length);
      for (const [sa, sb] of [...BROADCASTS, [[0, 2], [2]], [[], [3]]] as [number[], number[]][]) {
        const a = R.randRef(rng, sa, 'bool');
        const b = R.randRef(rng, sb, 'bool');
        await expectClose(fn(name)(toLt(a), toLt(b)), R.binary(name, a, b), name, `[${sa}] vs [${sb}]`);
      }
      const a = R.randRef(rng, [2, 3], 'bool');
      const b = R.randRef(rng, [2, 3], 'bool');
      await expectClose(method(toLt(a), name, toLt(b)), R.binary(name, a, b), name, 'method');
      await expectClose(fn(name)([true, false, true], [[true], [false]]), R.binary(name, [true, false, true], [[true], [false]]), name, 'boolean arrays');
      await expectClose(method(toLt(a), name, true), R.binary(name, a, true), name, 'boolean scalar');
    });
  }
});

describe('where', () => {
  it('float32 with three-way broadcasting (function form)', async () => {
    const rng = new R.Rng(300);
    const cases: [number[], number[], number[]][] = [
      [[2, 3], [2, 3], [2, 3]],
      [[3], [2, 3], [2, 1]],
      [[2, 1], [3], []],
      [[4, 1, 1], [1, 3, 1], [2]],
    ];
    for (const [sc, sa, sb] of cases) {
      const c = R.randRef(rng, sc, 'bool');
      const a = R.randRef(rng, sa, 'float32', { specials: [NAN], specialRate: 0.1 });
      const b = R.randRef(rng, sb, 'float32');
      await expectClose(lt.where(toLt(c), toLt(a), toLt(b)), R.where(c, a, b), 'where', `[${sc}] [${sa}] [${sb}]`);
    }
  });
  it('method form a.where(cond, b), rank 0, size 0', async () => {
    const rng = new R.Rng(301);
    const c = R.randRef(rng, [3, 4], 'bool');
    const a = R.randRef(rng, [3, 4], 'float32');
    const b = R.randRef(rng, [4], 'float32');
    await expectClose(toLt(a).where(toLt(c), toLt(b)), R.where(c, a, b), 'where', 'method');
    const sc = R.randRef(rng, [], 'bool');
    await expectClose(lt.where(toLt(sc), lt.scalar(1), lt.scalar(2)), R.where(sc, 1, 2), 'where', 'rank 0');
    const ec = R.randRef(rng, [0, 3], 'bool');
    const ea = R.randRef(rng, [0, 3], 'float32');
    const eb = R.randRef(rng, [3], 'float32');
    await expectClose(lt.where(toLt(ec), toLt(ea), toLt(eb)), R.where(ec, ea, eb), 'where', 'size 0');
  });
  it('int32, bool and mixed int32/float32 branches', async () => {
    const rng = new R.Rng(302);
    const c = R.randRef(rng, [2, 3], 'bool');
    const ai = R.randRef(rng, [2, 3], 'int32');
    const bi = R.randRef(rng, [3], 'int32');
    await expectClose(lt.where(toLt(c), toLt(ai), toLt(bi)), R.where(c, ai, bi), 'where', 'int32');
    const ab = R.randRef(rng, [2, 3], 'bool');
    const bb = R.randRef(rng, [2, 3], 'bool');
    await expectClose(lt.where(toLt(c), toLt(ab), toLt(bb)), R.where(c, ab, bb), 'where', 'bool');
    const bf = R.randRef(rng, [2, 3], 'float32');
    await expectClose(lt.where(toLt(c), toLt(ai), toLt(bf)), R.where(c, ai, bf), 'where', 'int32 vs float32 -> float32');
  });
  it('TensorLike condition and branches', async () => {
    const cond = [[true, false, true], [false, false, true]];
    const a = [[1, 2, 3], [4, 5, 6]];
    const b = [10, 20, 30];
    await expectClose(lt.where(cond, a, b), R.where(cond, a, b), 'where', 'nested arrays');
    await expectClose(lt.where([true, false], 1, 2), R.where([true, false], 1, 2), 'where', 'numbers');
  });
});
