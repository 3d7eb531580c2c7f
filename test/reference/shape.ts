// Shape and data-movement ops of the reference. Every op here moves or selects stored values,
// so results are exact.

import {
  type DType,
  type Ref,
  type RefLike,
  broadcastIndexMap,
  flatIndex,
  forEachIndex,
  normAxes,
  normAxis,
  refOf,
  result,
  sizeOf,
  storeAs,
  stridesOf,
} from './core';

/** Builds a Ref of `shape` whose element at each index is x's element at src(index). */
function gatherBy(x: Ref, shape: number[], src: (idx: number[]) => number): Ref {
  const out = new Float64Array(sizeOf(shape));
  forEachIndex(shape, (idx, f) => {
    out[f] = x.data[src(idx)];
  });
  return result(shape, x.dtype, out);
}

export function reshape(x: RefLike, shape: number[]): Ref {
  const r = refOf(x);
  const s = [...shape];
  const neg = s.indexOf(-1);
  if (neg >= 0) {
    const rest = sizeOf(s.filter((_, i) => i !== neg));
    s[neg] = rest === 0 ? 0 : r.data.length / rest;
  }
  if (sizeOf(s) !== r.data.length) throw new Error(`ref: reshape [${r.shape}] to [${shape}]`);
  return result(s, r.dtype, r.data.slice());
}

/** transpose(x, perm = reversed axes). */
export function transpose(x: RefLike, perm?: number[]): Ref {
  const r = refOf(x);
  const rank = r.shape.length;
  const p = perm ?? Array.from({ length: rank }, (_, i) => rank - 1 - i);
  const strides = stridesOf(r.shape);
  const shape = p.map((a) => r.shape[a]);
  return gatherBy(r, shape, (idx) => {
    let f = 0;
    for (let i = 0; i < rank; i++) f += idx[i] * strides[p[i]];
    return f;
  });
}

/** expandDims(x, axis = 0): a negative axis counts from rank + 1. */
export function expandDims(x: RefLike, axis = 0): Ref {
  const r = refOf(x);
  const rank = r.shape.length;
  const a = axis < 0 ? axis + rank + 1 : axis;
  if (a < 0 || a > rank) throw new Error(`ref: expandDims axis ${axis}`);
  const shape = [...r.shape.slice(0, a), 1, ...r.shape.slice(a)];
  return result(shape, r.dtype, r.data.slice());
}

/** squeeze(x, axis?): removes the given size-1 axes, or all of them. */
export function squeeze(x: RefLike, axis?: number[]): Ref {
  const r = refOf(x);
  const drop = axis === undefined ? null : new Set(normAxes(axis, r.shape.length));
  const shape = r.shape.filter((d, i) => {
    if (drop === null) return d !== 1;
    if (!drop.has(i)) return true;
    if (d !== 1) throw new Error(`ref: squeeze axis ${i} has size ${d}`);
    return false;
  });
  return result(shape, r.dtype, r.data.slice());
}

/** slice(x, begin, size?): begin/size may be numbers (rank 1) or shorter than the rank
 *  (missing begin = 0, missing size = to the end); size -1 = to the end. */
export function slice(x: RefLike, begin: number | number[], size?: number | number[]): Ref {
  const r = refOf(x);
  const rank = r.shape.length;
  const b = typeof begin === 'number' ? [begin] : [...begin];
  while (b.length < rank) b.push(0);
  const s0 = size === undefined ? [] : typeof size === 'number' ? [size] : [...size];
  const s = b.map((bi, i) => (s0[i] === undefined || s0[i] === -1 ? r.shape[i] - bi : s0[i]));
  for (let i = 0; i < rank; i++) {
    if (b[i] < 0 || s[i] < 0 || b[i] + s[i] > r.shape[i]) throw new Error(`ref: slice out of range`);
  }
  const strides = stridesOf(r.shape);
  return gatherBy(r, s, (idx) => {
    let f = 0;
    for (let i = 0; i < rank; i++) f += (idx[i] + b[i]) * strides[i];
    return f;
  });
}

/** stridedSlice with TensorFlow's semantics (tfjs 4.x ports TF's dense-spec algorithm):
 *  an ellipsis expands to the dims it covers, or one is implied at the end; newAxis inserts a
 *  size-1 dim (taking precedence over shrink on the same bit); shrink keeps the single index
 *  `begin` (negative counts from the end) and drops the dim; masked begin/end mean "from the
 *  start/to the end" in the direction of the stride; other indices are clamped. */
