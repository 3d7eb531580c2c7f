// Ops composed in TypeScript from table ops (mean, softmax, ...) and those with their own
// argument conventions (cast, where, argMax, cumsum, matMul).
import * as core from '../engine/core';
import { DT } from '../engine/runtime';
import { argError, fmtShape } from '../engine/errors';
import { Op } from '../generated/ops';
import { Tensor as TensorClass, type Tensor, type DataType } from '../tensor';
import { scalarNode } from '../convert';
import { arg, node, result, recording, castNode, dtypeOf, upcast, axesOf, temp, binary, type Input } from './record';
import { reshapeNode } from './shape';

/** A library constant (part of the graph's structure, so hashed by value). */
const constNode = (value: number, dtype: DataType) => temp(core.makeConst(DT[dtype], value));

/**
 * Converts to another dtype (float to int truncates; to bool is x != 0).
 * @example
 * lt.cast(lt.tensor([1.7, -1.7]), 'int32').print(); // [1, -1]
 */
export function cast(x: Input, dtype: DataType): Tensor {
  return recording(() => {
    const n = arg('cast', x);
    if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') throw argError('cast', `unsupported dtype ${String(dtype)} (shape ${fmtShape(core.nodeShape(n))})`);
    return result(castNode(n, dtype));
  });
}

/**
 * Picks from a where condition is true, else from b (all three broadcast).
 * @example
 * lt.where(lt.tensor([true, false]), lt.tensor([1, 2]), lt.tensor([3, 4])).print(); // [1, 4]
 */
export function where(condition: Input, a: Input, b: Input): Tensor {
  return recording(() => {
    if (condition instanceof TensorClass && !condition.isDisposed && condition.dtype !== 'bool') {
      throw argError('where', `condition must be a bool tensor, got ${condition.dtype} (shape ${fmtShape(condition.shape)})`);
    }
    const c = castNode(arg('where', condition), 'bool');
    let x = arg('where', a), y = arg('where', b);
    const dt = upcast(dtypeOf(x), dtypeOf(y));
    x = castNode(x, dt);
    y = castNode(y, dt);
    return result(node(Op.where, [c, x, y], [], 'where'));
  });
}

/**
 * Divides and rounds down element-wise, with broadcasting; the result is int32, as in tfjs.
 * @example
 * lt.floorDiv(lt.tensor([7, -7]), 2).print(); // [3, -4]
 */
export function floorDiv(a: Input, b: Input): Tensor {
  return binary(Op.floorDiv, a, b);   // int32 for every input dtype (ops/table.mjs)
}

/** @internal Sum of a float node over axes, as a temporary. */
const sumNode = (n: number, axes: number[], keepDims: boolean, name: string) => node(Op.sum, [n], [keepDims ? 1 : 0, ...axes], name);

function countOf(n: number, axes: number[]): number {
  const s = core.nodeShape(n);
  let c = 1;
  for (const a of axes) c *= s[a < 0 ? a + s.length : a] ?? 1;
  return c;
}

/** @internal Mean over axes, as a temporary float32 node. */
function meanNode(n: number, axes: number[], keepDims: boolean, name: string): number {
  const x = castNode(n, 'float32');
  return node(Op.mul, [sumNode(x, axes, keepDims, name), constNode(1 / countOf(x, axes), 'float32')], [], name);
}

/**
 * The arithmetic mean along the axes (all by default).
 * @example
 * lt.mean(lt.tensor([[1, 2], [3, 4]]), 1).print(); // [1.5, 3.5]
 */
export function mean(x: Input, axis?: number | number[] | null, keepDims = false): Tensor {
  return recording(() => {
    const n = arg('mean', x);
    return result(meanNode(n, axesOf(axis, core.nodeRank(n)), keepDims, 'mean'));
  });
}

function argReduce(op: number, name: string, x: Input, axis: number): Tensor {
  return recording(() => {
    let n = arg(name, x);
    if (dtypeOf(n) === 'bool') n = castNode(n, 'int32');
    return result(node(op, [n], [axis], name));
  });
}

/**
 * Index of the largest value along an axis (int32).
 * @example
 * lt.argMax(lt.tensor([1, 3, 2])).print(); // 1
 */
