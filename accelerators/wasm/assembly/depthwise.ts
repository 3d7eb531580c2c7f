// depthwiseConv2d and its two adjoints, float32, NHWC, filter [fh, fw, ci, mult]: output
// channel c * mult + q sees input channel c only, so each output is fh * fw multiply-adds,
// too few for a GEMM to pay. One walker visits every (output pixel, window tap) pair that
// lands inside the image and runs one of three channel loops there, vectorized over the
// contiguous channels when mult is 1:
//   forward  y[o, c*m+q]  += x[i, c] * f[k, c, q]
//   input    dx[i, c]     += dy[o, c*m+q] * f[k, c, q]
//   filter   df[k, c, q]  += x[i, c] * dy[o, c*m+q]
// The forward pass writes whole output rows, so threads share it by rows (window.ts); the
// adjoints scatter into overlapping windows and run on the calling thread.
import { OP_DEPTHWISE_CONV2D, OP_DEPTHWISE_CONV2D_BACKPROP_INPUT } from '../../../core-wasm/assembly/generated/opcodes';
import { WIN, runRows, ROWS_DEPTHWISE, ROWS_DEPTHWISE_1 } from './window';
import { madd } from './simd_math';

const FORWARD = 0;
const INPUT = 1;
const FILTER = 2;

/** One window tap: x row xr (ci floats), y row yr (co floats), filter row fr (ci * mult). */
@inline function tap(mode: i32, xr: usize, yr: usize, fr: usize, ci: i32, m: i32): void {
  if (m == 1) {
    const end = <usize>ci << 2, vecEnd = <usize>(ci & ~3) << 2;
    let k: usize = 0;
    if (mode == FORWARD) {
      for (; k < vecEnd; k += 16) v128.store(yr + k, f32x4.add(v128.load(yr + k), f32x4.mul(v128.load(xr + k), v128.load(fr + k))));
      for (; k < end; k += 4) store<f32>(yr + k, load<f32>(yr + k) + load<f32>(xr + k) * load<f32>(fr + k));
    } else if (mode == INPUT) {
      for (; k < vecEnd; k += 16) v128.store(xr + k, f32x4.add(v128.load(xr + k), f32x4.mul(v128.load(yr + k), v128.load(fr + k))));
      for (; k < end; k += 4) store<f32>(xr + k, load<f32>(xr + k) + load<f32>(yr + k) * load<f32>(fr + k));
    } else {
      for (; k < vecEnd; k += 16) v128.store(fr + k, f32x4.add(v128.load(fr + k), f32x4.mul(v128.load(xr + k), v128.load(yr + k))));
      for (; k < end; k += 4) store<f32>(fr + k, load<f32>(fr + k) + load<f32>(xr + k) * load<f32>(yr + k));
    }
    return;
  }
  for (let c = 0; c < ci; c++) {
    const xc = xr + (<usize>c << 2);
    for (let q = 0; q < m; q++) {
      const j = <usize>(c * m + q) << 2;
      if (mode == FORWARD) store<f32>(yr + j, load<f32>(yr + j) + load<f32>(xc) * load<f32>(fr + j));
      else if (mode == INPUT) store<f32>(xc, load<f32>(xc) + load<f32>(yr + j) * load<f32>(fr + j));
      else store<f32>(fr + j, load<f32>(fr + j) + load<f32>(xc) * load<f32>(yr + j));
    }
  }
}

/** Lists at `taps` the window taps of output pixel (n, oh, ow) that land inside the image, as
 *  byte offsets (x pixel * xStride, filter tap * fStride), in window order; returns the end. */
function listTaps(n: i32, oh: i32, ow: i32, taps: usize, xStride: i32, fStride: i32): usize {
  const g = WIN;
  let at = taps;
  for (let kh = 0; kh < g.fh; kh++) {
    const ih = oh * g.sh - g.pt + kh * g.dh;
    if (ih < 0 || ih >= g.h) continue;
    for (let kw = 0; kw < g.fw; kw++) {
      const iw = ow * g.sw - g.pl + kw * g.dw;
      if (iw < 0 || iw >= g.w) continue;
      store<u32>(at, <u32>((n * g.h + ih) * g.w + iw) * <u32>xStride); // u32: offsets reach 4 GiB
      store<u32>(at, <u32>(kh * g.fw + kw) * <u32>fStride, 4);
      at += 8;
    }
  }
  return at;
}

/** Zeroes the output (the accumulator of every mode) and walks the taps of output rows
 *  [r0, r1) (of WIN's n * oh), listing each pixel's at `taps` (fh * fw * 8 bytes). */
