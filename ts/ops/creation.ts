// Creating tensors: from values (uploaded once), lazily from constants (zeros, ones, fill),
// and host-generated sequences and random numbers.
import * as core from '../engine/core';
import { DT } from '../engine/runtime';
import { argError, fmtShape } from '../engine/errors';
import { typedArrayFor } from '../../accelerators/accelerator';
import { Tensor, Variable, type DataType } from '../tensor';
import { nodeFromValues, scalarNode, type TensorLike } from '../convert';
import { result, recording, temp, arg, castNode, type Input } from './record';
import { broadcastNode } from './shape';
import { registeredVariable } from '../engine/variables';

/**
 * Creates a tensor from values (nested arrays, typed arrays or a number).
 * @example
 * const t = lt.tensor([[1, 2], [3, 4]]); // float32, shape [2, 2]
 */
export function tensor(values: TensorLike, shape?: number[], dtype?: DataType): Tensor {
  return new Tensor(nodeFromValues('tensor', values, shape, dtype));
}

/**
 * A rank-0 tensor.
 * @example
 * lt.scalar(3.5).print();
 */
export function scalar(value: number | boolean, dtype?: DataType): Tensor {
  if (typeof value !== 'number' && typeof value !== 'boolean') throw argError('scalar', `expected a number or boolean, got ${typeof value}`);
  return tensor(value, [], dtype);
}

function ranked(name: string, rank: number) {
  return (values: TensorLike, shape?: number[], dtype?: DataType): Tensor => {
    const t = tensor(values, shape, dtype);
    if (t.rank !== rank) {
      const s = t.shape;
      t.dispose();
      throw argError(name, `expected rank ${rank}, got shape ${fmtShape(s)}`);
    }
    return t;
  };
}
/** A rank-1 tensor. @example lt.tensor1d([1, 2, 3]); */
export const tensor1d = ranked('tensor1d', 1);
/** A rank-2 tensor. @example lt.tensor2d([[1, 2], [3, 4]]); */
export const tensor2d = ranked('tensor2d', 2);
/** A rank-3 tensor. @example lt.tensor3d([[[1], [2]]]); */
export const tensor3d = ranked('tensor3d', 3);
/** A rank-4 tensor. @example lt.tensor4d([[[[1]]]]); */
export const tensor4d = ranked('tensor4d', 4);

function checkShape(name: string, shape: number[]): void {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0 || d > 2 ** 31 - 1)) {
    throw argError(name, `shape must be an array of non-negative integers up to 2^31 - 1, got ${JSON.stringify(shape)}`);
  }
  if (shape.reduce((a, b) => a * b, 1) > 2 ** 31 - 1) throw argError(name, `shape ${fmtShape(shape)} has more than 2^31 - 1 elements`);
}

/** A lazy tensor of one value: a broadcast scalar, so nothing is allocated until it runs. */
function filled(name: string, shape: number[], leaf: () => number): Tensor {
  checkShape(name, shape);
  return recording(() => {
    const n = temp(leaf());
    return result(shape.length === 0 ? n : broadcastNode(n, shape, name));
  });
}

/**
 * A tensor of zeros.
 * @example
 * lt.zeros([2, 3]).print();
 */
export const zeros = (shape: number[], dtype: DataType = 'float32'): Tensor => filled('zeros', shape, () => core.makeConst(DT[dtype], 0));

/**
 * A tensor of ones.
 * @example
 * lt.ones([2, 3]).print();
 */
export const ones = (shape: number[], dtype: DataType = 'float32'): Tensor => filled('ones', shape, () => core.makeConst(DT[dtype], 1));

/**
 * A tensor filled with a value (a parameter, so changing it does not recompile).
 * @example
 * lt.fill([2, 2], 7).print();
 */
export function fill(shape: number[], value: number | boolean, dtype?: DataType): Tensor {
  if (typeof value !== 'number' && typeof value !== 'boolean') throw argError('fill', `value must be a number or boolean, got ${typeof value}`);
  const dt = dtype ?? (typeof value === 'boolean' ? 'bool' : 'float32');
  return filled('fill', shape, () => scalarNode(value, dt));
}

/** Zeros with the shape and dtype of x. @example lt.zerosLike(lt.tensor([1, 2])); */
export function zerosLike(x: Input): Tensor {
  return recording(() => { const n = arg('zerosLike', x); return zeros(core.nodeShape(n), dtypeName(n)); });
}

/** Ones with the shape and dtype of x. @example lt.onesLike(lt.tensor([1, 2])); */
export function onesLike(x: Input): Tensor {
  return recording(() => { const n = arg('onesLike', x); return ones(core.nodeShape(n), dtypeName(n)); });
}

const dtypeName = (n: number): DataType => (['float32', 'int32', 'bool'] as const)[core.nodeDtype(n)];