export const argMax = (x: Input, axis = 0): Tensor => argReduce(Op.argMax, 'argMax', x, axis);

/**
 * Index of the smallest value along an axis (int32).
 * @example
 * lt.argMin(lt.tensor([1, 3, 0])).print(); // 2
 */
export const argMin = (x: Input, axis = 0): Tensor => argReduce(Op.argMin, 'argMin', x, axis);

/** @internal log(sum(exp(x))) over axes, stable: max + log(sum(exp(x - max))). */
function logSumExpNode(n: number, axes: number[], keepDims: boolean, name: string): number {
  const x = castNode(n, 'float32');
  const m = node(Op.max, [x], [1, ...axes], name);
  const shifted = node(Op.exp, [node(Op.sub, [x, m], [], name)], [], name);
  const lse = node(Op.add, [node(Op.log, [sumNode(shifted, axes, true, name)], [], name), m], [], name);
  if (keepDims) return lse;
  const s = core.nodeShape(lse);
  const norm = axes.map((a) => (a < 0 ? a + s.length : a));
  return reshapeNode(lse, s.filter((_, i) => !norm.includes(i)), name);
}

/**
 * log(sum(exp(x))) along the axes, computed stably.
 * @example
 * lt.logSumExp(lt.tensor([0, 0])).print(); // ln 2
 */
export function logSumExp(x: Input, axis?: number | number[] | null, keepDims = false): Tensor {
  return recording(() => {
    const n = arg('logSumExp', x);
    return result(logSumExpNode(n, axesOf(axis, core.nodeRank(n)), keepDims, 'logSumExp'));
  });
}

/**
 * Log of softmax along an axis (the last by default).
 * @example
 * lt.logSoftmax(lt.tensor([1, 2, 3])).print();
 */
export function logSoftmax(logits: Input, dim = -1): Tensor {
  return recording(() => {
    const n = castNode(arg('logSoftmax', logits), 'float32');
    return result(node(Op.sub, [n, logSumExpNode(n, [dim], true, 'logSoftmax')], [], 'logSoftmax'));
  });
}

/**
 * Softmax along an axis (the last by default).
 * @example
 * lt.softmax(lt.tensor([1, 2, 3])).print();
 */
export function softmax(logits: Input, dim = -1): Tensor {
  return recording(() => {
    const n = castNode(arg('softmax', logits), 'float32');
    return result(node(Op.exp, [node(Op.sub, [n, logSumExpNode(n, [dim], true, 'softmax')], [], 'softmax')], [], 'softmax'));
  });
}

/**
 * Cumulative sum along an axis.
 * @example
 * lt.cumsum(lt.tensor([1, 2, 3])).print(); // [1, 3, 6]
 */
export function cumsum(x: Input, axis = 0, exclusive = false, reverse = false): Tensor {
  return recording(() => {
    let n = arg('cumsum', x);
    if (dtypeOf(n) === 'bool') n = castNode(n, 'int32');
    return result(node(Op.cumsum, [n], [axis, exclusive ? 1 : 0, reverse ? 1 : 0], 'cumsum'));
  });
}

/**
 * max(x, alpha * x) for alpha < 1: x where x >= 0, alpha * x elsewhere.
 * @example
 * lt.leakyRelu(lt.tensor([-1, 2]), 0.1).print(); // [-0.1, 2]
 */
export function leakyRelu(x: Input, alpha = 0.2): Tensor {
  return recording(() => {
    const n = castNode(arg('leakyRelu', x), 'float32');
    if (typeof alpha !== 'number') throw argError('leakyRelu', `alpha must be a number, got ${typeof alpha} (shape ${fmtShape(core.nodeShape(n))})`);
    const zero = constNode(0, 'float32');
    const scaled = node(Op.mul, [n, temp(scalarNode(alpha, 'float32'))], [], 'leakyRelu');
    return result(node(Op.where, [node(Op.greaterEqual, [n, zero], [], 'leakyRelu'), n, scaled], [], 'leakyRelu'));
  });
}

