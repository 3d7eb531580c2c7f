// Tensor lifetimes as users see them: dispose, tidy scopes, keep and memory().
import { Tensor } from './tensor';
import * as core from './engine/core';
import { bytesInUse } from './engine/runtime';
import { scopes, register, liveHandles } from './engine/lifetimes';

/** A Tensor, or arrays and plain objects of them (what tidy may return and dispose walks). */
export type TensorContainer = void | Tensor | string | number | boolean | Float32Array | Int32Array | Uint8Array | TensorContainer[] | { [key: string]: TensorContainer } | null | undefined;

function collect(x: TensorContainer, out: Set<Tensor>): void {
  if (x instanceof Tensor) out.add(x);
  else if (ArrayBuffer.isView(x)) return;   // never walk typed arrays: they hold no tensors
  else if (Array.isArray(x)) for (const v of x) collect(v, out);
  else if (x && typeof x === 'object') for (const v of Object.values(x)) collect(v as TensorContainer, out);
}

/**
 * Runs fn and disposes every tensor it created, except those it returns or that were kept.
 * @example
 * const y = lt.tidy(() => lt.tensor([1, 2]).square().sum()); // intermediates are freed
 */
export function tidy<T extends TensorContainer>(nameOrFn: string | (() => T), fn?: () => T): T {
  const f = typeof nameOrFn === 'function' ? nameOrFn : fn;
  if (typeof f !== 'function') throw new Error('tidy: expected a function');
  const scope: Tensor[] = [];
  scopes.push(scope);
  let result: T | undefined;
  try {
    result = f();
    if (result instanceof Promise) throw new Error('tidy: cannot return a Promise inside of tidy');
  } catch (e) {
    result = undefined;   // the scope still ends: nothing it made outlives a throw
    throw e;
  } finally {
    scopes.pop();
    endScope(scope, result);
  }
  return result as T;
}

/** Disposes a scope's tensors except those in `result` or kept, which move to the parent. */
function endScope(scope: Tensor[], result: TensorContainer): void {
  if (scope.length === 0) return;
  // most scopes return one tensor or nothing: no Set for those
  let keepSet: Set<Tensor> | undefined;
  const single = result instanceof Tensor ? result : undefined;
  if (!single && result != null && typeof result === 'object') collect(result, keepSet = new Set<Tensor>());
  const parent = scopes[scopes.length - 1];
  for (const t of scope) {
    if (t.isDisposed) continue;
    if (t === single || t.kept || (keepSet !== undefined && keepSet.has(t))) {
      if (parent) parent.push(t);
      else register(t);
    } else t.dispose();
  }
}

/**
 * Keeps a tensor created inside tidy from being disposed when the scope ends.
 * @example
 * let kept; lt.tidy(() => { kept = lt.keep(lt.tensor([1])); });
 */
export function keep<T extends Tensor>(t: T): T {
  t.kept = true;
  return t;
}

/**
 * Disposes every tensor found in the container.
 * @example
 * lt.dispose([lt.tensor([1]), { b: lt.tensor([2]) }]);
 */
export function dispose(container: TensorContainer): void {
  const all = new Set<Tensor>();
  collect(container, all);
  for (const t of all) t.dispose();
}

/**
 * Live handles, bytes held in device buffers, and live IR nodes.
 * @example
 * const { numTensors, numBytes, numGraphNodes } = lt.memory();
 */
export function memory(): { numTensors: number; numBytes: number; numGraphNodes: number } {
  return { numTensors: liveHandles(), numBytes: bytesInUse(), numGraphNodes: core.liveNodeCount() };
}
