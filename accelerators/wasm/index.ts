// The WASM interpreter accelerator: runs whole Programs inside its own AssemblyScript module
// (accelerators/wasm/assembly), the CPU fallback that works in every Node and browser.
import { INTERP_WASM, INTERP_RELAXED_WASM } from '../../ts/generated/wasm';
import { load, loadSync, binary, withoutDataSegments, type Loaded, type LoadOptions } from '../../ts/engine/wasm';
import { flags } from '../../ts/engine/env';
import { ThreadPool, threadsPossible } from './threads';
import { type Accelerator, type DataType, type TypedArray, BYTES, typedArrayFor } from '../accelerator';

interface InterpExports {
  memory: WebAssembly.Memory;
  alloc(bytes: number): number;
  free(ptr: number): void;
  compile(programPtr: number, nWords: number, donatedPtr: number, nDonated: number): number;
  execute(exe: number, argsPtr: number, outsPtr: number): number;
  release(exe: number): void;
  setThreadCount(n: number): void;
  runJobPart(task: number, job: number, part: number, slot: number): void;
  lastPeakBytes(): number;
}

/** Where the interpreter's threads stand (WasmAccelerator.threads). */
export interface ThreadsInfo {
  /** Whether this context can run threads at all (SharedArrayBuffer, workers). */
  possible: boolean;
  /** Threads the next large kernel may use, the calling one included. */
  active: number;
  /** Workers started, and those ready to take work. */
  workers: number;
  workersReady: number;
  /** Parts of jobs the workers ran so far. */
  partsByWorkers: number;
}

/** A module whose one function is f32x4.relaxed_madd: valid only where the engine runs
 *  relaxed SIMD (Chromium, Node 22+, Node 20 with --experimental-wasm-relaxed-simd). */
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, // magic, version
  1, 8, 1, 96, 3, 123, 123, 123, 1, 123, // type: (v128, v128, v128) -> v128
  3, 2, 1, 0, // one function of that type
  10, 13, 1, 11, 0, 32, 0, 32, 1, 32, 2, 253, 133, 2, 11, // local.get 0 1 2; f32x4.relaxed_madd
]);

let relaxed: boolean | undefined;

/** Whether this engine accepts relaxed SIMD (checked once). */
export function relaxedSimdSupported(): boolean {
  if (relaxed === undefined) {
    try {
      relaxed = WebAssembly.validate(RELAXED_PROBE);
    } catch {
      relaxed = false;
    }
  }
  return relaxed;
}

/** The interpreter build to load: relaxed SIMD (fused multiply-adds) where accepted and
 *  wanted, else plain SIMD. */
const interpWasm = (relaxedBuild: boolean): string => (relaxedBuild ? INTERP_RELAXED_WASM : INTERP_WASM);

export class WasmAccelerator implements Accelerator {
  readonly name = 'wasm';
  /** compile honours `donated`: the plan frees or overwrites those param buffers. */
  readonly donates = true;
  /** Which interpreter build runs: 'relaxed-simd' (fused multiply-adds) or 'simd'. */
  readonly build: 'relaxed-simd' | 'simd';
  private outputs = new Map<number, number>(); // exe -> output count
  private ex!: InterpExports;
  private pool?: ThreadPool;
  /** The thread count the interpreter was last told (setThreadCount). */
  private active = 1;
  /** Set when workers cannot be created here: the interpreter stays on one thread. */
  private noWorkers = false;

  /** The memory is shared wherever threads are possible, so THREADS can change at any time. */
  private readonly shared = threadsPossible();

  private constructor(relaxedBuild: boolean) {
    this.build = relaxedBuild ? 'relaxed-simd' : 'simd';
  }

  private get wasm(): string { return interpWasm(this.build === 'relaxed-simd'); }

  private options(): LoadOptions {
    return { shared: this.shared, env: { parallel: (task: number, job: number, parts: number, slots: number) => this.parallel(task, job >>> 0, parts, slots) } };
  }

  private attach(loaded: Loaded<InterpExports>): this {
    this.ex = loaded.exports;
    return this;
  }

  /** `relaxedBuild` false forces the plain build (lt.env() DETERMINISTIC: the same bytes as
   *  every engine without relaxed SIMD); true is honoured only where the engine accepts it. */
  static createSync(relaxedBuild = true): WasmAccelerator {
    const a = new WasmAccelerator(relaxedBuild && relaxedSimdSupported());
    return a.attach(loadSync<InterpExports>(a.wasm, a.options()));
  }

  static async create(relaxedBuild = true): Promise<WasmAccelerator> {
    const a = new WasmAccelerator(relaxedBuild && relaxedSimdSupported());
    return a.attach(await load<InterpExports>(a.wasm, a.options()));
  }

  /** Where threading stands. */
  get threads(): ThreadsInfo {
    return {
      possible: this.shared && !this.noWorkers,
      active: this.active,
      workers: this.pool?.started ?? 0,
      workersReady: this.pool?.ready ?? 0,
      partsByWorkers: this.pool?.partsByWorkers ?? 0,
    };
  }

