// Plain-JS (float64) references for the interpreter tests, plus index helpers.
import { expect } from 'vitest';

export const numel = (dims: number[]): number => dims.reduce((a, b) => a * b, 1);

export function strides(dims: number[]): number[] {
  const s = new Array<number>(dims.length);
  for (let k = dims.length - 1, acc = 1; k >= 0; k--) {
    s[k] = acc;
    acc *= dims[k];
  }
  return s;
}

/** Multi-index of flat index i. */
export function unravel(i: number, dims: number[]): number[] {
  const idx = new Array<number>(dims.length);
  for (let k = dims.length - 1; k >= 0; k--) {
    idx[k] = i % dims[k];
    i = Math.floor(i / dims[k]);
  }
  return idx;
}

export function ravel(idx: number[], dims: number[]): number {
  return idx.reduce((acc, v, k) => acc * dims[k] + v, 0);
}

/** Flat index into `inDims` of output multi-index `idx` under tfjs broadcasting. */
export function broadcastFlat(idx: number[], inDims: number[]): number {
  const off = idx.length - inDims.length;
  return ravel(inDims.map((d, k) => (d === 1 ? 0 : idx[off + k])), inDims);
}

export function broadcastShape(a: number[], b: number[]): number[] {
  const r = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let k = 0; k < r; k++) {
    const da = a[k - (r - a.length)] ?? 1, db = b[k - (r - b.length)] ?? 1;
    out.push(da === 1 ? db : da);
  }
  return out;
}

/** out[i] = f(a[.], b[.]) with both broadcast to `dims`. */
export function refBinary(
  f: (a: number, b: number) => number, a: ArrayLike<number>, aDims: number[],
  b: ArrayLike<number>, bDims: number[], dims: number[],
): number[] {
  return Array.from({ length: numel(dims) }, (_, i) => {
    const idx = unravel(i, dims);
    return f(a[broadcastFlat(idx, aDims)], b[broadcastFlat(idx, bDims)]);
  });
}

/** Elementwise closeness; NaN matches NaN, infinities match exactly. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 2e-6, atol = 1e-6, what = ''): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i], e = expected[i];
    const ok = Number.isNaN(e) ? Number.isNaN(a)
      : !Number.isFinite(e) ? a === e
      : Math.abs(a - e) <= atol + rtol * Math.abs(e);
    if (!ok) expect.fail(`${what}[${i}]: got ${a}, expected ${e}`);
  }
}

/** Exact equality as plain arrays (int32 and bool results). */
export function expectEqual(actual: ArrayLike<number>, expected: ArrayLike<number>, what = ''): void {
  expect(Array.from(actual), what).toEqual(Array.from(expected));
}

export const f32 = (...v: number[]): Float32Array => Float32Array.from(v);
export const i32 = (...v: number[]): Int32Array => Int32Array.from(v);
export const bool = (...v: (number | boolean)[]): Uint8Array => Uint8Array.from(v.map((x) => (x ? 1 : 0)));

/** A deterministic pseudo-random sequence in [lo, hi). */
export function seq(n: number, lo = -4, hi = 4, seed = 1): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return lo + ((s >>> 8) / (1 << 24)) * (hi - lo);
  });
}

/** erf by Simpson's rule on 2/sqrt(pi) e^-t^2 (an independent float64 reference). */
export function erfRef(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Math.abs(x) > 6) return Math.sign(x); // 1 - erf(6) < 1e-16
  const n = 4000, h = x / n;
  let s = 1 + Math.exp(-x * x);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * Math.exp(-((i * h) ** 2));
  return ((s * h) / 3) * (2 / Math.sqrt(Math.PI));
}

/** Banker's rounding (half to even), as tfjs's round. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
