// Shape ops: everything that moves or selects elements without arithmetic.
import * as core from '../engine/core';
import { argError, fmtShape } from '../engine/errors';
import { Op } from '../generated/ops';
import { Tensor, type DataType } from '../tensor';
import { arg, node, result, recording, castNode, dtypeOf, upcast, type Input } from './record';
import { scalarNode } from '../convert';
import { uploadNode } from '../engine/runtime';
import { temp } from './record';

const shapeOf = (n: number) => core.nodeShape(n);
const norm = (op: string, axis: number, rank: number, n: number) => {
  if (!Number.isInteger(axis) || axis < -rank || axis >= rank) {
    throw argError(op, `axis ${axis} is out of range for rank ${rank} (shape ${fmtShape(shapeOf(n))})`);
  }
  return axis < 0 ? axis + rank : axis;
};

/** @internal Reshape of a node (a temporary). */
export const reshapeNode = (n: number, shape: readonly number[], name = 'reshape') => node(Op.reshape, [n], shape, name);

/**
 * Gives a tensor a new shape with the same number of elements; one dimension may be -1.
 * @example
 * lt.reshape(lt.tensor([1, 2, 3, 4]), [2, 2]).print();
 */
export function reshape(x: Input, shape: number[]): Tensor {
  return recording(() => result(reshapeNode(arg('reshape', x), shape)));
}

/**
 * Permutes the axes (reverses them by default).
 * @example
 * lt.transpose(lt.tensor([[1, 2, 3], [4, 5, 6]])).print(); // shape [3, 2]
 */
export function transpose(x: Input, perm?: number[]): Tensor {
  return recording(() => {
    const n = arg('transpose', x);
    const r = core.nodeRank(n);
    return result(node(Op.transpose, [n], perm ?? Array.from({ length: r }, (_, i) => r - 1 - i), 'transpose'));
  });
}

/**
 * Inserts a dimension of size 1 at the axis.
 * @example
 * lt.expandDims(lt.tensor([1, 2]), 1).shape; // [2, 1]
 */
export function expandDims(x: Input, axis = 0): Tensor {
  return recording(() => {
    const n = arg('expandDims', x);
    const s = shapeOf(n);
    const a = norm('expandDims', axis, s.length + 1, n);
    s.splice(a, 0, 1);
    return result(reshapeNode(n, s, 'expandDims'));
  });
}

/**
 * Removes dimensions of size 1 (all of them, or those listed).
 * @example
 * lt.squeeze(lt.zeros([1, 3, 1])).shape; // [3]
 */
export function squeeze(x: Input, axis?: number | number[]): Tensor {
  return recording(() => {
    const n = arg('squeeze', x);
    const s = shapeOf(n);
    const axes = axis === undefined ? null : (Array.isArray(axis) ? axis : [axis]).map((a) => norm('squeeze', a, s.length, n));
    for (const a of axes ?? []) {
      if (s[a] !== 1) throw argError('squeeze', `axis ${a} has size ${s[a]}, not 1 (shape ${fmtShape(s)})`);
    }
    return result(reshapeNode(n, s.filter((d, i) => (axes ? !axes.includes(i) : d !== 1)), 'squeeze'));
  });
}

/** @internal A strided slice node: begin, size and stride per axis. */
export function sliceNode(n: number, begin: number[], size: number[], strides?: number[], name = 'slice'): number {
  return node(Op.slice, [n], [...begin, ...size, ...(strides ?? begin.map(() => 1))], name);
}

/**
 * Extracts a slice: `begin` per axis, `size` per axis (-1 means to the end).
 * @example
 * lt.slice(lt.tensor([1, 2, 3, 4]), [1], [2]).print(); // [2, 3]
 */
export function slice(x: Input, begin: number | number[], size?: number | number[]): Tensor {
  return recording(() => {
    const n = arg('slice', x);
    const s = shapeOf(n);
    const b = Array.isArray(begin) ? [...begin] : [begin];
    while (b.length < s.length) b.push(0);
    const sz = size === undefined ? s.map(() => -1) : Array.isArray(size) ? [...size] : [size];
    while (sz.length < s.length) sz.push(-1);
    if (b.length !== s.length || sz.length !== s.length) {
      throw argError('slice', `begin [${b}] and size [${sz}] must have one entry per axis (shape ${fmtShape(s)})`);
    }
    const full = sz.map((v, i) => (v === -1 ? s[i] - b[i] : v));
    return result(sliceNode(n, b, full));
  });
}

/**
 * Python-style strided slice with tfjs's masks.
 * @example
 * lt.stridedSlice(lt.tensor([1, 2, 3, 4, 5]), [4], [0], [-2]).print(); // [5, 3]
 */
