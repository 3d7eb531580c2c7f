// A node is one heap block: a fixed header, then dims, inputs and attributes. Ids index the
// slot table, so JS holds small integers and freed ids are reused.
import { Vec, zeroWords } from './vec';
import { OP_CONST, OP_DATA, OP_SCALAR } from './generated/opcodes';

export const F_OP = 0;     // opcode
export const F_DTYPE = 1;
export const F_RANK = 2;
export const F_NIN = 3;
export const F_NATTR = 4;
export const F_REFS = 5;   // references from other nodes
export const F_EXT = 6;    // references from JS tensor handles
export const F_BUF = 7;    // buffer handle of a `data` node
export const F_NEXT = 8;   // next node id in the intern bucket, or -1
export const F_MARK = 9;   // traversal epoch
export const F_LOCAL = 10; // record index in the Program being cut
export const F_INTERNED = 11;
export const B_KEY = 48;   // u64 intern key (identity of the inputs)
export const B_HASH = 56;  // u64 structural hash (operand hashes, never data)
export const B_VALUE = 64; // f64 value of a `scalar` or `const`
export const B_SKEL = 72;  // u64 skeleton hash: ops and wiring only (no shapes, dtypes or values)
export const F_SEQ = 20;   // creation order: the tie-break that keeps Programs stable across steps
export const F_SMALL = 21; // 1 when the block came from the small-block pool
export const HEADER = 22;  // words (8-byte aligned, so dims follow a whole number of u64s)

export const slots = new Vec();   // id -> block pointer (0 when free)
export const freeIds = new Vec();
export let liveNodes: i32 = 0;
let sequence: i32 = 0;
/** Live nodes that still need computing (not data, scalar or const leaves): the pending graph. */
export let pendingNodes: i32 = 0;

@inline function isLeafOp(op: i32): bool { return op == OP_CONST || op == OP_DATA || op == OP_SCALAR; }

@inline export function ptrOf(id: i32): usize { return <usize>slots.get(id); }
@inline export function field(p: usize, f: i32): i32 { return load<i32>(p + (<usize>f << 2)); }
@inline export function setField(p: usize, f: i32, v: i32): void { store<i32>(p + (<usize>f << 2), v); }
@inline export function dimsPtr(p: usize): usize { return p + (HEADER << 2); }
@inline export function inputsPtr(p: usize): usize { return dimsPtr(p) + (<usize>field(p, F_RANK) << 2); }
@inline export function attrsPtr(p: usize): usize { return inputsPtr(p) + (<usize>field(p, F_NIN) << 2); }
@inline export function input(p: usize, i: i32): i32 { return load<i32>(inputsPtr(p) + (<usize>i << 2)); }

export function isAlive(id: i32): bool {
  return id >= 0 && id < slots.len && slots.get(id) != 0;
}

/** A computed node became a data leaf. */
export function nodeRealized(): void { pendingNodes--; }

/** Allocates a node block and its id; the caller fills dims, inputs and attributes. */
// Most nodes (rank <= 4, a few inputs and attributes) fit a 32-word block: a free list of
// those makes allocation a pop instead of a trip through the general allocator.
const SMALL_WORDS = 32;
const smallFree = new Vec();

export function allocNode(op: i32, dtype: i32, rank: i32, nIn: i32, nAttr: i32): i32 {
  const words = HEADER + rank + nIn + nAttr;
  const small = words <= SMALL_WORDS;
  const p: usize = !small ? heap.alloc(<usize>words << 2)
    : smallFree.len > 0 ? <usize>smallFree.pop() : heap.alloc(SMALL_WORDS << 2);
  zeroWords(p, HEADER);
  if (small) setField(p, F_SMALL, 1);
  setField(p, F_OP, op);
  setField(p, F_DTYPE, dtype);
  setField(p, F_RANK, rank);
  setField(p, F_NIN, nIn);
  setField(p, F_NATTR, nAttr);
  setField(p, F_NEXT, -1);
  setField(p, F_BUF, -1);
  setField(p, F_MARK, -1);
  setField(p, F_SEQ, sequence++);
  let id: i32;
  if (freeIds.len > 0) {
    id = freeIds.pop();
    slots.set(id, <i32>p);
  } else {
    id = slots.len;
    slots.push(<i32>p);
  }
  liveNodes++;
  if (!isLeafOp(op)) pendingNodes++;
  return id;
}

export function freeNode(id: i32): void {
  const p = ptrOf(id);
  if (!isLeafOp(field(p, F_OP))) pendingNodes--;
  if (field(p, F_SMALL)) smallFree.push(<i32>p);
  else heap.free(p);
  slots.set(id, 0);
  freeIds.push(id);
  liveNodes--;
}
