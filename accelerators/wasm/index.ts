// The WASM interpreter accelerator: runs whole Programs inside its own AssemblyScript module
// (accelerators/wasm/assembly), the CPU fallback that works in every Node and browser.
import { INTERP_WASM, INTERP_RELAXED_WASM } from '../../ts/generated/wasm';
import { instantiate, instantiateSync } from '../../ts/engine/wasm';
import { type Accelerator, type DataType, type TypedArray, BYTES, typedArrayFor } from '../accelerator';

interface InterpExports {
  memory: WebAssembly.Memory;
  alloc(bytes: number): number;
  free(ptr: number): void;
  compile(programPtr: number, nWords: number): number;
  execute(exe: number, argsPtr: number, outsPtr: number): number;
  release(exe: number): void;
  lastPeakBytes(): number;
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
  /** Which interpreter build runs: 'relaxed-simd' (fused multiply-adds) or 'simd'. */
  readonly build: 'relaxed-simd' | 'simd';
  private outputs = new Map<number, number>(); // exe -> output count

  private constructor(private ex: InterpExports, relaxedBuild: boolean) {
    this.build = relaxedBuild ? 'relaxed-simd' : 'simd';
  }

  /** `relaxedBuild` false forces the plain build (lt.env() DETERMINISTIC: the same bytes as
   *  every engine without relaxed SIMD); true is honoured only where the engine accepts it. */
  static createSync(relaxedBuild = true): WasmAccelerator {
    const r = relaxedBuild && relaxedSimdSupported();
    return new WasmAccelerator(instantiateSync<InterpExports>(interpWasm(r)), r);
  }
  static async create(relaxedBuild = true): Promise<WasmAccelerator> {
    const r = relaxedBuild && relaxedSimdSupported();
    return new WasmAccelerator(await instantiate<InterpExports>(interpWasm(r)), r);
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

  compile(program: Int32Array): number {
    const ptr = this.alloc(program.byteLength, 'a Program');
    new Int32Array(this.ex.memory.buffer, ptr, program.length).set(program);
    try {
      const exe = this.ex.compile(ptr, program.length);
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
      try {
        code = this.ex.execute(exe, args, outs);
      } catch (e) {
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

  upload(dtype: DataType, data: TypedArray): number {
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
