// slice with strides: output element o reads input begin + o * stride per axis (strides may be
// negative), a strided copy from a base offset.
import { Ctx, inRec, inBuf, recDtype, recRank, recDims, recAttr, dtypeSize, i32At } from './record';
import { iterBegin, iterSetStride, iterSetBase, iterContiguous, iterFinish, iterCopy, contiguousStrides } from './iter';

const IN_STRIDES = memory.data(8 * 4);

export function execSlice(c: Ctx): void {
  const x = inRec(c, 0), r = recRank(c.rec);
  contiguousStrides(recDims(x), r, IN_STRIDES);
  iterBegin(r);
  iterContiguous(1, recDims(c.rec), r);
  let base = 0;
  for (let k = 0; k < r; k++) {
    const s = i32At(IN_STRIDES, k);
    base += recAttr(c.rec, k) * s;
    iterSetStride(0, k, recAttr(c.rec, 2 * r + k) * s);
  }
  iterSetBase(0, base);
  iterFinish();
  iterCopy(dtypeSize(recDtype(c.rec)), inBuf(c, 0), c.out);
}
