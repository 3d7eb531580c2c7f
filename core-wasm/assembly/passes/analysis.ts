// Fusion groups and the memory plan of an optimized Program (with schedule.ts, its order). One implementation serves the
// core (graphStats, graphDot) and the WASM interpreter, which compiles a Program by calling
// exactly these functions and executes what they decide: the peak graphStats reports is what
// the interpreter allocates (test/engine/memory-plan.test.ts measures it).
import * as K from '../generated/opcodes';
import { OP_KIND } from '../generated/rules';
import { Vec } from '../vec';
import { Reader, R_WORDS } from './builder';
import { schedule, order, numelOf, bytesOf } from './schedule';
import { findAccumulations, accMat, accAddend } from './accumulate';

/** Records per fusion group at most: bounds the interpreter's scratch tiles (one a member). */
export const MAX_GROUP = 32;

export const groups = new Vec();   // per record: its group's root (last record); -1 for leaves
export const lastUse = new Vec();  // per record: the root of the last group reading it; -1 = never freed (params, outputs)
export const takeOver = new Vec(); // per root: the input record whose buffer it writes over, or -1
export const deadHead = new Vec(); // per root: the first record whose buffer dies there, or -1
export const deadNext = new Vec(); // per record: the next record dying at the same root, or -1
/** Per param slot: 1 when the execution owns that buffer (donated: nothing reads it after the
 *  step, donate.ts): it may write over it, and frees it where it dies. Set before plan(). */
export const donated = new Vec();
/** lastUse of a donated param nothing reads: freed before the first group runs. */
export const FREED_AT_START = -2;
const uses = new Vec();
const consumer = new Vec();
const sameShape = new Vec(); // 1 when every reader is elementwise of the same dims
const readers = new Vec();   // the one group reading it; -2 none yet, -1 several
const size = new Vec();
const reader = new Reader();

@inline export function isElementwise(kind: i32): bool {
  return kind == K.KIND_UNARY || kind == K.KIND_BINARY || kind == K.KIND_SELECT || kind == K.KIND_CAST;
}

function sameDims(r: Reader, i: i32, j: i32): bool {
  const a = r.at(i), b = r.at(j);
  const rank = r.w(a + 2);
  if (r.w(b + 2) != rank) return false;
  for (let d = 0; d < rank; d++) if (r.w(a + R_WORDS + d) != r.w(b + R_WORDS + d)) return false;
  return true;
}

@inline function inputOf(r: Reader, i: i32, k: i32): i32 { const a = r.at(i); return r.w(a + R_WORDS + r.w(a + 2) + k); }
@inline function nIn(r: Reader, i: i32): i32 { return r.w(r.at(i) + 3); }
@inline function kindOf(r: Reader, i: i32): i32 { return <i32>OP_KIND[r.op(i)]; }
@inline function attrOf(r: Reader, i: i32, k: i32): i32 { const a = r.at(i); return r.w(a + R_WORDS + r.w(a + 2) + r.w(a + 3) + k); }

/** A reduction over adjacent axes ([keepDims, ...axes], sorted): it reads its input as
 *  [outer, len, inner] in place, which is what a fused loop feeds it tile by tile. */
export function adjacentReduce(r: Reader, i: i32): bool {
  const nAxes = r.w(r.at(i) + 4) - 1;
  return nAxes > 0 && attrOf(r, i, nAxes) - attrOf(r, i, 1) == nAxes - 1;
}

/** Groups the records of the Program at `words`: an elementwise record that is not an
 *  output joins its readers' group when they all are in one group, and either all are
 *  elementwise of its dims (a value read twice inside a group stays in its scratch tile), or
 *  its one reader is an adjacent-axes reduction; while the group has room. Returns the kernel
 *  count (groups of non-leaf records). */
