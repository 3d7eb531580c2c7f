// Hash-consing: a node built twice from the same op, inputs and attributes is one node, so
// common subexpressions cost nothing. Keys use input ids (identity), not structure.
import { Vec } from './vec';
import { ptrOf, field, setField, F_NEXT, F_OP, F_DTYPE, F_RANK, F_NIN, F_NATTR, F_INTERNED, B_KEY, dimsPtr } from './node';

let buckets = new Vec();
let mask: i32 = 0;
let count: i32 = 0;

function resize(n: i32): void {
  const old = buckets;
  buckets = new Vec();
  buckets.reserve(n);
  buckets.len = n;
  memory.fill(buckets.ptr, 0xff, <usize>n << 2);
  mask = n - 1;
  for (let b = 0; b < old.len; b++) {
    let id = old.get(b);
    while (id >= 0) {
      const p = ptrOf(id);
      const next = field(p, F_NEXT);
      const slot = <i32>load<u64>(p + B_KEY) & mask;
      setField(p, F_NEXT, buckets.get(slot));
      buckets.set(slot, id);
      id = next;
    }
  }
  heap.free(old.ptr);
}

export function initIntern(): void { resize(1024); }

/** The interned node equal to a candidate described by the scratch words, or -1. */
export function lookup(key: u64, op: i32, dtype: i32, rank: i32, nIn: i32, nAttr: i32, words: usize): i32 {
  let id = buckets.get(<i32>key & mask);
  while (id >= 0) {
    const p = ptrOf(id);
    if (load<u64>(p + B_KEY) == key && field(p, F_OP) == op && field(p, F_DTYPE) == dtype &&
        field(p, F_RANK) == rank && field(p, F_NIN) == nIn && field(p, F_NATTR) == nAttr &&
        memory.compare(dimsPtr(p), words, <usize>(rank + nIn + nAttr) << 2) == 0) return id;
    id = field(p, F_NEXT);
  }
  return -1;
}

export function insert(id: i32): void {
  if (count * 4 >= buckets.len * 3) resize(buckets.len << 1);
  const p = ptrOf(id);
  const slot = <i32>load<u64>(p + B_KEY) & mask;
  setField(p, F_NEXT, buckets.get(slot));
  setField(p, F_INTERNED, 1);
  buckets.set(slot, id);
  count++;
}

export function remove(id: i32): void {
  const p = ptrOf(id);
  if (field(p, F_INTERNED) == 0) return;
  setField(p, F_INTERNED, 0);
  const slot = <i32>load<u64>(p + B_KEY) & mask;
  let cur = buckets.get(slot);
  if (cur == id) {
    buckets.set(slot, field(p, F_NEXT));
  } else {
    while (cur >= 0) {
      const cp = ptrOf(cur);
      const next = field(cp, F_NEXT);
      if (next == id) { setField(cp, F_NEXT, field(p, F_NEXT)); break; }
      cur = next;
    }
  }
  count--;
}

