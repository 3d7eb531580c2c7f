// TensorLike values (numbers, booleans, nested arrays, typed arrays) into graph nodes, with
// tfjs's dtype inference: numbers are float32, booleans bool, Int32Array int32.
import * as core from './engine/core';
import { DT, uploadNode } from './engine/runtime';
import { flags } from './engine/env';
import { argError, fmtShape, namedErrors } from './engine/errors';
import type { DataType, TypedArray } from '../accelerators/accelerator';
import { typedArrayFor } from '../accelerators/accelerator';
import { Tensor } from './tensor';

export type TensorLike = number | boolean | TypedArray | Float64Array | number[] | boolean[] | TensorLike[];

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  return typeof x === 'object' ? `an object (${(x as object).constructor?.name ?? 'Object'})` : `${typeof x} ${String(x)}`;
}

function inferDtype(x: unknown): DataType {
  for (let depth = 0; Array.isArray(x) && x.length > 0 && depth <= 8; depth++) x = x[0];   // a loop: cyclic or deep arrays end
  if (x instanceof Int32Array || x instanceof Uint8Array || x instanceof Uint8ClampedArray) return 'int32';
  return typeof x === 'boolean' ? 'bool' : 'float32';
}

/** Shape and flat values of a nested array, checking that it is rectangular and numeric. */
export function flatten(op: string, x: unknown): { shape: number[]; values: ArrayLike<number | boolean> } {
  if (x instanceof DataView) throw argError(op, 'a DataView is not a typed array: pass a Float32Array, Int32Array or Uint8Array');
  if (ArrayBuffer.isView(x)) return { shape: [(x as TypedArray).length], values: x as TypedArray };
  if (typeof x === 'number' || typeof x === 'boolean') return { shape: [], values: [x] };
  if (!Array.isArray(x)) throw argError(op, `expected a Tensor, number, boolean, array or typed array, got ${describe(x)}`);
  const shape: number[] = [];
  for (let level: unknown = x; Array.isArray(level) || ArrayBuffer.isView(level); level = (level as any)[0]) {
    shape.push((level as any).length);
    if ((level as any).length === 0 || shape.length > 8) break;   // > 8 also ends cyclic arrays
  }
  if (shape.length > 8) throw argError(op, `arrays nested ${shape.length} deep; at most 8 dimensions are supported`);
  const values: (number | boolean)[] = [];
  const walk = (v: unknown, depth: number, path: string) => {
    if (depth === shape.length) {
      if (typeof v !== 'number' && typeof v !== 'boolean') throw argError(op, `element ${path} is ${describe(v)}, not a number or boolean`);
      values.push(v);
      return;
    }
    if (!Array.isArray(v) && !ArrayBuffer.isView(v)) throw argError(op, `element ${path} should be an array of ${shape[depth]} elements, got ${describe(v)}`);
    const arr = v as ArrayLike<unknown>;
    if (arr.length !== shape[depth]) throw argError(op, `element ${path} has ${arr.length} elements, expected ${shape[depth]} (ragged array)`);
    for (let i = 0; i < arr.length; i++) walk(arr[i], depth + 1, `${path}[${i}]`);
  };
  walk(x, 0, 'x');
  return { shape, values };
}

function checkShape(op: string, shape: readonly number[]): void {
  if (!Array.isArray(shape)) throw argError(op, `shape must be an array of integers, got ${describe(shape)}`);
  if (shape.length > 8) throw argError(op, `shape ${fmtShape(shape)} has rank ${shape.length}; at most 8 is supported`);
  let size = 1;
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0) throw argError(op, `shape ${fmtShape(shape)} must hold non-negative integers`);
    if (d > 2 ** 31 - 1) throw argError(op, `shape ${fmtShape(shape)}: a dimension above 2^31 - 1`);
    size *= d;
  }
  if (size > 2 ** 31 - 1) throw argError(op, `shape ${fmtShape(shape)} has more than 2^31 - 1 elements`);
}

function checkDtype(op: string, dtype: unknown): DataType {
  if (dtype !== 'float32' && dtype !== 'int32' && dtype !== 'bool') {
    throw argError(op, `unsupported dtype ${describe(dtype)}; expected 'float32', 'int32' or 'bool'`);
  }
  return dtype;
}

/** Converts values to the typed array of a dtype (float to int truncates, as tfjs). */
function toTyped(values: ArrayLike<number | boolean>, dtype: DataType): TypedArray {
  const out = typedArrayFor(dtype, values.length);
  if (dtype === 'bool') for (let i = 0; i < values.length; i++) out[i] = +values[i] !== 0 ? 1 : 0;   // NaN is true
  else for (let i = 0; i < values.length; i++) out[i] = +values[i];
  return out;
}

/** A new node holding the values (a scalar leaf for rank 0, else an uploaded buffer). */
export function nodeFromValues(op: string, values: unknown, shape?: readonly number[], dtype?: DataType): number {
  const dt = dtype === undefined ? inferDtype(values) : checkDtype(op, dtype);
  const flat = flatten(op, values);
  let s = flat.shape;
  if (shape !== undefined && shape !== null) {
    checkShape(op, shape);
    const size = shape.reduce((a, b) => a * b, 1);
    if (size !== flat.values.length) {
      throw argError(op, `the shape ${fmtShape(shape)} needs ${size} values, but ${flat.values.length} were given`);
    }
    s = [...shape];
  }
  if (s.length === 0) return scalarNode(flat.values[0] as number | boolean, dt);
  const data = ArrayBuffer.isView(values) && (values as TypedArray).constructor === typedArrayFor(dt, 0).constructor
    ? (values as TypedArray) : toTyped(flat.values, dt);
  return namedErrors(op, () => uploadNode(dt, s, data));
}

/** A scalar from user code: a Program parameter, except 0 and 1 (and every value under the
 *  SCALARS_AS_CONSTANTS flag), which are constants. */
export function scalarNode(v: number | boolean, dtype: DataType): number {
  const x = +v;
  const value = dtype === 'bool' ? (x !== 0 ? 1 : 0) : dtype === 'int32' ? x | 0 : x;   // NaN is true
  const constant = flags.SCALARS_AS_CONSTANTS || (value === 0 && 1 / value > 0) || value === 1;
  return constant ? core.makeConst(DT[dtype], value) : core.makeScalar(DT[dtype], value);
}

/** The node of an op argument. A TensorLike becomes a new node that the caller must
 *  release once the op is recorded (`x instanceof Tensor` tells which). */
export function argNode(op: string, x: Tensor | TensorLike): number {
  if (x instanceof Tensor) return x.live(op);
  if (typeof x === 'number') return scalarNode(x, 'float32');
  return nodeFromValues(op, x);
}