  /** Starts the workers THREADS asks for, and resolves once they are ready (they start
   *  asynchronously; until then the ready ones and the calling thread share the work), or
   *  after `timeoutMs`. Returns the threads a large kernel may use. Optional: the first large
   *  kernel starts the workers by itself. */
  async threadsReady(timeoutMs = 10_000): Promise<number> {
    const until = Date.now() + timeoutMs;
    this.syncThreads();
    if (this.active > 1) this.startWorkers();
    while (this.pool && this.pool.ready + this.pool.failed < this.active - 1 && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 5));
    }
    return this.syncThreads();
  }

  /** Follows the THREADS flag: tells the interpreter how many threads a large kernel may use.
   *  No worker starts before a kernel asks for them (env.parallel): a program with only small
   *  kernels never starts any. */
  private syncThreads(): number {
    if (this.pool && this.pool.failed > 0 && this.pool.failed === this.pool.started) this.noWorkers = true;
    const active = this.shared && !this.noWorkers ? flags.THREADS : 1;
    if (active !== this.active) {
      this.ex.setThreadCount(active);
      this.active = active;
    }
    return active;
  }

  /** Starts workers until there are `active - 1`; where none can start, the interpreter goes
   *  back to one thread. */
  private startWorkers(): void {
    if ((this.pool?.started ?? 0) >= this.active - 1) return;
    try {
      this.pool ??= new ThreadPool(this.ex, withoutDataSegments(binary(this.wasm, true).bytes), this.ex.memory);
      if (this.pool.grow(this.active - 1) || this.pool.started > 0) return;
    } catch {
      // below
    }
    this.noWorkers = true;
    this.ex.setThreadCount(1); // read when the next job starts; this one runs here
    this.active = 1;
  }

  /** env.parallel: runs a job's parts on the pool, or here when there is none. */
  private parallel(task: number, job: number, parts: number, slots: number): void {
    this.startWorkers();
    if (this.pool) {
      this.pool.run(task, job, parts, slots);
    } else {
      for (let p = 0; p < parts; p++) this.ex.runJobPart(task, job, p, 0);
    }
  }

  private get bytes(): Uint8Array { return new Uint8Array(this.ex.memory.buffer); }

  /** Allocates in the interpreter's heap. Pointers are unsigned (the heap may pass 2 GiB);
   *  a heap that cannot grow traps inside WASM, which becomes a clear out-of-memory Error. */
  private alloc(bytes: number, what: string): number {
    let ptr: number;
    try {
      ptr = this.ex.alloc(bytes) >>> 0;
    } catch (e) {
      throw outOfMemory(what, bytes, e);
    }
    if (ptr === 0 && bytes > 0) throw outOfMemory(what, bytes);
    return ptr;
  }

  compile(program: Int32Array, donated?: Uint8Array): number {
    const nDonated = donated?.length ?? 0;
    const ptr = this.alloc(program.byteLength + nDonated, 'a Program');
    new Int32Array(this.ex.memory.buffer, ptr, program.length).set(program);
    if (donated) this.bytes.set(donated, ptr + program.byteLength);
    try {
      const exe = this.ex.compile(ptr, program.length, ptr + program.byteLength, nDonated);
      if (exe === -13) throw new Error('wasm: a tensor of this graph is too large for the interpreter\'s 1 GiB buffer limit');
      if (exe < 0) throw new Error(`wasm: the interpreter rejected the Program (error ${exe})`);
      this.outputs.set(exe, program[4]);
      return exe;
    } finally {
      this.ex.free(ptr);
    }
  }

  execute(exe: number, params: readonly number[]): number[] {
    const nOut = this.outputs.get(exe)!;
    const args = this.alloc(4 * (params.length + nOut), 'the arguments');
    const outs = args + 4 * params.length;
    try {
      new Uint32Array(this.ex.memory.buffer, args, params.length).set(params);
      let code: number;
      this.syncThreads();
      try {
        code = this.ex.execute(exe, args, outs);
      } catch (e) {
        if (e instanceof Error && e.message.startsWith('wasm: a worker')) throw e;
        throw outOfMemory('the intermediate and output buffers of a graph', 0, e);
      }
      if (code < 0) throw new Error(`wasm: execution failed (error ${code})`);
      return Array.from(new Uint32Array(this.ex.memory.buffer, outs, nOut));
    } finally {
      this.ex.free(args);
    }
  }

  /** Bytes of tensor buffers live at once during the last execute, params included: the
   *  figure `lt.debug.graphStats(...).peakBytes` predicts for the same graph. */
  lastPeakBytes(): number { return this.ex.lastPeakBytes(); }

  release(exe: number): void {
    this.ex.release(exe);
    this.outputs.delete(exe);
  }

  upload(dtype: DataType, data: TypedArray): number { // a shape is not needed: buffers are bytes
    const ptr = this.alloc(data.length * BYTES[dtype], `a ${dtype} tensor of ${data.length} elements`);
    this.bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), ptr);
    return ptr;
  }

  download(handle: number, dtype: DataType, size: number): TypedArray {
    const out = typedArrayFor(dtype, size);
    out.set(new (out.constructor as any)(this.ex.memory.buffer, handle >>> 0, size));
    return out;
  }

  free(handle: number): void { this.ex.free(handle >>> 0); }
}

function outOfMemory(what: string, bytes: number, cause?: unknown): Error {
  const size = bytes ? ` (${(bytes / 2 ** 20).toFixed(1)} MiB)` : '';
  const detail = cause instanceof Error ? `: ${cause.message}` : '';
  return new Error(`wasm: out of memory: the interpreter's heap (at most 4 GiB) cannot hold ${what}${size}${detail}; dispose tensors or use smaller batches`);
}