export function stridedSlice(
  x: RefLike,
  begin: number[],
  end: number[],
  strides?: number[],
  beginMask = 0,
  endMask = 0,
  ellipsisMask = 0,
  newAxisMask = 0,
  shrinkAxisMask = 0,
): Ref {
  const r = refOf(x);
  const rank = r.shape.length;
  const st = strides ?? begin.map(() => 1);
  let dims = begin.length;
  let ellipsis = ellipsisMask;
  // Sparse spec: count new axes after the ellipsis; add an implicit ellipsis at the end.
  let seen = false;
  let newAfter = 0;
  for (let i = 0; i < dims; i++) {
    if (seen && newAxisMask & (1 << i)) newAfter++;
    if (ellipsis & (1 << i)) seen = true;
  }
  if (!seen) {
    ellipsis |= 1 << dims;
    dims++;
  }
  // Dense spec: one entry per input dim.
  const dB = new Array<number>(rank).fill(0);
  const dE = new Array<number>(rank).fill(0);
  const dS = new Array<number>(rank).fill(1);
  const dBM = new Array<boolean>(rank).fill(false);
  const dEM = new Array<boolean>(rank).fill(false);
  const dShrink = new Array<boolean>(rank).fill(false);
  const NEW = -1;
  const SHRINK = -2;
  const gatherIdx: number[] = [];
  let full = 0;
  for (let i = 0; i < dims; i++) {
    if (ellipsis & (1 << i)) {
      const next = Math.min(rank - (dims - i) + 1 + newAfter, rank);
      for (; full < next; full++) {
        dBM[full] = dEM[full] = true;
        gatherIdx.push(full);
      }
    } else if (newAxisMask & (1 << i)) {
      gatherIdx.push(NEW);
    } else {
      if (full >= rank) throw new Error('ref: stridedSlice index out of range');
      dB[full] = begin[i];
      dE[full] = end[i];
      dS[full] = st[i];
      dBM[full] = (beginMask & (1 << i)) !== 0;
      dEM[full] = (endMask & (1 << i)) !== 0;
      if (shrinkAxisMask & (1 << i)) {
        dShrink[full] = true;
        gatherIdx.push(SHRINK);
      } else gatherIdx.push(full);
      full++;
    }
  }
  // Canonicalize each dense dim.
  const start = new Array<number>(rank);
  const size = new Array<number>(rank);
  for (let i = 0; i < rank; i++) {
    const dim = r.shape[i];
    const s = dS[i];
    if (s === 0) throw new Error('ref: stridedSlice stride 0');
    if (dShrink[i]) {
      const b = dB[i] < 0 ? dB[i] + dim : dB[i];
      if (b < 0 || b >= dim) throw new Error('ref: stridedSlice shrink index out of range');
      start[i] = b;
      size[i] = 1;
      dS[i] = 1;
      continue;
    }
    const lo = s > 0 ? 0 : -1;
    const hi = s > 0 ? dim : dim - 1;
    const canon = (v: number, masked: boolean, isEnd: boolean): number => {
      if (masked) return s > 0 ? (isEnd ? hi : lo) : isEnd ? lo : hi;
      const fwd = v < 0 ? v + dim : v;
      return fwd < lo ? lo : fwd > hi ? hi : fwd;
    };
    const b = canon(dB[i], dBM[i], false);
    const e = canon(dE[i], dEM[i], true);
    const len = e - b;
    start[i] = b;
    size[i] = len === 0 || len < 0 !== s < 0 ? 0 : Math.ceil(len / s);
  }
  const xStrides = stridesOf(r.shape);
  const dense = gatherBy(r, size, (idx) => {
    let f = 0;
    for (let i = 0; i < rank; i++) f += (start[i] + idx[i] * dS[i]) * xStrides[i];
    return f;
  });
  const finalShape: number[] = [];
  for (const g of gatherIdx) {
    if (g === NEW) finalShape.push(1);
    else if (g !== SHRINK) finalShape.push(size[g]);
  }
  return result(finalShape, r.dtype, dense.data);
}

/** concat(tensors, axis = 0). */
export function concat(xs: RefLike[], axis = 0): Ref {
  const rs = xs.map((x) => refOf(x));
  const rank = rs[0].shape.length;
  const a = normAxis(axis, rank);
  const dtype = rs[0].dtype;
  const shape = [...rs[0].shape];
  shape[a] = rs.reduce((acc, t) => acc + t.shape[a], 0);
  const outer = sizeOf(shape.slice(0, a));
  const out: number[] = [];
  for (let o = 0; o < outer; o++) {
    for (const t of rs) {
      const chunk = sizeOf(t.shape.slice(a));
      for (let k = 0; k < chunk; k++) out.push(t.data[o * chunk + k]);
    }
  }
  return result(shape, dtype, Float64Array.from(out));
}

/** stack(tensors, axis = 0): a negative axis counts from rank + 1. */
export function stack(xs: RefLike[], axis = 0): Ref {
  const rs = xs.map((x) => refOf(x));
  const rank = rs[0].shape.length;
  const a = axis < 0 ? axis + rank + 1 : axis;
  return concat(rs.map((t) => expandDims(t, a)), a);
}

/** unstack(x, axis = 0): one Ref per index along the axis, that axis removed. */
export function unstack(x: RefLike, axis = 0): Ref[] {
  const r = refOf(x);
  const a = normAxis(axis, r.shape.length);
  const out: Ref[] = [];
  for (let i = 0; i < r.shape[a]; i++) {
    const begin = r.shape.map((_, k) => (k === a ? i : 0));
    const size = r.shape.map((d, k) => (k === a ? 1 : d));
    out.push(squeeze(slice(r, begin, size), [a]));
  }
  return out;
}

