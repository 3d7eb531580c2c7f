// Choosing and initializing the accelerator. 'wasm' (the interpreter) is always available;
// 'xla' where the native addon is built (npm run build:native, see native/README.md).
import { initCore, initCoreSync, coreLoaded } from './engine/core';
import { setAccelerator } from './engine/runtime';
import { flags, onFlagChange } from './engine/env';
import { WasmAccelerator, relaxedSimdSupported } from '../accelerators/wasm';
import { XlaAccelerator, xlaStatus } from '../accelerators/xla/index';
import type { Accelerator } from '../accelerators/accelerator';

const available = new Map<string, Accelerator>();
let current = 'wasm';

/**
 * Loads the WebAssembly modules. Call once before using the library (required in browsers;
 * in Node the first op initializes synchronously if you forget).
 * @example
 * await lt.ready();
 */
export async function ready(): Promise<void> {
  await initCore();
  if (!wasmIsWanted()) available.set('wasm', await WasmAccelerator.create(!flags.DETERMINISTIC));
  setAccelerator(available.get(current)!);
}

/** @internal Synchronous initialization for Node, on first use. */
export function ensureReady(): void {
  if (coreLoaded() && available.has(current)) return;
  initCoreSync();
  if (!available.has('wasm')) available.set('wasm', WasmAccelerator.createSync(!flags.DETERMINISTIC));
  setAccelerator(available.get(current)!);
}

/** Whether the loaded interpreter is the build the DETERMINISTIC flag asks for. */
function wasmIsWanted(): boolean {
  const w = available.get('wasm') as WasmAccelerator | undefined;
  return w !== undefined && (w.build === 'relaxed-simd') === (!flags.DETERMINISTIC && relaxedSimdSupported());
}

// DETERMINISTIC changed: load the other interpreter build now where a synchronous compile is
// allowed (Node), else at the next `await lt.ready()`. Buffers on the old one move on demand.
onFlagChange((name) => {
  if (name !== 'DETERMINISTIC' || !available.has('wasm') || wasmIsWanted()) return;
  let next: WasmAccelerator;
  try {
    next = WasmAccelerator.createSync(!flags.DETERMINISTIC);
  } catch {
    return;   // a page's main thread refuses large synchronous compiles: lt.ready() switches
  }
  available.set('wasm', next);
  if (current === 'wasm') setAccelerator(next);
});

/**
 * Selects the accelerator that runs graphs from now on.
 * @example
 * lt.setBackend('wasm');
 */
export function setBackend(name: string): boolean {
  const info = backends()[name];
  if (!info) throw new Error(`setBackend: unknown backend '${name}'; known: ${Object.keys(backends()).join(', ')}`);
  if (!info.available) throw new Error(`setBackend: backend '${name}' is not available: ${info.reason}`);
  ensureReady();
  if (name === 'xla' && !available.has('xla')) available.set('xla', XlaAccelerator.create());
  current = name;
  setAccelerator(available.get(name)!);
  return true;
}

/** The current backend's name. @example lt.getBackend(); // 'wasm' */
export function getBackend(): string { return current; }

/**
 * Every known backend and whether it can be used here.
 * @example
 * lt.backends(); // { wasm: { available: true }, xla: { available: false, reason: '...' } }
 */
export function backends(): Record<string, { available: boolean; reason?: string }> {
  return {
    wasm: { available: true },
    xla: xlaStatus(),
  };
}
