// The kernels module the worker threads run (built with --runtime stub over the interpreter's
// imported shared memory; scripts/build-wasm.mjs checks it has no data segment, which would
// overwrite the interpreter's memory when a worker instantiates it).
import { runPart } from './parts';

/** Runs part `part` of the job at `job` (parts.ts) with thread slot `slot`'s scratch. */
export function run(task: i32, job: usize, part: i32, slot: i32): void {
  runPart(task, job, part, slot);
}
