// lazytensor: tfjs-style tensors whose ops are recorded into a graph and run as one cached,
// compiled program when a value is read or at lt.markStep().
import * as core from './engine/core';
import { syncNodes, markStep as runPending } from './engine/runtime';
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
 * The barrier as a Promise. On the WASM interpreter the step runs at once (the interpreter
 * shares the thread); accelerators with their own worker overlap it with the next step's tracing.
 * @example
 * await lt.markStepAsync();
 */
export async function markStepAsync(): Promise<void> { runPending(); }

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
