// oneHot: output [indices..., depth] of the dtype of `on`; an index outside [0, depth) gives a
// row of `off` (as tfjs).
import { Ctx, inBuf, inNumel, recDtype, recAttr, dtypeSize } from './record';

function oneHotRows<T>(pi: usize, po: usize, m: i32, depth: i32, on: T, off: T): void {
  for (let j = 0; j < m; j++) {
    const idx = load<i32>(pi + (<usize>j << 2));
    for (let k = 0; k < depth; k++) {
      store<T>(po, k == idx ? on : off);
      po += sizeof<T>();
    }
  }
}

export function execOneHot(c: Ctx): void {
  const depth = recAttr(c.rec, 0), m = inNumel(c, 0);
  const pi = inBuf(c, 0), on = inBuf(c, 1), off = inBuf(c, 2);
  if (dtypeSize(recDtype(c.rec)) == 1) oneHotRows<u8>(pi, c.out, m, depth, load<u8>(on), load<u8>(off));
  else oneHotRows<u32>(pi, c.out, m, depth, load<u32>(on), load<u32>(off));
}
