// Building, retaining and releasing nodes: the recording half of the core.
import * as K from './generated/opcodes';
import * as E from './errors';
import { Vec, copyWords } from './vec';
import { SEED, mix, mix64, finish } from './hash';
import { infer, outDims, outRank, outDtype, MAX_RANK } from './infer';
import { lookup, insert, remove } from './intern';
import { OP_COMMUTATIVE } from './generated/rules';
import {
  allocNode, freeNode, nodeRealized, ptrOf, field, setField, dimsPtr, input,
  F_OP, F_RANK, F_NIN, F_NATTR, F_REFS, F_EXT, F_BUF, F_SEQ, B_KEY, B_HASH, B_VALUE, B_SKEL,
} from './node';

export const io = new Vec();      // JS writes inputs then attributes here
export const freed = new Vec();   // buffer handles of data nodes freed by the last call
const cand = new Vec();           // candidate words: dims, inputs, attributes
const work = new Vec();           // release worklist

/** Records an op over the inputs and attributes in `io`; returns its node id or an error. */
export function build(op: i32, nIn: i32, nAttr: i32): i32 {
  const e = infer(op, io.ptr, nIn, nAttr);
  if (e) return e;
  if (OP_COMMUTATIVE[op]) canonicalOrder();
  const n = outRank + nIn + nAttr;
  cand.reserve(n);
  for (let d = 0; d < outRank; d++) cand.set(d, outDims[d]);
  copyWords(cand.ptr + (<usize>outRank << 2), io.ptr, nIn + nAttr);
  let key = mix(mix(mix(SEED, op), outDtype), outRank);
  for (let i = 0; i < n; i++) key = mix(key, cand.get(i));
  key = finish(key);
  const found = lookup(key, op, outDtype, outRank, nIn, nAttr, cand.ptr);
  if (found >= 0) {
    const fp = ptrOf(found);
    setField(fp, F_EXT, field(fp, F_EXT) + 1);
    return found;
  }
  const id = allocNode(op, outDtype, outRank, nIn, nAttr);
  const p = ptrOf(id);
  copyWords(dimsPtr(p), cand.ptr, n);
  store<u64>(p + B_KEY, key);
  // structural hash: operands by their own structural hash, never by id or data
  let h = mix(mix(mix(SEED, op), outDtype), outRank);
  for (let d = 0; d < outRank; d++) h = mix(h, outDims[d]);
  for (let i = 0; i < nIn; i++) {
    const ip = ptrOf(input(p, i));
    h = mix64(h, load<u64>(ip + B_HASH));
    setField(ip, F_REFS, field(ip, F_REFS) + 1);
  }
  for (let i = 0; i < nAttr; i++) h = mix(h, load<i32>(io.ptr + (<usize>(nIn + i) << 2)));
  store<u64>(p + B_HASH, finish(h));
  let skel = mix(SEED, op);
  for (let i = 0; i < nIn; i++) skel = mix64(skel, load<u64>(ptrOf(input(p, i)) + B_SKEL));
  store<u64>(p + B_SKEL, finish(skel));
  setField(p, F_EXT, 1);
  insert(id);
  return id;
}

/** Orders a commutative op's operands so a+b and b+a intern to one node and serialize
 *  alike: computed operands before leaves, then by skeleton hash (stable when only shapes or
 *  constants change), then structural hash, then creation order. */
function canonicalOrder(): void {
  const a = io.get(0), b = io.get(1);
  if (before(b, a)) { io.set(0, b); io.set(1, a); }
}

function before(x: i32, y: i32): bool {
  const px = ptrOf(x), py = ptrOf(y);
  const lx = isLeaf(field(px, F_OP)), ly = isLeaf(field(py, F_OP));
  if (lx != ly) return ly;
  const sx = load<u64>(px + B_SKEL), sy = load<u64>(py + B_SKEL);
  if (sx != sy) return sx < sy;
  const hx = load<u64>(px + B_HASH), hy = load<u64>(py + B_HASH);
  if (hx != hy) return hx < hy;
  return field(px, F_SEQ) < field(py, F_SEQ);   // creation order, not reusable ids
}

@inline function isLeaf(op: i32): bool {
  return op == K.OP_DATA || op == K.OP_SCALAR || op == K.OP_CONST;
}

/** Data and scalars are both params to a Program; consts are their own kind. */
function leafSkeleton(op: i32): u64 { return finish(mix(SEED, op == K.OP_CONST ? K.OP_CONST : K.OP_PARAM)); }

function leafHash(op: i32, dtype: i32, rank: i32, dims: usize): u64 {
  let h = mix(mix(mix(SEED, op), dtype), rank);
  for (let d = 0; d < rank; d++) h = mix(h, load<i32>(dims + (<usize>d << 2)));
  return finish(h);
}

