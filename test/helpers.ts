// Shared helpers of the op tests: turn reference values into library tensors, and compare a
// library tensor with a reference value element-wise under the tolerance table.

import { expect } from 'vitest';
import * as lt from '../ts/index';
import { type DType, type Ref, stridesOf, toNested } from './reference';
import { type TestedOp, type Tol, tolFor } from './tolerances';

/** beforeAll of every op test file: waits for the library and, when LT_BACKEND is set
 *  (e.g. `LT_BACKEND=xla npx vitest run test/ops`), runs the suite on that accelerator. */
export async function setupBackend(): Promise<void> {
  await lt.ready();
  const name = typeof process !== 'undefined' ? process.env.LT_BACKEND : undefined;
  if (name && !lt.setBackend(name)) throw new Error(`LT_BACKEND=${name}: backend not available (${JSON.stringify(lt.backends())})`);
}

/** The parts of a library Tensor the comparison reads. */
export interface TensorView {
  shape: number[];
  dtype: string;
  size?: number;
  data(): Promise<ArrayLike<number>>;
}

/** How a Ref is handed to the library: a typed array + shape (the default; booleans for
 *  bool), nested JS arrays, or a flat JS array + shape. */
export type InputForm = 'typed' | 'nested' | 'flat';

export function toLt(r: Ref, form: InputForm = 'typed'): lt.Tensor {
  const t = lt as unknown as { tensor: (v: unknown, shape?: number[], dtype?: DType) => lt.Tensor };
  if (form === 'nested') return t.tensor(toNested(r), undefined, r.dtype);
  if (r.dtype === 'bool' || form === 'flat') {
    const vals = r.dtype === 'bool' ? Array.from(r.data, (v) => v !== 0) : Array.from(r.data);
    return t.tensor(vals, r.shape, r.dtype);
  }
  const typed = r.dtype === 'int32' ? Int32Array.from(r.data) : Float32Array.from(r.data);
  return t.tensor(typed, r.shape, r.dtype);
}

function typedCtor(dtype: DType) {
  return dtype === 'float32' ? Float32Array : dtype === 'int32' ? Int32Array : Uint8Array;
}

/** Whether a float32 engine value `a` is acceptable for the float64 reference value `e`. */
export function closeEnough(a: number, e: number, dtype: DType, tol: Tol): boolean {
  if (dtype !== 'float32') return a === e;
  if (Number.isNaN(e)) return Number.isNaN(a);
  if (a === Math.fround(e)) return true;
  if (!Number.isFinite(a) || !Number.isFinite(e)) return false;
  return Math.abs(a - e) <= tol.atol + tol.rtol * Math.abs(e);
}

function multiIndex(flat: number, shape: number[]): string {
  const st = stridesOf(shape);
  return `[${st.map((s, i) => Math.floor(flat / s) % shape[i])}]`;
}

/** Asserts that `actual` has exactly the reference's shape and dtype, that data() returns the
 *  dtype's typed array, and that every element is close (exact for int32 and bool). `tol` is
 *  an op name of the tolerance table or a Tol. */
export async function expectClose(actual: TensorView, expected: Ref, tol: TestedOp | Tol, what = ''): Promise<void> {
  const t = typeof tol === 'string' ? tolFor(tol) : tol;
  const label = what ? `${what}: ` : '';
  // shape and dtype must be known before any data is read (lazy tensors)
  expect([...actual.shape], `${label}shape`).toEqual(expected.shape);
  expect(actual.dtype, `${label}dtype`).toBe(expected.dtype);
  if (actual.size !== undefined) expect(actual.size, `${label}size`).toBe(expected.data.length);
  const data = await actual.data();
  const Ctor = typedCtor(expected.dtype);
  expect(data instanceof Ctor, `${label}data() returns ${data?.constructor?.name}, want ${Ctor.name}`).toBe(true);
  expect(data.length, `${label}data().length`).toBe(expected.data.length);
  const bad: string[] = [];
  let count = 0;
  for (let i = 0; i < data.length; i++) {
    if (closeEnough(data[i], expected.data[i], expected.dtype, t)) continue;
    count++;
    if (bad.length < 8) bad.push(`${multiIndex(i, expected.shape)} got ${data[i]} want ${expected.data[i]}`);
  }
  if (count > 0) {
    const how = expected.dtype === 'float32' ? `atol ${t.atol}, rtol ${t.rtol}` : 'exact';
    expect.fail(`${label}${count} of ${data.length} elements differ (${how}, shape [${expected.shape}]):\n  ${bad.join('\n  ')}`);
  }
}

/** expectClose over a list (split, unstack). */
export async function expectAllClose(actual: TensorView[], expected: Ref[], tol: TestedOp | Tol, what = ''): Promise<void> {
  expect(actual.length, `${what} number of outputs`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) await expectClose(actual[i], expected[i], tol, `${what}[${i}]`);
}

/** A library op called by name (table-driven tests). */
export type AnyFn = (...args: unknown[]) => lt.Tensor;

/** The library function `lt[name]`. */
export function fn(name: string): AnyFn {
  const f = (lt as unknown as Record<string, AnyFn>)[name];
  if (typeof f !== 'function') throw new Error(`lt.${name} is not a function`);
  return f;
}

/** Calls the chainable method `t[name](...args)`. */
export function method<T = lt.Tensor>(t: lt.Tensor, name: string, ...args: unknown[]): T {
  const m = (t as unknown as Record<string, (...a: unknown[]) => T>)[name];
  if (typeof m !== 'function') throw new Error(`Tensor.prototype.${name} is not a function`);
  return m.apply(t, args);
}

/** Deterministic values in [-1, 1) (a linear congruential sequence from `seed`). */
export function seededValues(n: number, seed: number): Float32Array {
  const out = new Float32Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 31 - 1;
  }
  return out;
}

/** The exception `f` throws (failing the test when it throws none), to check its message and code. */
export function errorOf(f: () => unknown): Error & { code?: string } {
  try {
    f();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected an exception');
}
