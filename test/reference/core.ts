// Core of the independent float64 reference: the Ref value type, dtype rules, shape and
// index arithmetic, broadcasting. Plain TypeScript, no dependency (house rule 7).

export type DType = 'float32' | 'int32' | 'bool';

/** A tensor value of the reference: row-major data held in float64 whatever the dtype. */
export interface Ref {
  shape: number[];
  dtype: DType;
  data: Float64Array;
}

/** tfjs's TensorLike minus strings: what the reference accepts wherever tfjs accepts one. */
export type RefLike =
  | Ref
  | number
  | boolean
  | Float32Array
  | Int32Array
  | Uint8Array
  | RefLikeArray;
export interface RefLikeArray extends Array<number | boolean | RefLikeArray | Float32Array | Int32Array | Uint8Array> {}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** JavaScript ToInt32: truncation toward zero, wrap modulo 2^32, NaN and ±Infinity to 0.
 *  tfjs stores every int32 result through an Int32Array, which applies exactly this. */
export function toInt32(v: number): number {
  return v | 0;
}

/** tfjs's bool conversion of a number (cast, tensor(..., 'bool')): anything but ±0 is true. */
export function toBool(v: number): number {
  return v !== 0 ? 1 : 0;
}

/** Stores `v` as the given dtype the way a typed array of that dtype would (float32 rounds). */
export function storeAs(v: number, dtype: DType): number {
  if (dtype === 'float32') return Math.fround(v);
  if (dtype === 'int32') return toInt32(v);
  return toBool(v);
}

/** Result values of an op: int32 wraps, bool becomes 0/1; float32 keeps full float64 precision
 *  (the comparison tolerances say how far a float32 engine may be from it). */
export function result(shape: readonly number[], dtype: DType, data: Float64Array): Ref {
  if (dtype === 'int32') for (let i = 0; i < data.length; i++) data[i] = toInt32(data[i]);
  else if (dtype === 'bool') for (let i = 0; i < data.length; i++) data[i] = toBool(data[i]);
  if (data.length !== sizeOf(shape)) throw new Error(`ref: ${data.length} values for shape [${shape}]`);
  return { shape: [...shape], dtype, data };
}

/** An input value: values are stored as `dtype` exactly as the engine stores them. */
export function fromValues(values: ArrayLike<number | boolean>, shape: readonly number[], dtype: DType): Ref {
  const n = sizeOf(shape);
  if (values.length !== n) throw new Error(`ref: ${values.length} values for shape [${shape}]`);
  const data = new Float64Array(n);
  for (let i = 0; i < n; i++) data[i] = storeAs(Number(values[i]), dtype);
  return { shape: [...shape], dtype, data };
}

export function scalarRef(v: number, dtype: DType = 'float32'): Ref {
  return fromValues([v], [], dtype);
}

export function isRef(x: unknown): x is Ref {
  return typeof x === 'object' && x !== null && 'shape' in x && 'dtype' in x && (x as Ref).data instanceof Float64Array;
}

/** tfjs inferDtype: Float32Array and numbers -> float32, Int32Array/Uint8Array -> int32, booleans -> bool. */
function inferDtype(x: unknown): DType {
  if (x instanceof Float32Array) return 'float32';
  if (x instanceof Int32Array || x instanceof Uint8Array) return 'int32';
  if (typeof x === 'boolean') return 'bool';
  if (typeof x === 'number') return 'float32';
  if (Array.isArray(x)) return x.length === 0 ? 'float32' : inferDtype(x[0]);
  throw new Error('ref: cannot infer dtype');
}

function inferShape(x: unknown): number[] {
  if (Array.isArray(x) || ArrayBuffer.isView(x)) {
    const a = x as ArrayLike<unknown>;
    return a.length === 0 ? [0] : [a.length, ...inferShape(a[0])];
  }
  return [];
}

function flatten(x: unknown, out: number[]): void {
  if (Array.isArray(x) || ArrayBuffer.isView(x)) {
    for (const v of Array.from(x as ArrayLike<unknown>)) flatten(v, out);
  } else out.push(Number(x));
}

/** Converts a TensorLike as tfjs's convertToTensor does: dtype inferred from the value unless
 *  `parseAs` (an op's required dtype, e.g. 'bool' for where's condition) is given. */
