// reverse: each listed axis is walked from its end with a negative stride.
import { Ctx, inBuf, recDtype, recRank, recDims, recDim, recNAttr, recAttr, dtypeSize, i32At } from './record';
import { iterBegin, iterSetStride, iterSetBase, iterContiguous, iterFinish, iterCopy, contiguousStrides } from './iter';

const STRIDES = memory.data(8 * 4);

export function execReverse(c: Ctx): void {
  const r = recRank(c.rec);
  contiguousStrides(recDims(c.rec), r, STRIDES);
  iterBegin(r);
  iterContiguous(1, recDims(c.rec), r);
  for (let k = 0; k < r; k++) iterSetStride(0, k, i32At(STRIDES, k));
  let base = 0;
  for (let a = 0; a < recNAttr(c.rec); a++) {
    const k = recAttr(c.rec, a), d = recDim(c.rec, k), s = i32At(STRIDES, k);
    if (d > 0) base += (d - 1) * s;
    iterSetStride(0, k, -s);
  }
  iterSetBase(0, base);
  iterFinish();
  iterCopy(dtypeSize(recDtype(c.rec)), inBuf(c, 0), c.out);
}
