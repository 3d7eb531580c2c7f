// Batched matMul with optional transposes: out[..., i, j] = sum_k a[..., i, k] * b[..., k, j],
// the batch dims of a and b broadcast to the output's. Sums run over k in order, in the element
// type (f32 or wrapping i32), as tfjs.
import { DT_FLOAT32 } from '../../../core-wasm/assembly/generated/opcodes';
import { Ctx, inRec, inBuf, recDtype, recRank, recDims, recDim, recAttr } from './record';
import { iterBegin, iterSetDims, iterSetStride, iterFinish, iterInner, iterRows, iterStep, iterOffset, iterNext } from './iter';

/** The shape of one product and how a and b are laid out: element (i, k) of a is at
 *  i * ai + k * ak, element (k, j) of b at k * bk + j * bj. */
@unmanaged
class Mat {
  m: i32 = 0; n: i32 = 0; kk: i32 = 0;
  ai: i32 = 0; ak: i32 = 0; bk: i32 = 0; bj: i32 = 0;
}

const MAT = changetype<Mat>(memory.data(offsetof<Mat>()));

function product<T>(pa: usize, pb: usize, po: usize, g: Mat): void {
  const m = g.m, n = g.n, kk = g.kk;
  const ai = <usize>g.ai << 2, ak = <usize>g.ak << 2, bk = <usize>g.bk << 2, bj = <usize>g.bj << 2;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let qa = pa + <usize>i * ai, qb = pb + <usize>j * bj;
      let acc = <T>0;
      for (let k = 0; k < kk; k++) {
        acc += load<T>(qa) * load<T>(qb);
        qa += ak; qb += bk;
      }
      store<T>(po, acc);
      po += 4;
    }
  }
}

function batches<T>(pa: usize, pb: usize, po: usize, g: Mat): void {
  const sa = iterStep(0), sb = iterStep(1), inner = iterInner();
  const outBytes = (<usize>g.m * g.n) << 2;
  for (let r = iterRows(); r > 0; r--) {
    for (let t = 0; t < inner; t++) {
      const oa = <usize>(iterOffset(0) + t * sa) << 2, ob = <usize>(iterOffset(1) + t * sb) << 2;
      product<T>(pa + oa, pb + ob, po, g);
      po += outBytes;
    }
    iterNext();
  }
}

/** Strides of operand j over the output's batch axes: whole matrices of `matSize` elements,
 *  0 where x's batch dim is 1 or missing. */
function batchStrides(j: i32, x: usize, outBatch: i32, matSize: i32): void {
  const xb = recRank(x) - 2;
  let s = matSize;
  for (let k = xb - 1; k >= 0; k--) {
    const d = recDim(x, k);
    iterSetStride(j, outBatch - xb + k, d == 1 ? 0 : s);
    s *= d;
  }
}

export function execMatMul(c: Ctx): void {
  const a = inRec(c, 0), b = inRec(c, 1), r = recRank(c.rec);
  const tA = recAttr(c.rec, 0) != 0, tB = recAttr(c.rec, 1) != 0;
  const g = MAT;
  g.m = recDim(c.rec, r - 2);
  g.n = recDim(c.rec, r - 1);
  g.kk = recDim(a, recRank(a) - (tA ? 2 : 1));
  g.ai = tA ? 1 : g.kk; g.ak = tA ? g.m : 1; // a is [m, k], or [k, m] when transposed
  g.bk = tB ? 1 : g.n; g.bj = tB ? g.kk : 1; // b is [k, n], or [n, k] when transposed
  iterBegin(r - 2);
  iterSetDims(recDims(c.rec), r - 2);
  batchStrides(0, a, r - 2, g.m * g.kk);
  batchStrides(1, b, r - 2, g.kk * g.n);
  iterFinish();
  if (recDtype(c.rec) == DT_FLOAT32) batches<f32>(inBuf(c, 0), inBuf(c, 1), c.out, g);
  else batches<i32>(inBuf(c, 0), inBuf(c, 1), c.out, g);
}