/** A realized buffer as a leaf; its dims are in `io`. Never interned: each buffer is distinct. */
export function makeData(dtype: i32, rank: i32, buf: i32): i32 {
  if (rank < 0 || rank > MAX_RANK) return E.E_RANK;
  if (dtype < 0 || dtype > K.DT_BOOL) return E.E_DTYPE;
  let size: i64 = 1;
  for (let d = 0; d < rank; d++) {
    if (io.get(d) < 0) return E.E_DIM;
    if (io.get(d) == 0) size = 0;   // empty, however large the other dims
  }
  for (let d = 0; d < rank && size > 0; d++) {
    size *= io.get(d);
    if (size > 0x7fffffff) return E.E_SIZE;
  }
  const id = allocNode(K.OP_DATA, dtype, rank, 0, 0);
  const p = ptrOf(id);
  copyWords(dimsPtr(p), io.ptr, rank);
  store<u64>(p + B_HASH, leafHash(K.OP_DATA, dtype, rank, io.ptr));
  store<u64>(p + B_SKEL, leafSkeleton(K.OP_DATA));
  setField(p, F_BUF, buf);
  setField(p, F_EXT, 1);
  return id;
}

/** A rank-0 value from user code: a parameter of the Program, hashed without its value. */
export function makeScalar(dtype: i32, value: f64): i32 {
  const id = allocNode(K.OP_SCALAR, dtype, 0, 0, 0);
  const p = ptrOf(id);
  store<u64>(p + B_HASH, leafHash(K.OP_DATA, dtype, 0, 0));   // a param, like rank-0 data
  store<u64>(p + B_SKEL, leafSkeleton(K.OP_SCALAR));
  store<f64>(p + B_VALUE, value);
  setField(p, F_EXT, 1);
  return id;
}

/** A rank-0 constant of the library (0, 1, 1/n): part of the structure, so interned. */
export function makeConst(dtype: i32, value: f64): i32 {
  const bits = reinterpret<u64>(value);
  io.reserve(2);
  io.set(0, <i32>bits);
  io.set(1, <i32>(bits >> 32));
  const key = finish(mix(mix(mix(mix(SEED, K.OP_CONST), dtype), io.get(0)), io.get(1)));
  const found = lookup(key, K.OP_CONST, dtype, 0, 0, 2, io.ptr);
  if (found >= 0) { retain(found); return found; }
  const id = allocNode(K.OP_CONST, dtype, 0, 0, 2);
  const p = ptrOf(id);
  memory.copy(dimsPtr(p), io.ptr, 8);
  store<u64>(p + B_KEY, key);
  store<u64>(p + B_HASH, key);
  store<u64>(p + B_SKEL, leafSkeleton(K.OP_CONST));
  store<f64>(p + B_VALUE, value);
  setField(p, F_EXT, 1);
  insert(id);
  return id;
}

export function retain(id: i32): void {
  const p = ptrOf(id);
  setField(p, F_EXT, field(p, F_EXT) + 1);
}

/** Drops one tensor reference; frees every node nothing refers to any more. */
export function release(id: i32): i32 {
  freed.len = 0;
  const p = ptrOf(id);
  setField(p, F_EXT, field(p, F_EXT) - 1);
  if (field(p, F_EXT) + field(p, F_REFS) == 0) {
    work.push(id);
    drain();
  }
  return freed.len;
}

/** Frees the worklist's nodes and, transitively, inputs left without references. */
function drain(): void {
  while (work.len > 0) {
    const id = work.pop();
    const p = ptrOf(id);
    remove(id);
    unref(p);
    if (field(p, F_OP) == K.OP_DATA) freed.push(field(p, F_BUF));
    freeNode(id);
  }
}

function unref(p: usize): void {
  const nIn = field(p, F_NIN);
  for (let i = 0; i < nIn; i++) {
    const in_ = input(p, i);
    const ip = ptrOf(in_);
    const refs = field(ip, F_REFS) - 1;
    setField(ip, F_REFS, refs);
    if (refs + field(ip, F_EXT) == 0) work.push(in_);
  }
}

/** Turns a computed node into a data leaf over its result buffer, dropping its inputs, so
 *  later graphs start from the value instead of recomputing it. */
export function realize(id: i32, buf: i32): i32 {
  freed.len = 0;
  const p = ptrOf(id);
  remove(id);
  unref(p);
  drain();
  setField(p, F_OP, K.OP_DATA);
  nodeRealized();
  setField(p, F_NIN, 0);
  setField(p, F_NATTR, 0);
  setField(p, F_BUF, buf);
  store<u64>(p + B_HASH, leafHash(K.OP_DATA, field(p, 1), field(p, F_RANK), dimsPtr(p)));
  store<u64>(p + B_SKEL, leafSkeleton(K.OP_DATA));
  return freed.len;
}
