// tile: output axis k (size reps[k] * d[k]) is seen as the pair (rep, i) of sizes (reps[k], d[k]);
// row-major over those 2r axes is the output's order, and the input is read with stride 0
// along every rep axis.
import { Ctx, inRec, inBuf, recDtype, recRank, recDims, recDim, recAttr, dtypeSize, i32At } from './record';
import { iterBegin, iterSetDim, iterSetStride, iterFinish, iterCopy, contiguousStrides } from './iter';

const IN_STRIDES = memory.data(8 * 4);

export function execTile(c: Ctx): void {
  const x = inRec(c, 0), r = recRank(c.rec);
  contiguousStrides(recDims(x), r, IN_STRIDES);
  iterBegin(2 * r);
  let s = 1;
  for (let k = r - 1; k >= 0; k--) {
    const d = recDim(x, k), reps = recAttr(c.rec, k);
    iterSetDim(2 * k, reps);
    iterSetDim(2 * k + 1, d);
    iterSetStride(0, 2 * k + 1, i32At(IN_STRIDES, k));
    iterSetStride(1, 2 * k + 1, s);
    iterSetStride(1, 2 * k, s * d);
    s *= d * reps;
  }
  iterFinish();
  iterCopy(dtypeSize(recDtype(c.rec)), inBuf(c, 0), c.out);
}