/** split(x, numOrSizeSplits, axis = 0): a number splits evenly; a list gives sizes, one of
 *  which may be -1 (the rest). */
export function split(x: RefLike, numOrSizeSplits: number | number[], axis = 0): Ref[] {
  const r = refOf(x);
  const a = normAxis(axis, r.shape.length);
  const dim = r.shape[a];
  let sizes: number[];
  if (typeof numOrSizeSplits === 'number') {
    if (dim % numOrSizeSplits !== 0) throw new Error('ref: split not even');
    sizes = new Array<number>(numOrSizeSplits).fill(dim / numOrSizeSplits);
  } else {
    sizes = [...numOrSizeSplits];
    const neg = sizes.indexOf(-1);
    if (neg >= 0) sizes[neg] = dim - sizes.reduce((p, q) => p + (q === -1 ? 0 : q), 0);
  }
  let offset = 0;
  return sizes.map((s) => {
    const begin = r.shape.map((_, k) => (k === a ? offset : 0));
    const size = r.shape.map((d, k) => (k === a ? s : d));
    offset += s;
    return slice(r, begin, size);
  });
}

export function tile(x: RefLike, reps: number[]): Ref {
  const r = refOf(x);
  const shape = r.shape.map((d, i) => d * reps[i]);
  const strides = stridesOf(r.shape);
  return gatherBy(r, shape, (idx) => flatIndex(idx.map((v, i) => v % r.shape[i]), strides));
}

/** pad(x, paddings, constantValue = 0): the constant is stored as x's dtype. */
export function pad(x: RefLike, paddings: [number, number][], constantValue = 0): Ref {
  const r = refOf(x);
  const shape = r.shape.map((d, i) => d + paddings[i][0] + paddings[i][1]);
  const strides = stridesOf(r.shape);
  const c = storeAs(constantValue, r.dtype);
  const out = new Float64Array(sizeOf(shape));
  forEachIndex(shape, (idx, f) => {
    let src = 0;
    for (let i = 0; i < idx.length; i++) {
      const v = idx[i] - paddings[i][0];
      if (v < 0 || v >= r.shape[i]) {
        out[f] = c;
        return;
      }
      src += v * strides[i];
    }
    out[f] = r.data[src];
  });
  return result(shape, r.dtype, out);
}

/** gather(x, indices, axis = 0, batchDims = 0): indices are int32 (TensorLike parsed as int32);
 *  out shape = x.shape[:axis] + indices.shape[batchDims:] + x.shape[axis+1:]. */
export function gather(x: RefLike, indices: RefLike, axis = 0, batchDims = 0): Ref {
  const r = refOf(x);
  const ind = refOf(indices, 'int32');
  const a = normAxis(axis, r.shape.length);
  const bd = batchDims < 0 ? batchDims + ind.shape.length : batchDims;
  const idxTail = ind.shape.slice(bd);
  const shape = [...r.shape.slice(0, a), ...idxTail, ...r.shape.slice(a + 1)];
  const xs = stridesOf(r.shape);
  const is = stridesOf(ind.shape);
  return gatherBy(r, shape, (idx) => {
    // idx = [batch (bd) | x dims bd..a-1 | indices dims bd.. | x dims a+1..]
    const iIdx = [...idx.slice(0, bd), ...idx.slice(a, a + idxTail.length)];
    const k = ind.data[flatIndex(iIdx, is)];
    if (k < 0 || k >= r.shape[a]) throw new Error(`ref: gather index ${k} out of range`);
    const xIdx = [...idx.slice(0, a), k, ...idx.slice(a + idxTail.length)];
    return flatIndex(xIdx, xs);
  });
}

/** reverse(x, axis = all axes). */
export function reverse(x: RefLike, axis?: number | number[]): Ref {
  const r = refOf(x);
  const axes = new Set(normAxes(axis, r.shape.length));
  const strides = stridesOf(r.shape);
  return gatherBy(r, r.shape, (idx) => flatIndex(idx.map((v, i) => (axes.has(i) ? r.shape[i] - 1 - v : v)), strides));
}

export function broadcastTo(x: RefLike, shape: number[]): Ref {
  const r = refOf(x);
  const map = broadcastIndexMap(r.shape, shape);
  const out = Float64Array.from(map, (i) => r.data[i]);
  return result(shape, r.dtype, out);
}

/** oneHot(indices, depth, onValue = 1, offValue = 0, dtype = 'int32'): shape indices.shape +
 *  [depth]; out-of-range indices (negative or >= depth) give an all-off row. */
export function oneHot(indices: RefLike, depth: number, onValue = 1, offValue = 0, dtype: DType = 'int32'): Ref {
  const ind = refOf(indices, 'int32');
  const shape = [...ind.shape, depth];
  const out = new Float64Array(sizeOf(shape));
  for (let i = 0; i < ind.data.length; i++) {
    for (let d = 0; d < depth; d++) out[i * depth + d] = ind.data[i] === d ? onValue : offValue;
  }
  for (let i = 0; i < out.length; i++) out[i] = storeAs(out[i], dtype);
  return result(shape, dtype, out);
}
