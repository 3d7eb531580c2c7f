// The geometry of the sliding-window ops (conv and pool kinds, docs/PROGRAM.md): read once
// from a record and its inputs into WIN, checked against the record's dims, and shared by the
// validator and the kernels, so a kernel never walks outside a buffer that validate accepted.
import {
  DT_FLOAT32, OP_CONV2D, OP_DEPTHWISE_CONV2D, OP_CONV2D_BACKPROP_INPUT, OP_DEPTHWISE_CONV2D_BACKPROP_INPUT,
  OP_MAX_POOL, OP_AVG_POOL, OP_MAX_POOL_GRAD,
} from '../../../core-wasm/assembly/generated/opcodes';
import { recOp, recDtype, recRank, recDim, recNIn, recNAttr, recAttr } from './record';
import { ERR_DTYPE, ERR_SHAPE } from './errors';
import { runParts, threadCount, MAX_PARTS } from './threads';
import { TASK_ROWS } from './parts';

/** One window op's shape: image [n, h, w, ci] -> [n, oh, ow, co] under an fh x fw window,
 *  strides sh, sw, dilations dh, dw, top and left padding pt, pl; depthwise: co = ci * mult. */
@unmanaged
export class Win {
  n: i32 = 0; h: i32 = 0; w: i32 = 0; ci: i32 = 0;
  oh: i32 = 0; ow: i32 = 0; co: i32 = 0; mult: i32 = 0;
  fh: i32 = 0; fw: i32 = 0; sh: i32 = 0; sw: i32 = 0;
  dh: i32 = 0; dw: i32 = 0; pt: i32 = 0; pl: i32 = 0;
}

export const WIN = changetype<Win>(memory.data(offsetof<Win>(), 8));

/** Output length of f taps, d apart, sliding by s over n + before + after; -1 if invalid. */
function windowOut(n: i32, f: i32, s: i32, d: i32, before: i32, after: i32): i32 {
  if (n < 0 || f < 1 || s < 1 || d < 1 || before < 0 || after < 0) return -1;
  const eff = <i64>(f - 1) * d + 1, span = <i64>n + before + after;
  return span < eff ? -1 : <i32>((span - eff) / s + 1);
}

function dimsAre(rec: usize, a: i32, b: i32, c: i32, d: i32): bool {
  return recRank(rec) == 4 && recDim(rec, 0) == a && recDim(rec, 1) == b && recDim(rec, 2) == c && recDim(rec, 3) == d;
}

/** The record and its nIn inputs (in0, and in1 when nIn is 2) are rank-4 float32, and the
 *  record has nIn inputs and nAttr attributes. */
function plain(rec: usize, in0: usize, in1: usize, nIn: i32, nAttr: i32): bool {
  if (recNIn(rec) != nIn || recNAttr(rec) != nAttr || recDtype(rec) != DT_FLOAT32 || recRank(rec) != 4) return false;
  if (recDtype(in0) != DT_FLOAT32 || recRank(in0) != 4) return false;
  return nIn == 1 || (recDtype(in1) == DT_FLOAT32 && recRank(in1) == 4);
}

/** The conv ops: x/dy = in0, filter/dy = in1 (see ops/table.mjs). Fills WIN; false if the
 *  record is inconsistent. Attributes: [sh, sw, dh, dw, pt, pb, pl, pr(, inH, inW | fh, fw)]. */
export function readConv(rec: usize, in0: usize, in1: usize): bool {
  const op = recOp(rec);
  const forward = op == OP_CONV2D || op == OP_DEPTHWISE_CONV2D;
  const depthwise = op >= OP_DEPTHWISE_CONV2D;
  if (!plain(rec, in0, in1, 2, forward ? 8 : 10)) return false;
  const g = WIN;
  g.sh = recAttr(rec, 0); g.sw = recAttr(rec, 1); g.dh = recAttr(rec, 2); g.dw = recAttr(rec, 3);
  g.pt = recAttr(rec, 4); g.pl = recAttr(rec, 6);
  let img: usize, out: usize, filt: usize;   // records holding [n,h,w,ci], [n,oh,ow,co], [fh,fw,ci,*]
  if (forward) { img = in0; filt = in1; out = rec; }
  else if (op == OP_CONV2D_BACKPROP_INPUT || op == OP_DEPTHWISE_CONV2D_BACKPROP_INPUT) { img = rec; filt = in1; out = in0; }
  else { img = in0; filt = rec; out = in1; }
  g.n = recDim(img, 0); g.h = recDim(img, 1); g.w = recDim(img, 2); g.ci = recDim(img, 3);
  g.fh = recDim(filt, 0); g.fw = recDim(filt, 1);
  g.co = recDim(out, 3);
  g.mult = depthwise ? recDim(filt, 3) : 1;
  if (recDim(filt, 2) != g.ci) return false;
  if (<i64>g.co != (depthwise ? <i64>g.ci * g.mult : <i64>recDim(filt, 3))) return false;
  if (!forward && (recAttr(rec, 8) != (filt == rec ? g.fh : g.h) || recAttr(rec, 9) != (filt == rec ? g.fw : g.w))) return false;
  g.oh = windowOut(g.h, g.fh, g.sh, g.dh, g.pt, recAttr(rec, 5));
  g.ow = windowOut(g.w, g.fw, g.sw, g.dw, g.pl, recAttr(rec, 7));
  if (g.oh < 0 || g.ow < 0) return false;
  return recDim(out, 0) == g.n && recDim(out, 1) == g.oh && recDim(out, 2) == g.ow;
}