export function stridedSlice(x: Input, begin: number[], end: number[], strides?: number[], beginMask = 0, endMask = 0,
  ellipsisMask = 0, newAxisMask = 0, shrinkAxisMask = 0): Tensor {
  return recording(() => {
    const n = arg('stridedSlice', x);
    const s = shapeOf(n);
    const st = strides ?? begin.map(() => 1);
    if (begin.length !== end.length || begin.length !== st.length) {
      throw argError('stridedSlice', `begin, end and strides must have equal lengths (shape ${fmtShape(s)})`);
    }
    // Expand the sparse spec (ellipsis, new axes) into one entry per input axis.
    const b: number[] = [], e: number[] = [], k: number[] = [];
    const outShape: number[] = [];   // final shape, after new axes and shrinks
    let axis = 0;
    for (let i = 0; i < begin.length; i++) {
      if (ellipsisMask & (1 << i)) {
        const rest = begin.length - i - 1 - countNonNew(i + 1, begin.length, newAxisMask);
        const n2 = s.length - axis - rest;
        for (let j = 0; j < n2; j++, axis++) { b.push(0); e.push(s[axis]); k.push(1); outShape.push(-axis - 1); }
        continue;
      }
      if (newAxisMask & (1 << i)) { outShape.push(1); continue; }
      if (axis >= s.length) throw argError('stridedSlice', `more slice entries than axes (shape ${fmtShape(s)})`);
      const dim = s[axis], stride = st[i];
      if (!Number.isInteger(stride) || stride === 0) throw argError('stridedSlice', `stride ${stride} must be a non-zero integer (shape ${fmtShape(s)})`);
      const clampIdx = (v: number, lo: number, hi: number) => Math.min(Math.max(v < 0 ? v + dim : v, lo), hi);
      if (shrinkAxisMask & (1 << i)) {
        const idx = begin[i] < 0 ? begin[i] + dim : begin[i];
        if (idx < 0 || idx >= dim) throw argError('stridedSlice', `index ${begin[i]} is out of range for axis ${axis} of size ${dim} (shape ${fmtShape(s)})`);
        b.push(idx); e.push(idx + 1); k.push(1); axis++;
        continue;
      }
      const lo = stride > 0 ? 0 : -1, hi = stride > 0 ? dim : dim - 1;
      const bi = beginMask & (1 << i) ? (stride > 0 ? 0 : dim - 1) : clampIdx(begin[i], lo, hi);
      const ei = endMask & (1 << i) ? (stride > 0 ? dim : -1) : clampIdx(end[i], lo, hi);
      b.push(bi); e.push(ei); k.push(stride); outShape.push(-axis - 1); axis++;
    }
    for (; axis < s.length; axis++) { b.push(0); e.push(s[axis]); k.push(1); outShape.push(-axis - 1); }
    const size = b.map((bi, i) => Math.max(0, Math.ceil((e[i] - bi) / k[i])));
    const begins = b.map((bi, i) => (size[i] === 0 ? 0 : bi));
    const sliced = sliceNode(n, begins, size, k, 'stridedSlice');
    const finalShape = outShape.map((d) => (d < 0 ? size[-d - 1] : d));
    return result(reshapeNode(sliced, finalShape, 'stridedSlice'));
  });
}

function countNonNew(from: number, to: number, newAxisMask: number): number {
  let c = 0;
  for (let i = from; i < to; i++) if (newAxisMask & (1 << i)) c++;
  return c;
}

function sameDtype(nodes: number[]): number[] {
  const dt = nodes.map(dtypeOf).reduce(upcast);
  return nodes.map((n) => castNode(n, dt));
}

/**
 * Joins tensors along an existing axis.
 * @example
 * lt.concat([lt.tensor([1, 2]), lt.tensor([3])]).print(); // [1, 2, 3]
 */
export function concat(tensors: Input[], axis = 0): Tensor {
  return recording(() => {
    if (!Array.isArray(tensors) || tensors.length === 0) throw argError('concat', 'expected a non-empty array of tensors');
    const nodes = sameDtype(tensors.map((t) => arg('concat', t)));
    if (nodes.length === 1) return result(nodes[0]);
    return result(node(Op.concat, nodes, [axis], 'concat'));
  });
}

/**
 * Stacks tensors of equal shape along a new axis.
 * @example
 * lt.stack([lt.tensor([1, 2]), lt.tensor([3, 4])]).shape; // [2, 2]
 */
