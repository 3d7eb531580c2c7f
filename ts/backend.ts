// Choosing and initializing the accelerator. 'wasm' (the interpreter) is always available;
// 'xla' where the native addon is built (npm run build:native, see native/README.md), on XLA's
// CPU client, or on a PJRT C API plugin (GPU, TPU) named by a path (accelerators/xla/pjrt.ts).
import { initCore, initCoreSync, coreLoaded } from './engine/core';
import { setAccelerator } from './engine/runtime';
import { flags, onFlagChange } from './engine/env';
import { WasmAccelerator, relaxedSimdSupported } from '../accelerators/wasm';
import { XlaAccelerator, xlaStatus } from '../accelerators/xla/index';
import { envPluginPath, openPjrtPlugin, pjrtStatus, type PjrtCreateOptions } from '../accelerators/xla/pjrt';
import type { Accelerator } from '../accelerators/accelerator';

/** Accelerators by key: a backend name, or `xla:<plugin path>` for XLA on a PJRT plugin. */
const available = new Map<string, Accelerator>();
let current = 'wasm';
let currentKey = 'wasm';
/** The PJRT plugin 'xla' runs on by default ($LT_PJRT_PLUGIN), until setBackend names another. */
let xlaPlugin: string | undefined;
let xlaPluginChosen = false;

/** Options of `setBackend` and `backends`. */
export interface BackendOptions {
  /** 'xla' only: the path of a PJRT C API plugin (`.so` exporting `GetPjrtApi`) to run XLA on,
   *  instead of the CPU client of the built addon. Defaults to $LT_PJRT_PLUGIN; '' forces the CPU client. */
  plugin?: string;
  /** 'xla' with a plugin: named options for the plugin's client (read at its first opening). */
  pluginOptions?: PjrtCreateOptions;
}

function pluginFor(options?: BackendOptions): string | undefined {
  if (options?.plugin !== undefined) return options.plugin || undefined;
  return xlaPluginChosen ? xlaPlugin : envPluginPath();
}

/**
 * Loads the WebAssembly modules. Call once before using the library (required in browsers;
 * in Node the first op initializes synchronously if you forget).
 * @example
 * await lt.ready();
 */
export async function ready(): Promise<void> {
  await initCore();
  if (!wasmIsWanted()) available.set('wasm', await WasmAccelerator.create(!flags.DETERMINISTIC));
  setAccelerator(available.get(currentKey)!);
}

/** @internal Synchronous initialization for Node, on first use. */
export function ensureReady(): void {
  if (coreLoaded() && available.has(currentKey)) return;
  initCoreSync();
  if (!available.has('wasm')) available.set('wasm', WasmAccelerator.createSync(!flags.DETERMINISTIC));
  setAccelerator(available.get(currentKey)!);
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
 * Selects the accelerator that runs graphs from now on. 'xla' runs on the built addon's CPU
 * client, or on a PJRT C API plugin (GPU, TPU) given by `options.plugin` or $LT_PJRT_PLUGIN;
 * throws with the reason when the backend or plugin is unusable (nothing changes then).
 * @example
 * lt.setBackend('wasm');
 * lt.setBackend('xla');   // XLA's CPU client (npm run build:native)
 * lt.setBackend('xla', { plugin: '/path/to/xla_cuda_plugin.so', pluginOptions: { preallocate: false } });
 */
export function setBackend(name: string, options?: BackendOptions): boolean {
  const info = backends(options)[name];
  if (!info) throw new Error(`setBackend: unknown backend '${name}'; known: ${Object.keys(backends(options)).join(', ')}`);
  const plugin = name === 'xla' ? pluginFor(options) : undefined;
  if (!info.available) throw new Error(`setBackend: backend '${name}'${plugin ? ` on plugin ${plugin}` : ''} is not available: ${info.reason}`);
  ensureReady();
  const key = plugin ? `xla:${plugin}` : name;
  if (!available.has(key) && name === 'xla') {
    const p = plugin ? openPjrtPlugin(plugin, options?.pluginOptions).plugin! : undefined;  // opened by backends()
    available.set(key, p ? new XlaAccelerator(p) : XlaAccelerator.create());
  }
  if (name === 'xla') { xlaPlugin = plugin; xlaPluginChosen = true; }
  current = name;
  currentKey = key;
  setAccelerator(available.get(key)!);
  return true;
}

/** The current backend's name. @example lt.getBackend(); // 'wasm' */
export function getBackend(): string { return current; }

/**
 * Every known backend and whether it can be used here. 'wasm' names the interpreter build that
 * is loaded: 'relaxed-simd' (fused multiply-adds, where the engine accepts relaxed SIMD and
 * DETERMINISTIC is off) or 'simd'. With a PJRT plugin ($LT_PJRT_PLUGIN, the one chosen by
 * setBackend, or `options.plugin`), 'xla' reports on that plugin, opening it (its client is
 * created once per process) and naming its platform, or saying why it fails.
 * @example
 * lt.backends(); // { wasm: { available: true, build: 'simd' }, xla: { available: false, reason: '...' } }
 * lt.backends({ plugin: '/path/to/libtpu.so' }).xla;
 * // { available: false, plugin: '/path/to/libtpu.so', reason: 'pjrt: creating the client of plugin ...: ... (NOT_FOUND)' }
 */
export function backends(options?: BackendOptions): Record<string, { available: boolean; reason?: string; plugin?: string; platform?: string; build?: string }> {
  const plugin = pluginFor(options);
  const build = (available.get('wasm') as WasmAccelerator | undefined)?.build;
  return {
    wasm: build ? { available: true, build } : { available: true },
    xla: plugin ? pjrtStatus(plugin, options?.pluginOptions) : xlaStatus(),
  };
}
