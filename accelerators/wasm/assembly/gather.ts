// gather along an axis: x viewed as [outer, n, inner], output [outer, m, inner] for m indices;
// each (o, j) copies one inner run, or zeros it when the index is out of range.
import { Ctx, inRec, inBuf, inNumel, recDtype, recRank, recDims, recAttr, dtypeSize, dimsProduct } from './record';

export function execGather(c: Ctx): void {
  const x = inRec(c, 0), axis = recAttr(c.rec, 0), size = <usize>dtypeSize(recDtype(c.rec));
  const outer = dimsProduct(recDims(x), 0, axis);
  const n = dimsProduct(recDims(x), axis, axis + 1);
  const run = <usize>dimsProduct(recDims(x), axis + 1, recRank(x)) * size;
  const m = inNumel(c, 1), px = inBuf(c, 0), pi = inBuf(c, 1);
  let po = c.out;
  for (let o = 0; o < outer; o++) {
    const row = px + <usize>o * <usize>n * run;
    for (let j = 0; j < m; j++) {
      const idx = load<i32>(pi + (<usize>j << 2));
      if (idx >= 0 && idx < n) memory.copy(po, row + <usize>idx * run, run);
      else memory.fill(po, 0, run);
      po += run;
    }
  }
}
