// maxPool, avgPool and their adjoints, float32 NHWC. Padded positions never count: a window
// is clipped to the image (the core refuses pads as large as the window, so none is empty);
// max ignores the padding and avg divides by the number of real elements, as tfjs. Channels
// are contiguous, so each window tap is one vector loop over a pixel's channels.
//   maxPoolGrad: dy goes to the first maximum of its window (row-major window order), as
//   tfjs's backprop does; avgPoolGrad: dy / count goes to every real element of the window.
// Threads share the forward passes by output rows (window.ts); the adjoints, which scatter,
// run on the calling thread.
import { OP_MAX_POOL, OP_AVG_POOL, OP_MAX_POOL_GRAD } from '../../../core-wasm/assembly/generated/opcodes';
import { Ctx, recOp, inRec, inBuf } from './record';
import { WIN, readPool, runRows, ROWS_MAX_POOL, ROWS_AVG_POOL } from './window';

/** The clipped window of output pixel (oh, ow): rows h0..h1, columns w0..w1 (exclusive). */
let h0 = 0, h1 = 0, w0 = 0, w1 = 0;

@inline function clip(oh: i32, ow: i32): void {
  const g = WIN;
  const top = oh * g.sh - g.pt, left = ow * g.sw - g.pl;
  h0 = max(top, 0); h1 = min(top + g.fh, g.h);
  w0 = max(left, 0); w1 = min(left + g.fw, g.w);
}

@inline function pixel(img: usize, n: i32, ih: i32, iw: i32): usize {
  const g = WIN;
  return img + ((<usize>((n * g.h + ih) * g.w + iw) * g.ci) << 2);
}

/** Output rows [r0, r1) (of WIN's n * oh) of maxPool (isMax) or avgPool of x into y: a part
 *  of a RowsJob (window.ts). */
export function poolRows(x: usize, y: usize, isMax: bool, r0: i32, r1: i32): void {
  const g = WIN, c = g.ci, end = <usize>c << 2, vecEnd = <usize>(c & ~3) << 2;
  let yr = y + <usize>r0 * g.ow * end;
  for (let r = r0; r < r1; r++) {
    const n = r / g.oh, oh = r % g.oh;
    for (let ow = 0; ow < g.ow; ow++) {
      clip(oh, ow);
      memory.copy(yr, pixel(x, n, h0, w0), end);   // the first real element starts the fold
      for (let ih = h0; ih < h1; ih++) {
        for (let iw = ih == h0 ? w0 + 1 : w0; iw < w1; iw++) {
          const xr = pixel(x, n, ih, iw);
          let k: usize = 0;
          if (isMax) {
            for (; k < vecEnd; k += 16) v128.store(yr + k, f32x4.max(v128.load(yr + k), v128.load(xr + k)));
            for (; k < end; k += 4) store<f32>(yr + k, Mathf.max(load<f32>(yr + k), load<f32>(xr + k)));
          } else {
            for (; k < vecEnd; k += 16) v128.store(yr + k, f32x4.add(v128.load(yr + k), v128.load(xr + k)));
            for (; k < end; k += 4) store<f32>(yr + k, load<f32>(yr + k) + load<f32>(xr + k));
          }
        }
      }
      if (!isMax) {
        const s = <f32>1 / <f32>((h1 - h0) * (w1 - w0)), sv = f32x4.splat(s);
        let k: usize = 0;
        for (; k < vecEnd; k += 16) v128.store(yr + k, f32x4.mul(v128.load(yr + k), sv));
        for (; k < end; k += 4) store<f32>(yr + k, load<f32>(yr + k) * s);
      }
      yr += end;
    }
  }
}

/** dx of maxPool: each dy to the first maximum of its window, per channel. Four channels at a
 *  time keep the running maximum and the window position where it was found in two vectors
 *  (a strictly greater value takes over, so ties and NaNs keep the earlier position, as the
 *  scalar rule does); `taps` lists the window's pixel byte offsets, in window order. */
