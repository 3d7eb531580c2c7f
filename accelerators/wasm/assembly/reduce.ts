// sum prod max min all any over sorted, unique axes. When the reduced axes are one run of
// adjacent axes, x is read in place as [outer, len, inner]: a contiguous fold per output when
// inner is 1, a column fold (out[i, :] op= x[i, r, :], vectorized along the row) otherwise.
// Any other set of axes is first moved last by a strided copy.
import { runReduce, runReduceCols } from './generated/reduce';
import {
  Ctx, inRec, inBuf, inNumel, recOp, recDtype, recRank, recDims, recDim, recNAttr, recAttr, dtypeSize,
  i32At, setI32At,
} from './record';
import { bufAlloc, bufFree } from './mem';
import { iterBegin, iterSetStride, iterContiguous, iterFinish, iterCopy, contiguousStrides } from './iter';

const IN_STRIDES = memory.data(8 * 4);
const NEW_DIMS = memory.data(8 * 4);

/** True when the reduced axes (sorted, unique) are adjacent: no kept axis between them. */
function reducedAreAdjacent(rec: usize): bool {
  const nAxes = recNAttr(rec) - 1;
  return nAxes == 0 || recAttr(rec, nAxes) - recAttr(rec, 1) == nAxes - 1;
}

/** Copies x (rank r) into `dst` with its axes ordered kept-then-reduced (a transpose). */
function moveReducedLast(c: Ctx, dst: usize): void {
  const x = inRec(c, 0), r = recRank(x), nAxes = recNAttr(c.rec) - 1;
  contiguousStrides(recDims(x), r, IN_STRIDES);
  iterBegin(r);
  let kept = 0, red = r - nAxes, a = 0;
  for (let k = 0; k < r; k++) {
    const reduced = a < nAxes && recAttr(c.rec, 1 + a) == k;
    const pos = reduced ? red++ : kept++;
    if (reduced) a++;
    setI32At(NEW_DIMS, pos, recDim(x, k));
    iterSetStride(0, pos, i32At(IN_STRIDES, k));
  }
  iterContiguous(1, NEW_DIMS, r);
  iterFinish();
  iterCopy(dtypeSize(recDtype(x)), inBuf(c, 0), dst);
}

export function execReduce(c: Ctx): void {
  const x = inRec(c, 0), n = inNumel(c, 0), dt = recDtype(x);
  const r = recRank(x), nAxes = recNAttr(c.rec) - 1;
  let len = 1;
  for (let a = 0; a < nAxes; a++) len *= recDim(x, recAttr(c.rec, 1 + a));
  const outer = keptProduct(x, c.rec);
  if (nAxes > 0 && reducedAreAdjacent(c.rec)) {
    let inner = 1;
    for (let k = recAttr(c.rec, nAxes) + 1; k < r; k++) inner *= recDim(x, k);
    if (inner > 1) runReduceCols(recOp(c.rec), dt, inBuf(c, 0), c.out, outer / inner, len, inner, true);
    else runReduce(recOp(c.rec), dt, inBuf(c, 0), c.out, outer, len); // reduced axes are last
    return;
  }
  let src = inBuf(c, 0), tmp: usize = 0;
  if (nAxes > 0) {
    tmp = bufAlloc(<usize>n * dtypeSize(dt)); // counted: the memory plan's transient
    moveReducedLast(c, tmp);
    src = tmp;
  }
  runReduce(recOp(c.rec), dt, src, c.out, outer, len);
  if (tmp) bufFree(tmp, <usize>n * dtypeSize(dt));
}

/** Number of outputs: the product of the kept axes. */
function keptProduct(x: usize, rec: usize): i32 {
  const r = recRank(x), nAxes = recNAttr(rec) - 1;
  let outer = 1, a = 0;
  for (let k = 0; k < r; k++) {
    if (a < nAxes && recAttr(rec, 1 + a) == k) a++;
    else outer *= recDim(x, k);
  }
  return outer;
}
