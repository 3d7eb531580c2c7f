// Constant folding: an elementwise op or a cast over rank-0 constants becomes a constant,
// computed by the interpreter's own kernel expressions (generated/fold.ts). Parameters are
// never folded: they change between runs.
import * as K from '../generated/opcodes';
import { OP_KIND } from '../generated/rules';
import { foldUnary, foldBinary, folded } from '../generated/fold';
import { f64ToI32 } from '../../../accelerators/wasm/assembly/math';
import { Builder } from './builder';

function castValue(v: f64, to: i32): f64 {
  if (to == K.DT_FLOAT32) return <f64><f32>v;
  if (to == K.DT_INT32) return <f64>f64ToI32(v);
  return v != 0 ? 1 : 0;   // NaN != 0 too: NaN casts to true
}

export function fold(b: Builder, op: i32, dtype: i32, rank: i32): i32 {
  if (rank != 0) return -1;
  for (let k = 0; k < b.ins.len; k++) if (b.op(b.ins.get(k)) != K.OP_CONST) return -1;
  const kind = <i32>OP_KIND[op];
  let v: f64;
  if (kind == K.KIND_UNARY) {
    v = foldUnary(op, b.dtype(b.ins.get(0)), b.constValue(b.ins.get(0)));
  } else if (kind == K.KIND_BINARY) {
    v = foldBinary(op, b.dtype(b.ins.get(0)), b.constValue(b.ins.get(0)), b.constValue(b.ins.get(1)));
  } else if (op == K.OP_CAST) {
    return b.constant(dtype, castValue(b.constValue(b.ins.get(0)), dtype));
  } else return -1;
  return folded ? b.constant(dtype, v) : -1;
}
