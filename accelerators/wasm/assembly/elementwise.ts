// Elementwise ops and plain broadcasting: unary (contiguous), binary (two broadcast operands),
// broadcastTo and reshape (copies). The per-op loops are generated from ops/table.mjs.
import { runUnary } from './generated/unary';
import { runBinary } from './generated/binary';
import { Ctx, inRec, inBuf, inNumel, recOp, recDtype, recRank, recDims, dtypeSize } from './record';
import { iterBegin, iterSetDims, iterFinish, iterBroadcastOperand, iterContiguous, iterCopy } from './iter';

/** A unary op: one generated loop over the contiguous input. */
export function execUnary(c: Ctx): void {
  runUnary(recOp(c.rec), recDtype(inRec(c, 0)), inBuf(c, 0), c.out, inNumel(c, 0));
}

/** Sets up the iterator over the node's dims, operand k reading input k broadcast; kernels
 *  write the output contiguously, in the iterator's order. */
export function iterBroadcastInputs(c: Ctx, n: i32): void {
  const r = recRank(c.rec);
  iterBegin(r);
  iterSetDims(recDims(c.rec), r);
  for (let k = 0; k < n; k++) {
    const x = inRec(c, k);
    iterBroadcastOperand(k, recDims(x), recRank(x), r);
  }
  iterFinish();
}

/** A binary op: the generated loop walks both operands broadcast to the output's dims. */
export function execBinary(c: Ctx): void {
  iterBroadcastInputs(c, 2);
  runBinary(recOp(c.rec), recDtype(inRec(c, 0)), inBuf(c, 0), inBuf(c, 1), c.out);
}

/** broadcastTo: a strided copy with stride 0 along repeated axes. */
export function execBroadcastTo(c: Ctx): void {
  const r = recRank(c.rec);
  const x = inRec(c, 0);
  iterBegin(r);
  iterContiguous(1, recDims(c.rec), r);
  iterBroadcastOperand(0, recDims(x), recRank(x), r);
  iterFinish();
  iterCopy(dtypeSize(recDtype(c.rec)), inBuf(c, 0), c.out);
}

/** reshape: the bytes are already in row-major order. */
export function execReshape(c: Ctx): void {
  memory.copy(c.out, inBuf(c, 0), <usize>inNumel(c, 0) * dtypeSize(recDtype(c.rec)));
}
