// lazytensor: tfjs-style tensors whose ops are recorded into a graph and run as one cached,
// compiled program when a value is read or at lt.markStep().
import * as core from './engine/core';
import { syncNodes, markStep as runPending, markStepAsync as runPendingAsync } from './engine/runtime';
import { namedErrors } from './engine/errors';
import { ensureReady } from './backend';
import { Tensor as TensorClass, type Tensor } from './tensor';
import './methods';

export { Tensor, Variable } from './tensor';
export type { DataType, TypedArray, NestedArray } from './tensor';
export type { TensorLike } from './convert';
export type { TensorContainer } from './memory';
export { ready, setBackend, getBackend, backends } from './backend';
export { tidy, keep, dispose, memory } from './memory';
export { metrics, resetMetrics, metricsReport } from './engine/metrics';
export { env } from './engine/env';
export * from './generated/elementwise';
export * from './ops/math';
export * from './ops/conv';
export * from './ops/shape';
export * from './ops/creation';
export * as debug from './debug';
export { grad, grads, valueAndGrad, valueAndGrads, variableGrads, customGrad } from './autodiff/index';
export type { NamedTensorMap, GradFunc, GradSaveFunc, CustomGradientResult } from './autodiff/index';
export * as train from './train/index';
export * as losses from './losses';

/**
 * Barrier: runs every pending tensor that a handle still holds, as one graph.
 * @example
 * const y = x.mul(2); lt.markStep(); // y is now materialized
 */
export function markStep(): void { namedErrors('markStep', runPending); }

/**
 * The barrier, returning at once: the pending graph is cut now and, on an accelerator with its
 * own thread (xla), executes there while you trace the next step. Reading a value of that step
 * waits for it (`dataSync` blocks, `data()` awaits). The Promise settles when the step has run;
 * it rejects if the step fails, and reads of that step's tensors then throw (so a Promise left
 * unawaited is never an unhandled rejection: the failure surfaces at the next read). On the
 * WASM interpreter the step runs before this returns. A step whose graph is not cached yet
 * compiles before this returns. At most two steps wait for the accelerator: a third waits here.
 * Keep one step queued behind the running one: await the previous step's Promise, not this one.
 * @example
 * let previous = Promise.resolve();
 * for (const batch of batches) {
 *   trainStep(batch);                   // traced while the previous step executes
 *   const current = lt.markStepAsync();
 *   await previous;                     // that step's outcome (throws if it failed)
 *   previous = current;
 * }
 * await previous;
 */
export function markStepAsync(): Promise<void> {
  let done: Promise<void>;
  try {
    done = runPendingAsync();
  } catch (e) {
    done = Promise.reject(e);
  }
  // failing now or later, the error is named the same way
  const named = done.catch((e: unknown) => namedErrors('markStepAsync', () => { throw e; }));
  named.catch(() => {});   // handled: see above
  return named;
}

/**
 * Materializes exactly these tensors, as one graph.
 * @example
 * lt.sync(a, b);
 */
export function sync(...tensors: Tensor[]): void {
  for (const t of tensors) if (!(t instanceof TensorClass)) throw new Error(`sync: expected Tensors, got ${t === null ? 'null' : typeof t}`);
  const nodes = tensors.map((t) => t.live('sync'));
  namedErrors('sync', () => syncNodes(nodes));
}

/** @internal The core's live node count (for tests). */
export const liveNodes = (): number => core.liveNodeCount();

// Node can instantiate WebAssembly synchronously, so `lt.ready()` is optional there.
if (typeof process !== 'undefined' && process.versions?.node) ensureReady();
