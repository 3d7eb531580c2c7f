// The interpreter's thread pool: worker_threads in Node, Web Workers in cross-origin-isolated
// pages, all over the interpreter's shared WebAssembly memory. The interpreter stays
// synchronous: when a kernel has a large job (assembly/parts.ts) it calls env.parallel, which
// lands in ThreadPool.run. That wakes the workers, then claims and runs parts on the calling
// thread too, and returns once every part is done. Each worker runs its parts in its own
// instance of the interpreter over the same memory, made from the binary less its data
// segments (withoutDataSegments), so instantiating it writes nothing into memory the first
// instance owns; a part only touches its job, its output region and its thread's scratch
// (assembly/parts.ts), never the allocator or the interpreter's static state. Parts are claimed one at a
// time from a shared counter, so a worker that is slow to start or to wake only leaves more to
// the others, and the results do not depend on who ran what.
//
// Nothing is fetched at run time: the worker's code is the string below (a Blob URL in
// browsers, `eval: true` in Node) and the binary is posted to it (a worker may compile a large
// module synchronously; a browser's main thread may not). Workers are
// unref'd in Node, so they never keep a process alive; if one cannot be created, the
// interpreter simply runs with fewer threads.

import { nodeBuiltin } from '../../ts/engine/platform';

/** The control block (an Int32Array on its own SharedArrayBuffer): */
const WORD = 0;    // (generation << 20) | next part to claim; parts >= CLOSED claim nothing
const GEN = 1;     // job generation (12 bits); workers sleep on it
const TASK = 2;    // the job: task id, pointer, number of parts, thread slots it may use
const JOB = 3;
const PARTS = 4;
const SLOTS = 5;
const DONE = 6;    // parts finished
const ERROR = 7;   // 1 if a worker's part threw
const READY = 8;   // workers ready (each takes slot READY's old value + 1)
const BY_WORKERS = 9; // parts the workers ran, in all (debug statistics)
const CTL_WORDS = 16;
const CLOSED = 0xfffff;

/** The worker: instantiates the interpreter over the shared memory, takes a slot, then
 *  sleeps until a new job, claims parts and runs them. Plain ES2017 text, for both hosts. */
const WORKER_SOURCE = `
'use strict';
const WORD = ${WORD}, GEN = ${GEN}, TASK = ${TASK}, JOB = ${JOB}, PARTS = ${PARTS}, SLOTS = ${SLOTS},
  DONE = ${DONE}, ERROR = ${ERROR}, READY = ${READY}, BY_WORKERS = ${BY_WORKERS};
function start(d) {
  const ctl = new Int32Array(d.control);
  const fail = () => { throw new Error('not in a worker'); };
  const module = new WebAssembly.Module(d.binary);
  const inst = new WebAssembly.Instance(module, { env: { memory: d.memory, abort: fail, parallel: fail } });
  const run = inst.exports.runJobPart;
  let seen = Atomics.load(ctl, GEN);
  const slot = Atomics.add(ctl, READY, 1) + 1;
  for (;;) {
    Atomics.wait(ctl, GEN, seen);
    const gen = Atomics.load(ctl, GEN);
    seen = gen;
    const task = Atomics.load(ctl, TASK), job = Atomics.load(ctl, JOB);
    const parts = Atomics.load(ctl, PARTS), slots = Atomics.load(ctl, SLOTS);
    if (slot >= slots) continue;
    for (;;) {
      const w = Atomics.load(ctl, WORD);
      if ((w >>> 20) !== gen || (w & 0xfffff) >= parts) break;
      if (Atomics.compareExchange(ctl, WORD, w, w + 1) !== w) continue;
      try { run(task, job, w & 0xfffff, slot); } catch (e) { Atomics.store(ctl, ERROR, 1); }
      Atomics.add(ctl, BY_WORKERS, 1);
      if (Atomics.add(ctl, DONE, 1) + 1 === parts) Atomics.notify(ctl, DONE);
    }
  }
}
if (typeof require === 'function') {
  const wt = require('worker_threads');
  start(wt.workerData);
} else {
  self.onmessage = (e) => start(e.data);
}
`;

/** Whether this context can share WebAssembly memory with workers at all. */
export function threadsPossible(): boolean {
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') return false;
  const g = globalThis as any;
  if (g.crossOriginIsolated === false) return false; // a page (or its worker) without COOP / COEP
  return typeof g.Worker === 'function' || nodeBuiltin('worker_threads') !== undefined;
}

