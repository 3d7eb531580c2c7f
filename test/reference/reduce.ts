// Reductions (sum mean max min prod argMax argMin logSumExp all any), softmax, logSoftmax,
// cumsum and moments of the reference.

import { type DType, type Ref, type RefLike, normAxes, normAxis, refOf, result, sizeOf, stridesOf } from './core';

/** Splits x into groups of values (one group per output element, values in row-major order of
 *  the reduced axes) and returns the output shape with and without kept dims. */
function groups(x: Ref, axes: number[]): { outShape: number[]; keptShape: number[]; vals: number[][] } {
  const rank = x.shape.length;
  const reduced = new Set(axes);
  const outShape = x.shape.filter((_, i) => !reduced.has(i));
  const keptShape = x.shape.map((d, i) => (reduced.has(i) ? 1 : d));
  const outStrides = stridesOf(keptShape);
  const vals: number[][] = Array.from({ length: sizeOf(outShape) }, () => []);
  const idx = new Array<number>(rank).fill(0);
  for (let f = 0; f < x.data.length; f++) {
    let o = 0;
    for (let i = 0; i < rank; i++) if (!reduced.has(i)) o += idx[i] * outStrides[i];
    vals[o].push(x.data[f]);
    for (let i = rank - 1; i >= 0; i--) {
      if (++idx[i] < x.shape[i]) break;
      idx[i] = 0;
    }
  }
  return { outShape, keptShape, vals };
}

function reduce(
  x: RefLike,
  axis: number | number[] | undefined,
  keepDims: boolean,
  dtype: (d: DType) => DType,
  f: (v: number[], d: DType) => number,
  parseAs?: DType,
): Ref {
  const r = refOf(x, parseAs);
  const { outShape, keptShape, vals } = groups(r, normAxes(axis, r.shape.length));
  const out = Float64Array.from(vals, (v) => f(v, r.dtype));
  return result(keepDims ? keptShape : outShape, dtype(r.dtype), out);
}

const intOrFloat = (d: DType): DType => (d === 'float32' ? 'float32' : 'int32');
const toFloat = (): DType => 'float32';

function sum64(v: number[]): number {
  let s = 0;
  for (const x of v) s += x;
  return s;
}

function max64(v: number[]): number {
  let m = -Infinity;
  for (const x of v) {
    if (Number.isNaN(x)) return NaN;
    if (x > m) m = x;
  }
  return m;
}

function min64(v: number[]): number {
  let m = Infinity;
  for (const x of v) {
    if (Number.isNaN(x)) return NaN;
    if (x < m) m = x;
  }
  return m;
}

/** sum: bool and int32 sum to int32. */
export function sum(x: RefLike, axis?: number | number[], keepDims = false): Ref {
  return reduce(x, axis, keepDims, intOrFloat, sum64);
}

/** mean: always float32. */
export function mean(x: RefLike, axis?: number | number[], keepDims = false): Ref {
  return reduce(x, axis, keepDims, toFloat, (v) => sum64(v) / v.length);
}

/** prod: bool and int32 give int32 (int32 products wrap like an int32 multiply). */
export function prod(x: RefLike, axis?: number | number[], keepDims = false): Ref {
  return reduce(x, axis, keepDims, intOrFloat, (v, d) => {
    let p = 1;
    for (const y of v) p = d === 'float32' ? p * y : Math.imul(p, y);
    return p;
  });
}

/** max/min keep the dtype (bool stays bool); NaN wins (tfjs-cpu). */
export function max(x: RefLike, axis?: number | number[], keepDims = false): Ref {
  return reduce(x, axis, keepDims, (d) => d, max64);
}

export function min(x: RefLike, axis?: number | number[], keepDims = false): Ref {
  return reduce(x, axis, keepDims, (d) => d, min64);
}

/** logSumExp = m + log(sum(exp(x - m))), m the max over the axes (tfjs's formula); float32. */
export function logSumExp(x: RefLike, axis?: number | number[], keepDims = false): Ref {
  return reduce(x, axis, keepDims, toFloat, (v) => {
    const m = max64(v);
    let s = 0;
    for (const y of v) s += Math.exp(y - m);
    return m + Math.log(s);
  });
}

