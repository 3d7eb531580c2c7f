// Every buffer an execution allocates goes through here, so the interpreter can report the
// peak it really reached; core-wasm's passes/analysis.ts predicts the same figure from the
// same plan (debug.graphStats), and the tests hold the two equal.
let live: f64 = 0;
let peak: f64 = 0;

/** Starts counting an execution whose params (the caller's buffers) take `paramBytes`. */
export function memBegin(paramBytes: f64): void {
  live = paramBytes;
  peak = paramBytes;
}

export function bufAlloc(bytes: usize): usize {
  live += <f64>bytes;
  if (live > peak) peak = live;
  return heap.alloc(bytes);
}

export function bufFree(ptr: usize, bytes: usize): void {
  live -= <f64>bytes;
  heap.free(ptr);
}

/** The most bytes live at once during the last execution, params included. Fixed scratch
 *  (fused tiles, matmul's packing panels) is not a tensor buffer and is not counted. */
export function memPeak(): f64 {
  return peak;
}
