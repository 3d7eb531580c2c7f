// Shape and dtype inference, one rule per op family: the core checks every op when it is
// recorded, so bad input fails at the user's call and nothing is half-recorded.
import * as K from './generated/opcodes';
import { OP_KIND, OP_DTYPES, OP_OUT } from './generated/rules';
import * as E from './errors';
import { isAlive, ptrOf, field, dimsPtr, F_DTYPE, F_RANK } from './node';

export const MAX_RANK = 8;
export const outDims = new StaticArray<i32>(MAX_RANK);
export let outRank: i32 = 0;
export let outDtype: i32 = 0;

let io: usize = 0;   // scratch words: inputs, then attributes
let nIn: i32 = 0;
let nAttr: i32 = 0;

@inline function inId(i: i32): i32 { return load<i32>(io + (<usize>i << 2)); }
@inline function attr(i: i32): i32 { return load<i32>(io + (<usize>(nIn + i) << 2)); }
@inline function setAttr(i: i32, v: i32): void { store<i32>(io + (<usize>(nIn + i) << 2), v); }
@inline function rankOf(i: i32): i32 { return field(ptrOf(inId(i)), F_RANK); }
@inline function dtypeOf(i: i32): i32 { return field(ptrOf(inId(i)), F_DTYPE); }
@inline function dimOf(i: i32, d: i32): i32 { return load<i32>(dimsPtr(ptrOf(inId(i))) + (<usize>d << 2)); }

function copyDims(i: i32): void {
  outRank = rankOf(i);
  for (let d = 0; d < outRank; d++) outDims[d] = dimOf(i, d);
}

/** Broadcasts the leading rank-skip dims of input i into outDims (numpy rules, right-aligned). */
function broadcastWith(i: i32, skip: i32 = 0): i32 {
  const r = rankOf(i) - skip;
  if (r > outRank) {
    const shift = r - outRank;
    for (let d = outRank - 1; d >= 0; d--) outDims[d + shift] = outDims[d];
    for (let d = 0; d < shift; d++) outDims[d] = 1;
    outRank = r;
  }
  const off = outRank - r;
  for (let d = 0; d < r; d++) {
    const a = outDims[off + d], b = dimOf(i, d);
    if (a == b || b == 1) continue;
    if (a == 1) { outDims[off + d] = b; continue; }
    return E.E_BROADCAST;
  }
  return 0;
}

/** Normalizes attribute i as an axis of a rank-r tensor. */
function normAxis(i: i32, r: i32): i32 {
  let a = attr(i);
  if (a < 0) a += r;
  if (a < 0 || a >= r) return E.E_AXIS;
  setAttr(i, a);
  return 0;
}

/** Normalizes attributes [from, from+n) as a sorted set of distinct axes. */
function normAxes(from: i32, n: i32, r: i32): i32 {
  for (let i = 0; i < n; i++) { const e = normAxis(from + i, r); if (e) return e; }
  for (let i = 1; i < n; i++) {            // insertion sort: n <= 8
    const v = attr(from + i);
    let j = i - 1;
    while (j >= 0 && attr(from + j) > v) { setAttr(from + j + 1, attr(from + j)); j--; }
    if (j >= 0 && attr(from + j) == v) return E.E_DUP_AXIS;
    setAttr(from + j + 1, v);
  }
  return 0;
}

function checkSize(): i32 {
  for (let d = 0; d < outRank; d++) {
    if (outDims[d] < 0) return E.E_DIM;
    if (outDims[d] == 0) return 0;   // empty, however large the other dims
  }
  let n: i64 = 1;
  for (let d = 0; d < outRank; d++) {
    n *= outDims[d];
    if (n > 0x7fffffff) return E.E_SIZE;
  }
  return 0;
}

/** Infers the output of an op over the scratch words; returns 0 or an error code. */
export function infer(op: i32, scratch: usize, n: i32, na: i32): i32 {
  io = scratch; nIn = n; nAttr = na;
  if (op < 0 || op >= K.OP_COUNT) return E.E_OP;
  for (let i = 0; i < nIn; i++) if (!isAlive(inId(i))) return E.E_DEAD;
  const kind = <i32>OP_KIND[op];
  const e = inferKind(op, kind);
  if (e) return e;
  if (outRank > MAX_RANK) return E.E_RANK;
  // The data input selects the kernel's dtype (where: a and b; oneHot: on and off).
  const data = kind == K.KIND_SELECT || kind == K.KIND_ONEHOT ? 1 : 0;
  const checked = dtypeOf(data);
  if (((<i32>OP_DTYPES[op] >> checked) & 1) == 0) return E.E_DTYPE;
  const out = <i32>OP_OUT[op];
  outDtype = out == 0 ? dtypeOf(data) : out == 1 ? K.DT_BOOL : out == 2 ? K.DT_INT32 : attr(0);
  return checkSize();
}

function sameDtypes(from: i32, to: i32): i32 {
  for (let i = from + 1; i < to; i++) if (dtypeOf(i) != dtypeOf(from)) return E.E_DTYPE_MISMATCH;
  return 0;
}

