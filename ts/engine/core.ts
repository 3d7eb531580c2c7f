// The TypeScript face of core-wasm: integers across the boundary, typed-array views over its
// memory, no allocation per recorded op. Everything above this file speaks node ids.
import { CORE_WASM } from '../generated/wasm';
import { instantiate, instantiateSync } from './wasm';

interface CoreExports {
  memory: WebAssembly.Memory;
  ioPtr(words: number): number;
  build(op: number, nIn: number, nAttr: number): number;
  makeData(dtype: number, rank: number, buf: number): number;
  makeScalar(dtype: number, value: number): number;
  makeConst(dtype: number, value: number): number;
  retain(id: number): void;
  release(id: number): number;
  realize(id: number, buf: number): number;
  freedPtr(): number;
  isAlive(id: number): number;
  nodePtr(id: number): number;
  nodeHeaderWords(): number;
  liveNodeCount(): number;
  pendingNodeCount(): number;
  collectPending(): number;
  pendingPtr(): number;
  cut(rootsPtr: number, nRoots: number, donate: number): number;
  donatedPtr(): number;
  serialize(): number;
  programPtr(): number;
  paramsPtr(): number;
  paramCount(): number;
  recordNodesPtr(): number;
  hashLo(): number;
  hashHi(): number;
  optimize(passes: number): number;
  optimizedPtr(): number;
  fuse(): number;
  groupsPtr(): number;
  peakBytes(): number;
}

// Node block layout (core-wasm/assembly/node.ts): word offsets from the block start.
const F_OP = 0, F_DTYPE = 1, F_RANK = 2, F_NIN = 3, F_NATTR = 4, F_BUF = 7, B_VALUE = 64;
let HEADER = 0;   // read from the core at load

let ex: CoreExports;
let i32 = new Int32Array(0);
let f64 = new Float64Array(0);
let io = 0;       // word index of the scratch area
let ioCap = 0;    // its capacity in words
let onFreeBuffer: (handle: number) => void = () => {};

function attach(exports: CoreExports): void {
  ex = exports;
  HEADER = ex.nodeHeaderWords();
  reserveIo(64);
}

export function initCoreSync(): void { if (!ex) attach(instantiateSync<CoreExports>(CORE_WASM)); }
export async function initCore(): Promise<void> { if (!ex) attach(await instantiate<CoreExports>(CORE_WASM)); }
export function coreLoaded(): boolean { return ex !== undefined; }

/** Called with each buffer handle the core lets go of (its data node was freed). */
export function setBufferFreer(fn: (handle: number) => void): void { onFreeBuffer = fn; }

/** Refreshes the views if the core's memory grew: growth detaches the old buffer, which
 *  empties the views (cheaper to test than reading `memory.buffer` on every call). */
function mem(): Int32Array {
  if (i32.length === 0) {
    i32 = new Int32Array(ex.memory.buffer);
    f64 = new Float64Array(ex.memory.buffer);
  }
  return i32;
}

function reserveIo(words: number): void {
  if (words <= ioCap) return;
  io = ex.ioPtr(words) >> 2;
  ioCap = words;
}

/** Called with every node built while set (debug stack capture); null on the hot path. */
let onBuild: ((id: number) => void) | null = null;
export function setBuildHook(fn: ((id: number) => void) | null): void { onBuild = fn; }

export function build1(op: number, a: number): number {
  mem()[io] = a;
  const r = ex.build(op, 1, 0);
  if (onBuild !== null && r >= 0) onBuild(r);
  return r;
}

export function build2(op: number, a: number, b: number): number {
  const m = mem();
  m[io] = a;
  m[io + 1] = b;
  const r = ex.build(op, 2, 0);
  if (onBuild !== null && r >= 0) onBuild(r);
  return r;
}

export function buildN(op: number, inputs: readonly number[], attrs: readonly number[]): number {
  reserveIo(inputs.length + attrs.length);
  const m = mem();
  let k = io;
  for (const v of inputs) m[k++] = v;
  for (const v of attrs) m[k++] = v;
  const r = ex.build(op, inputs.length, attrs.length);
  if (onBuild !== null && r >= 0) onBuild(r);
  return r;
}

/** The attributes the core stored for a node built last (normalized axes, resolved -1). */
export function ioWords(from: number, n: number): number[] {
  return words(io + from, n);
}

export function makeData(dtype: number, shape: readonly number[], handle: number): number {
  reserveIo(shape.length);
  const m = mem();
  for (let d = 0; d < shape.length; d++) m[io + d] = shape[d];
  return ex.makeData(dtype, shape.length, handle);
}

export const makeScalar = (dtype: number, value: number): number => ex.makeScalar(dtype, value);
export const makeConst = (dtype: number, value: number): number => ex.makeConst(dtype, value);
export const retain = (id: number): void => ex.retain(id);
export const isAlive = (id: number): boolean => ex.isAlive(id) !== 0;
export const liveNodeCount = (): number => ex.liveNodeCount();
export const pendingNodeCount = (): number => ex.pendingNodeCount();

function drainFreed(n: number): void {
  if (n === 0) return;
  const at = ex.freedPtr() >> 2;
  // copied first: onFreeBuffer may call into the core, which may reuse the list
  const handles = words(at, n);
  for (let i = 0; i < n; i++) onFreeBuffer(handles[i]);
}

/** n words of the core's memory from word index `at`, as a plain array (a loop: Array.from
 *  over a subarray costs several times more on these short per-node lists). */