/**
 * Clamps every element to [min, max].
 * @example
 * lt.clipByValue(lt.tensor([-2, 0.5, 2]), -1, 1).print(); // [-1, 0.5, 1]
 */
export function clipByValue(x: Input, clipValueMin: number, clipValueMax: number): Tensor {
  return recording(() => {
    const n = arg('clipByValue', x);
    if (typeof clipValueMin !== 'number' || typeof clipValueMax !== 'number' || !(clipValueMin <= clipValueMax)) {
      throw argError('clipByValue', `min ${clipValueMin} must be <= max ${clipValueMax} (shape ${fmtShape(core.nodeShape(n))})`);
    }
    const dt = dtypeOf(n) === 'bool' ? 'int32' : dtypeOf(n);
    const x2 = castNode(n, dt);
    const fit = (v: number) => (dt === 'int32' ? Math.min(Math.max(v, -(2 ** 31)), 2 ** 31 - 1) : v);   // ±Infinity bounds
    const lo = temp(scalarNode(fit(clipValueMin), dt)), hi = temp(scalarNode(fit(clipValueMax), dt));
    return result(node(Op.minimum, [node(Op.maximum, [x2, lo], [], 'clipByValue'), hi], [], 'clipByValue'));
  });
}

/**
 * Matrix product of the last two axes, batched over (broadcast) leading axes.
 * @example
 * lt.matMul(lt.tensor([[1, 2]]), lt.tensor([[3], [4]])).print(); // [[11]]
 */
export function matMul(a: Input, b: Input, transposeA = false, transposeB = false): Tensor {
  return recording(() => {
    let x = arg('matMul', a), y = arg('matMul', b);
    const dt = upcast(dtypeOf(x), dtypeOf(y)) === 'float32' ? 'float32' : 'int32';
    x = castNode(x, dt);
    y = castNode(y, dt);
    return result(node(Op.matMul, [x, y], [transposeA ? 1 : 0, transposeB ? 1 : 0], 'matMul'));
  });
}

/**
 * Dot product of vectors and matrices (rank 1 or 2 each).
 * @example
 * lt.dot(lt.tensor([1, 2]), lt.tensor([3, 4])).print(); // 11
 */
export function dot(t1: Input, t2: Input): Tensor {
  return recording(() => {
    let x = arg('dot', t1), y = arg('dot', t2);
    const ra = core.nodeRank(x), rb = core.nodeRank(y);
    if (ra < 1 || ra > 2 || rb < 1 || rb > 2) {
      throw argError('dot', `inputs must be rank 1 or 2 (shapes ${fmtShape(core.nodeShape(x))} and ${fmtShape(core.nodeShape(y))})`);
    }
    const dt = upcast(dtypeOf(x), dtypeOf(y)) === 'float32' ? 'float32' : 'int32';
    x = castNode(x, dt);
    y = castNode(y, dt);
    const sa = core.nodeShape(x), sb = core.nodeShape(y);
    const a2 = ra === 1 ? reshapeNode(x, [1, sa[0]], 'dot') : x;
    const b2 = rb === 1 ? reshapeNode(y, [sb[0], 1], 'dot') : y;
    const out = node(Op.matMul, [a2, b2], [0, 0], 'dot');
    const shape = [...(ra === 2 ? [sa[0]] : []), ...(rb === 2 ? [sb[1]] : [])];
    return result(reshapeNode(out, shape, 'dot'));
  });
}

/**
 * Mean and variance along the axes.
 * @example
 * const { mean, variance } = lt.moments(lt.tensor([1, 2, 3, 4]));
 */
export function moments(x: Input, axis?: number | number[] | null, keepDims = false): { mean: Tensor; variance: Tensor } {
  return recording(() => {
    const n = castNode(arg('moments', x), 'float32');
    const axes = axesOf(axis, core.nodeRank(n));
    const m = meanNode(n, axes, true, 'moments');
    const sq = node(Op.squaredDifference, [n, m], [], 'moments');
    const variance = meanNode(sq, axes, keepDims, 'moments');
    const mean = keepDims ? m : meanNode(n, axes, false, 'moments');
    return { mean: result(mean), variance: result(variance) };
  });
}
