// Handle bookkeeping: the live-handle count, tidy's scope stack and a FinalizationRegistry
// safety net that releases the graph nodes and buffers of handles the program forgot.
import * as core from './core';
import type { Tensor } from '../tensor';

export const scopes: Tensor[][] = [];
let numTensors = 0;

// Registration costs ~0.5 µs, so only handles that live outside a tidy scope pay for it.
const registry = new FinalizationRegistry<number>((node) => {
  numTensors--;
  if (core.isAlive(node)) core.release(node);
});
const registered = new WeakSet<Tensor>();

export function register(t: Tensor): void {
  registry.register(t, t.node, t);
  registered.add(t);
}

/** Called for every new handle: it joins the innermost tidy scope, or the safety net. */
export function track(t: Tensor, untracked = false): void {
  numTensors++;
  const scope = scopes[scopes.length - 1];
  if (scope && !untracked) scope.push(t);
  else register(t);
}

/** Called when a handle is disposed. */
export function untrack(t: Tensor): void {
  numTensors--;
  if (registered.has(t)) {
    registry.unregister(t);
    registered.delete(t);
  }
}

export const liveHandles = (): number => numTensors;