export function refOf(x: RefLike, parseAs?: DType): Ref {
  if (isRef(x)) return x;
  const dtype = parseAs ?? inferDtype(x);
  const flat: number[] = [];
  flatten(x, flat);
  return fromValues(flat, inferShape(x), dtype);
}

/** tfjs upcastType: bool < int32 < float32. */
export function upcast(a: DType, b: DType): DType {
  if (a === 'float32' || b === 'float32') return 'float32';
  if (a === 'int32' || b === 'int32') return 'int32';
  return 'bool';
}

export function castRef(x: Ref, dtype: DType): Ref {
  if (x.dtype === dtype) return x;
  const data = new Float64Array(x.data.length);
  for (let i = 0; i < data.length; i++) data[i] = storeAs(x.data[i], dtype);
  return { shape: [...x.shape], dtype, data };
}

/** Normalizes one axis (negative counts from the end) against `rank`; throws when out of range. */
export function normAxis(axis: number, rank: number): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) throw new Error(`ref: axis ${axis} out of range for rank ${rank}`);
  return a;
}

/** Normalizes an axis parameter (undefined = all axes) to a sorted list of distinct axes. */
export function normAxes(axis: number | number[] | undefined, rank: number): number[] {
  if (axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : axis;
  const out = [...new Set(list.map((a) => normAxis(a, rank)))];
  return out.sort((p, q) => p - q);
}

/** numpy/tfjs broadcast of any number of shapes. */
export function broadcastShapes(...shapes: number[][]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const o = rank - s.length + i;
      const d = s[i];
      if (d === 1) continue;
      if (out[o] === 1) out[o] = d;
      else if (out[o] !== d) throw new Error(`ref: shapes [${shapes.map((x) => `[${x}]`)}] do not broadcast`);
    }
  }
  return out;
}

/** For each flat index of `outShape`, the flat index of the element of `inShape` (broadcast
 *  against `outShape` from the right) that it reads. */
export function broadcastIndexMap(inShape: readonly number[], outShape: readonly number[]): Int32Array {
  const n = sizeOf(outShape);
  const map = new Int32Array(n);
  const rank = outShape.length;
  const off = rank - inShape.length;
  const inStrides = stridesOf(inShape);
  const eff = outShape.map((_, i) => (i < off || inShape[i - off] === 1 ? 0 : inStrides[i - off]));
  const idx = new Array<number>(rank).fill(0);
  for (let f = 0; f < n; f++) {
    let src = 0;
    for (let i = 0; i < rank; i++) src += idx[i] * eff[i];
    map[f] = src;
    for (let i = rank - 1; i >= 0; i--) {
      if (++idx[i] < outShape[i]) break;
      idx[i] = 0;
    }
  }
  return map;
}

/** Calls `fn(multiIndex, flatIndex)` for every element of `shape` in row-major order. */
export function forEachIndex(shape: readonly number[], fn: (idx: number[], flat: number) => void): void {
  const n = sizeOf(shape);
  const idx = new Array<number>(shape.length).fill(0);
  for (let f = 0; f < n; f++) {
    fn(idx, f);
    for (let i = shape.length - 1; i >= 0; i--) {
      if (++idx[i] < shape[i]) break;
      idx[i] = 0;
    }
  }
}

export function flatIndex(idx: readonly number[], strides: readonly number[]): number {
  let f = 0;
  for (let i = 0; i < idx.length; i++) f += idx[i] * strides[i];
  return f;
}

/** Nested JS arrays of a Ref's values (booleans for bool), for TensorLike inputs in tests. */
export function toNested(x: Ref): unknown {
  const val = (v: number) => (x.dtype === 'bool' ? v !== 0 : v);
  if (x.shape.length === 0) return val(x.data[0]);
  const build = (dim: number, offset: number, strides: number[]): unknown[] => {
    const out: unknown[] = [];
    for (let i = 0; i < x.shape[dim]; i++) {
      const o = offset + i * strides[dim];
      out.push(dim === x.shape.length - 1 ? val(x.data[o]) : build(dim + 1, o, strides));
    }
    return out;
  };
  return build(0, 0, stridesOf(x.shape));
}