/** Host-made values are limited by what one interpreter buffer holds (1 GiB). */
const MAX_HOST_ELEMENTS = 2 ** 28;

function fromHost(name: string, dtype: DataType, shape: number[], fillFn: (i: number) => number): Tensor {
  checkShape(name, shape);
  const size = shape.reduce((a, b) => a * b, 1);
  if (size > MAX_HOST_ELEMENTS) throw argError(name, `shape ${fmtShape(shape)} has ${size} elements; too large: at most 2^28 elements (1 GiB) can be made on the host at once`);
  const data = typedArrayFor(dtype, size);
  for (let i = 0; i < size; i++) data[i] = fillFn(i);
  return tensor(data, shape, dtype);
}

/**
 * Numbers from start (inclusive) to stop (exclusive) by step.
 * @example
 * lt.range(0, 5, 2).print(); // [0, 2, 4]
 */
export function range(start: number, stop: number, step = 1, dtype: 'float32' | 'int32' = 'float32'): Tensor {
  if (![start, stop, step].every(Number.isFinite)) throw argError('range', `start, stop and step must be finite numbers, got ${start}, ${stop}, ${step}`);
  if (step === 0) throw argError('range', 'step cannot be 0');
  if (dtype !== 'float32' && dtype !== 'int32') throw argError('range', `dtype must be 'float32' or 'int32', got ${String(dtype)}`);
  if (stop < start && step === 1) step = -1;   // tfjs counts down when only the bounds say so
  const n = Math.max(0, Math.ceil((stop - start) / step));
  if (n > MAX_HOST_ELEMENTS) throw argError('range', `range(${start}, ${stop}, ${step}) has ${n} elements; at most 2^28`);
  return fromHost('range', dtype, [n], (i) => start + i * step);
}

/**
 * num evenly spaced numbers from start to stop, both included.
 * @example
 * lt.linspace(0, 1, 5).print(); // [0, 0.25, 0.5, 0.75, 1]
 */
export function linspace(start: number, stop: number, num: number): Tensor {
  if (!Number.isInteger(num) || num <= 0 || num > MAX_HOST_ELEMENTS) throw argError('linspace', `num must be a positive integer up to 2^28, got ${num}`);
  const step = num > 1 ? (stop - start) / (num - 1) : 0;
  return fromHost('linspace', 'float32', [num], (i) => start + i * step);
}

/**
 * An identity matrix (optionally batched).
 * @example
 * lt.eye(3).print();
 */
export function eye(numRows: number, numColumns = numRows, batchShape: number[] = [], dtype: DataType = 'float32'): Tensor {
  checkShape('eye', [numRows, numColumns, ...batchShape]);
  return fromHost('eye', dtype, [...batchShape, numRows, numColumns], (i) => {
    const k = i % (numRows * numColumns);
    return Math.floor(k / numColumns) === k % numColumns ? 1 : 0;
  });
}

/** A seeded 32-bit generator (mulberry32): the same seed gives the same numbers everywhere. */
function generator(seed?: number): () => number {
  let s = (seed ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Uniform random values in [minval, maxval).
 * @example
 * lt.randomUniform([2, 2], 0, 1, 'float32', 42).print();
 */
export function randomUniform(shape: number[], minval = 0, maxval = 1, dtype: 'float32' | 'int32' = 'float32', seed?: number): Tensor {
  checkShape('randomUniform', shape);
  const next = generator(seed);
  const f = dtype === 'int32' ? () => Math.floor(minval + (maxval - minval) * next()) : () => minval + (maxval - minval) * next();
  return fromHost('randomUniform', dtype, shape, f);
}

/**
 * Normally distributed random values (Box–Muller).
 * @example
 * lt.randomNormal([2, 2], 0, 1, 'float32', 42).print();
 */
export function randomNormal(shape: number[], mean = 0, stdDev = 1, dtype: 'float32' | 'int32' = 'float32', seed?: number): Tensor {
  checkShape('randomNormal', shape);
  const next = generator(seed);
  let spare: number | undefined;
  const gauss = () => {
    if (spare !== undefined) { const v = spare; spare = undefined; return v; }
    const u = 1 - next(), v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return fromHost('randomNormal', dtype, shape, dtype === 'int32' ? () => Math.round(mean + stdDev * gauss()) : () => mean + stdDev * gauss());
}

/**
 * A mutable tensor for trainable state; `assign` rebinds it lazily.
 * @example
 * const w = lt.variable(lt.zeros([3]));
 */
export function variable(initialValue: Tensor, trainable = true, name?: string, dtype?: DataType): Variable {
  return recording(() => {
    if (name !== undefined && registeredVariable(name)) throw new Error(`Variable with name ${name} was already registered`);
    let n = arg('variable', initialValue);
    if (dtype) n = castNode(n, dtype);
    core.retain(n);
    return new Variable(n, trainable, name);
  });
}
