// The PJRT plugin transport of the XLA accelerator: a PJRT C API plugin (`GetPjrtApi` in a
// `.so`: jax-cuda13-pjrt's CUDA plugin, libtpu) loaded at run time from a path, through the small
// addon native/pjrt_plugin.cc (built by `npm run build:native`, needs only the C API header).
// The plugin object has the same interface as the CPU addon, so XlaAccelerator runs on either.
import { type XlaAddon } from './index';
import { loadNativeAddon, nodeProcess } from './native-addon';

/** Options of a PJRT client, passed to the plugin's PJRT_Client_Create as named values
 *  (string, integer -> int64, non-integer -> float, boolean, integer list). Which names a plugin
 *  understands is the plugin's: e.g. the CUDA plugin's `preallocate`, `memory_fraction`,
 *  `allocator` ('default' | 'platform' | 'bfc' | 'cuda_async'), `visible_devices`. */
export type PjrtCreateOptions = Record<string, string | number | boolean | number[]>;

/** One opened plugin and its client (native/pjrt_plugin.cc's `Plugin`): the CPU addon's
 *  interface, so XlaAccelerator runs on either (without the optional async calls). */
export interface PjrtPlugin extends XlaAddon {
  readonly path: string;
  /** The client's platform name, e.g. 'cuda' or 'tpu'. */
  readonly platform: string;
  /** The PJRT C API version the plugin implements. */
  readonly apiVersion: { major: number; minor: number };
}

/** The addon's exports. Its errors carry `code`: the PJRT status name (e.g. 'NOT_FOUND'). */
export interface PjrtAddon {
  Plugin: new (path: string, options?: PjrtCreateOptions) => PjrtPlugin;
  /** dlopen + GetPjrtApi + the API version check, without initializing the plugin. */
  probe(path: string): { major: number; minor: number };
  /** The PJRT C API version the addon was compiled against. */
  headerVersion: { major: number; minor: number };
}

let loaded: { addon?: PjrtAddon; reason?: string } | undefined;

/** Loads the PJRT addon once (`LT_PJRT_ADDON` names the `.node` file); never throws. */
export function loadPjrtAddon(): { addon?: PjrtAddon; reason?: string } {
  return (loaded ??= loadNativeAddon<PjrtAddon>('lazytensor_pjrt.node', 'LT_PJRT_ADDON', 'PJRT', 'npm run build:native pjrt'));
}

/** The plugin path asked for by the environment (`LT_PJRT_PLUGIN`), if any. */
export function envPluginPath(): string | undefined {
  return nodeProcess()?.env?.LT_PJRT_PLUGIN || undefined;
}

/** Opened plugins by path (one client per path and process: later options are ignored), and
 *  failures by path and options (so `backends()` does not retry a failed client each call). */
const opened = new Map<string, { plugin?: PjrtPlugin; reason?: string; code?: string }>();

/**
 * Opens the PJRT plugin at `path` (dlopen, version check, initialization, client creation), once
 * per path; never throws: on failure `reason` says why and `code` is the PJRT status name.
 * @example
 * const { plugin, reason } = openPjrtPlugin('/opt/jax_plugins/xla_cuda13/xla_cuda_plugin.so');
 */
export function openPjrtPlugin(path: string, options?: PjrtCreateOptions): { plugin?: PjrtPlugin; reason?: string; code?: string } {
  const failKey = `${path}\0${JSON.stringify(options ?? {})}`;
  const known = opened.get(path) ?? opened.get(failKey);
  if (known) return known;
  const l = loadPjrtAddon();
  if (!l.addon) return { reason: l.reason };   // not cached: the addon may be built later
  try {
    const r = { plugin: new l.addon.Plugin(path, options) };
    opened.set(path, r);
    return r;
  } catch (e) {
    const r = { reason: (e as Error).message, code: (e as { code?: string }).code };
    opened.set(failKey, r);
    return r;
  }
}

/** Whether the plugin at `path` can run programs here, and why not. */
export function pjrtStatus(path: string, options?: PjrtCreateOptions): { available: boolean; reason?: string; plugin?: string; platform?: string } {
  const r = openPjrtPlugin(path, options);
  return r.plugin ? { available: true, plugin: path, platform: r.plugin.platform } : { available: false, reason: r.reason, plugin: path };
}
