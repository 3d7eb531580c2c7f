// Elementwise ops and plain broadcasting: unary (contiguous), binary (two broadcast operands),
// broadcastTo and reshape (copies). The per-op loops are generated from ops/table.mjs.
import { runUnary } from './generated/unary';
import { runBinary } from './generated/binary';
import { Ctx, inRec, inBuf, inNumel, recOp, recDtype, recRank, recDims, dtypeSize } from './record';
import { UnaryJob, TASK_UNARY } from './parts';
import { runParts, threadCount } from './threads';
import { iterBegin, iterSetDims, iterFinish, iterBroadcastOperand, iterContiguous, iterCopy } from './iter';

/** From this many elements on, a unary op of 4-byte elements is shared among threads, in
 *  parts of UNARY_CHUNK (a multiple of every vector width). */
const UNARY_PARALLEL = 1 << 16;
const UNARY_CHUNK = 1 << 14;

/** A unary op: one generated loop over the contiguous input (in parts, on several threads,
 *  when large). */
export function execUnary(c: Ctx): void {
  const op = recOp(c.rec), dt = recDtype(inRec(c, 0)), n = inNumel(c, 0);
  if (n < UNARY_PARALLEL || threadCount() == 1 || dtypeSize(dt) != 4 || recDtype(c.rec) != dt) {
    runUnary(op, dt, inBuf(c, 0), c.out, n);
    return;
  }
  const job = changetype<UnaryJob>(heap.alloc(offsetof<UnaryJob>()));
  job.px = inBuf(c, 0); job.po = c.out;
  job.op = op; job.dtype = dt; job.n = n; job.chunk = UNARY_CHUNK;
  runParts(TASK_UNARY, changetype<usize>(job), (n + UNARY_CHUNK - 1) / UNARY_CHUNK, threadCount());
  heap.free(changetype<usize>(job));
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
