// matMul, dot and the creation ops (range, linspace, eye) of the reference.

import { type DType, type Ref, type RefLike, broadcastShapes, refOf, result, sizeOf, stridesOf, upcast } from './core';

/** matMul(a, b, transposeA = false, transposeB = false): rank >= 2, batch dims broadcast, the
 *  common dtype (int32 products accumulate exactly then wrap). */
export function matMul(a: RefLike, b: RefLike, transposeA = false, transposeB = false): Ref {
  const ra = refOf(a);
  const rb = refOf(b);
  const dtype = upcast(ra.dtype, rb.dtype);
  if (dtype === 'bool') throw new Error('ref: matMul of bool is not defined');
  if (ra.shape.length < 2 || rb.shape.length < 2) throw new Error('ref: matMul needs rank >= 2');
  const [ar, ac] = ra.shape.slice(-2);
  const [br, bc] = rb.shape.slice(-2);
  const m = transposeA ? ac : ar;
  const k = transposeA ? ar : ac;
  const k2 = transposeB ? bc : br;
  const n = transposeB ? br : bc;
  if (k !== k2) throw new Error(`ref: matMul inner dims ${k} vs ${k2}`);
  const batchA = ra.shape.slice(0, -2);
  const batchB = rb.shape.slice(0, -2);
  const batch = broadcastShapes(batchA, batchB);
  const nb = sizeOf(batch);
  const out = new Float64Array(nb * m * n);
  const bs = stridesOf(batch);
  const offOf = (bshape: number[], bi: number) => {
    // flat batch index of the (right-aligned, size-1-broadcast) operand
    const st = stridesOf(bshape);
    const off = batch.length - bshape.length;
    let f = 0;
    for (let i = 0; i < bshape.length; i++) {
      const v = Math.floor(bi / bs[i + off]) % batch[i + off];
      if (bshape[i] !== 1) f += v * st[i];
    }
    return f;
  };
  for (let bi = 0; bi < nb; bi++) {
    const oa = offOf(batchA, bi) * ar * ac;
    const ob = offOf(batchB, bi) * br * bc;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) {
          const av = ra.data[oa + (transposeA ? p * ac + i : i * ac + p)];
          const bv = rb.data[ob + (transposeB ? j * bc + p : p * bc + j)];
          s += av * bv;
        }
        out[(bi * m + i) * n + j] = s;
      }
    }
  }
  return result([...batch, m, n], dtype, out);
}

/** dot(a, b) for ranks 1 and 2: vector.vector -> scalar, matrix.vector and vector.matrix ->
 *  vector, matrix.matrix -> matrix. */
export function dot(a: RefLike, b: RefLike): Ref {
  const ra = refOf(a);
  const rb = refOf(b);
  const A = ra.shape.length === 1 ? { ...ra, shape: [1, ra.shape[0]] } : ra;
  const B = rb.shape.length === 1 ? { ...rb, shape: [rb.shape[0], 1] } : rb;
  const r = matMul(A, B);
  let shape: number[];
  if (ra.shape.length === 1 && rb.shape.length === 1) shape = [];
  else if (ra.shape.length === 1) shape = [r.shape[1]];
  else if (rb.shape.length === 1) shape = [r.shape[0]];
  else shape = r.shape;
  return { ...r, shape };
}

/** range(start, stop, step = 1, dtype = 'float32'), tfjs rules: empty when start == stop or the
 *  step points away from stop; with the default step 1 and start > stop it counts down by 1.
 *  int32 ranges accumulate in an Int32Array like tfjs (v0 = int(start), v[i] = int(v[i-1] + step)). */
export function range(start: number, stop: number, step = 1, dtype: DType = 'float32'): Ref {
  if (step === 0) throw new Error('ref: range step 0');
  let s = step;
  if (start === stop || (start < stop && s < 0) || (stop < start && s > 1)) return result([0], dtype, new Float64Array(0));
  if (stop < start && s === 1) s = -1;
  if (stop < start && s > 0) return result([0], dtype, new Float64Array(0));
  const n = Math.abs(Math.ceil((stop - start) / s));
  const out = new Float64Array(n);
  if (dtype === 'int32') {
    let v = start | 0;
    for (let i = 0; i < n; i++) {
      out[i] = v;
      v = (v + s) | 0;
    }
  } else for (let i = 0; i < n; i++) out[i] = start + i * s;
  return result([n], dtype, out);
}

/** linspace(start, stop, num): num evenly spaced float32 values, both ends included. */
export function linspace(start: number, stop: number, num: number): Ref {
  const out = new Float64Array(num);
  const step = num > 1 ? (stop - start) / (num - 1) : 0;
  for (let i = 0; i < num; i++) out[i] = start + i * step;
  if (num > 1) out[num - 1] = stop;
  return result([num], 'float32', out);
}

/** eye(numRows, numColumns = numRows, batchShape?, dtype = 'float32'). */
export function eye(numRows: number, numColumns?: number | null, batchShape?: number[], dtype: DType = 'float32'): Ref {
  const cols = numColumns ?? numRows;
  const batch = batchShape ?? [];
  const nb = sizeOf(batch);
  const out = new Float64Array(nb * numRows * cols);
  for (let b = 0; b < nb; b++) {
    for (let i = 0; i < Math.min(numRows, cols); i++) out[b * numRows * cols + i * cols + i] = 1;
  }
  return result([...batch, numRows, cols], dtype, out);
}
