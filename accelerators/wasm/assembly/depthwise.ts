// depthwiseConv2d and its two adjoints, float32, NHWC, filter [fh, fw, ci, mult]: output
// channel c * mult + q sees input channel c only, so each output is fh * fw multiply-adds,
// too few for a GEMM to pay. One walker visits every (output pixel, window tap) pair that
// lands inside the image and runs one of three channel loops there, vectorized over the
// contiguous channels when mult is 1:
//   forward  y[o, c*m+q]  += x[i, c] * f[k, c, q]
//   input    dx[i, c]     += dy[o, c*m+q] * f[k, c, q]
//   filter   df[k, c, q]  += x[i, c] * dy[o, c*m+q]
import { OP_DEPTHWISE_CONV2D, OP_DEPTHWISE_CONV2D_BACKPROP_INPUT } from '../../../core-wasm/assembly/generated/opcodes';
import { WIN } from './window';

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

/** Zeroes the output (the accumulator of every mode) and walks the taps. */
function walk(mode: i32, x: usize, y: usize, f: usize, out: usize, outBytes: usize): void {
  const g = WIN, ci = g.ci, m = g.mult, co = g.co;
  memory.fill(out, 0, outBytes);
  for (let n = 0; n < g.n; n++) {
    for (let oh = 0; oh < g.oh; oh++) {
      for (let ow = 0; ow < g.ow; ow++) {
        const yr = y + ((<usize>((n * g.oh + oh) * g.ow + ow) * co) << 2);
        for (let kh = 0; kh < g.fh; kh++) {
          const ih = oh * g.sh - g.pt + kh * g.dh;
          if (ih < 0 || ih >= g.h) continue;
          for (let kw = 0; kw < g.fw; kw++) {
            const iw = ow * g.sw - g.pl + kw * g.dw;
            if (iw < 0 || iw >= g.w) continue;
            const xr = x + ((<usize>((n * g.h + ih) * g.w + iw) * ci) << 2);
            const fr = f + ((<usize>(kh * g.fw + kw) * ci * m) << 2);
            tap(mode, xr, yr, fr, ci, m);
          }
        }
      }
    }
  }
}

/** op is one of the depthwise ops; a and b are its input buffers (see ops/table.mjs). */
export function execDepthwise(op: i32, a: usize, b: usize, out: usize): void {
  const g = WIN;
  const image = (<usize>g.n * g.h * g.w * g.ci) << 2;
  if (op == OP_DEPTHWISE_CONV2D) walk(FORWARD, a, out, b, out, (<usize>g.n * g.oh * g.ow * g.co) << 2);
  else if (op == OP_DEPTHWISE_CONV2D_BACKPROP_INPUT) walk(INPUT, out, a, b, out, image);
  else walk(FILTER, a, b, out, out, (<usize>g.fh * g.fw * g.co) << 2);
}