/** The interpreter's exports the pool calls: the main thread's share of a job. */
export interface PoolHost {
  runJobPart(task: number, job: number, part: number, slot: number): void;
}

export class ThreadPool {
  private readonly ctl = new Int32Array(new SharedArrayBuffer(CTL_WORDS * 4));
  private workers: unknown[] = [];
  private gen = 0;
  /** Whether this thread may block in Atomics.wait (not a browser's main thread). */
  private readonly canBlock: boolean;

  /** `binary`: the interpreter, shared-memory flag set, less its data segments. */
  constructor(private readonly host: PoolHost, private readonly binary: Uint8Array,
    private readonly memory: WebAssembly.Memory) {
    let canBlock = true;
    try {
      Atomics.wait(this.ctl, CTL_WORDS - 1, 1, 0); // value differs: returns at once where allowed
    } catch {
      canBlock = false;
    }
    this.canBlock = canBlock;
  }

  /** Workers started so far (ready or not), and those that failed to start (an error event
   *  before they were ready: a page whose policy forbids blob: workers, say). */
  get started(): number { return this.workers.length; }
  failed = 0;

  /** Workers ready to run parts. */
  get ready(): number { return Atomics.load(this.ctl, READY); }

  /** Parts the workers ran since the pool started. */
  get partsByWorkers(): number { return Atomics.load(this.ctl, BY_WORKERS); }

  /** Starts workers until there are `n`; false if one could not be created (the ones that
   *  were stay). Workers become ready asynchronously (see `ready`). */
  grow(n: number): boolean {
    while (this.workers.length < n) {
      const w = spawn({ binary: this.binary, memory: this.memory, control: this.ctl.buffer }, () => { this.failed++; });
      if (!w) return false;
      this.workers.push(w);
    }
    return true;
  }

  /** Runs parts 0 .. parts - 1 of a job with at most `slots` threads (the calling one is
   *  slot 0); returns when all are done. */
  run(task: number, job: number, parts: number, slots: number): void {
    const c = this.ctl;
    this.gen = (this.gen + 1) & 0xfff;
    Atomics.store(c, TASK, task);
    Atomics.store(c, JOB, job);
    Atomics.store(c, PARTS, parts);
    Atomics.store(c, SLOTS, slots);
    Atomics.store(c, DONE, 0);
    Atomics.store(c, ERROR, 0);
    Atomics.store(c, WORD, (this.gen << 20) | 0);
    Atomics.store(c, GEN, this.gen);
    Atomics.notify(c, GEN);
    let failure: unknown;
    for (;;) {
      const w = Atomics.load(c, WORD);
      if ((w & CLOSED) >= parts) break;
      if (Atomics.compareExchange(c, WORD, w, w + 1) !== w) continue;
      try {
        this.host.runJobPart(task, job, w & CLOSED, 0);
      } catch (e) {
        failure ??= e;
      }
      Atomics.add(c, DONE, 1);
    }
    for (let d = Atomics.load(c, DONE); d < parts; d = Atomics.load(c, DONE)) {
      if (this.canBlock) Atomics.wait(c, DONE, d, 100);
    }
    Atomics.store(c, WORD, (this.gen << 20) | CLOSED); // a late worker claims nothing
    if (failure) throw failure;
    if (Atomics.load(c, ERROR)) throw new Error('wasm: a worker thread failed while running a kernel');
  }
}

/** Starts one worker on `data`, or returns undefined where that fails. */
function spawn(data: { binary: Uint8Array; memory: WebAssembly.Memory; control: ArrayBufferLike }, onError: () => void): unknown {
  try {
    const wt = nodeBuiltin('worker_threads');
    if (wt && typeof (globalThis as any).document === 'undefined' && typeof (globalThis as any).WorkerGlobalScope === 'undefined') {
      const w = new wt.Worker(WORKER_SOURCE, { eval: true, workerData: data });
      w.on('error', onError); // the others do its share
      w.unref();
      return w;
    }
    const g = globalThis as any;
    if (typeof g.Worker !== 'function' || typeof g.Blob !== 'function') return undefined;
    const url = g.URL.createObjectURL(new g.Blob([WORKER_SOURCE], { type: 'text/javascript' }));
    const w = new g.Worker(url);
    w.onerror = onError;
    w.postMessage(data);
    return w;
  } catch {
    return undefined;
  }
}