function maxPoolGrad(x: usize, dy: usize, dx: usize, taps: usize): void {
  const g = WIN, c = g.ci, cb = <usize>c << 2, vec = cb & ~15;
  memory.fill(dx, 0, (<usize>g.n * g.h * g.w * c) << 2);
  let dr = dy;
  for (let n = 0; n < g.n; n++) {
    for (let oh = 0; oh < g.oh; oh++) {
      for (let ow = 0; ow < g.ow; ow++) {
        clip(oh, ow);
        let nt = 0;
        for (let ih = h0; ih < h1; ih++) {
          for (let iw = w0; iw < w1; iw++) {
            store<u32>(taps + (<usize>nt << 2), <u32>pixel(0, n, ih, iw));
            nt++;
          }
        }
        let k: usize = 0;
        for (; k < vec; k += 16) {
          let best = v128.load(x + <usize>load<u32>(taps) + k), at = i32x4.splat(0);
          for (let t = 1; t < nt; t++) {
            const v = v128.load(x + <usize>load<u32>(taps + (<usize>t << 2)) + k);
            const gt = f32x4.gt(v, best);
            best = v128.bitselect(v, best, gt);
            at = v128.bitselect(i32x4.splat(t), at, gt);
          }
          const d = v128.load(dr + k);
          addAt(dx, taps, i32x4.extract_lane(at, 0), k, f32x4.extract_lane(d, 0));
          addAt(dx, taps, i32x4.extract_lane(at, 1), k + 4, f32x4.extract_lane(d, 1));
          addAt(dx, taps, i32x4.extract_lane(at, 2), k + 8, f32x4.extract_lane(d, 2));
          addAt(dx, taps, i32x4.extract_lane(at, 3), k + 12, f32x4.extract_lane(d, 3));
        }
        for (; k < cb; k += 4) {
          let best = load<f32>(x + <usize>load<u32>(taps) + k), at = 0;
          for (let t = 1; t < nt; t++) {
            const v = load<f32>(x + <usize>load<u32>(taps + (<usize>t << 2)) + k);
            if (v > best) { best = v; at = t; }
          }
          addAt(dx, taps, at, k, load<f32>(dr + k));
        }
        dr += cb;
      }
    }
  }
}

/** dx at window position t, channel byte offset k, += d. */
@inline function addAt(dx: usize, taps: usize, t: i32, k: usize, d: f32): void {
  const p = dx + <usize>load<u32>(taps + (<usize>t << 2)) + k;
  store<f32>(p, load<f32>(p) + d);
}

/** dx of avgPool: each dy, over its window's count, to every real element of the window. */
function avgPoolGrad(dy: usize, dx: usize): void {
  const g = WIN, c = g.ci, end = <usize>c << 2, vecEnd = <usize>(c & ~3) << 2;
  memory.fill(dx, 0, (<usize>g.n * g.h * g.w * c) << 2);
  let dr = dy;
  for (let n = 0; n < g.n; n++) {
    for (let oh = 0; oh < g.oh; oh++) {
      for (let ow = 0; ow < g.ow; ow++) {
        clip(oh, ow);
        const s = <f32>1 / <f32>((h1 - h0) * (w1 - w0)), sv = f32x4.splat(s);
        for (let ih = h0; ih < h1; ih++) {
          for (let iw = w0; iw < w1; iw++) {
            const xr = pixel(dx, n, ih, iw);
            let k: usize = 0;
            for (; k < vecEnd; k += 16) v128.store(xr + k, f32x4.add(v128.load(xr + k), f32x4.mul(v128.load(dr + k), sv)));
            for (; k < end; k += 4) store<f32>(xr + k, load<f32>(xr + k) + load<f32>(dr + k) * s);
          }
        }
        dr += end;
      }
    }
  }
}

/** Every op of the pool kind. */
export function execPool(c: Ctx): void {
  const op = recOp(c.rec);
  const ok = readPool(c.rec, inRec(c, 0), op == OP_MAX_POOL_GRAD ? inRec(c, 1) : 0);
  assert(ok); // validate checked the record
  if (op == OP_MAX_POOL || op == OP_AVG_POOL) runRows(op == OP_MAX_POOL ? ROWS_MAX_POOL : ROWS_AVG_POOL, inBuf(c, 0), 0, c.out, 0);
  else if (op == OP_MAX_POOL_GRAD) {
    const taps = heap.alloc(<usize>WIN.fh * WIN.fw << 2);
    maxPoolGrad(inBuf(c, 0), inBuf(c, 1), c.out, taps);
    heap.free(taps);
  }
  else avgPoolGrad(inBuf(c, 0), c.out);
}
