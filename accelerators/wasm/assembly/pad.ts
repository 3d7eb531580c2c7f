// pad: fill the output with the value, then copy x into the interior at offset `before`.
import { Ctx, inRec, inBuf, recDtype, recRank, recDims, recDim, recAttr, dtypeSize, i32At } from './record';
import { iterBegin, iterSetDim, iterSetStride, iterSetBase, iterFinish, iterCopy, contiguousStrides } from './iter';

const OUT_STRIDES = memory.data(8 * 4);

function fill<T>(po: usize, n: i32, v: T): void {
  for (let k = 0; k < n; k++) store<T>(po + <usize>k * sizeof<T>(), v);
}

export function execPad(c: Ctx): void {
  const x = inRec(c, 0), r = recRank(c.rec), size = dtypeSize(recDtype(c.rec));
  let n = 1;
  for (let k = 0; k < r; k++) n *= recDim(c.rec, k);
  if (size == 1) fill<u8>(c.out, n, load<u8>(inBuf(c, 1)));
  else fill<u32>(c.out, n, load<u32>(inBuf(c, 1)));
  contiguousStrides(recDims(c.rec), r, OUT_STRIDES);
  iterBegin(r);
  let base = 0, s = 1;
  for (let k = r - 1; k >= 0; k--) {
    const d = recDim(x, k);
    iterSetDim(k, d);
    iterSetStride(0, k, s);
    iterSetStride(1, k, i32At(OUT_STRIDES, k));
    base += recAttr(c.rec, k) * i32At(OUT_STRIDES, k);
    s *= d;
  }
  iterSetBase(1, base);
  iterFinish();
  iterCopy(size, inBuf(c, 0), c.out);
}
