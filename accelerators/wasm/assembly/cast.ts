// cast between float32, int32 and bool. float -> int truncates toward zero and wraps as JS's
// ToInt32 (tfjs stores into an Int32Array); anything -> bool is x != 0 (NaN -> true).
import { DT_FLOAT32, DT_INT32, DT_BOOL } from '../../../core-wasm/assembly/generated/opcodes';
import { Ctx, inRec, inBuf, inNumel, recDtype, dtypeSize } from './record';
import { f64ToI32 } from './math';

function f32ToI32(px: usize, po: usize, n: i32): void {
  for (let k = 0; k < n; k++) store<i32>(po + (<usize>k << 2), f64ToI32(<f64>load<f32>(px + (<usize>k << 2))));
}

function i32ToF32(px: usize, po: usize, n: i32): void {
  for (let k = 0; k < n; k++) store<f32>(po + (<usize>k << 2), <f32>load<i32>(px + (<usize>k << 2)));
}

function f32ToBool(px: usize, po: usize, n: i32): void {
  for (let k = 0; k < n; k++) store<u8>(po + <usize>k, <u8>(load<f32>(px + (<usize>k << 2)) != 0));
}

function i32ToBool(px: usize, po: usize, n: i32): void {
  for (let k = 0; k < n; k++) store<u8>(po + <usize>k, <u8>(load<i32>(px + (<usize>k << 2)) != 0));
}

function boolToF32(px: usize, po: usize, n: i32): void {
  for (let k = 0; k < n; k++) store<f32>(po + (<usize>k << 2), load<u8>(px + <usize>k) ? <f32>1 : <f32>0);
}

function boolToI32(px: usize, po: usize, n: i32): void {
  for (let k = 0; k < n; k++) store<i32>(po + (<usize>k << 2), load<u8>(px + <usize>k) ? 1 : 0);
}

export function execCast(c: Ctx): void {
  castRun(recDtype(inRec(c, 0)), recDtype(c.rec), inBuf(c, 0), c.out, inNumel(c, 0));
}

/** Converts n contiguous elements from dtype `from` at px to dtype `to` at po. */
export function castRun(from: i32, to: i32, px: usize, po: usize, n: i32): void {
  if (from == to) memory.copy(po, px, <usize>n * dtypeSize(to));
  else if (from == DT_FLOAT32 && to == DT_INT32) f32ToI32(px, po, n);
  else if (from == DT_INT32 && to == DT_FLOAT32) i32ToF32(px, po, n);
  else if (from == DT_FLOAT32 && to == DT_BOOL) f32ToBool(px, po, n);
  else if (from == DT_INT32 && to == DT_BOOL) i32ToBool(px, po, n);
  else if (from == DT_BOOL && to == DT_FLOAT32) boolToF32(px, po, n);
  else boolToI32(px, po, n);
}
