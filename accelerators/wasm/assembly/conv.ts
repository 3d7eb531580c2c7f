// conv2d and its two adjoints, float32, NHWC images and HWIO filters, as im2col + GEMM: the
// receptive fields of a block of output pixels are copied into the rows of a [rows, K]
// matrix, K = fh * fw * ci (zeros where a window hangs over the padding), which meets the
// filter, seen as [K, co], on matmul.ts's packed GEMM (gemm_call.ts):
//   conv2d                y[rows, co]   = cols[rows, K] . f[K, co]
//   conv2dBackpropFilter  df[K, co]    += cols[rows, K]^T . dy[rows, co]
//   conv2dBackpropInput   dcols[rows, K] = dy[rows, co] . f[K, co]^T, then added back into
//                         dx where each column came from (col2im)
// 3 x 3 convolutions at stride 1 (forward and both gradients) take winograd.ts instead, and a
// 1 x 1 window at stride 1 multiplies the image itself. Blocks of rows keep the copied matrix
// in L2; the GEMM re-packs the filter per block, a few percent of the work (one GEMM over the
// whole matrix measured ~1.5x slower on 16 x 32 x 32 x 64 * 3 x 3 x 64 x 64).
import { OP_CONV2D, OP_CONV2D_BACKPROP_INPUT, OP_DEPTHWISE_CONV2D } from '../../../core-wasm/assembly/generated/opcodes';
import { Ctx, recOp, inRec, inBuf } from './record';
import { WIN, readConv } from './window';
import { gemmF32 } from './gemm_call';
import { execDepthwise } from './depthwise';
import { winogradFits, winogradConv, winogradBackpropFits, winogradBackpropInput, winogradBackpropFilter } from './winograd';

/** Floats of the im2col block (512 KiB, a core's L2 here): 1 << 15 .. 1 << 18 measured within
 *  noise of each other on the issue-3 shape, 1 << 17 marginally best. */
const BLOCK_FLOATS = 1 << 17;

/** Rows of the [n * oh * ow, K] matrix per block: a multiple of 8 (GEMM tiles), at least 8. */
function blockRows(K: i32, M: i32): i32 {
  const r = max(8, (BLOCK_FLOATS / max(K, 1)) & ~7);
  return min(r, M);
}

/** Copies (scatter = false) the receptive fields of output pixels r0 .. r0 + rows into the
 *  rows of cols, or adds (scatter = true) the rows of cols back into the image x. */
function im2col(x: usize, cols: usize, r0: i32, rows: i32, scatter: bool): void {
  const g = WIN, ci = g.ci, rowBytes = <usize>ci << 2;
  const K = g.fh * g.fw * ci;
  // with dilation 1, a window row lying inside the image is one contiguous run of fw * ci
  const runBytes = <usize>(g.fw * ci) << 2;
  let dst = cols;
  for (let r = r0; r < r0 + rows; r++) {
    const ow = r % g.ow, t = r / g.ow, oh = t % g.oh, n = t / g.oh;
    const ih0 = oh * g.sh - g.pt, iw0 = ow * g.sw - g.pl;
    const whole = g.dw == 1 && iw0 >= 0 && iw0 + g.fw <= g.w;
    for (let kh = 0; kh < g.fh; kh++) {
      const ih = ih0 + kh * g.dh;
      if (ih < 0 || ih >= g.h) {
        if (!scatter) memory.fill(dst, 0, runBytes);
        dst += runBytes;
        continue;
      }
      const row = x + ((<usize>(n * g.h + ih) * g.w) << 2) * ci;
      if (whole) {
        const src = row + (<usize>iw0 << 2) * ci;
        if (scatter) addInto(src, dst, g.fw * ci);
        else memory.copy(dst, src, runBytes);
        dst += runBytes;
        continue;
      }
      for (let kw = 0; kw < g.fw; kw++) {
        const iw = iw0 + kw * g.dw;
        if (iw >= 0 && iw < g.w) {
          const src = row + (<usize>iw << 2) * ci;
          if (scatter) addInto(src, dst, ci);
          else memory.copy(dst, src, rowBytes);
        } else if (!scatter) {
          memory.fill(dst, 0, rowBytes);
        }
        dst += rowBytes;
      }
    }
  }
  assert(dst == cols + (<usize>rows * K << 2));
}

