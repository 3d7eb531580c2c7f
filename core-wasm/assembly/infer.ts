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
    case K.KIND_CONV: return inferConv(op);
    case K.KIND_POOL: return inferPool(op);
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

// ---- convolutions and pooling (NHWC; attribute layouts in docs/PROGRAM.md) ----

let winH: i32 = 0;
let winW: i32 = 0;

/** Output length of a window of f taps, dil apart, sliding by s over n + before + after
 *  elements; -1 if an attribute is out of range or the window does not fit. */
function windowOut(n: i32, f: i32, s: i32, dil: i32, before: i32, after: i32): i32 {
  if (f < 1 || s < 1 || dil < 1 || before < 0 || after < 0) return -1;
  const eff = <i64>(f - 1) * dil + 1, span = <i64>n + before + after;
  if (span < eff) return -1;
  return <i32>((span - eff) / s + 1);
}

/** Sets winH, winW for an h x w input under filter fh x fw; attribute words:
 *  [strideH, strideW, dilationH, dilationW, padTop, padBottom, padLeft, padRight]. */
function convWindows(h: i32, w: i32, fh: i32, fw: i32): i32 {
  winH = windowOut(h, fh, attr(0), attr(2), attr(4), attr(5));
  winW = windowOut(w, fw, attr(1), attr(3), attr(6), attr(7));
  return winH < 0 || winW < 0 ? E.E_WINDOW : 0;
}

function setOut4(a: i32, b: i32, c: i32, d: i32): void {
  outRank = 4; outDims[0] = a; outDims[1] = b; outDims[2] = c; outDims[3] = d;
}

/** conv2d, depthwiseConv2d and their adjoints: x [n, h, w, ci], filter [fh, fw, ci, co]
 *  (depthwise: [fh, fw, ci, mult], co = ci * mult), y [n, oh, ow, co]. */
function inferConv(op: i32): i32 {
  const forward = op == K.OP_CONV2D || op == K.OP_DEPTHWISE_CONV2D;
  const depthwise = op == K.OP_DEPTHWISE_CONV2D || op == K.OP_DEPTHWISE_CONV2D_BACKPROP_INPUT || op == K.OP_DEPTHWISE_CONV2D_BACKPROP_FILTER;
  if (nIn != 2 || nAttr != (forward ? 8 : 10)) return E.E_ARITY;
  if (rankOf(0) != 4 || rankOf(1) != 4) return E.E_RANK;
  const ed = sameDtypes(0, 2); if (ed) return ed;
  if (forward) {                      // x, filter -> y
    const ci = dimOf(0, 3);
    if (dimOf(1, 2) != ci) return E.E_CHANNELS;
    const e = convWindows(dimOf(0, 1), dimOf(0, 2), dimOf(1, 0), dimOf(1, 1)); if (e) return e;
    const co = depthwise ? <i64>ci * dimOf(1, 3) : <i64>dimOf(1, 3);
    if (co > 0x7fffffff) return E.E_SIZE;
    setOut4(dimOf(0, 0), winH, winW, <i32>co);
    return 0;
  }
  if (op == K.OP_CONV2D_BACKPROP_INPUT || op == K.OP_DEPTHWISE_CONV2D_BACKPROP_INPUT) { // dy, filter -> dx
    const ci = dimOf(1, 2), co = depthwise ? <i64>ci * dimOf(1, 3) : <i64>dimOf(1, 3);
    if (<i64>dimOf(0, 3) != co) return E.E_CHANNELS;
    if (attr(8) < 0 || attr(9) < 0) return E.E_DIM;
    const e = convWindows(attr(8), attr(9), dimOf(1, 0), dimOf(1, 1)); if (e) return e;
    if (winH != dimOf(0, 1) || winW != dimOf(0, 2)) return E.E_WINDOW;
    setOut4(dimOf(0, 0), attr(8), attr(9), ci);
    return 0;
  }
  // x, dy -> dfilter
  const ci = dimOf(0, 3), co = dimOf(1, 3);
  if (dimOf(1, 0) != dimOf(0, 0)) return E.E_WINDOW;
  const e = convWindows(dimOf(0, 1), dimOf(0, 2), attr(8), attr(9)); if (e) return e;
  if (winH != dimOf(1, 1) || winW != dimOf(1, 2)) return E.E_WINDOW;
  if (depthwise && (ci == 0 || co % ci != 0)) return E.E_CHANNELS;
  setOut4(attr(8), attr(9), ci, depthwise ? co / ci : co);
  return 0;
}

/** Sets winH, winW for pooling an h x w input; attribute words [filterH, filterW, strideH,
 *  strideW, padTop, padBottom, padLeft, padRight]. A pad as large as the filter is refused:
 *  every window must hold a real element. */
function poolWindows(h: i32, w: i32): i32 {
  const fh = attr(0), fw = attr(1);
  if (attr(4) >= fh || attr(5) >= fh || attr(6) >= fw || attr(7) >= fw) return E.E_WINDOW;
  winH = windowOut(h, fh, attr(2), 1, attr(4), attr(5));
  winW = windowOut(w, fw, attr(3), 1, attr(6), attr(7));
  return winH < 0 || winW < 0 ? E.E_WINDOW : 0;
}

/** maxPool, avgPool ([n, h, w, c] -> [n, oh, ow, c]) and their adjoints. */
function inferPool(op: i32): i32 {
  if (op == K.OP_MAX_POOL || op == K.OP_AVG_POOL) {
    if (nIn != 1 || nAttr != 8) return E.E_ARITY;
    if (rankOf(0) != 4) return E.E_RANK;
    const e = poolWindows(dimOf(0, 1), dimOf(0, 2)); if (e) return e;
    setOut4(dimOf(0, 0), winH, winW, dimOf(0, 3));
    return 0;
  }
  if (op == K.OP_MAX_POOL_GRAD) {   // x, dy -> dx
    if (nIn != 2 || nAttr != 8) return E.E_ARITY;
    if (rankOf(0) != 4 || rankOf(1) != 4) return E.E_RANK;
    const ed = sameDtypes(0, 2); if (ed) return ed;
    const e = poolWindows(dimOf(0, 1), dimOf(0, 2)); if (e) return e;
    if (dimOf(1, 0) != dimOf(0, 0) || dimOf(1, 1) != winH || dimOf(1, 2) != winW || dimOf(1, 3) != dimOf(0, 3)) return E.E_WINDOW;
    copyDims(0);
    return 0;
  }
  // avgPoolGrad: dy -> dx [n, inH, inW, c]
  if (nIn != 1 || nAttr != 10) return E.E_ARITY;
  if (rankOf(0) != 4) return E.E_RANK;
  if (attr(8) < 0 || attr(9) < 0) return E.E_DIM;
  const e = poolWindows(attr(8), attr(9)); if (e) return e;
  if (dimOf(0, 1) != winH || dimOf(0, 2) != winW) return E.E_WINDOW;
  setOut4(dimOf(0, 0), attr(8), attr(9), dimOf(0, 3));
  return 0;
}
