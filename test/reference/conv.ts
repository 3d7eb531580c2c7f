// conv2d, depthwiseConv2d, maxPool, avgPool (tfjs semantics, NHWC images, HWIO filters), the
// adjoints the gradients use, and batchNorm: plain float64 loops over every output element
// and window tap, written from tfjs's documentation, sharing nothing with the engine.
import { type Ref, type RefLike, refOf, result, sizeOf, broadcastShapes, broadcastIndexMap } from './core';

export type Pad = 'same' | 'valid' | number | number[][];
export type Pair = number | [number, number];

const pairOf = (v: Pair): [number, number] => (typeof v === 'number' ? [v, v] : v);

/** One spatial axis: output length and the padding before it (tfjs's rules). */
function axisOf(n: number, f: number, s: number, d: number, pad: Pad, axis: number): { out: number; before: number } {
  const eff = (f - 1) * d + 1;
  if (pad === 'valid') return { out: Math.ceil((n - eff + 1) / s), before: 0 };
  if (pad === 'same') {
    const out = Math.ceil(n / s);
    return { out, before: Math.floor(Math.max(0, (out - 1) * s + eff - n) / 2) };
  }
  if (typeof pad === 'number') return { out: Math.trunc((n - eff + 2 * pad) / s + 1), before: pad };
  const [lo, hi] = pad[axis];
  return { out: Math.floor((n + lo + hi - eff) / s + 1), before: lo };
}

export interface Geometry {
  n: number; h: number; w: number; c: number; oh: number; ow: number;
  fh: number; fw: number; sh: number; sw: number; dh: number; dw: number; pt: number; pl: number;
}

export function geometry(xShape: readonly number[], fh: number, fw: number, strides: Pair, pad: Pad, dilations: Pair = 1): Geometry {
  if (xShape.length !== 4) throw new Error(`ref: image must be rank 4, got [${xShape}]`);
  const [n, h, w, c] = xShape;
  const [sh, sw] = pairOf(strides), [dh, dw] = pairOf(dilations);
  const a = axisOf(h, fh, sh, dh, pad, 1), b = axisOf(w, fw, sw, dw, pad, 2);
  return { n, h, w, c, oh: a.out, ow: b.out, fh, fw, sh, sw, dh, dw, pt: a.before, pl: b.before };
}

/** Calls fn(n, oh, ow, kh, kw, ih, iw) for every window tap that lands inside the image. */
function forEachTap(g: Geometry, fn: (n: number, oh: number, ow: number, kh: number, kw: number, ih: number, iw: number) => void): void {
  for (let n = 0; n < g.n; n++) for (let oh = 0; oh < g.oh; oh++) for (let ow = 0; ow < g.ow; ow++) {
    for (let kh = 0; kh < g.fh; kh++) for (let kw = 0; kw < g.fw; kw++) {
      const ih = oh * g.sh - g.pt + kh * g.dh, iw = ow * g.sw - g.pl + kw * g.dw;
      if (ih >= 0 && ih < g.h && iw >= 0 && iw < g.w) fn(n, oh, ow, kh, kw, ih, iw);
    }
  }
}

const px = (g: Geometry, n: number, i: number, j: number) => ((n * g.h + i) * g.w + j);
const opx = (g: Geometry, n: number, i: number, j: number) => ((n * g.oh + i) * g.ow + j);

/** conv2d(x [n, h, w, ci], f [fh, fw, ci, co]) -> [n, oh, ow, co]. */
export function conv2d(x: RefLike, f: RefLike, strides: Pair, pad: Pad, dilations: Pair = 1): Ref {
  const X = refOf(x), F = refOf(f);
  const [fh, fw, ci, co] = F.shape;
  const g = geometry(X.shape, fh, fw, strides, pad, dilations);
  if (ci !== g.c) throw new Error('ref: conv2d channels differ');
  const out = new Float64Array(g.n * g.oh * g.ow * co);
  forEachTap(g, (n, oh, ow, kh, kw, ih, iw) => {
    for (let a = 0; a < ci; a++) for (let b = 0; b < co; b++) {
      out[opx(g, n, oh, ow) * co + b] += X.data[px(g, n, ih, iw) * ci + a] * F.data[((kh * fw + kw) * ci + a) * co + b];
    }
  });
  return result([g.n, g.oh, g.ow, co], 'float32', out);
}

/** depthwiseConv2d(x [n, h, w, ci], f [fh, fw, ci, m]) -> [n, oh, ow, ci * m]. */
export function depthwiseConv2d(x: RefLike, f: RefLike, strides: Pair, pad: Pad, dilations: Pair = 1): Ref {
  const X = refOf(x), F = refOf(f);
  const [fh, fw, ci, m] = F.shape;
  const g = geometry(X.shape, fh, fw, strides, pad, dilations);
  const out = new Float64Array(g.n * g.oh * g.ow * ci * m);
  forEachTap(g, (n, oh, ow, kh, kw, ih, iw) => {
    for (let a = 0; a < ci; a++) for (let q = 0; q < m; q++) {
      out[opx(g, n, oh, ow) * ci * m + a * m + q] += X.data[px(g, n, ih, iw) * ci + a] * F.data[((kh * fw + kw) * ci + a) * m + q];
    }
  });
  return result([g.n, g.oh, g.ow, ci * m], 'float32', out);
}