/** to[0:n] += from[0:n], four lanes at a time. */
function addInto(to: usize, from: usize, n: i32): void {
  const end = <usize>n << 2, vecEnd = <usize>(n & ~3) << 2;
  let k: usize = 0;
  for (; k < vecEnd; k += 16) v128.store(to + k, f32x4.add(v128.load(to + k), v128.load(from + k)));
  for (; k < end; k += 4) store<f32>(to + k, load<f32>(to + k) + load<f32>(from + k));
}

/** A 1 x 1 window, stride 1, no padding: the image already is the [rows, K] matrix. */
function isPointwise(): bool {
  const g = WIN;
  return g.fh == 1 && g.fw == 1 && g.sh == 1 && g.sw == 1 && g.oh == g.h && g.ow == g.w;
}

function forward(x: usize, f: usize, y: usize): void {
  const g = WIN, K = g.fh * g.fw * g.ci, M = g.n * g.oh * g.ow;
  if (isPointwise()) { gemmF32(x, f, y, M, g.co, K, false, false); return; }
  if (winogradFits()) { winogradConv(x, f, y); return; }
  const B = blockRows(K, M);
  const cols = heap.alloc(<usize>B * K << 2);
  for (let r0 = 0; r0 < M; r0 += B) {
    const rows = min(B, M - r0);
    im2col(x, cols, r0, rows, false);
    gemmF32(cols, f, y + (<usize>r0 * g.co << 2), rows, g.co, K, false, false);
  }
  heap.free(cols);
}

function backpropInput(dy: usize, f: usize, dx: usize): void {
  const g = WIN, K = g.fh * g.fw * g.ci, M = g.n * g.oh * g.ow;
  if (isPointwise()) { gemmF32(dy, f, dx, M, K, g.co, false, true); return; }
  if (winogradBackpropFits()) { winogradBackpropInput(dy, f, dx); return; }
  memory.fill(dx, 0, <usize>g.n * g.h * g.w * g.ci << 2);
  const B = blockRows(K, M);
  const cols = heap.alloc(<usize>B * K << 2);
  for (let r0 = 0; r0 < M; r0 += B) {
    const rows = min(B, M - r0);
    gemmF32(dy + (<usize>r0 * g.co << 2), f, cols, rows, K, g.co, false, true);
    im2col(dx, cols, r0, rows, true);
  }
  heap.free(cols);
}

function backpropFilter(x: usize, dy: usize, df: usize): void {
  const g = WIN, K = g.fh * g.fw * g.ci, M = g.n * g.oh * g.ow;
  const fBytes = <usize>K * g.co << 2;
  if (isPointwise()) { gemmF32(x, dy, df, K, g.co, M, true, false); return; }
  if (winogradFits()) { winogradBackpropFilter(x, dy, df); return; }
  memory.fill(df, 0, fBytes);
  const B = blockRows(K, M);
  const cols = heap.alloc(<usize>B * K << 2), part = heap.alloc(fBytes);
  for (let r0 = 0; r0 < M; r0 += B) {
    const rows = min(B, M - r0);
    im2col(x, cols, r0, rows, false);
    gemmF32(cols, dy + (<usize>r0 * g.co << 2), part, K, g.co, rows, true, false);
    addInto(df, part, K * g.co);
  }
  heap.free(part);
  heap.free(cols);
}

/** Every op of the conv kind: conv2d's family here, depthwiseConv2d's in depthwise.ts. */
export function execConv(c: Ctx): void {
  const ok = readConv(c.rec, inRec(c, 0), inRec(c, 1));
  assert(ok); // validate checked the record
  const op = recOp(c.rec);
  if (op >= OP_DEPTHWISE_CONV2D) execDepthwise(op, inBuf(c, 0), inBuf(c, 1), c.out);
  else if (op == OP_CONV2D) forward(inBuf(c, 0), inBuf(c, 1), c.out);
  else if (op == OP_CONV2D_BACKPROP_INPUT) backpropInput(inBuf(c, 0), inBuf(c, 1), c.out);
  else backpropFilter(inBuf(c, 0), inBuf(c, 1), c.out);
}
