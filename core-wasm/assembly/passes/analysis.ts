// Analyses of an optimized Program for the accelerators and the debug tools: fusion groups
// (elementwise chains, and elementwise producers of a reduction, that can run as one pass
// over memory) and buffer liveness (peak bytes when every group materializes one buffer).
import * as K from '../generated/opcodes';
import { OP_KIND } from '../generated/rules';
import { Vec } from '../vec';
import { Reader, R_WORDS } from './builder';

export const groups = new Vec();      // group id (the index of its last record) per record
const uses = new Vec();
const consumer = new Vec();
const lastUse = new Vec();
const reader = new Reader();

@inline function elementwise(kind: i32): bool {
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

/** Groups records; returns the number of kernels (groups of non-leaf records). */
export function fuse(words: usize): i32 {
  const r = reader;
  r.reset(words);
  const n = r.count;
  uses.len = 0; consumer.len = 0; groups.len = 0;
  for (let i = 0; i < n; i++) { uses.push(0); consumer.push(-1); groups.push(i); }
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < nIn(r, i); k++) {
      const x = inputOf(r, i, k);
      uses.set(x, uses.get(x) + 1);
      consumer.set(x, i);
    }
  }
  for (let k = 0; k < r.nOutputs; k++) uses.set(r.output(k), uses.get(r.output(k)) + 2);   // outputs materialize
  let kernels = 0;
  for (let i = n - 1; i >= 0; i--) {
    const kind = <i32>OP_KIND[r.op(i)];
    if (kind == K.KIND_LEAF) { groups.set(i, -1); continue; }
    const c = consumer.get(i);
    if (elementwise(kind) && uses.get(i) == 1 && c >= 0) {
      const ck = <i32>OP_KIND[r.op(c)];
      const fits = elementwise(ck) ? sameDims(r, i, c) : ck == K.KIND_REDUCE;
      if (fits) { groups.set(i, groups.get(c)); continue; }
    }
    kernels++;
  }
  return kernels;
}

const BYTES: StaticArray<i32> = [4, 4, 1];

function bytesOf(r: Reader, i: i32): f64 {
  const a = r.at(i);
  let size: f64 = 1;
  for (let d = 0; d < r.w(a + 2); d++) size *= r.w(a + R_WORDS + d);
  return size * BYTES[r.w(a + 1)];
}

/** Peak bytes of live buffers over the Program, after fuse(): params live throughout, each
 *  group materializes one buffer, freed after its last reader (outputs are never freed). */
export function peakBytes(): f64 {
  const r = reader;
  const n = r.count;
  lastUse.len = 0;
  for (let i = 0; i < n; i++) lastUse.push(i);
  for (let i = 0; i < n; i++) for (let k = 0; k < nIn(r, i); k++) lastUse.set(inputOf(r, i, k), i);
  for (let k = 0; k < r.nOutputs; k++) lastUse.set(r.output(k), n);
  let live: f64 = 0, peak: f64 = 0;
  for (let i = 0; i < n; i++) if (r.op(i) == K.OP_PARAM) live += bytesOf(r, i);
  peak = live;
  for (let i = 0; i < n; i++) {
    const op = r.op(i);
    if (op == K.OP_PARAM || (groups.get(i) != i && groups.get(i) >= 0)) continue;
    live += bytesOf(r, i);
    if (live > peak) peak = live;
    for (let k = 0; k < nIn(r, i); k++) {
      const x = inputOf(r, i, k);
      if (lastUse.get(x) == i && r.op(x) != K.OP_PARAM && groups.get(x) == x) live -= bytesOf(r, x);
    }
  }
  return peak;
}
