// Runs recorded graphs: cut the roots' subgraph, find its Program in the compile cache (or
// compile it), execute it on the current accelerator, and turn the roots into data leaves.
import * as core from './core';
import { CompileCache, type Compiled } from './cache';
import { counters } from './metrics';
import { flags, onFlagChange, passMask } from './env';
import { noteMiss } from './explain';
import { type Accelerator, type DataType, type TypedArray, BYTES, typedArrayFor } from '../../accelerators/accelerator';

export const DTYPES: readonly DataType[] = ['float32', 'int32', 'bool'];
export const DT = { float32: 0, int32: 1, bool: 2 } as const;
const OP_DATA = 2, OP_SCALAR = 3, OP_CONST = 1;

let accel: Accelerator | undefined;
/** One compile cache per accelerator instance: executables are its handles (two instances of
 *  one name, e.g. the two interpreter builds, share none). */
const caches = new Map<Accelerator, CompileCache>();
/** Device buffers by the id the core stores in data nodes: each remembers its accelerator,
 *  so a buffer made before a setBackend is freed (or moved) by the accelerator that owns it. */
interface Buffer { accel: Accelerator; handle: number; bytes: number; donated?: 'consumed' | 'lost' }
const buffers: (Buffer | undefined)[] = [];
const freeIds: number[] = [];
let numBytes = 0;

const now = () => performance.now();

export function setAccelerator(a: Accelerator): void {
  accel = a;
  core.setBufferFreer(freeBuffer);
}

export function accelerator(): Accelerator {
  if (!accel) throw new Error('lazytensor is not initialized: call `await lt.ready()` first');
  return accel;
}

function cache(): CompileCache {
  const a = accelerator();
  let c = caches.get(a);
  if (!c) {
    c = new CompileCache(flags.CACHE_CAPACITY, (e) => {
      a.release(e.exe);
      for (const h of e.scalars?.handles ?? []) if (h !== undefined) e.scalars!.owner.free(h);
    });
    caches.set(a, c);
  }
  return c;
}

export function compileCache(): CompileCache { return cache(); }

onFlagChange((name) => {
  if (name === 'CACHE_CAPACITY') for (const c of caches.values()) c.capacity = flags.CACHE_CAPACITY;
  if (name === 'PASSES') for (const c of caches.values()) c.clear();   // compiled under other passes
});

function newBuffer(accel: Accelerator, handle: number, bytes: number): number {
  const id = freeIds.length ? freeIds.pop()! : buffers.length;
  buffers[id] = { accel, handle, bytes };
  numBytes += bytes;
  return id;
}

function freeBuffer(id: number): void {
  const b = buffers[id];
  if (!b) return;
  buffers[id] = undefined;
  freeIds.push(id);
  numBytes -= b.bytes;
  if (!b.donated) b.accel.free(b.handle); // a donated buffer is the executable's to free or return
}

/** The handle of a data node's buffer on accelerator `a`, moving it there if it lives on another. */
function handleOn(a: Accelerator, node: number): number {
  const b = buffers[core.nodeBuffer(node)]!;
  if (b.donated) throw lostValue();
  if (b.accel !== a) {
    const dtype = DTYPES[core.nodeDtype(node)];
    const data = b.accel.download(b.handle, dtype, sizeOf(core.nodeShape(node)));
    b.accel.free(b.handle);
    b.handle = a.upload(dtype, data, core.nodeShape(node));
    b.accel = a;
    counters.transfersFromDevice++;
    counters.transfersToDevice++;
  }
  return b.handle;
}

export function bytesInUse(): number { return numBytes; }

/** Copies host values into a new device buffer and returns its data node. */
export function uploadNode(dtype: DataType, shape: readonly number[], data: TypedArray): number {
  const a = accelerator();
  const buffer = newBuffer(a, a.upload(dtype, data, shape), data.length * BYTES[dtype]);
  counters.transfersToDevice++;
  const id = core.makeData(DT[dtype], shape, buffer);
  if (id < 0) {
    freeBuffer(buffer);
    throw new Error(`tensor: invalid shape [${shape.join(',')}]`);
  }
  return id;
}

