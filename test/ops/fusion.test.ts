// Fused groups (core-wasm/assembly/passes/analysis.ts, run by accelerators/wasm/assembly/
// fused.ts) against the float64 reference: every group shape the plan forms (elementwise
// chains with same-shape, scalar and broadcast inputs; chains feeding row, column and
// whole-tensor reductions; int32 and bool groups; where and cast inside a group) on sizes
// around the tile (1024 elements) and the vector width (4), and NaN / Inf on the way through.
// Each case also checks through graphStats that the group really is one kernel.
import { describe, it, beforeAll, expect } from 'vitest';
import * as lt from '../../ts/index';
import * as R from '../reference';
import { type Ref, type DType, Rng, randRef, scalarRef } from '../reference';
import { setupBackend, toLt, expectClose } from '../helpers';
import { CLASS, type Tol } from '../tolerances';

beforeAll(setupBackend);

/** The same expression over library tensors or reference values. */
interface Ops<T> {
  bin(name: string, a: T, b: T): T;
  un(name: string, x: T): T;
  where(c: T, a: T, b: T): T;
  cast(x: T, dtype: DType): T;
  red(name: string, x: T, axes: number[], keep?: boolean): T;
  k(v: number, dtype?: DType): T; // a rank-0 operand (a scalar param in the graph)
}

type L = lt.Tensor;
const any = lt as unknown as Record<string, (...a: unknown[]) => L>;
const LT: Ops<L> = {
  bin: (n, a, b) => any[n](a, b),
  un: (n, x) => any[n](x),
  where: (c, a, b) => lt.where(c, a, b),
  cast: (x, d) => lt.cast(x, d),
  red: (n, x, axes, keep = false) => any[n](x, axes, keep),
  k: (v, d = 'float32') => lt.scalar(v, d),
};
const ref = R as unknown as Record<string, (...a: unknown[]) => Ref>;
const REF: Ops<Ref> = {
  bin: (n, a, b) => R.binary(n as R.BinaryName, a, b),
  un: (n, x) => R.unary(n as R.UnaryName, x),
  where: (c, a, b) => R.where(c, a, b),
  cast: (x, d) => R.cast(x, d),
  red: (n, x, axes, keep = false) => ref[n](x, axes, keep),
  k: (v, d = 'float32') => scalarRef(v, d),
};

/** Chains compound one rounding per op (about ten here); tanh and exp add their own. */
const CHAIN: Tol = { atol: 1e-5, rtol: 1e-5 };
/** Sums of up to ~4000 terms of magnitude <= ~10, in tile order. */
const LONG_SUM: Tol = { atol: 2e-3, rtol: 1e-4 };

/** Sizes around the vector width and the tile. */
const SIZES = [1, 3, 7, 33, 257, 1023, 1025, 4099];

/** Runs `f` on library tensors and on the reference over the same inputs; compares, and
 *  checks the graph's kernel count. */
async function check<T extends unknown[]>(
  inputs: Ref[], f: <V>(o: Ops<V>, ...xs: V[]) => V, tol: Tol, kernels: number, what: string,
): Promise<void> {
  const xs = inputs.map((r) => toLt(r));
  const y = f(LT, ...xs);
  expect(lt.debug.graphStats(y).kernels, `${what}: kernels`).toBe(kernels);
  await expectClose(y, f(REF, ...inputs), tol, what);
  lt.dispose([y, ...xs]);
}

/** The benchmark's chain: *1.5, +.5, relu, *x, -.25, abs, +x, *.9, tanh, +1. */
function benchChain<V>(o: Ops<V>, x: V): V {
  let y = o.bin('add', o.bin('mul', x, o.k(1.5)), o.k(0.5));
  y = o.bin('sub', o.bin('mul', o.un('relu', y), x), o.k(0.25));
  y = o.bin('mul', o.bin('add', o.un('abs', y), x), o.k(0.9));
  return o.bin('add', o.un('tanh', y), o.k(1));
}

