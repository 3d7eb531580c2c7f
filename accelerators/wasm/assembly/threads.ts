// The interpreter's side of threading: how many threads JS has ready (setThreads), and
// runParts, which runs a job's parts here or, with more than one thread, through the JS pool
// (accelerators/wasm/threads.ts), whose `env.parallel` returns once every part is done.
import { runPart } from './parts';

@external('env', 'parallel')
declare function parallel(task: i32, job: usize, nParts: i32, slots: i32): void;

/** Parts one pool job may have (the pool counts claims in 20 bits). */
export const MAX_PARTS = (1 << 20) - 2;

let threads = 1;

/** Threads the pool runs, the main thread included (1: everything runs here). */
export function setThreadCount(n: i32): void {
  threads = max(1, n);
}

export function threadCount(): i32 {
  return threads;
}

/** Runs parts 0 .. nParts - 1 of a job; `slots` is how many threads may share it (1: here,
 *  in order, with slot 0's scratch). */
export function runParts(task: i32, job: usize, nParts: i32, slots: i32): void {
  if (slots > 1 && nParts > 1) {
    parallel(task, job, nParts, slots);
  } else {
    for (let p = 0; p < nParts; p++) runPart(task, job, p, 0);
  }
}
