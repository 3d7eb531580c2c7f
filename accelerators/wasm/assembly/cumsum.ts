// cumsum along one axis, accumulating in the element type (as tfjs); `exclusive` leaves out the
// element itself, `reverse` sums from the end.
import { DT_FLOAT32 } from '../../../core-wasm/assembly/generated/opcodes';
import { Ctx, inRec, inBuf, recDtype, recRank, recDims, recAttr, dimsProduct } from './record';

function cumsumAlong<T>(px: usize, po: usize, outer: i32, n: i32, inner: i32, exclusive: bool, reverse: bool): void {
  const step = reverse ? -inner : inner;
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let at = o * n * inner + i + (reverse ? (n - 1) * inner : 0);
      let acc = <T>0;
      for (let k = 0; k < n; k++) {
        const v = load<T>(px + (<usize>at << 2));
        if (exclusive) { store<T>(po + (<usize>at << 2), acc); acc += v; }
        else { acc += v; store<T>(po + (<usize>at << 2), acc); }
        at += step;
      }
    }
  }
}

export function execCumsum(c: Ctx): void {
  const x = inRec(c, 0), axis = recAttr(c.rec, 0), r = recRank(x);
  const outer = dimsProduct(recDims(x), 0, axis);
  const n = dimsProduct(recDims(x), axis, axis + 1);
  const inner = dimsProduct(recDims(x), axis + 1, r);
  const exclusive = recAttr(c.rec, 1) != 0, reverse = recAttr(c.rec, 2) != 0;
  if (recDtype(x) == DT_FLOAT32) cumsumAlong<f32>(inBuf(c, 0), c.out, outer, n, inner, exclusive, reverse);
  else cumsumAlong<i32>(inBuf(c, 0), c.out, outer, n, inner, exclusive, reverse);
}