function words(at: number, n: number): number[] {
  const m = mem();
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = m[at + i];
  return out;
}

/** Drops one handle reference to a node; buffers nothing needs any more are freed. */
export function release(id: number): void { drainFreed(ex.release(id)); }

/** Makes a computed node a data leaf over `handle`; frees what only it needed. */
export function realize(id: number, handle: number): void { drainFreed(ex.realize(id, handle)); }

export function nodeOp(id: number): number { return mem()[(ex.nodePtr(id) >> 2) + F_OP]; }
export function nodeDtype(id: number): number { return mem()[(ex.nodePtr(id) >> 2) + F_DTYPE]; }
export function nodeRank(id: number): number { return mem()[(ex.nodePtr(id) >> 2) + F_RANK]; }
export function nodeBuffer(id: number): number { return mem()[(ex.nodePtr(id) >> 2) + F_BUF]; }
export function nodeValue(id: number): number { mem(); return f64[(ex.nodePtr(id) + B_VALUE) >> 3]; }

export function nodeShape(id: number): number[] {
  const p = ex.nodePtr(id) >> 2;
  const m = mem();
  const rank = m[p + F_RANK];
  const shape = new Array<number>(rank);
  for (let d = 0; d < rank; d++) shape[d] = m[p + HEADER + d];
  return shape;
}

/** The node's input node ids (empty for leaves and realized nodes). */
export function nodeInputs(id: number): number[] {
  const p = ex.nodePtr(id) >> 2;
  const m = mem();
  return words(p + HEADER + m[p + F_RANK], m[p + F_NIN]);
}

/** Whether two nodes have the same shape (no arrays made). */
export function sameShapeNodes(a: number, b: number): boolean {
  const pa = ex.nodePtr(a) >> 2, pb = ex.nodePtr(b) >> 2;
  const m = mem();
  const rank = m[pa + F_RANK];
  if (rank !== m[pb + F_RANK]) return false;
  for (let d = 0; d < rank; d++) if (m[pa + HEADER + d] !== m[pb + HEADER + d]) return false;
  return true;
}

/** The node's attributes, as the core normalized them (docs/PROGRAM.md lists them per op). */
export function nodeAttrs(id: number): number[] {
  const p = ex.nodePtr(id) >> 2;
  const m = mem();
  return words(p + HEADER + m[p + F_RANK] + m[p + F_NIN], m[p + F_NATTR]);
}

export interface Cut {
  /** The Program, serialized and copied on access: read it before the next cut (a cache hit
   *  never needs it, so it never pays for it). */
  readonly program: Int32Array;
  /** Node id of each param slot. */
  params: Int32Array;
  /** Per param slot, 1 when nothing reads that buffer after the step, so the executable may
   *  overwrite it (asked for with `donate`); null when no slot is. The hash covers it. */
  donated: Uint8Array | null;
  hashHi: number;
  hashLo: number;
}

/** Serializes what the roots need (docs/PROGRAM.md). The program view is only valid until the
 *  next core call; `copy` makes it durable. */
export function cut(roots: readonly number[], donate = false): Cut {
  reserveIo(roots.length);
  let m = mem();
  for (let i = 0; i < roots.length; i++) m[io + i] = roots[i];
  return cutAt(io << 2, roots.length, donate);
}

/** Cuts every node a tensor handle still holds (markStep); null when nothing is pending. */
export function cutPending(donate = false): { roots: number[]; cut: Cut } | null {
  const n = ex.collectPending();
  if (n === 0) return null;
  const at = ex.pendingPtr();
  const roots = words(at >> 2, n);
  return { roots, cut: cutAt(at, n, donate) };
}

let lastRecordCount = 0;

/** The donated slots of the last cut, or null when none is. */
function donatedSlots(nParams: number): Uint8Array | null {
  const at = ex.donatedPtr() >> 2;
  const words = mem().subarray(at, at + nParams);
  return words.some((w) => w !== 0) ? Uint8Array.from(words) : null;
}

function cutAt(rootsPtr: number, n: number, donate: boolean): Cut {
  lastRecordCount = ex.cut(rootsPtr, n, donate ? 1 : 0);
  const q = ex.paramsPtr() >> 2;
  return {
    get program() {
      const words = ex.serialize();
      const p = ex.programPtr() >> 2;
      return mem().slice(p, p + words);
    },
    params: mem().slice(q, q + ex.paramCount()),
    donated: donate ? donatedSlots(ex.paramCount()) : null,
    hashHi: ex.hashHi() >>> 0,
    hashLo: ex.hashLo() >>> 0,
  };
}

/** Node id of each record of the last cut. */
export function recordNodes(): Int32Array {
  const p = ex.recordNodesPtr() >> 2;
  return mem().slice(p, p + lastRecordCount);
}

/** Runs the passes (a mask of PASSES bits) on the Program of the last cut; returns a copy. */
export function optimize(passes: number): Int32Array {
  const words = ex.optimize(passes);
  const p = ex.optimizedPtr() >> 2;
  return mem().slice(p, p + words);
}

/** Fusion groups and peak bytes of the last optimized Program. */
export function analyze(): { kernels: number; groups: Int32Array; peakBytes: number } {
  const kernels = ex.fuse();
  const peakBytes = ex.peakBytes();
  const p = ex.groupsPtr() >> 2;
  const m = mem();
  const n = m[(ex.optimizedPtr() >> 2) + 2];
  return { kernels, groups: m.slice(p, p + n), peakBytes };
}