const sizeOf = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/** Reads a node's values, executing its graph first if it is still pending. */
export function readNode(id: number): TypedArray {
  let op = core.nodeOp(id);
  if (op !== OP_DATA && op !== OP_SCALAR && op !== OP_CONST) {
    if (flags.STRICT) {
      throw new Error('read of a pending tensor would run its graph implicitly (STRICT mode): call lt.sync(t) or lt.markStep() first');
    }
    if (holds > 0) return readKeepingGraph(id);
    syncNodes([id]);
    op = core.nodeOp(id);
  }
  const dtype = DTYPES[core.nodeDtype(id)];
  const size = sizeOf(core.nodeShape(id));
  if (op !== OP_DATA) {
    const out = typedArrayFor(dtype, 1);
    out[0] = core.nodeValue(id);
    return out;
  }
  counters.transfersFromDevice++;
  const b = buffers[core.nodeBuffer(id)]!;
  if (b.donated) throw lostValue();
  return b.accel.download(b.handle, dtype, size);
}

/** Under a hold (a function being differentiated), a read runs the node's graph but leaves
 *  the node as it was recorded: realizing it would make it a data leaf, which ends the
 *  backward walk there (tfjs differentiates through a read). The value is computed again when
 *  the step runs; the output buffer is freed here. */
function readKeepingGraph(id: number): TypedArray {
  const a = accelerator();
  const [out] = execute(core.cut([id]));
  try {
    counters.transfersFromDevice++;
    return a.download(out, DTYPES[core.nodeDtype(id)], sizeOf(core.nodeShape(id)));
  } finally {
    a.free(out);
  }
}

/** Materializes exactly these nodes, as one graph (after the hold, if one is on: see
 *  readKeepingGraph; the values are the same either way). */
export function syncNodes(ids: readonly number[]): void {
  if (holds > 0) return;
  const roots: number[] = [];
  for (const id of ids) {
    const op = core.nodeOp(id);
    if (op !== OP_DATA && op !== OP_SCALAR && op !== OP_CONST && !roots.includes(id)) roots.push(id);
  }
  if (roots.length > 0) run(roots, core.cut(roots, donating()));
}

let sinceCheck = 0;
let holds = 0;

/** Suspends the automatic cut, lt.sync and lt.markStep until the returned function is called
 *  (nestable), and makes reads leave the graph unrealized. Autodiff holds it while f and its
 *  backward pass are recorded: realizing f's intermediate nodes into data leaves would end the
 *  backward walk there. What was deferred runs at the next sync after the hold. */
export function holdAutoCut(): () => void {
  holds++;
  let released = false;
  return () => { if (!released) { released = true; holds--; } };
}

/** Called for every new handle: cuts the pending graph once it outgrows AUTO_CUT_NODES, so a
 *  step that never calls markStep still runs in bounded graphs. Checked every 256 handles. */
export function maybeAutoCut(): void {
  if (++sinceCheck < 256 || holds > 0) return;
  sinceCheck = 0;
  if (core.pendingNodeCount() <= flags.AUTO_CUT_NODES) return;
  counters.autoCuts++;
  markStep();
}

/** Materializes every pending node a tensor handle holds, as one graph (deferred under a
 *  hold, as syncNodes). */
export function markStep(): void {
  if (holds > 0) return;
  const pending = core.cutPending(donating());
  if (pending) run(pending.roots, pending.cut);
}

/** Optimizes the Program of the last cut and compiles it (a cache miss). */
function compile(c: core.Cut): Compiled {
  const t0 = now();
  const program = c.program;
  noteMiss(program, cache().programs(), c.donated);
  const optimized = core.optimize(passMask());
  const exe = accelerator().compile(optimized, c.donated ?? undefined);
  counters.compileMs += now() - t0;
  counters.cacheMisses++;
  const entry = { hashHi: c.hashHi, hashLo: c.hashLo, exe, program, optimized, donated: c.donated };
  cache().add(entry);
  return entry;
}

/** The device buffer holding a scalar param's value for this executable: uploaded when the
 *  slot's value changed since the last run (a learning rate usually never does), else reused.
 *  Param buffers are only read by an executable, so keeping one between runs is safe. */
function scalarArg(a: Accelerator, entry: Compiled, slot: number, node: number): number {
  const value = core.nodeValue(node);
  const s = (entry.scalars ??= { owner: a, handles: [], values: [] });
  const old = s.handles[slot];
  if (old !== undefined && Object.is(s.values[slot], value)) return old;
  const dtype = DTYPES[core.nodeDtype(node)];
  const v = typedArrayFor(dtype, 1);
  v[0] = value;
  const handle = a.upload(dtype, v, []);
  counters.transfersToDevice++;
  if (old !== undefined) a.free(old);
  s.handles[slot] = handle;
  s.values[slot] = value;
  return handle;
}