export function stack(tensors: Input[], axis = 0): Tensor {
  return recording(() => {
    if (!Array.isArray(tensors) || tensors.length === 0) throw argError('stack', 'expected a non-empty array of tensors');
    const nodes = sameDtype(tensors.map((t) => arg('stack', t)));
    const s = shapeOf(nodes[0]);
    for (const n of nodes) {
      if (fmtShape(shapeOf(n)) !== fmtShape(s)) throw argError('stack', `shapes differ: ${nodes.map((m) => fmtShape(shapeOf(m))).join(', ')}`);
    }
    const a = norm('stack', axis, s.length + 1, nodes[0]);
    const expanded = [...s.slice(0, a), 1, ...s.slice(a)];
    const parts = nodes.map((n) => reshapeNode(n, expanded, 'stack'));
    return result(parts.length === 1 ? parts[0] : node(Op.concat, parts, [a], 'stack'));
  });
}

/** Splits along an axis into parts of the given sizes (one size may be -1). */
function splitNodes(name: string, n: number, sizes: number[], axis: number): number[] {
  const s = shapeOf(n);
  let offset = 0;
  return sizes.map((size) => {
    const begin = s.map((_, i) => (i === axis ? offset : 0));
    const sz = s.map((d, i) => (i === axis ? size : d));
    offset += size;
    return sliceNode(n, begin, sz, undefined, name);
  });
}

/**
 * Splits into `numOrSizeSplits` equal parts, or parts of the given sizes, along an axis.
 * @example
 * lt.split(lt.tensor([1, 2, 3, 4]), 2).map((t) => t.arraySync()); // [[1, 2], [3, 4]]
 */
export function split(x: Input, numOrSizeSplits: number | number[], axis = 0): Tensor[] {
  return recording(() => {
    const n = arg('split', x);
    const s = shapeOf(n);
    const a = norm('split', axis, s.length, n);
    let sizes: number[];
    if (Array.isArray(numOrSizeSplits)) {
      sizes = [...numOrSizeSplits];
      const free = sizes.indexOf(-1);
      const known = sizes.reduce((acc, v) => acc + (v === -1 ? 0 : v), 0);
      if (free >= 0) sizes[free] = s[a] - known;
      if (sizes.reduce((p, q) => p + q, 0) !== s[a] || sizes.some((v) => v < 0)) {
        throw argError('split', `sizes [${numOrSizeSplits}] do not add up to ${s[a]} (shape ${fmtShape(s)}, axis ${a})`);
      }
    } else {
      if (!Number.isInteger(numOrSizeSplits) || numOrSizeSplits <= 0 || s[a] % numOrSizeSplits !== 0) {
        throw argError('split', `cannot split axis ${a} of size ${s[a]} into ${numOrSizeSplits} equal parts (shape ${fmtShape(s)})`);
      }
      sizes = new Array(numOrSizeSplits).fill(s[a] / numOrSizeSplits);
    }
    return splitNodes('split', n, sizes, a).map(result);
  });
}

/**
 * Unpacks a tensor into rank-1-lower tensors along an axis.
 * @example
 * lt.unstack(lt.tensor([[1, 2], [3, 4]])).length; // 2
 */
export function unstack(x: Input, axis = 0): Tensor[] {
  return recording(() => {
    const n = arg('unstack', x);
    const s = shapeOf(n);
    const a = norm('unstack', axis, s.length, n);
    const rest = s.filter((_, i) => i !== a);
    return splitNodes('unstack', n, new Array(s[a]).fill(1), a).map((p) => result(reshapeNode(p, rest, 'unstack')));
  });
}

/**
 * Repeats the tensor `reps[i]` times along axis i.
 * @example
 * lt.tile(lt.tensor([1, 2]), [2]).print(); // [1, 2, 1, 2]
 */
export function tile(x: Input, reps: number[]): Tensor {
  return recording(() => result(node(Op.tile, [arg('tile', x)], reps, 'tile')));
}

/**
 * Pads with a constant: `paddings[i] = [before, after]` for axis i.
 * @example
 * lt.pad(lt.tensor([1, 2]), [[1, 1]]).print(); // [0, 1, 2, 0]
 */
export function pad(x: Input, paddings: Array<[number, number]>, constantValue = 0): Tensor {
  return recording(() => {
    const n = arg('pad', x);
    if (!Array.isArray(paddings) || paddings.some((p) => !Array.isArray(p) || p.length !== 2)) {
      throw argError('pad', `paddings must be [before, after] pairs, one per axis (shape ${fmtShape(shapeOf(n))})`);
    }
    const value = temp(scalarNode(constantValue, dtypeOf(n)));
    return result(node(Op.pad, [n, value], [...paddings.map((p) => p[0]), ...paddings.map((p) => p[1])], 'pad'));
  });
}

