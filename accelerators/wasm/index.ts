// The WASM interpreter accelerator: runs whole Programs inside its own AssemblyScript module
// (accelerators/wasm/assembly), the CPU fallback that works in every Node and browser.
import { INTERP_WASM } from '../../ts/generated/wasm';
import { instantiate, instantiateSync } from '../../ts/engine/wasm';
import { type Accelerator, type DataType, type TypedArray, BYTES, typedArrayFor } from '../accelerator';

interface InterpExports {
  memory: WebAssembly.Memory;
  alloc(bytes: number): number;
  free(ptr: number): void;
  compile(programPtr: number, nWords: number): number;
  execute(exe: number, argsPtr: number, outsPtr: number): number;
  release(exe: number): void;
}

export class WasmAccelerator implements Accelerator {
  readonly name = 'wasm';
  private outputs = new Map<number, number>(); // exe -> output count

  private constructor(private ex: InterpExports) {}

  static createSync(): WasmAccelerator { return new WasmAccelerator(instantiateSync<InterpExports>(INTERP_WASM)); }
  static async create(): Promise<WasmAccelerator> { return new WasmAccelerator(await instantiate<InterpExports>(INTERP_WASM)); }

  private get bytes(): Uint8Array { return new Uint8Array(this.ex.memory.buffer); }

  compile(program: Int32Array): number {
    const ptr = this.ex.alloc(program.byteLength);
    new Int32Array(this.ex.memory.buffer, ptr, program.length).set(program);
    try {
      const exe = this.ex.compile(ptr, program.length);
      if (exe < 0) throw new Error(`wasm: the interpreter rejected the Program (error ${exe})`);
      this.outputs.set(exe, program[4]);
      return exe;
    } finally {
      this.ex.free(ptr);
    }
  }

  execute(exe: number, params: readonly number[]): number[] {
    const nOut = this.outputs.get(exe)!;
    const args = this.ex.alloc(4 * (params.length + nOut));
    const outs = args + 4 * params.length;
    try {
      new Int32Array(this.ex.memory.buffer, args, params.length).set(params);
      const code = this.ex.execute(exe, args, outs);
      if (code < 0) throw new Error(`wasm: execution failed (error ${code})`);
      return Array.from(new Int32Array(this.ex.memory.buffer, outs, nOut));
    } finally {
      this.ex.free(args);
    }
  }

  release(exe: number): void {
    this.ex.release(exe);
    this.outputs.delete(exe);
  }

  upload(dtype: DataType, data: TypedArray): number {
    const ptr = this.ex.alloc(data.length * BYTES[dtype]);
    this.bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), ptr);
    return ptr;
  }

  download(handle: number, dtype: DataType, size: number): TypedArray {
    const out = typedArrayFor(dtype, size);
    out.set(new (out.constructor as any)(this.ex.memory.buffer, handle, size));
    return out;
  }

  free(handle: number): void { this.ex.free(handle); }
}
