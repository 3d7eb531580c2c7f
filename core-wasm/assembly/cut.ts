// Cutting the subgraph that a set of roots needs and serializing it as a Program
// (docs/PROGRAM.md). Realized and scalar leaves become numbered params; the Program's hash
// over all its words is the compile-cache key.
import * as K from './generated/opcodes';
import { Vec, copyWords } from './vec';
import { SEED, mix, mix64, finish } from './hash';
import { ptrOf, field, setField, dimsPtr, input, inputsPtr, liveNodes, F_OP, F_RANK, F_NIN, F_NATTR, F_MARK, F_LOCAL, F_DTYPE, F_EXT, F_SEQ, B_HASH } from './node';

export const MAGIC: i32 = 0x4750544c;
export const VERSION: i32 = 1;
export const HEADER_WORDS: i32 = 8;

export const program = new Vec();
export const params = new Vec();   // node id of each param slot
export const pending = new Vec();  // roots found by collectPending
export const recordNodes = new Vec();  // node id of each record of the last cut
let epoch: i32 = 0;
export let hash: u64 = 0;
let running: u64 = 0;
let roots: usize = 0;
let rootCount: i32 = 0;
let recordCount: i32 = 0;

function emitRecord(p: usize, id: i32): void {
  const op = field(p, F_OP);
  const rank = field(p, F_RANK);
  const leafParam = op == K.OP_DATA || op == K.OP_SCALAR;
  const nIn = leafParam ? 0 : field(p, F_NIN);
  const nAttr = leafParam ? 1 : field(p, F_NATTR);
  const n = 5 + rank + nIn + nAttr;
  program.reserve(program.len + n);            // one check a record, then raw stores
  let q = program.ptr + (<usize>program.len << 2);
  program.len += n;
  store<i32>(q, leafParam ? K.OP_PARAM : op);
  store<i32>(q, field(p, F_DTYPE), 4);
  store<i32>(q, rank, 8);
  store<i32>(q, nIn, 12);
  store<i32>(q, nAttr, 16);
  q += 20;
  const words = dimsPtr(p);
  copyWords(q, words, rank);
  q += <usize>rank << 2;
  for (let i = 0; i < nIn; i++, q += 4) store<i32>(q, field(ptrOf(input(p, i)), F_LOCAL));
  if (leafParam) {
    store<i32>(q, params.len);
    params.push(id);
  } else {
    copyWords(q, words + (<usize>(rank + nIn) << 2), nAttr);
  }
}

@inline function isLeaf(op: i32): bool {
  return op == K.OP_DATA || op == K.OP_SCALAR || op == K.OP_CONST;
}

const frames = new Vec();   // the walk's stack of node ids

/** Post-order walk from one root: numbers each unvisited node after its inputs. The stack and
 *  recordNodes are sized for every live node up front (a walk never visits more), so the loop
 *  runs on raw pointers with no capacity checks: it is the whole cost of a cached sync's cut.
 *  Until a node is numbered, its F_LOCAL word holds the next input to visit. */
function visit(root: i32, count: i32): i32 {
  const rp = ptrOf(root);
  if (field(rp, F_MARK) == epoch) return count;
  const base = frames.ptr;
  let sp = base;
  store<i32>(sp, root);
  setField(rp, F_MARK, epoch);
  setField(rp, F_LOCAL, 0);
  let out = recordNodes.ptr + (<usize>recordNodes.len << 2);
  while (true) {
    const id = load<i32>(sp);
    const p = ptrOf(id);
    const nIn = field(p, F_NIN);   // 0 for every leaf (realize clears it)
    const ins = inputsPtr(p);
    let k = field(p, F_LOCAL);
    let child = -1;
    while (k < nIn) {
      const c = load<i32>(ins + (<usize>k << 2));
      k++;
      if (field(ptrOf(c), F_MARK) != epoch) { child = c; break; }
    }
    if (child >= 0) {
      setField(p, F_LOCAL, k);
      const cp = ptrOf(child);
      setField(cp, F_MARK, epoch);
      setField(cp, F_LOCAL, 0);
      sp += 4;
      store<i32>(sp, child);
      continue;
    }
    store<i32>(out, id);
    out += 4;
    hashRecord(p, id);
    setField(p, F_LOCAL, count++);
    if (sp == base) break;
    sp -= 4;
  }
  recordNodes.len = <i32>((out - recordNodes.ptr) >> 2);
  return count;
}

