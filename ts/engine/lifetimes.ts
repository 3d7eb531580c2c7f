// Handle bookkeeping: the live-handle count, tidy's scope stack and a FinalizationRegistry
// safety net that releases the graph nodes and buffers of handles the program forgot.
import * as core from './core';
import type { Tensor } from '../tensor';

export const scopes: Tensor[][] = [];
let numTensors = 0;

/** What the safety net holds for a handle: its current node, or -1 once disposed. A cell
 *  instead of an unregister token: registering without a token costs half as much, and a
 *  variable's node can change after registration. */
export interface Cell { node: number }

// Registration still costs ~0.4 µs, so only handles that live outside a tidy scope pay it.
const registry = new FinalizationRegistry<Cell>((cell) => {
  if (cell.node < 0) return;
  numTensors--;
  try {
    core.release(cell.node);
  } catch (e) {
    // a callback that throws would end the process: report and carry on
    console.error(`lazytensor: releasing a collected tensor failed: ${(e as Error).message}`);
  }
});

export function register(t: Tensor): void {
  if (t.cell) return;
  t.cell = { node: t.node };
  registry.register(t, t.cell);
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
  if (t.cell) t.cell.node = -1;
}

export const liveHandles = (): number => numTensors;
