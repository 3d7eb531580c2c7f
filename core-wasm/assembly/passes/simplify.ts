// Algebraic simplification. Each rule keeps results bit-identical except for the sign of a
// zero (x + 0 turns -0 into +0 on IEEE hardware; here it stays -0), and none hides a NaN or
// an Inf: there is no x * 0 -> 0 or x - x -> 0.
//   x + 0, 0 + x, x - 0, x * 1, 1 * x, x / 1        -> x   (when x already has the output shape)
//   neg(neg(x))                                      -> x
//   cast(x) to x's own dtype                         -> x
//   reshape(x) to x's own shape, broadcastTo(x) ditto -> x
//   reshape(reshape(x))                              -> reshape(x)
//   transpose(transpose(x))                          -> transpose(x) with the composed perm, or x
//   transpose(x) with the identity perm              -> x
//   a binary op on broadcastTo(s), s of rank 0       -> the op on s (binary ops broadcast anyway)
import * as K from '../generated/opcodes';
import { OP_KIND } from '../generated/rules';
import { Builder } from './builder';

function sameShapeAsOut(b: Builder, i: i32, rank: i32): bool {
  if (b.rank(i) != rank) return false;
  for (let d = 0; d < rank; d++) if (b.dim(i, d) != b.dims[d]) return false;
  return true;
}

function identityOf(b: Builder, op: i32, rank: i32): i32 {
  const x = b.ins.get(0), y = b.ins.get(1);
  if ((op == K.OP_ADD || op == K.OP_SUB) && b.isConst(y, 0) && sameShapeAsOut(b, x, rank)) return x;
  if (op == K.OP_ADD && b.isConst(x, 0) && sameShapeAsOut(b, y, rank)) return y;
  if ((op == K.OP_MUL || op == K.OP_DIV) && b.isConst(y, 1) && sameShapeAsOut(b, x, rank)) return x;
  if (op == K.OP_MUL && b.isConst(x, 1) && sameShapeAsOut(b, y, rank)) return y;
  return -1;
}

/** Returns an existing record equal to the one in the scratch, or -1 (possibly after
 *  rewriting the scratch into a simpler record for the caller to emit). */
export function simplify(b: Builder, op: i32, dtype: i32, rank: i32): i32 {
  const kind = <i32>OP_KIND[op];
  if (kind == K.KIND_BINARY) {
    const id = identityOf(b, op, rank);
    if (id >= 0) return id;
    for (let k = 0; k < 2; k++) unbroadcastScalar(b, k, rank);
    return -1;
  }
  if (kind == K.KIND_SELECT) {
    for (let k = 0; k < 3; k++) unbroadcastScalar(b, k, rank);
    return -1;
  }
  const x = b.ins.len > 0 ? b.ins.get(0) : -1;
  switch (op) {
    case K.OP_NEG: return b.op(x) == K.OP_NEG ? b.input(x, 0) : -1;
    case K.OP_CAST: return b.dtype(x) == dtype ? x : -1;
    case K.OP_BROADCAST_TO: return sameShapeAsOut(b, x, rank) ? x : -1;
    case K.OP_RESHAPE: {
      if (sameShapeAsOut(b, x, rank)) return x;
      if (b.op(x) == K.OP_RESHAPE) b.ins.set(0, b.input(x, 0));
      return -1;
    }
    case K.OP_TRANSPOSE: return simplifyTranspose(b, x, rank);
  }
  return -1;
}

/** Drops a broadcastTo of a rank-0 operand when another operand already has the output shape. */
function unbroadcastScalar(b: Builder, k: i32, rank: i32): void {
  const x = b.ins.get(k);
  if (b.op(x) != K.OP_BROADCAST_TO || b.rank(b.input(x, 0)) != 0) return;
  for (let j = 0; j < b.ins.len; j++) {
    if (j != k && sameShapeAsOut(b, b.ins.get(j), rank)) { b.ins.set(k, b.input(x, 0)); return; }
  }
}

function simplifyTranspose(b: Builder, x: i32, rank: i32): i32 {
  if (b.op(x) == K.OP_TRANSPOSE) {
    // transpose(transpose(y, p1), p2) = transpose(y, q) with q[i] = p1[p2[i]]
    for (let i = 0; i < rank; i++) b.attrs.set(i, b.attr(x, b.attrs.get(i)));
    b.ins.set(0, b.input(x, 0));
  }
  for (let i = 0; i < rank; i++) if (b.attrs.get(i) != i) return -1;
  return b.ins.get(0);
}