/** maxPool / avgPool: the real elements of each window (padding never counts). */
function pool(x: RefLike, filterSize: Pair, strides: Pair, pad: Pad, isMax: boolean): Ref {
  const X = refOf(x);
  const [fh, fw] = pairOf(filterSize);
  const g = geometry(X.shape, fh, fw, strides, pad);
  const acc = new Float64Array(g.n * g.oh * g.ow * g.c).fill(isMax ? -Infinity : 0);
  const count = new Float64Array(g.n * g.oh * g.ow);
  forEachTap(g, (n, oh, ow, kh, kw, ih, iw) => {
    const o = opx(g, n, oh, ow);
    count[o]++;
    for (let a = 0; a < g.c; a++) {
      const v = X.data[px(g, n, ih, iw) * g.c + a];
      acc[o * g.c + a] = isMax ? Math.max(acc[o * g.c + a], v) : acc[o * g.c + a] + v;
    }
  });
  if (!isMax) for (let i = 0; i < acc.length; i++) acc[i] /= count[Math.floor(i / g.c)];
  return result([g.n, g.oh, g.ow, g.c], 'float32', acc);
}

export const maxPool = (x: RefLike, filterSize: Pair, strides: Pair, pad: Pad) => pool(x, filterSize, strides, pad, true);
export const avgPool = (x: RefLike, filterSize: Pair, strides: Pair, pad: Pad) => pool(x, filterSize, strides, pad, false);

/** (x - mean) / sqrt(variance + eps) * scale + offset, all broadcast. */
export function batchNorm(x: RefLike, mean: RefLike, variance: RefLike, offset?: RefLike, scale?: RefLike, eps = 0.001): Ref {
  const args = [x, mean, variance, offset ?? 0, scale ?? 1].map((v) => refOf(v));
  const shape = broadcastShapes(...args.map((a) => a.shape));
  const maps = args.map((a) => broadcastIndexMap(a.shape, shape));
  const out = new Float64Array(sizeOf(shape));
  for (let i = 0; i < out.length; i++) {
    const [xv, m, v, o, s] = args.map((a, k) => a.data[maps[k][i]]);
    out[i] = ((xv - m) / Math.sqrt(v + eps)) * s + o;
  }
  return result(shape, 'float32', out);
}

// ---- adjoints (what the gradients of the ops above are), for the lowering tests ----

/** d/dx and d/dfilter of sum(conv2d(x, f) * dy) (depthwise: of depthwiseConv2d). */
export function convGrads(x: RefLike, f: RefLike, dy: RefLike, strides: Pair, pad: Pad, dilations: Pair = 1, depthwise = false): { dx: Ref; df: Ref } {
  const X = refOf(x), F = refOf(f), D = refOf(dy);
  const [fh, fw, ci, last] = F.shape;
  const co = depthwise ? ci * last : last;
  const g = geometry(X.shape, fh, fw, strides, pad, dilations);
  const dx = new Float64Array(X.data.length), df = new Float64Array(F.data.length);
  forEachTap(g, (n, oh, ow, kh, kw, ih, iw) => {
    for (let a = 0; a < ci; a++) {
      for (let b = 0; b < last; b++) {
        const oc = depthwise ? a * last + b : b;
        const fi = ((kh * fw + kw) * ci + a) * last + b, xi = px(g, n, ih, iw) * ci + a;
        const d = D.data[opx(g, n, oh, ow) * co + oc];
        dx[xi] += d * F.data[fi];
        df[fi] += d * X.data[xi];
      }
    }
  });
  return { dx: result(X.shape, 'float32', dx), df: result(F.shape, 'float32', df) };
}

/** d/dx of sum(maxPool(x) * dy) (each dy to the first maximum of its window) or of avgPool. */
export function poolGrad(x: RefLike, dy: RefLike, filterSize: Pair, strides: Pair, pad: Pad, isMax: boolean): Ref {
  const X = refOf(x), D = refOf(dy);
  const [fh, fw] = pairOf(filterSize);
  const g = geometry(X.shape, fh, fw, strides, pad);
  const dx = new Float64Array(X.data.length);
  const taps = new Map<number, number[]>();   // output pixel -> input pixels of its window
  forEachTap(g, (n, oh, ow, _kh, _kw, ih, iw) => {
    const o = opx(g, n, oh, ow);
    if (!taps.has(o)) taps.set(o, []);
    taps.get(o)!.push(px(g, n, ih, iw));
  });
  for (const [o, pixels] of taps) {
    for (let a = 0; a < g.c; a++) {
      const d = D.data[o * g.c + a];
      if (!isMax) { for (const p of pixels) dx[p * g.c + a] += d / pixels.length; continue; }
      let best = pixels[0];
      for (const p of pixels) if (X.data[p * g.c + a] > X.data[best * g.c + a]) best = p;
      dx[best * g.c + a] += d;
    }
  }
  return result(X.shape, 'float32', dx);
}