/**
 * Gathers slices along an axis at the given int32 indices.
 * @example
 * lt.gather(lt.tensor([10, 20, 30]), lt.tensor([2, 0], [2], 'int32')).print(); // [30, 10]
 */
export function gather(x: Input, indices: Input, axis = 0, batchDims = 0): Tensor {
  return recording(() => {
    const n = arg('gather', x);
    if (indices instanceof Tensor && !indices.isDisposed && indices.dtype !== 'int32') {
      throw argError('gather', `indices must be an int32 tensor, got ${indices.dtype} (shapes ${fmtShape(shapeOf(n))} and ${fmtShape(indices.shape)})`);
    }
    const i = castNode(arg('gather', indices), 'int32');
    if (batchDims === 0) return result(node(Op.gather, [n, i], [axis], 'gather'));
    return result(batchedGather(n, i, axis, batchDims));
  });
}

/** gather with leading batch dims shared by x and indices: move the axis next to the batch
 *  dims, merge them, offset each batch's indices, gather once, and restore tfjs's order. */
function batchedGather(n: number, i: number, axis: number, batchDims: number): number {
  const xs = shapeOf(n), is = shapeOf(i);
  const a = norm('gather', axis, xs.length, n);
  const b = batchDims < 0 ? batchDims + is.length : batchDims;
  if (!Number.isInteger(b) || b < 0 || b > a || b > is.length || xs.slice(0, b).some((d, k) => d !== is[k])) {
    throw argError('gather', `batchDims ${batchDims} must be <= axis and match the leading dims (shapes ${fmtShape(xs)} and ${fmtShape(is)})`);
  }
  const prod = (v: number[]) => v.reduce((p, q) => p * q, 1);
  const B = xs.slice(0, b), M = xs.slice(b, a), A = xs[a], R = xs.slice(a + 1), I = is.slice(b);
  const perm = [...B.keys(), a, ...M.map((_, k) => b + k), ...R.map((_, k) => a + 1 + k)];
  const moved = reshapeNode(node(Op.transpose, [n], perm, 'gather'), [prod(B) * A, ...M, ...R], 'gather');
  const base = temp(uploadNode('int32', [prod(B), 1], Int32Array.from({ length: prod(B) }, (_, k) => k * A)));
  const flat = node(Op.add, [reshapeNode(i, [prod(B), prod(I)], 'gather'), base], [], 'gather');
  const g = node(Op.gather, [moved, reshapeNode(flat, [prod(B) * prod(I)], 'gather')], [0], 'gather');
  const split = reshapeNode(g, [...B, ...I, ...M, ...R], 'gather');
  const order = [...B.keys(), ...M.map((_, k) => b + I.length + k), ...I.map((_, k) => b + k), ...R.map((_, k) => b + I.length + M.length + k)];
  return node(Op.transpose, [split], order, 'gather');
}

/**
 * Reverses the order of elements along the axes (all axes by default).
 * @example
 * lt.reverse(lt.tensor([1, 2, 3])).print(); // [3, 2, 1]
 */
export function reverse(x: Input, axis?: number | number[]): Tensor {
  return recording(() => {
    const n = arg('reverse', x);
    const axes = axis === undefined ? Array.from({ length: core.nodeRank(n) }, (_, i) => i) : Array.isArray(axis) ? axis : [axis];
    return result(node(Op.reverse, [n], axes, 'reverse'));
  });
}

/** @internal Broadcast of a node (a temporary). */
export const broadcastNode = (n: number, shape: readonly number[], name = 'broadcastTo') => node(Op.broadcastTo, [n], shape, name);

/**
 * Broadcasts a tensor to a shape (numpy rules).
 * @example
 * lt.broadcastTo(lt.tensor([1, 2]), [3, 2]).shape; // [3, 2]
 */
export function broadcastTo(x: Input, shape: number[]): Tensor {
  return recording(() => result(broadcastNode(arg('broadcastTo', x), shape)));
}

/**
 * One-hot encodes int32 indices into a new last axis of size depth.
 * @example
 * lt.oneHot(lt.tensor([0, 2], [2], 'int32'), 3).print(); // [[1, 0, 0], [0, 0, 1]]
 */
export function oneHot(indices: Input, depth: number, onValue = 1, offValue = 0, dtype: DataType = 'int32'): Tensor {
  return recording(() => {
    const i = castNode(arg('oneHot', indices), 'int32');
    const on = temp(scalarNode(onValue, dtype)), off = temp(scalarNode(offValue, dtype));
    return result(node(Op.oneHot, [i, on, off], [depth], 'oneHot'));
  });
}
