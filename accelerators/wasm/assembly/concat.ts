// concat along an axis: in the view [outer, axis * inner], each input owns a column band of
// every output row, so the copy is one memory.copy per (row, input).
import { Ctx, inRec, inBuf, recDtype, recRank, recDims, recDim, recNIn, recAttr, dtypeSize, dimsProduct } from './record';

export function execConcat(c: Ctx): void {
  const axis = recAttr(c.rec, 0), r = recRank(c.rec), size = <usize>dtypeSize(recDtype(c.rec));
  const outer = dimsProduct(recDims(c.rec), 0, axis);
  const inner = <usize>dimsProduct(recDims(c.rec), axis + 1, r);
  const rowBytes = <usize>recDim(c.rec, axis) * inner * size;
  let col: usize = 0;
  for (let j = 0; j < recNIn(c.rec); j++) {
    const bytes = <usize>recDim(inRec(c, j), axis) * inner * size;
    const src = inBuf(c, j);
    for (let o = 0; o < outer; o++) {
      memory.copy(c.out + <usize>o * rowBytes + col, src + <usize>o * bytes, bytes);
    }
    col += bytes;
  }
}
