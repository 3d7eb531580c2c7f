// where(cond, a, b): all three broadcast to the output's dims; cond is bool (one byte).
import { Ctx, inBuf, recDtype, dtypeSize } from './record';
import { iterInner, iterRows, iterStep, iterOffset, iterNext } from './iter';
import { iterBroadcastInputs } from './elementwise';

function selectRows<T>(pc: usize, pa: usize, pb: usize, po: usize): void {
  const n = iterInner();
  const sc = <usize>iterStep(0), sa = <usize>iterStep(1) * sizeof<T>(), sb = <usize>iterStep(2) * sizeof<T>();
  for (let r = iterRows(); r > 0; r--) {
    let qc = pc + <usize>iterOffset(0);
    let qa = pa + <usize>iterOffset(1) * sizeof<T>();
    let qb = pb + <usize>iterOffset(2) * sizeof<T>();
    for (let k = 0; k < n; k++) {
      store<T>(po, load<u8>(qc) ? load<T>(qa) : load<T>(qb));
      qc += sc; qa += sa; qb += sb; po += sizeof<T>();
    }
    iterNext();
  }
}

export function execSelect(c: Ctx): void {
  iterBroadcastInputs(c, 3);
  if (dtypeSize(recDtype(c.rec)) == 1) selectRows<u8>(inBuf(c, 0), inBuf(c, 1), inBuf(c, 2), c.out);
  else selectRows<u32>(inBuf(c, 0), inBuf(c, 1), inBuf(c, 2), c.out);
}