export function all(x: RefLike, axis?: number | number[], keepDims = false): Ref {
  return reduce(x, axis, keepDims, () => 'bool', (v) => (v.every((y) => y !== 0) ? 1 : 0), 'bool');
}

export function any(x: RefLike, axis?: number | number[], keepDims = false): Ref {
  return reduce(x, axis, keepDims, () => 'bool', (v) => (v.some((y) => y !== 0) ? 1 : 0), 'bool');
}

/** argMax/argMin(x, axis = 0): int32 indices along one axis, first occurrence on ties. A later
 *  value replaces the best only when strictly better, so a NaN is never chosen unless first. */
function argReduce(x: RefLike, axis: number, better: (a: number, b: number) => boolean): Ref {
  const r = refOf(x);
  const ax = normAxis(axis, r.shape.length);
  return reduce(r, ax, false, () => 'int32', (v) => {
    let best = 0;
    for (let i = 1; i < v.length; i++) if (better(v[i], v[best])) best = i;
    return best;
  });
}

export function argMax(x: RefLike, axis = 0): Ref {
  return argReduce(x, axis, (a, b) => a > b);
}

export function argMin(x: RefLike, axis = 0): Ref {
  return argReduce(x, axis, (a, b) => a < b);
}

/** Applies f to every 1-D line of x along `axis` (same shape out). */
function alongAxis(x: Ref, axis: number, dtype: DType, f: (line: number[]) => number[]): Ref {
  const ax = normAxis(axis, x.shape.length);
  const strides = stridesOf(x.shape);
  const n = x.shape[ax];
  const st = strides[ax];
  const out = new Float64Array(x.data.length);
  const outer = sizeOf(x.shape.slice(0, ax));
  const inner = sizeOf(x.shape.slice(ax + 1));
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      const line: number[] = [];
      for (let k = 0; k < n; k++) line.push(x.data[base + k * st]);
      const res = f(line);
      for (let k = 0; k < n; k++) out[base + k * st] = res[k];
    }
  }
  return result(x.shape, dtype, out);
}

/** softmax(logits, dim = -1): float32. */
export function softmax(logits: RefLike, dim = -1): Ref {
  return alongAxis(refOf(logits), dim, 'float32', (line) => {
    const m = max64(line);
    const e = line.map((v) => Math.exp(v - m));
    const s = sum64(e);
    return e.map((v) => v / s);
  });
}

/** logSoftmax(logits, axis = -1) = x - m - log(sum(exp(x - m))): float32. */
export function logSoftmax(logits: RefLike, axis = -1): Ref {
  return alongAxis(refOf(logits), axis, 'float32', (line) => {
    const m = max64(line);
    const ls = Math.log(sum64(line.map((v) => Math.exp(v - m))));
    return line.map((v) => v - m - ls);
  });
}

/** cumsum(x, axis = 0, exclusive = false, reverse = false): bool sums to int32. Negative axes
 *  count from the end (tfjs 4.22's cpu kernel mishandles them; we test the natural meaning). */
export function cumsum(x: RefLike, axis = 0, exclusive = false, reverse = false): Ref {
  const r = refOf(x);
  return alongAxis(r, axis, intOrFloat(r.dtype), (line) => {
    const n = line.length;
    const out = new Array<number>(n);
    let acc = 0;
    for (let k = 0; k < n; k++) {
      const i = reverse ? n - 1 - k : k;
      if (exclusive) {
        out[i] = acc;
        acc += line[i];
      } else {
        acc += line[i];
        out[i] = acc;
      }
    }
    return out;
  });
}

/** moments(x, axes = all, keepDims = false): population mean and variance, float32. */
export function moments(x: RefLike, axes?: number | number[], keepDims = false): { mean: Ref; variance: Ref } {
  const r = refOf(x);
  const m = mean(r, axes, keepDims);
  const v = reduce(r, axes, keepDims, toFloat, (vals) => {
    const mu = sum64(vals) / vals.length;
    let s = 0;
    for (const y of vals) s += (y - mu) * (y - mu);
    return s / vals.length;
  });
  return { mean: m, variance: v };
}