describe('fused elementwise chains', () => {
  const rng = new Rng(7);
  for (const n of SIZES) {
    it(`the 10-op chain over ${n} floats is one kernel`, async () => {
      await check([randRef(rng, [n])], benchChain, { ...CHAIN, atol: CLASS.transcendental.atol }, 1, `chain ${n}`);
    });
  }

  const shapes: [number, number][] = [[1, 1], [3, 7], [7, 33], [33, 257], [2, 1025], [257, 3]];
  for (const [r, c] of shapes) {
    it(`row and column broadcasts inside a chain, [${r}, ${c}]`, async () => {
      // (x + bias[c]) * col[r, 1], relu, - x, exp: bias and col are gathered per tile
      const f = <V>(o: Ops<V>, x: V, bias: V, col: V): V =>
        o.un('exp', o.bin('sub', o.un('relu', o.bin('mul', o.bin('add', x, bias), col)), x));
      await check([randRef(rng, [r, c]), randRef(rng, [c]), randRef(rng, [r, 1])], f, { atol: 1e-6, rtol: 2e-5 }, 1, `bcast [${r},${c}]`);
    });
  }

  for (const n of [1, 7, 33, 1025]) {
    it(`int32 chain over ${n} elements (exact)`, async () => {
      const f = <V>(o: Ops<V>, a: V, b: V): V =>
        o.un('abs', o.bin('sub', o.bin('mul', o.bin('add', a, b), o.k(3, 'int32')), o.un('neg', b)));
      await check([randRef(rng, [n], 'int32'), randRef(rng, [n], 'int32')], f, CLASS.exact, 1, `int32 ${n}`);
    });
    it(`bool members, where and cast in one group over ${n} elements`, async () => {
      // greater, less -> logicalAnd -> where(float) -> * cast(bool) -> + x
      const f = <V>(o: Ops<V>, x: V, y: V): V => {
        const m = o.bin('logicalAnd', o.bin('greater', x, o.k(0)), o.bin('less', y, o.k(1)));
        return o.bin('add', o.bin('mul', o.where(m, x, o.bin('mul', y, o.k(2))), o.cast(o.bin('greater', y, x), 'float32')), x);
      };
      // m and the greater are read once each: the whole expression is one group
      await check([randRef(rng, [n]), randRef(rng, [n])], f, CLASS.arith, 1, `bool ${n}`);
    });
    it(`a bool-valued group (a root of one-byte elements) over ${n} elements`, async () => {
      const f = <V>(o: Ops<V>, x: V, y: V): V =>
        o.un('logicalNot', o.bin('logicalOr', o.bin('greater', o.un('abs', x), y), o.bin('equal', o.cast(x, 'int32'), o.k(0, 'int32'))));
      await check([randRef(rng, [n]), randRef(rng, [n])], f, CLASS.exact, 1, `bool root ${n}`);
    });
  }

  for (const n of [1, 7, 1025]) {
    it(`a group that reads a computed value several times (tanh-GELU) over ${n} floats`, async () => {
      // u = x * 1.7 - 0.3 is read by four members; 0.5 u (1 + tanh(0.79788 (u + 0.044715 u^3)))
      const f = <V>(o: Ops<V>, x: V): V => {
        const u = o.bin('sub', o.bin('mul', x, o.k(1.7)), o.k(0.3));
        const cube = o.bin('mul', o.bin('mul', u, u), u);
        const inner = o.bin('mul', o.bin('add', u, o.bin('mul', cube, o.k(0.044715))), o.k(0.7978845608));
        return o.bin('mul', o.bin('mul', u, o.k(0.5)), o.bin('add', o.un('tanh', inner), o.k(1)));
      };
      await check([randRef(rng, [n])], f, { ...CHAIN, atol: CLASS.transcendental.atol }, 1, `gelu ${n}`);
    });
  }

  it('NaN and Inf propagate through a fused chain as through each op', async () => {
    const specials = [NaN, Infinity, -Infinity, 0, -0, 1e38, -1e38, 1e-45];
    const x = randRef(rng, [1029], 'float32', { specials, specialRate: 0.4 });
    const y = randRef(rng, [1029], 'float32', { specials, specialRate: 0.4 });
    const f = <V>(o: Ops<V>, a: V, b: V): V =>
      o.bin('maximum', o.un('relu', o.bin('mul', o.bin('add', a, b), o.k(2))), o.bin('sub', o.un('exp', b), a));
    await check([x, y], f, CLASS.transcendental, 1, 'specials');
  });
});

describe('reductions fed by fused chains', () => {
  const rng = new Rng(11);
  const chain = <V>(o: Ops<V>, x: V): V => o.un('abs', o.bin('add', o.bin('mul', x, o.k(1.5)), o.k(-0.5)));
  const cases: [number[], number[]][] = [
    [[1], [0]], [[3], [0]], [[7, 33], [1]], [[33, 7], [0]], [[257], [0]], [[3, 4099], [1]],
    [[4099, 3], [0]], [[2, 3, 5], [1]], [[2, 3, 5], [1, 2]], [[3, 1030, 2], [1]], [[2, 5, 1025], [1]],
    [[5, 7], [0, 1]],
  ];
  for (const [shape, axes] of cases) {
    for (const op of ['sum', 'max', 'min']) {
      it(`${op} over axes [${axes}] of [${shape}]`, async () => {
        const f = <V>(o: Ops<V>, x: V): V => o.red(op, chain(o, x), axes);
        await check([randRef(rng, shape)], f, op === 'sum' ? LONG_SUM : CHAIN, 1, `${op} [${shape}] [${axes}]`);
      });
    }
  }

  it('prod of a chain, keepDims', async () => {
    const f = <V>(o: Ops<V>, x: V): V => o.red('prod', o.bin('add', o.bin('mul', x, o.k(0.1)), o.k(1)), [1], true);
    await check([randRef(rng, [5, 9])], f, CLASS.prod, 1, 'prod');
  });

  it('int32 sum of an int32 chain (exact)', async () => {
    const f = <V>(o: Ops<V>, x: V): V => o.red('sum', o.bin('mul', o.un('abs', x), o.k(3, 'int32')), [0]);
    await check([randRef(rng, [2053], 'int32')], f, CLASS.exact, 1, 'int32 sum');
  });

  it('all / any of a fused comparison', async () => {
    for (const op of ['all', 'any']) {
      const f = <V>(o: Ops<V>, x: V): V => o.red(op, o.bin('greater', o.un('abs', x), o.k(0.05)), [1]);
      await check([randRef(rng, [6, 1500])], f, CLASS.exact, 1, op);
    }
  });

  it('a NaN inside a chain reaches max and sum', async () => {
    const x = randRef(rng, [4, 2000], 'float32', { specials: [NaN, Infinity], specialRate: 0.001 });
    for (const op of ['max', 'sum']) {
      const f = <V>(o: Ops<V>, a: V): V => o.red(op, o.bin('mul', a, o.k(2)), [1]);
      await check([x], f, LONG_SUM, 1, `${op} specials`);
    }
  });

  it('reductions over axes that are not adjacent stay unfused and correct', async () => {
    const f = <V>(o: Ops<V>, x: V): V => o.red('sum', o.bin('mul', x, o.k(2)), [0, 2]);
    await check([randRef(rng, [3, 5, 7])], f, CLASS.accum, 2, 'sum [0,2]');
  });
});