function inferKind(op: i32, kind: i32): i32 {
  switch (kind) {
    case K.KIND_UNARY: {
      if (nIn != 1 || nAttr != 0) return E.E_ARITY;
      copyDims(0);
      return 0;
    }
    case K.KIND_BINARY: {
      if (nIn != 2 || nAttr != 0) return E.E_ARITY;
      const e = sameDtypes(0, 2); if (e) return e;
      copyDims(0);
      return broadcastWith(1);
    }
    case K.KIND_SELECT: {
      if (nIn != 3 || nAttr != 0) return E.E_ARITY;
      if (dtypeOf(0) != K.DT_BOOL) return E.E_DTYPE;
      const e = sameDtypes(1, 3); if (e) return e;
      copyDims(0);
      const e1 = broadcastWith(1); if (e1) return e1;
      return broadcastWith(2);
    }
    case K.KIND_CAST: {
      if (nIn != 1 || nAttr != 1) return E.E_ARITY;
      if (attr(0) < 0 || attr(0) > K.DT_BOOL) return E.E_ATTR;
      copyDims(0);
      return 0;
    }
    case K.KIND_REDUCE: return inferReduce();
    case K.KIND_ARG: {
      if (nIn != 1 || nAttr != 1) return E.E_ARITY;
      const r = rankOf(0);
      const e = normAxis(0, r); if (e) return e;
      if (dimOf(0, attr(0)) == 0) return E.E_DIM;
      outRank = 0;
      for (let d = 0; d < r; d++) if (d != attr(0)) outDims[outRank++] = dimOf(0, d);
      return 0;
    }
    case K.KIND_CUMSUM: {
      if (nIn != 1 || nAttr != 3) return E.E_ARITY;
      const e = normAxis(0, rankOf(0)); if (e) return e;
      if (<u32>attr(1) > 1 || <u32>attr(2) > 1) return E.E_ATTR;
      copyDims(0);
      return 0;
    }
    case K.KIND_RESHAPE: return inferReshape();
    case K.KIND_BROADCAST: {
      if (nIn != 1) return E.E_ARITY;
      if (nAttr > MAX_RANK) return E.E_RANK;
      if (nAttr < rankOf(0)) return E.E_BROADCAST;
      outRank = nAttr;
      for (let d = 0; d < nAttr; d++) { outDims[d] = attr(d); if (attr(d) < 0) return E.E_DIM; }
      const off = nAttr - rankOf(0);
      for (let d = 0; d < rankOf(0); d++) {
        const s = dimOf(0, d);
        if (s != 1 && s != outDims[off + d]) return E.E_BROADCAST;
      }
      return 0;
    }
    case K.KIND_TRANSPOSE: {
      if (nIn != 1) return E.E_ARITY;
      const r = rankOf(0);
      if (nAttr != r) return E.E_PERM;
      let seen = 0;
      for (let d = 0; d < r; d++) {
        const p = attr(d);
        if (p < 0 || p >= r || (seen & (1 << p))) return E.E_PERM;
        seen |= 1 << p;
        outDims[d] = dimOf(0, p);
      }
      outRank = r;
      return 0;
    }
    case K.KIND_SLICE: return inferSlice();
    case K.KIND_CONCAT: return inferConcat();
    case K.KIND_PAD: {
      if (nIn != 2) return E.E_ARITY;
      const r = rankOf(0);
      if (nAttr != 2 * r) return E.E_ATTR;
      if (rankOf(1) != 0) return E.E_RANK;
      const e = sameDtypes(0, 2); if (e) return e;
      outRank = r;
      for (let d = 0; d < r; d++) {
        if (attr(d) < 0 || attr(r + d) < 0) return E.E_DIM;
        outDims[d] = dimOf(0, d) + attr(d) + attr(r + d);
      }
      return 0;
    }
    case K.KIND_GATHER: {
      if (nIn != 2 || nAttr != 1) return E.E_ARITY;
      if (dtypeOf(1) != K.DT_INT32) return E.E_DTYPE;
      const r = rankOf(0);
      const e = normAxis(0, r); if (e) return e;
      const axis = attr(0), ri = rankOf(1);
      if (r - 1 + ri > MAX_RANK) return E.E_RANK;
      outRank = 0;
      for (let d = 0; d < axis; d++) outDims[outRank++] = dimOf(0, d);
      for (let d = 0; d < ri; d++) outDims[outRank++] = dimOf(1, d);
      for (let d = axis + 1; d < r; d++) outDims[outRank++] = dimOf(0, d);
      return 0;
    }
    case K.KIND_REVERSE: {
      if (nIn != 1) return E.E_ARITY;
      if (nAttr > rankOf(0)) return E.E_AXIS;
      copyDims(0);
      return normAxes(0, nAttr, outRank);
    }
    case K.KIND_TILE: {
      if (nIn != 1) return E.E_ARITY;
      const r = rankOf(0);
      if (nAttr != r) return E.E_ATTR;
      outRank = r;
      for (let d = 0; d < r; d++) {
        if (attr(d) < 0) return E.E_DIM;
        outDims[d] = dimOf(0, d) * attr(d);
      }
      return 0;
    }
    case K.KIND_ONEHOT: {
      if (nIn != 3 || nAttr != 1) return E.E_ARITY;
      if (dtypeOf(0) != K.DT_INT32) return E.E_DTYPE;
      if (rankOf(1) != 0 || rankOf(2) != 0) return E.E_RANK;
      const e = sameDtypes(1, 3); if (e) return e;
      if (attr(0) < 0) return E.E_DIM;
      copyDims(0);
      if (outRank >= MAX_RANK) return E.E_RANK;
      outDims[outRank++] = attr(0);
      return 0;
    }
    case K.KIND_MATMUL: return inferMatmul();
  }
  return E.E_OP;
}

