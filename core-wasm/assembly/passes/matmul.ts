// Transposes folded into matMul: a transpose that only swaps the last two axes of a matMul
// operand becomes the matMul's transposeA/transposeB flag, so the kernel reads the operand in
// place (the backward pass's X^T·dY then costs what the forward X·W costs).
import * as K from '../generated/opcodes';
import { Builder } from './builder';

function swapsLastTwo(b: Builder, t: i32): bool {
  if (b.op(t) != K.OP_TRANSPOSE) return false;
  const r = b.rank(t);
  if (r < 2) return false;
  for (let i = 0; i < r - 2; i++) if (b.attr(t, i) != i) return false;
  return b.attr(t, r - 2) == r - 1 && b.attr(t, r - 1) == r - 2;
}

/** Rewrites the scratch matMul in place; the caller emits it. */
export function foldTransposes(b: Builder, op: i32): void {
  if (op != K.OP_MAT_MUL) return;
  for (let k = 0; k < 2; k++) {
    const t = b.ins.get(k);
    if (!swapsLastTwo(b, t)) continue;
    b.ins.set(k, b.input(t, 0));
    b.attrs.set(k, b.attrs.get(k) ^ 1);
  }
}