/** The pool ops: maxPool / avgPool (x), maxPoolGrad (x, dy), avgPoolGrad (dy); in1 is read
 *  only for maxPoolGrad. Fills WIN (ci == co, dilation 1); false if inconsistent. Attributes:
 *  [fh, fw, sh, sw, pt, pb, pl, pr(, inH, inW)]; a pad as large as the window is refused, so
 *  every window holds a real element. */
export function readPool(rec: usize, in0: usize, in1: usize): bool {
  const op = recOp(rec), g = WIN;
  const forward = op == OP_MAX_POOL || op == OP_AVG_POOL, maxGrad = op == OP_MAX_POOL_GRAD;
  if (!plain(rec, in0, in1, maxGrad ? 2 : 1, forward || maxGrad ? 8 : 10)) return false;
  g.fh = recAttr(rec, 0); g.fw = recAttr(rec, 1); g.sh = recAttr(rec, 2); g.sw = recAttr(rec, 3);
  g.pt = recAttr(rec, 4); g.pl = recAttr(rec, 6); g.dh = 1; g.dw = 1; g.mult = 1;
  if (g.pt >= g.fh || recAttr(rec, 5) >= g.fh || g.pl >= g.fw || recAttr(rec, 7) >= g.fw) return false;
  const img = forward || maxGrad ? in0 : rec;
  const out = forward ? rec : maxGrad ? in1 : in0;
  g.n = recDim(img, 0); g.h = recDim(img, 1); g.w = recDim(img, 2); g.ci = recDim(img, 3); g.co = g.ci;
  if (!forward && !maxGrad && (recAttr(rec, 8) != g.h || recAttr(rec, 9) != g.w)) return false;
  if (maxGrad && !dimsAre(rec, g.n, g.h, g.w, g.ci)) return false;
  g.oh = windowOut(g.h, g.fh, g.sh, 1, g.pt, recAttr(rec, 5));
  g.ow = windowOut(g.w, g.fw, g.sw, 1, g.pl, recAttr(rec, 7));
  if (g.oh < 0 || g.ow < 0) return false;
  return dimsAre(out, g.n, g.oh, g.ow, g.ci);
}

/** The validator's check of a conv or pool record (in0, in1: its input records, 0 if
 *  missing): 0, ERR_DTYPE (the window ops are float32 only) or ERR_SHAPE. */
export function validateWindow(rec: usize, in0: usize, in1: usize, isConv: bool): i32 {
  const nIn = recNIn(rec);
  if (nIn < 1 || nIn > 2 || (isConv && nIn != 2)) return ERR_SHAPE;
  if (recDtype(rec) != DT_FLOAT32 || recDtype(in0) != DT_FLOAT32 || (nIn == 2 && recDtype(in1) != DT_FLOAT32)) return ERR_DTYPE;
  const ok = isConv ? readConv(rec, in0, in1) : readPool(rec, in0, in1);
  return ok ? 0 : ERR_SHAPE;
}

/** A window op's forward pass shared among threads by output rows: WIN's n * oh rows of ow
 *  pixels, cut into runs of `rows`; part p computes rows [p rows, (p + 1) rows), each output
 *  pixel the same way whatever part computes it (parts.ts). `kind` names the kernel (ROWS_*);
 *  `scratch` holds `slotBytes` per thread slot. */
@unmanaged
export class RowsJob {
  a: usize = 0; b: usize = 0; out: usize = 0;
  scratch: usize = 0; slotBytes: usize = 0;
  kind: i32 = 0; rows: i32 = 0;
}

/** The kernels a RowsJob runs. */
export const ROWS_DEPTHWISE = 0;
export const ROWS_DEPTHWISE_1 = 1; // multiplier 1: forward1's register-blocked loop
export const ROWS_MAX_POOL = 2;
export const ROWS_AVG_POOL = 3;

/** From this many window taps times channels on, a forward pass is shared among threads
 *  (~0.1 ms of work), in parts of about ROWS_PART_TAPS: enough parts that a thread slowed by
 *  other processes leaves its share to the others. */
const PARALLEL_TAPS: i64 = 1 << 18;
const ROWS_PART_TAPS: i64 = 1 << 15;

/** Runs kernel `kind` over WIN's output rows on inputs a, b into out, with slotBytes of
 *  scratch for each thread that takes part. */
export function runRows(kind: i32, a: usize, b: usize, out: usize, slotBytes: usize): void {
  const g = WIN, total = g.n * g.oh;
  if (total == 0) return;
  const rowTaps = <i64>g.ow * g.co * g.fh * g.fw;
  const job = changetype<RowsJob>(heap.alloc(offsetof<RowsJob>()));
  job.a = a; job.b = b; job.out = out; job.kind = kind; job.slotBytes = (slotBytes + 63) & ~63;
  job.rows = <i32>max(1, min(<i64>total, ROWS_PART_TAPS / max(rowTaps, 1)));
  const parts = (total + job.rows - 1) / job.rows;
  const slots = parts > 1 && parts <= MAX_PARTS && rowTaps * total >= PARALLEL_TAPS ? threadCount() : 1;
  job.scratch = heap.alloc(max(<usize>slots * job.slotBytes, 16));
  runParts(TASK_ROWS, changetype<usize>(job), parts, slots);
  heap.free(job.scratch);
  heap.free(changetype<usize>(job));
}