function inferReduce(): i32 {
  if (nIn != 1 || nAttr < 1) return E.E_ARITY;
  if (<u32>attr(0) > 1) return E.E_ATTR;
  const r = rankOf(0);
  const n = nAttr - 1;
  if (n > r) return E.E_AXIS;
  const e = normAxes(1, n, r); if (e) return e;
  const keep = attr(0);
  outRank = 0;
  let k = 1;
  for (let d = 0; d < r; d++) {
    const reduced = k < nAttr && attr(k) == d;
    if (reduced) k++;
    if (!reduced) outDims[outRank++] = dimOf(0, d);
    else if (keep) outDims[outRank++] = 1;
  }
  return 0;
}

function inferReshape(): i32 {
  if (nIn != 1) return E.E_ARITY;
  if (nAttr > MAX_RANK) return E.E_RANK;
  let known: i64 = 1, infer = -1;
  for (let d = 0; d < nAttr; d++) {
    const s = attr(d);
    if (s == -1) { if (infer >= 0) return E.E_DIM; infer = d; continue; }
    if (s < 0) return E.E_DIM;
    known *= s;
    if (known > 0x7fffffff) known = 0x80000000;   // too large unless a later dim is 0
  }
  if (known > 0x7fffffff) return E.E_SIZE;
  let total: i64 = 1;
  for (let d = 0; d < rankOf(0); d++) total *= dimOf(0, d);
  if (infer >= 0) {
    if (known == 0 || total % known != 0) return E.E_RESHAPE;
    setAttr(infer, <i32>(total / known));
  } else if (known != total) return E.E_RESHAPE;
  outRank = nAttr;
  for (let d = 0; d < nAttr; d++) outDims[d] = attr(d);
  return 0;
}

function inferSlice(): i32 {
  if (nIn != 1) return E.E_ARITY;
  const r = rankOf(0);
  if (nAttr != 3 * r) return E.E_ATTR;
  outRank = r;
  for (let d = 0; d < r; d++) {
    const begin = attr(d), size = attr(r + d), stride = attr(2 * r + d), dim = dimOf(0, d);
    if (stride == 0 || size < 0) return E.E_SLICE;
    if (size > 0) {
      const last = <i64>begin + <i64>(size - 1) * stride;
      if (begin < 0 || begin >= dim || last < 0 || last >= dim) return E.E_SLICE;
    }
    outDims[d] = size;
  }
  return 0;
}

function inferConcat(): i32 {
  if (nIn < 1 || nAttr != 1) return E.E_ARITY;
  const r = rankOf(0);
  if (r == 0) return E.E_RANK;
  const e = normAxis(0, r); if (e) return e;
  const e2 = sameDtypes(0, nIn); if (e2) return e2;
  const axis = attr(0);
  copyDims(0);
  for (let i = 1; i < nIn; i++) {
    if (rankOf(i) != r) return E.E_CONCAT;
    for (let d = 0; d < r; d++) {
      if (d == axis) outDims[d] += dimOf(i, d);
      else if (dimOf(i, d) != outDims[d]) return E.E_CONCAT;
    }
    if (outDims[axis] < 0) return E.E_SIZE;
  }
  return 0;
}

function inferMatmul(): i32 {
  if (nIn != 2 || nAttr != 2) return E.E_ARITY;
  const ra = rankOf(0), rb = rankOf(1);
  if (ra < 2 || rb < 2) return E.E_RANK;
  const e = sameDtypes(0, 2); if (e) return e;
  const ta = attr(0), tb = attr(1);
  if (<u32>ta > 1 || <u32>tb > 1) return E.E_ATTR;
  const m = dimOf(0, ta ? ra - 1 : ra - 2), ka = dimOf(0, ta ? ra - 2 : ra - 1);
  const kb = dimOf(1, tb ? rb - 1 : rb - 2), n = dimOf(1, tb ? rb - 2 : rb - 1);
  if (ka != kb) return E.E_MATMUL;
  // batch dims broadcast like elementwise ops
  outRank = ra - 2;
  for (let d = 0; d < outRank; d++) outDims[d] = dimOf(0, d);
  const eb = broadcastWith(1, 2); if (eb) return eb;
  if (outRank + 2 > MAX_RANK) return E.E_RANK;
  outDims[outRank++] = m;
  outDims[outRank++] = n;
  return 0;
}