/** Folds one record into the running hash: the node's structural hash (op, dtype, dims,
 *  attributes and, recursively, its operands') plus where its inputs sit in this Program,
 *  which is what sharing and parameter aliasing change. As discriminating as the words of
 *  the serialized record, at a fraction of the cost: a cache hit never serializes. */
@inline function hashRecord(p: usize, id: i32): void {
  const op = field(p, F_OP);
  running = mix64(running, load<u64>(p + B_HASH));
  if (op == K.OP_DATA || op == K.OP_SCALAR) {
    params.push(id);
    return;
  }
  if (op == K.OP_CONST) return;
  const nIn = field(p, F_NIN);
  for (let i = 0; i < nIn; i++) running = mix(running, field(ptrOf(input(p, i)), F_LOCAL));
}

/** Walks the graph the roots at rootsPtr need, numbering records and params, and hashes it;
 *  returns the record count. serialize() then writes the Program (only a cache miss needs it). */
export function cut(rootsPtr: usize, nRoots: i32): i32 {
  epoch++;
  params.len = 0;
  recordNodes.len = 0;
  running = SEED;
  frames.reserve(liveNodes + 1);   // a walk's depth and records are bounded by the live nodes
  recordNodes.reserve(liveNodes + 1);
  let count = 0;
  for (let r = 0; r < nRoots; r++) count = visit(load<i32>(rootsPtr + (<usize>r << 2)), count);
  for (let r = 0; r < nRoots; r++) running = mix(running, field(ptrOf(load<i32>(rootsPtr + (<usize>r << 2))), F_LOCAL));
  hash = finish(mix(running, count));
  roots = rootsPtr;
  rootCount = nRoots;
  recordCount = count;
  return count;
}

/** The roots of the last cut (donate.ts reads them). */
export function cutRoots(): usize { return roots; }
export function cutRootCount(): i32 { return rootCount; }

/** Folds more words into the last cut's hash (donate.ts: which params it may overwrite). */
export function mixIntoHash(word: i32): void { hash = finish(mix(hash, word)); }

/** Writes the Program (docs/PROGRAM.md) of the last cut; returns its word count. The roots
 *  must still be where cut() read them. */
export function serialize(): i32 {
  program.len = 0;
  for (let i = 0; i < HEADER_WORDS; i++) program.push(0);
  const saved = params.len;
  params.len = 0;   // emitRecord renumbers the slots in the same order
  for (let i = 0; i < recordCount; i++) {
    const id = recordNodes.get(i);
    emitRecord(ptrOf(id), id);
  }
  params.len = saved;
  for (let r = 0; r < rootCount; r++) program.push(field(ptrOf(load<i32>(roots + (<usize>r << 2))), F_LOCAL));
  program.set(0, MAGIC);
  program.set(1, VERSION);
  program.set(2, recordCount);
  program.set(3, params.len);
  program.set(4, rootCount);
  program.set(5, program.len);
  return program.len;
}

/** Collects every computed node that a tensor handle still holds: markStep's roots, ordered
 *  by structural hash and creation order, so the Program does not depend on reused ids. */
export function collectPending(slots: Vec): i32 {
  pending.len = 0;
  for (let id = 0; id < slots.len; id++) {
    const p = <usize>slots.get(id);
    if (p == 0 || field(p, F_EXT) == 0 || isLeaf(field(p, F_OP))) continue;
    pending.push(id);
  }
  sortByHash(pending);
  return pending.len;
}

@inline function hashOf(id: i32): u64 { return load<u64>(ptrOf(id) + B_HASH); }

/** Roots by structural hash, ties by creation order (ids are reused in any order). */
@inline function after(a: i32, b: i32): bool {
  const ha = hashOf(a), hb = hashOf(b);
  return ha > hb || (ha == hb && field(ptrOf(a), F_SEQ) > field(ptrOf(b), F_SEQ));
}

/** Shell sort (Ciura's gaps): in place, no allocation, fast enough for thousands of roots. */
const gaps: StaticArray<i32> = [701, 301, 132, 57, 23, 10, 4, 1];   // module-level: the minimal
                                                                      // runtime never frees a per-call array
function sortByHash(v: Vec): void {
  for (let g = 0; g < gaps.length; g++) {
    const gap = gaps[g];
    for (let i = gap; i < v.len; i++) {
      const id = v.get(i);
      let j = i;
      while (j >= gap && after(v.get(j - gap), id)) { v.set(j, v.get(j - gap)); j -= gap; }
      v.set(j, id);
    }
  }
}
