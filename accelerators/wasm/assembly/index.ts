// The WASM interpreter accelerator: runs a whole Program (docs/PROGRAM.md) inside this module
// over buffers in its own memory. JS copies the Program and the params in, calls compile once
// and execute many times, and reads the outputs back. Pointers are byte offsets in `memory`
// (unsigned: read them with `>>> 0` in JS once memory passes 2 GiB).
import { compileProgram, executeProgram, releaseProgram } from './program';
import { memPeak } from './mem';
import { runPart } from './parts';
import { setThreadCount as setThreads } from './threads';

/** A buffer of `bytes` bytes (16-byte aligned); alloc(0) still gives a distinct pointer.
 *  Returns 0 for a negative size. */
export function alloc(bytes: i32): usize {
  if (bytes < 0) return 0;
  return heap.alloc(<usize>bytes);
}

/** Frees a buffer from alloc or an output of execute; free(0) does nothing. */
export function free(ptr: usize): void {
  if (ptr) heap.free(ptr);
}

/** Checks the Program of `nWords` words at `programPtr` and keeps a copy (the caller may free
 *  its own right away). `donatedPtr` holds nDonated bytes (0, or one per param slot): 1 gives
 *  every execution that param's buffer, to overwrite, free or return as an output. Returns an
 *  executable id >= 0, or a negative ERR_* (errors.ts). */
export function compile(programPtr: usize, nWords: i32, donatedPtr: usize, nDonated: i32): i32 {
  return compileProgram(programPtr, nWords, donatedPtr, nDonated);
}

/** Runs executable `exe`: `argsPtr` holds nParams buffer pointers in slot order; nOutputs fresh
 *  buffer pointers, owned by the caller, are written at `outsPtr`. Returns 0 or ERR_EXECUTABLE. */
export function execute(exe: i32, argsPtr: usize, outsPtr: usize): i32 {
  return executeProgram(exe, argsPtr, outsPtr);
}

/** Forgets executable `exe` (an unknown id is ignored). */
export function release(exe: i32): void {
  releaseProgram(exe);
}

/** The most bytes of tensor buffers live at once during the last execute (params included):
 *  what debug.graphStats's peakBytes predicts for the same Program. */
export function lastPeakBytes(): f64 {
  return memPeak();
}

/** How many threads the JS pool runs, the main thread included; 1 (the start) runs everything
 *  here. Set by accelerators/wasm/threads.ts once its workers are ready. */
export function setThreadCount(n: i32): void {
  setThreads(n);
}

/** Runs part `part` of a job the interpreter handed to env.parallel, on the main thread, with
 *  thread slot `slot`'s scratch. The worker threads call it too, in their own instances. */
export function runJobPart(task: i32, job: usize, part: i32, slot: i32): void {
  runPart(task, job, part, slot);
}