function walk(mode: i32, x: usize, y: usize, f: usize, out: usize, outBytes: usize, taps: usize, r0: i32, r1: i32): void {
  const g = WIN, ci = g.ci, m = g.mult, co = g.co;
  memory.fill(out, 0, outBytes);
  let yr = y + ((<usize>r0 * g.ow * co) << 2);
  for (let r = r0; r < r1; r++) {
    const n = r / g.oh, oh = r % g.oh;
    for (let ow = 0; ow < g.ow; ow++) {
      const end = listTaps(n, oh, ow, taps, ci << 2, (ci * m) << 2);
      for (let t = taps; t < end; t += 8) tap(mode, x + <usize>load<u32>(t), yr, f + <usize>load<u32>(t, 4), ci, m);
      yr += <usize>co << 2;
    }
  }
}

/** Output rows [r0, r1) of the forward pass with multiplier 1 (the common depthwise layer):
 *  per output pixel the taps inside the image are listed once (listTaps), then each block of
 *  8 channels sums over them in two registers, instead of a load and store of y per tap. */
function forward1(x: usize, f: usize, y: usize, taps: usize, r0: i32, r1: i32): void {
  const g = WIN, cb = <usize>g.ci << 2, wide = cb & ~31, vec = cb & ~15;
  let yr = y + <usize>r0 * g.ow * cb;
  for (let r = r0; r < r1; r++) {
    const n = r / g.oh, oh = r % g.oh;
    for (let ow = 0; ow < g.ow; ow++) {
      const end = listTaps(n, oh, ow, taps, <i32>cb, <i32>cb);
      let k: usize = 0;
      for (; k < wide; k += 32) {
        let a0 = f32x4.splat(0), a1 = a0;
        for (let t = taps; t < end; t += 8) {
          const xo = x + <usize>load<u32>(t) + k, fo = f + <usize>load<u32>(t, 4) + k;
          a0 = madd(v128.load(xo), v128.load(fo), a0);
          a1 = madd(v128.load(xo, 16), v128.load(fo, 16), a1);
        }
        v128.store(yr + k, a0);
        v128.store(yr + k, a1, 16);
      }
      for (; k < vec; k += 16) {
        let a0 = f32x4.splat(0);
        for (let t = taps; t < end; t += 8) a0 = madd(v128.load(x + <usize>load<u32>(t) + k), v128.load(f + <usize>load<u32>(t, 4) + k), a0);
        v128.store(yr + k, a0);
      }
      for (; k < cb; k += 4) {
        let a: f32 = 0;
        for (let t = taps; t < end; t += 8) a += load<f32>(x + <usize>load<u32>(t) + k) * load<f32>(f + <usize>load<u32>(t, 4) + k);
        store<f32>(yr + k, a);
      }
      yr += cb;
    }
  }
}

/** Output rows [r0, r1) of the forward pass (a part of a RowsJob, window.ts): forward1's
 *  loop when `one` (multiplier 1), else the walker; `taps`: the thread's fh * fw * 8 bytes. */
export function depthwiseRows(one: bool, x: usize, f: usize, y: usize, taps: usize, r0: i32, r1: i32): void {
  if (one) { forward1(x, f, y, taps, r0, r1); return; }
  const rowBytes = (<usize>WIN.ow * WIN.co) << 2;
  walk(FORWARD, x, y, f, y + <usize>r0 * rowBytes, <usize>(r1 - r0) * rowBytes, taps, r0, r1);
}

/** op is one of the depthwise ops; a and b are its input buffers (see ops/table.mjs). The
 *  forward pass is shared among threads by output rows; the adjoints scatter into their
 *  outputs and run here. */
export function execDepthwise(op: i32, a: usize, b: usize, out: usize): void {
  const g = WIN, rows = g.n * g.oh, tapBytes = <usize>g.fh * g.fw << 3;
  if (op == OP_DEPTHWISE_CONV2D) { runRows(g.mult == 1 ? ROWS_DEPTHWISE_1 : ROWS_DEPTHWISE, a, b, out, tapBytes); return; }
  const taps = heap.alloc(tapBytes);
  if (op == OP_DEPTHWISE_CONV2D_BACKPROP_INPUT) walk(INPUT, out, a, b, out, (<usize>g.n * g.h * g.w * g.ci) << 2, taps, 0, rows);
  else walk(FILTER, a, b, out, out, (<usize>g.fh * g.fw * g.co) << 2, taps, 0, rows);
  heap.free(taps);
}
