// The one interface every accelerator implements. Buffers and executables are integer
// handles owned by the accelerator; Programs (docs/PROGRAM.md) are its only input.

export type DataType = 'float32' | 'int32' | 'bool';
export type TypedArray = Float32Array | Int32Array | Uint8Array;

export interface Accelerator {
  readonly name: string;
  /** Whether compile honours `donated` (the WASM interpreter). */
  readonly donates?: boolean;
  /** Compiles a Program; returns an executable handle. Throws on a malformed Program.
   *  `donated` (per param slot, 1 = donated): those param buffers become the executable's at
   *  every execute, to overwrite, free, or return as an output; the caller never frees them. */
  compile(program: Int32Array, donated?: Uint8Array): number;
  /** Runs an executable over one buffer per param slot; returns one new buffer per output. */
  execute(exe: number, params: readonly number[]): number[];
  /** Forgets an executable. */
  release(exe: number): void;
  /** Copies host data into a new device buffer of that shape (the shape a Program that takes
   *  the buffer gives its param). */
  upload(dtype: DataType, data: TypedArray, shape: readonly number[]): number;
  /** Copies a device buffer of `size` elements back to the host. */
  download(handle: number, dtype: DataType, size: number): TypedArray;
  free(handle: number): void;
  /**
   * Optional: queues an execution on the accelerator's own thread and returns at once. The
   * output handles are usable immediately: as params of later executes (which run after this
   * one) and by `download`, which waits until they are computed. `done` resolves with the
   * execution's milliseconds, or rejects, and then every download of an output throws.
   * Accelerators without it run lt.markStepAsync() synchronously.
   * @example
   * const { outputs, done } = accel.executeAsync!(exe, params);
   * const ms = await done; const values = accel.download(outputs[0], 'float32', n);
   */
  executeAsync?(exe: number, params: readonly number[]): { outputs: number[]; done: Promise<number> };
  /** Optional: `download` that awaits a buffer still being computed instead of blocking. */
  downloadAsync?(handle: number, dtype: DataType, size: number): Promise<TypedArray>;
}

export const BYTES: Record<DataType, number> = { float32: 4, int32: 4, bool: 1 };

export function typedArrayFor(dtype: DataType, size: number): TypedArray {
  return dtype === 'float32' ? new Float32Array(size) : dtype === 'int32' ? new Int32Array(size) : new Uint8Array(size);
}