export function fuse(words: usize): i32 {
  const r = reader;
  r.reset(words);
  const n = r.count;
  uses.len = 0; consumer.len = 0; groups.len = 0; size.len = 0; sameShape.len = 0; readers.len = 0;
  for (let i = 0; i < n; i++) { uses.push(0); consumer.push(-1); groups.push(i); size.push(1); sameShape.push(1); readers.push(-2); }
  for (let i = 0; i < n; i++) {
    const ew = isElementwise(kindOf(r, i));
    for (let k = 0; k < nIn(r, i); k++) {
      const x = inputOf(r, i, k);
      uses.set(x, uses.get(x) + 1);
      consumer.set(x, i);
      if (!ew || !sameDims(r, x, i)) sameShape.set(x, 0);
    }
  }
  for (let k = 0; k < r.nOutputs; k++) uses.set(r.output(k), uses.get(r.output(k)) + n + 1); // outputs materialize
  let kernels = 0;
  for (let i = n - 1; i >= 0; i--) {
    const kind = kindOf(r, i);
    if (kind == K.KIND_LEAF) { groups.set(i, -1); continue; }
    const g = readers.get(i); // its readers' one group (every reader comes later: decided)
    if (isElementwise(kind) && uses.get(i) <= n && g >= 0 && size.get(g) < MAX_GROUP) {
      const c = consumer.get(i);
      const fits = sameShape.get(i) || (uses.get(i) == 1 && kindOf(r, c) == K.KIND_REDUCE && adjacentReduce(r, c));
      if (fits) {
        groups.set(i, g);
        size.set(g, size.get(g) + 1);
      }
    }
    if (groups.get(i) == i) kernels++;
    for (let k = 0; k < nIn(r, i); k++) { // tell the inputs which group reads them
      const x = inputOf(r, i, k), seen = readers.get(x);
      readers.set(x, seen == -2 || seen == groups.get(i) ? groups.get(i) : -1);
    }
  }
  return kernels - findAccumulations(r, groups, size, uses);
}

const BYTES: StaticArray<i32> = [4, 4, 1];
const pos = new Vec(); // per record: its unit's place in `order`; -1 for params

/** A param whose buffer the execution owns (see `donated`). */
export function isDonated(r: Reader, i: i32): bool {
  if (r.op(i) != K.OP_PARAM) return false;
  const slot = attrOf(r, i, 0);
  return slot < donated.len && donated.get(slot) != 0;
}

/** Records with a buffer the execution frees: group roots, constants and donated params
 *  (other params are the caller's). */
@inline function materialized(r: Reader, i: i32): bool {
  return groups.get(i) == i || r.op(i) == K.OP_CONST || isDonated(r, i);
}

@inline function rootOf(i: i32): i32 { const g = groups.get(i); return g >= 0 ? g : i; }

/** Liveness after fuse() and schedule(): a buffer lives from its root to the root that
 *  reads it last in `order`. */
function computeLastUse(r: Reader): void {
  const n = r.count;
  lastUse.len = 0; pos.len = 0;
  for (let i = 0; i < n; i++) { lastUse.push(i); pos.push(-1); } // unread: freed once computed
  for (let t = 0; t < order.len; t++) pos.set(order.get(t), t);
  for (let i = 0; i < n; i++) {
    const u = rootOf(i);
    for (let k = 0; k < nIn(r, i); k++) {
      const x = inputOf(r, i, k);
      if (pos.get(u) > pos.get(lastUse.get(x))) lastUse.set(x, u);
    }
  }
  for (let i = 0; i < n; i++) {
    if (r.op(i) != K.OP_PARAM) continue;
    if (!isDonated(r, i)) lastUse.set(i, -1);
    else if (lastUse.get(i) == i) lastUse.set(i, FREED_AT_START); // read by nothing
  }
  for (let k = 0; k < r.nOutputs; k++) lastUse.set(r.output(k), -1); // a donated param: returned as is
}

/** An elementwise group's root writes over a buffer that dies there when it has the root's
 *  element count and size: every tile of it is read before the same tile is written. A group
 *  that accumulates a product (accumulate.ts) writes only over its addend. */