function run(roots: readonly number[], c: core.Cut): void {
  realizeAll(accelerator(), roots, execute(c));
}

/** Turns the roots into data leaves on the executable's output buffers. */
function realizeAll(a: Accelerator, roots: readonly number[], outs: readonly number[]): void {
  for (let i = 0; i < roots.length; i++) {
    const bytes = sizeOf(core.nodeShape(roots[i])) * BYTES[DTYPES[core.nodeDtype(roots[i])]];
    core.realize(roots[i], newBuffer(a, outs[i], bytes));
  }
}

/** Finds or compiles the cut's executable and gathers one device buffer per param slot. */
function prepare(a: Accelerator, c: core.Cut): { entry: Compiled; params: number[] } {
  let entry = cache().get(c.hashHi, c.hashLo);
  if (entry) counters.cacheHits++;
  else entry = compile(c);
  const params: number[] = new Array(c.params.length);
  for (let slot = 0; slot < c.params.length; slot++) {
    const node = c.params[slot];
    params[slot] = core.nodeOp(node) === OP_DATA ? handleOn(a, node) : scalarArg(a, entry, slot, node);
  }
  return { entry, params };
}

/** Finds or compiles the cut's executable and runs it; returns its output buffers. */
function execute(c: core.Cut): number[] {
  const a = accelerator();
  const { entry, params } = prepare(a, c);
  const t0 = now();
  let outs: number[] = [], ok = false;
  try {
    outs = a.execute(entry.exe, params);
    ok = true;
  } finally {
    markDonated(c, ok ? 'consumed' : 'lost');
  }
  counters.executeMs += now() - t0;
  counters.graphsExecuted++;
  return outs;
}

/** Whether a step that realizes its roots may give the executable the buffers nothing reads
 *  afterwards (core-wasm/assembly/donate.ts): the DONATE flag, on an accelerator that can. */
export function donating(): boolean {
  return flags.DONATE && accel?.donates === true;
}

/** After an execution, the donated buffers belong to the executable (freed or returned as an
 *  output): their data nodes, about to be freed, must not free them again. If the execution
 *  failed they may be half overwritten: reading them again throws (lostValue). */
function markDonated(c: core.Cut, how: 'consumed' | 'lost'): void {
  if (!c.donated) return;
  for (let slot = 0; slot < c.donated.length; slot++) {
    if (c.donated[slot]) buffers[core.nodeBuffer(c.params[slot])]!.donated = how;
  }
}

function lostValue(): Error {
  return new Error('a step that failed (out of memory) had been given this tensor\'s buffer to overwrite (lt.env() DONATE), so its value is lost; set DONATE to false to keep inputs intact when a step may fail');
}

/** markStep with the execution queued on the accelerator's own thread (executeAsync): the roots
 *  become data nodes at once, on output buffers that reads wait for, so the next step can be
 *  traced meanwhile. The Promise settles when the execution does. Without executeAsync (the
 *  interpreter) the step runs now. A miss still compiles here, on the calling thread. */
export function markStepAsync(): Promise<void> {
  if (holds > 0) return Promise.resolve();
  const pending = core.cutPending(donating());
  if (!pending) return Promise.resolve();
  const a = accelerator();
  if (!a.executeAsync) {
    run(pending.roots, pending.cut);
    return Promise.resolve();
  }
  const { entry, params } = prepare(a, pending.cut);
  const { outputs, done } = a.executeAsync(entry.exe, params);
  markDonated(pending.cut, 'consumed');
  realizeAll(a, pending.roots, outputs);
  counters.graphsExecuted++;
  return done.then((ms) => { counters.executeMs += ms; });
}

/** Reads a node's values like readNode, but awaits a buffer still being computed off the main
 *  thread (markStepAsync) instead of blocking on it. */
export async function readNodeAsync(id: number): Promise<TypedArray> {
  if (core.nodeOp(id) === OP_DATA) {
    const b = buffers[core.nodeBuffer(id)]!;
    if (b.accel.downloadAsync && !b.donated) {
      counters.transfersFromDevice++;
      return b.accel.downloadAsync(b.handle, DTYPES[core.nodeDtype(id)], sizeOf(core.nodeShape(id)));
    }
  }
  return readNode(id);
}
