// Batched matMul: transposes, broadcast batch dims, int32, empty sizes.
import { describe, it, beforeAll } from 'vitest';
import { loadInterp, type Interp, type Data } from './interp';
import { ProgramBuilder, type DType } from './program';
import { expectClose, expectEqual, numel, unravel, ravel, broadcastShape, seq } from './reference';

let it_: Interp;
beforeAll(async () => {
  it_ = await loadInterp();
}, 180_000); // a stale build is rebuilt first

/** float64 reference: a [..., m, k] (or [..., k, m]), b [..., k, n] (or [..., n, k]). */
function refMatMul(a: ArrayLike<number>, ad: number[], b: ArrayLike<number>, bd: number[], tA: boolean, tB: boolean) {
  const ra = ad.length, rb = bd.length;
  const m = tA ? ad[ra - 1] : ad[ra - 2], k = tA ? ad[ra - 2] : ad[ra - 1];
  const n = tB ? bd[rb - 2] : bd[rb - 1];
  const batch = broadcastShape(ad.slice(0, -2), bd.slice(0, -2));
  const dims = [...batch, m, n];
  const batchIndex = (idx: number[], xd: number[]) => {
    const xb = xd.slice(0, -2), off = idx.length - xb.length;
    return ravel(xb.map((d, q) => (d === 1 ? 0 : idx[off + q])), xb);
  };
  const out = Array.from({ length: numel(dims) }, (_, o) => {
    const idx = unravel(o, dims);
    const bi = idx.slice(0, -2), i = idx[idx.length - 2], j = idx[idx.length - 1];
    const oa = batchIndex(bi, ad) * m * k, ob = batchIndex(bi, bd) * k * n;
    let s = 0;
    for (let q = 0; q < k; q++) {
      s += a[oa + (tA ? q * m + i : i * k + q)] * b[ob + (tB ? j * k + q : q * n + j)];
    }
    return s;
  });
  return { out, dims };
}

function matMul(dt: DType, a: Data, ad: number[], b: Data, bd: number[], tA: boolean, tB: boolean, dims: number[]): Data {
  const pb = new ProgramBuilder();
  const pa = pb.param(dt, ad), pbb = pb.param(dt, bd);
  const y = pb.node('matMul', dt, dims, [pa, pbb], [+tA, +tB]);
  return it_.run(pb.build([y]), [a, b])[0];
}

/** Shapes of a and b for [batchA..., m, k] x [batchB..., k, n], transposed as asked. */
function shapes(batchA: number[], batchB: number[], m: number, k: number, n: number, tA: boolean, tB: boolean) {
  return { ad: [...batchA, ...(tA ? [k, m] : [m, k])], bd: [...batchB, ...(tB ? [n, k] : [k, n])] };
}

describe('matMul', () => {
  const cases: [number[], number[], number, number, number][] = [
    [[], [], 3, 4, 5],
    [[2], [2], 2, 3, 4],
    [[2, 1], [3], 3, 2, 4],
    [[1], [4, 2], 2, 5, 1],
    [[3], [], 1, 1, 1],
    [[], [], 2, 0, 3],
    [[2], [2], 0, 3, 2],
  ];
  for (const [batchA, batchB, m, k, n] of cases) {
    for (const tA of [false, true]) {
      for (const tB of [false, true]) {
        it(`[${batchA}] x [${batchB}] m${m} k${k} n${n} tA ${tA} tB ${tB}`, () => {
          const { ad, bd } = shapes(batchA, batchB, m, k, n, tA, tB);
          const a = Float32Array.from(seq(numel(ad), -2, 2, 31)), b = Float32Array.from(seq(numel(bd), -2, 2, 32));
          const { out, dims } = refMatMul(a, ad, b, bd, tA, tB);
          expectClose(matMul('float32', a, ad, b, bd, tA, tB, dims), out, 1e-5, 1e-5);
          const ai = Int32Array.from(a, (v) => Math.round(v * 3)), bi = Int32Array.from(b, (v) => Math.round(v * 3));
          expectEqual(matMul('int32', ai, ad, bi, bd, tA, tB, dims), refMatMul(ai, ad, bi, bd, tA, tB).out);
        });
      }
    }
  }
});