function computeTakeOver(r: Reader): void {
  const n = r.count;
  takeOver.len = 0;
  for (let i = 0; i < n; i++) takeOver.push(-1);
  for (let j = 0; j < n; j++) {
    const g = groups.get(j);
    if (g < 0 || takeOver.get(g) >= 0 || !isElementwise(kindOf(r, g))) continue;
    if (accMat.get(g) >= 0) {
      const c = accAddend.get(g);
      if (j == g && materialized(r, c) && lastUse.get(c) == g) takeOver.set(g, c);
      continue;
    }
    for (let k = 0; k < nIn(r, j); k++) {
      const x = inputOf(r, j, k);
      if (groups.get(x) == g || !materialized(r, x) || lastUse.get(x) != g) continue;
      if (numelOf(r, x) != numelOf(r, g) || BYTES[r.w(r.at(x) + 1)] != BYTES[r.w(r.at(g) + 1)]) continue;
      takeOver.set(g, x);
      break;
    }
  }
}

/** Bytes a record's kernel allocates for itself while it runs: a reduction over axes that are
 *  not adjacent first moves them last in a copy of its input. */
function transientOf(r: Reader, i: i32): f64 {
  if (kindOf(r, i) != K.KIND_REDUCE || groups.get(i) != i) return 0;
  if (r.w(r.at(i) + 4) == 1 || adjacentReduce(r, i)) return 0;
  return bytesOf(r, inputOf(r, i, 0));
}

/** The memory plan after fuse(): the order groups run in (schedule.ts: the greedy order,
 *  unless the Program's own is no worse), liveness, buffer take-overs and, per root, the
 *  buffers that die there. Returns the peak bytes of the execution: params (the caller's,
 *  live throughout), every materialized buffer from its root until it dies, kernels' own
 *  temporaries, and the copies of outputs that are params. */
export function plan(): f64 {
  const r = reader;
  schedule(r, groups, false);
  const plain = evaluate(r);
  schedule(r, groups, true);
  const greedy = evaluate(r);
  if (greedy < plain) return greedy;
  schedule(r, groups, false);
  return evaluate(r);
}

/** Liveness, take-overs and dead lists for the current `order`; returns its peak. */
function evaluate(r: Reader): f64 {
  const n = r.count;
  computeLastUse(r);
  computeTakeOver(r);
  deadHead.len = 0; deadNext.len = 0;
  for (let i = 0; i < n; i++) { deadHead.push(-1); deadNext.push(-1); }
  for (let x = n - 1; x >= 0; x--) {
    const t = lastUse.get(x);
    if (t < 0 || !materialized(r, x)) continue;
    deadNext.set(x, deadHead.get(t));
    deadHead.set(t, x);
  }
  let live: f64 = 0;
  for (let i = 0; i < n; i++) if (r.op(i) == K.OP_PARAM) live += bytesOf(r, i);
  let peak = live;
  for (let i = 0; i < n; i++) if (r.op(i) == K.OP_PARAM && lastUse.get(i) == FREED_AT_START) live -= bytesOf(r, i);
  for (let t = 0; t < order.len; t++) {
    const i = order.get(t);
    if (takeOver.get(i) < 0) live += bytesOf(r, i);
    if (live + transientOf(r, i) > peak) peak = live + transientOf(r, i);
    for (let x = deadHead.get(i); x >= 0; x = deadNext.get(x)) if (x != takeOver.get(i)) live -= bytesOf(r, x);
  }
  for (let k = 0; k < r.nOutputs; k++) {
    const o = r.output(k);
    if (r.op(o) == K.OP_PARAM && !isDonated(r, o)) live += bytesOf(r, o); // copied for the caller
  }
  return live > peak ? live : peak;
}

/** Peak bytes of the Program last given to fuse(). */
export function peakBytes(): f64 {
  return plan();
}
