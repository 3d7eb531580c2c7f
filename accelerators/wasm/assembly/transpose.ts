// transpose: output axis i walks input axis perm[i].
import { Ctx, inRec, inBuf, recDtype, recRank, recDims, recAttr, dtypeSize, i32At } from './record';
import { iterBegin, iterSetStride, iterContiguous, iterFinish, iterCopy, contiguousStrides } from './iter';

const IN_STRIDES = memory.data(8 * 4);

export function execTranspose(c: Ctx): void {
  const x = inRec(c, 0), r = recRank(c.rec);
  contiguousStrides(recDims(x), r, IN_STRIDES);
  iterBegin(r);
  iterContiguous(1, recDims(c.rec), r);
  for (let i = 0; i < r; i++) iterSetStride(0, i, i32At(IN_STRIDES, recAttr(c.rec, i)));
  iterFinish();
  iterCopy(dtypeSize(recDtype(c.rec)), inBuf(c, 0), c.out);
}
