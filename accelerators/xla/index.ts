// The XLA accelerator: Programs lowered to StableHLO (lower.ts) and compiled by XLA through the
// native addon (native/xla_addon.cc, built by `npm run build:native`). Node only; optional:
// `xlaStatus()` says why it is unavailable when the addon is not built or does not load.
//
// Device buffers have the shapes of the tensors they hold, so a lowered module takes and returns
// them as they are: a reshape at the boundary would land inside XLA's output fusions.
import { type Accelerator, type DataType, type TypedArray } from '../accelerator';
import { lowerProgram, parseProgram, type ParsedProgram } from './lower';
import { Partitions, needsFallback } from './partition';
import { loadNativeAddon } from './native-addon';

/** The addon's interface (native/xla_addon.cc). */
export interface XlaAddon {
  compile(mlir: string): number;
  upload(dtype: number, data: TypedArray, dims?: readonly number[]): number;
  execute(exe: number, args: number[]): number[];
  download(buf: number): Uint8Array;
  free(buf: number): void;
  release(exe: number): void;
  stats(): { buffers: number; executables: number; queued?: number };
  // The CPU addon's launcher thread (a PJRT plugin transport has none):
  /** Compiles on the addon's launcher thread. */
  compileAsync?(mlir: string): Promise<number>;
  /** Queues an execution on the launcher thread (FIFO); the outputs exist at once. */
  executeAsync?(exe: number, args: number[]): { outputs: number[]; done: Promise<number> };
  /** Waits for a buffer without blocking the main thread. */
  downloadAsync?(buf: number): Promise<Uint8Array>;
}

const DT: Record<DataType, number> = { float32: 0, int32: 1, bool: 2 };

let loaded: { addon?: XlaAddon; reason?: string } | undefined;

/** Loads the addon once (`LT_XLA_ADDON` names the `.node` file); never throws. */
export function loadXlaAddon(): { addon?: XlaAddon; reason?: string } {
  return (loaded ??= loadNativeAddon<XlaAddon>('lazytensor_xla.node', 'LT_XLA_ADDON', 'XLA', 'npm run build:native'));
}

/** Whether XLA can be used here, and why not. */
export function xlaStatus(): { available: boolean; reason?: string } {
  const l = loadXlaAddon();
  return l.addon ? { available: true } : { available: false, reason: l.reason };
}

export class XlaAccelerator implements Accelerator {
  readonly name = 'xla';
  /** The StableHLO text of every compiled executable (for debugging). */
  readonly modules = new Map<number, string>();

  /** Executables of Programs with an op XLA cannot lower, run partly on the interpreter
   *  (partition.ts); their handles are negative. */
  private readonly partitions = new Partitions(this);

  /** Queued behind earlier async work on the addon's launcher thread (see Accelerator); only on
   *  a transport that has one. A fallback plan runs at once, on the calling thread. */
  executeAsync?: (exe: number, params: readonly number[]) => { outputs: number[]; done: Promise<number> };
  downloadAsync?: (handle: number, dtype: DataType, size: number) => Promise<TypedArray>;

  constructor(private addon: XlaAddon) {
    const { executeAsync, downloadAsync } = addon;
    if (!executeAsync || !downloadAsync) return;
    this.executeAsync = (exe, params) => {
      if (exe >= 0) return executeAsync.call(addon, exe, [...params]);
      const t0 = performance.now();
      const outputs = this.partitions.execute(exe, params);
      return { outputs, done: Promise.resolve(performance.now() - t0) };
    };
    this.downloadAsync = async (handle, dtype, size) => typed(handle, await downloadAsync.call(addon, handle), dtype, size);
  }

  /** The accelerator on the loaded addon; throws with the reason when it is unavailable. */
  static create(): XlaAccelerator {
    const l = loadXlaAddon();
    if (!l.addon) throw new Error(`xla: ${l.reason}`);
    return new XlaAccelerator(l.addon);
  }

  compile(program: Int32Array): number {
    const parsed = parseProgram(program);
    return needsFallback(parsed) ? this.partitions.compile(parsed) : this.compileLowered(parsed);
  }

  /** Compiles a Program every op of which has a lowering. */
  compileLowered(program: Int32Array | ParsedProgram): number {
    const text = lowerProgram(program);
    const exe = this.addon.compile(text);
    this.modules.set(exe, text);
    return exe;
  }

  execute(exe: number, params: readonly number[]): number[] {
    if (exe < 0) return this.partitions.execute(exe, params);
    return this.addon.execute(exe, [...params]);
  }

  release(exe: number): void {
    if (exe < 0) return this.partitions.release(exe);
    this.modules.delete(exe);
    this.addon.release(exe);
  }

  upload(dtype: DataType, data: TypedArray, shape: readonly number[]): number {
    return this.addon.upload(DT[dtype], data, shape);
  }

  download(handle: number, dtype: DataType, size: number): TypedArray {
    return typed(handle, this.addon.download(handle), dtype, size);
  }

  free(handle: number): void {
    this.addon.free(handle);
  }
}

/** A downloaded buffer's bytes as the dtype's typed array, checking its length; the addon's
 *  array is used as is when it owns its whole ArrayBuffer (no second copy). */
function typed(handle: number, bytes: Uint8Array, dtype: DataType, size: number): TypedArray {
  const want = size * (dtype === 'bool' ? 1 : 4);
  if (bytes.byteLength !== want) throw new Error(`xla: download: buffer ${handle} has ${bytes.byteLength} bytes, want ${want}`);
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  const copy = whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return dtype === 'float32' ? new Float32Array(copy) : dtype === 'int32' ? new Int32Array(copy) : new Uint8Array(copy);
}
