// Checks one record against its op's rules (docs/PROGRAM.md) before anything runs. The core
// already inferred the shapes; checking them again costs little and means a bad Program is
// refused instead of reading or writing outside its buffers.
import {
  OP_PARAM, OP_CONST, DT_INT32, DT_BOOL,
  KIND_LEAF, KIND_UNARY, KIND_BINARY, KIND_REDUCE, KIND_SELECT, KIND_CAST, KIND_ARG, KIND_CUMSUM,
  KIND_RESHAPE, KIND_BROADCAST, KIND_TRANSPOSE, KIND_SLICE, KIND_CONCAT, KIND_PAD, KIND_GATHER,
  KIND_REVERSE, KIND_TILE, KIND_ONEHOT, KIND_MATMUL, KIND_CONV, KIND_POOL,
} from '../../../core-wasm/assembly/generated/opcodes';
import { opKind, opDtypes, opOut, OUT_BOOL, OUT_INT32 } from './generated/optable';
import { ERR_OPCODE, ERR_DTYPE, ERR_INPUT, ERR_ATTRS, ERR_SHAPE, ERR_PARAM } from './errors';
import {
  Exe, exeRecord, recOp, recDtype, recRank, recDim, recNIn, recNAttr, recInput, recAttr,
} from './record';
import { validateWindow } from './window';

/** What the checks of one record see: the executable so far and the record. */
let exe: Exe = changetype<Exe>(0);
let rec: usize = 0;

@inline function input(k: i32): usize { return exeRecord(exe, recInput(rec, k)); }
@inline function attr(k: i32): i32 { return recAttr(rec, k); }
@inline function isFlag(v: i32): bool { return v == 0 || v == 1; }

function arity(nIn: i32, nAttr: i32): i32 {
  if (recNIn(rec) != nIn) return ERR_INPUT;
  if (recNAttr(rec) != nAttr) return ERR_ATTRS;
  return 0;
}

/** x's dtype is one the op allows, and the output's dtype is `out`. */
function dtypes(x: usize, out: i32): i32 {
  const allowed = ((opDtypes(recOp(rec)) >> recDtype(x)) & 1) != 0;
  return allowed && recDtype(rec) == out ? 0 : ERR_DTYPE;
}

function sameDims(a: usize, b: usize): bool {
  if (recRank(a) != recRank(b)) return false;
  for (let k = 0; k < recRank(a); k++) if (recDim(a, k) != recDim(b, k)) return false;
  return true;
}

/** x broadcasts (tfjs rules: aligned right, size 1 repeats) to the record's dims. */
function broadcasts(x: usize): bool {
  const r = recRank(rec), rx = recRank(x);
  if (rx > r) return false;
  for (let k = 0; k < rx; k++) {
    const d = recDim(x, k);
    if (d != 1 && d != recDim(rec, r - rx + k)) return false;
  }
  return true;
}

/** The record's dims equal the attribute words starting at `from`. */
function dimsAreAttrs(from: i32): bool {
  for (let k = 0; k < recRank(rec); k++) if (attr(from + k) != recDim(rec, k)) return false;
  return true;
}

function numel(x: usize): i64 {
  let n: i64 = 1;
  for (let k = 0; k < recRank(x); k++) n *= recDim(x, k);
  return n;
}

function leaf(nParams: i32, seen: usize): i32 {
  const op = recOp(rec);
  if (op == OP_CONST) return arity(0, 2);
  if (op != OP_PARAM) return ERR_OPCODE; // data and scalar never leave the core
  const e = arity(0, 1);
  if (e) return e;
  const slot = attr(0);
  if (slot < 0 || slot >= nParams || load<u8>(seen + <usize>slot)) return ERR_PARAM;
  store<u8>(seen + <usize>slot, 1);
  return 0;
}

/** The dtype an elementwise record must have, given its (first) operand. */
function outDtype(x: usize): i32 {
  const out = opOut(recOp(rec));
  return out == OUT_BOOL ? DT_BOOL : out == OUT_INT32 ? DT_INT32 : recDtype(x);
}

function unary(): i32 {
  const e = arity(1, 0);
  if (e) return e;
  const x = input(0);
  if (dtypes(x, outDtype(x))) return ERR_DTYPE;
  return sameDims(x, rec) ? 0 : ERR_SHAPE;
}

function binary(): i32 {
  const e = arity(2, 0);
  if (e) return e;
  const a = input(0), b = input(1);
  if (recDtype(a) != recDtype(b)) return ERR_DTYPE;
  if (dtypes(a, outDtype(a))) return ERR_DTYPE;
  return broadcasts(a) && broadcasts(b) ? 0 : ERR_SHAPE;
}

function reduce(): i32 {
  const nAttr = recNAttr(rec);
  if (recNIn(rec) != 1) return ERR_INPUT;
  if (nAttr < 1) return ERR_ATTRS;
  const x = input(0), rx = recRank(x), keep = attr(0), nAxes = nAttr - 1;
  if (dtypes(x, recDtype(x))) return ERR_DTYPE;
  if (!isFlag(keep)) return ERR_ATTRS;
  for (let a = 0; a < nAxes; a++) {
    const axis = attr(1 + a);
    if (axis < 0 || axis >= rx || (a > 0 && axis <= attr(a))) return ERR_ATTRS;
  }
  if (recRank(rec) != (keep ? rx : rx - nAxes)) return ERR_SHAPE;
  let a = 0, o = 0;
  for (let k = 0; k < rx; k++) {
    const reduced = a < nAxes && attr(1 + a) == k;
    if (reduced) a++;
    if (reduced && !keep) continue;
    if (recDim(rec, o++) != (reduced ? 1 : recDim(x, k))) return ERR_SHAPE;
  }
  return 0;
}

function select(): i32 {
  const e = arity(3, 0);
  if (e) return e;
  const cond = input(0), a = input(1), b = input(2);
  if (recDtype(cond) != DT_BOOL || recDtype(b) != recDtype(a)) return ERR_DTYPE;
  if (dtypes(a, recDtype(a))) return ERR_DTYPE;
  return broadcasts(cond) && broadcasts(a) && broadcasts(b) ? 0 : ERR_SHAPE;
}

function cast(): i32 {
  const e = arity(1, 1);
  if (e) return e;
  if (attr(0) != recDtype(rec)) return ERR_ATTRS;
  return sameDims(input(0), rec) ? 0 : ERR_SHAPE;
}

/** argMax / argMin: the axis is removed. */
function arg(): i32 {
  const e = arity(1, 1);
  if (e) return e;
  const x = input(0), axis = attr(0), rx = recRank(x);
  if (dtypes(x, DT_INT32)) return ERR_DTYPE;
  if (axis < 0 || axis >= rx) return ERR_ATTRS;
  if (recRank(rec) != rx - 1) return ERR_SHAPE;
  for (let k = 0; k < rx - 1; k++) if (recDim(rec, k) != recDim(x, k < axis ? k : k + 1)) return ERR_SHAPE;
  return 0;
}

function cumsum(): i32 {
  const e = arity(1, 3);
  if (e) return e;
  const x = input(0);
  if (dtypes(x, recDtype(x))) return ERR_DTYPE;
  if (attr(0) < 0 || attr(0) >= recRank(x) || !isFlag(attr(1)) || !isFlag(attr(2))) return ERR_ATTRS;
  return sameDims(x, rec) ? 0 : ERR_SHAPE;
}

/** reshape and broadcastTo: the attributes repeat the dims. */
function reshapeLike(isBroadcast: bool): i32 {
  const e = arity(1, recRank(rec));
  if (e) return e;
  const x = input(0);
  if (recDtype(x) != recDtype(rec)) return ERR_DTYPE;
  if (!dimsAreAttrs(0)) return ERR_ATTRS;
  const ok = isBroadcast ? broadcasts(x) : numel(x) == numel(rec);
  return ok ? 0 : ERR_SHAPE;
}

function transpose(): i32 {
  const r = recRank(rec), e = arity(1, r);
  if (e) return e;
  const x = input(0);
  if (recDtype(x) != recDtype(rec)) return ERR_DTYPE;
  if (recRank(x) != r) return ERR_SHAPE;
  let used = 0;
  for (let i = 0; i < r; i++) {
    const p = attr(i);
    if (p < 0 || p >= r || (used >> p) & 1) return ERR_ATTRS;
    used |= 1 << p;
    if (recDim(rec, i) != recDim(x, p)) return ERR_SHAPE;
  }
  return 0;
}

/** slice: every element read lies inside x (checked at both ends of each axis). */
function slice(): i32 {
  const r = recRank(rec), e = arity(1, 3 * r);
  if (e) return e;
  const x = input(0);
  if (recDtype(x) != recDtype(rec)) return ERR_DTYPE;
  if (recRank(x) != r) return ERR_SHAPE;
  if (!dimsAreAttrs(r)) return ERR_ATTRS;
  const empty = numel(rec) == 0;
  for (let k = 0; k < r; k++) {
    const begin = <i64>attr(k), stride = <i64>attr(2 * r + k), d = <i64>recDim(x, k);
    if (stride == 0) return ERR_ATTRS;
    const last = begin + (<i64>recDim(rec, k) - 1) * stride;
    if (!empty && (begin < 0 || begin >= d || last < 0 || last >= d)) return ERR_ATTRS;
  }
  return 0;
}

function concat(): i32 {
  const nIn = recNIn(rec), r = recRank(rec);
  if (nIn < 1) return ERR_INPUT;
  if (recNAttr(rec) != 1) return ERR_ATTRS;
  const axis = attr(0);
  if (axis < 0 || axis >= r) return ERR_ATTRS;
  let total: i64 = 0;
  for (let j = 0; j < nIn; j++) {
    const x = input(j);
    if (recDtype(x) != recDtype(rec)) return ERR_DTYPE;
    if (recRank(x) != r) return ERR_SHAPE;
    for (let k = 0; k < r; k++) if (k != axis && recDim(x, k) != recDim(rec, k)) return ERR_SHAPE;
    total += recDim(x, axis);
  }
  return total == <i64>recDim(rec, axis) ? 0 : ERR_SHAPE;
}

function pad(): i32 {
  const r = recRank(rec), e = arity(2, 2 * r);
  if (e) return e;
  const x = input(0), v = input(1);
  if (recDtype(x) != recDtype(rec) || recDtype(v) != recDtype(rec)) return ERR_DTYPE;
  if (recRank(x) != r || recRank(v) != 0) return ERR_SHAPE;
  for (let k = 0; k < r; k++) {
    const before = attr(k), after = attr(r + k);
    if (before < 0 || after < 0) return ERR_ATTRS;
    if (<i64>recDim(x, k) + before + after != <i64>recDim(rec, k)) return ERR_SHAPE;
  }
  return 0;
}

/** gather: dims are x[:axis] ++ indices ++ x[axis+1:]. */
function gather(): i32 {
  const e = arity(2, 1);
  if (e) return e;
  const x = input(0), idx = input(1), axis = attr(0), rx = recRank(x), ri = recRank(idx);
  if (recDtype(x) != recDtype(rec) || recDtype(idx) != DT_INT32) return ERR_DTYPE;
  if (axis < 0 || axis >= rx) return ERR_ATTRS;
  if (recRank(rec) != rx - 1 + ri) return ERR_SHAPE;
  for (let k = 0; k < recRank(rec); k++) {
    const want = k < axis ? recDim(x, k) : k < axis + ri ? recDim(idx, k - axis) : recDim(x, k - ri + 1);
    if (recDim(rec, k) != want) return ERR_SHAPE;
  }
  return 0;
}

function reverse(): i32 {
  const r = recRank(rec), nAttr = recNAttr(rec);
  if (recNIn(rec) != 1) return ERR_INPUT;
  if (nAttr > r) return ERR_ATTRS;
  const x = input(0);
  if (recDtype(x) != recDtype(rec)) return ERR_DTYPE;
  let used = 0;
  for (let a = 0; a < nAttr; a++) {
    const k = attr(a);
    if (k < 0 || k >= r || (used >> k) & 1) return ERR_ATTRS;
    used |= 1 << k;
  }
  return sameDims(x, rec) ? 0 : ERR_SHAPE;
}

function tile(): i32 {
  const r = recRank(rec), e = arity(1, r);
  if (e) return e;
  const x = input(0);
  if (recDtype(x) != recDtype(rec)) return ERR_DTYPE;
  if (recRank(x) != r) return ERR_SHAPE;
  for (let k = 0; k < r; k++) {
    if (attr(k) < 0) return ERR_ATTRS;
    if (<i64>recDim(x, k) * attr(k) != <i64>recDim(rec, k)) return ERR_SHAPE;
  }
  return 0;
}

/** oneHot: dims are indices ++ [depth]; the output takes the dtype of on and off. */
function oneHot(): i32 {
  const e = arity(3, 1);
  if (e) return e;
  const idx = input(0), on = input(1), off = input(2), r = recRank(rec), depth = attr(0);
  if (recDtype(idx) != DT_INT32 || recDtype(on) != recDtype(rec) || recDtype(off) != recDtype(rec)) return ERR_DTYPE;
  if (depth < 0) return ERR_ATTRS;
  if (recRank(on) != 0 || recRank(off) != 0 || r != recRank(idx) + 1) return ERR_SHAPE;
  for (let k = 0; k < r - 1; k++) if (recDim(rec, k) != recDim(idx, k)) return ERR_SHAPE;
  return recDim(rec, r - 1) == depth ? 0 : ERR_SHAPE;
}

/** matMul: [..., m, k] x [..., k, n] (before transposes), batch dims broadcast. */
function matMul(): i32 {
  const e = arity(2, 2);
  if (e) return e;
  const a = input(0), b = input(1), r = recRank(rec), ra = recRank(a), rb = recRank(b);
  if (recDtype(a) != recDtype(b) || dtypes(a, recDtype(a))) return ERR_DTYPE;
  if (!isFlag(attr(0)) || !isFlag(attr(1))) return ERR_ATTRS;
  if (ra < 2 || rb < 2 || r != max(ra, rb)) return ERR_SHAPE;
  const tA = attr(0), tB = attr(1);
  const m = recDim(a, ra - 2 + tA), ka = recDim(a, ra - 1 - tA);
  const kb = recDim(b, rb - 2 + tB), n = recDim(b, rb - 1 - tB);
  if (ka != kb || recDim(rec, r - 2) != m || recDim(rec, r - 1) != n) return ERR_SHAPE;
  for (let k = 0; k < ra - 2; k++) {
    const d = recDim(a, k);
    if (d != 1 && d != recDim(rec, r - ra + k)) return ERR_SHAPE;
  }
  for (let k = 0; k < rb - 2; k++) {
    const d = recDim(b, k);
    if (d != 1 && d != recDim(rec, r - rb + k)) return ERR_SHAPE;
  }
  return 0;
}

/** Checks record `r` (its inputs already checked, and earlier records). `seen` marks param
 *  slots already used (one byte each). Returns 0 or an ERR_* code. */
export function validateRecord(e: Exe, r: usize, seen: usize): i32 {
  exe = e;
  rec = r;
  switch (opKind(recOp(r))) {
    case KIND_LEAF: return leaf(e.nParams, seen);
    case KIND_UNARY: return unary();
    case KIND_BINARY: return binary();
    case KIND_REDUCE: return reduce();
    case KIND_SELECT: return select();
    case KIND_CAST: return cast();
    case KIND_ARG: return arg();
    case KIND_CUMSUM: return cumsum();
    case KIND_RESHAPE: return reshapeLike(false);
    case KIND_BROADCAST: return reshapeLike(true);
    case KIND_TRANSPOSE: return transpose();
    case KIND_SLICE: return slice();
    case KIND_CONCAT: return concat();
    case KIND_PAD: return pad();
    case KIND_GATHER: return gather();
    case KIND_REVERSE: return reverse();
    case KIND_TILE: return tile();
    case KIND_ONEHOT: return oneHot();
    case KIND_MATMUL: return matMul();
    // window ops: window.ts checks the dtypes, arity, attributes and every dim
    case KIND_CONV:
    case KIND_POOL: return validateWindow(r, recNIn(r) >= 1 ? input(0) : 0, recNIn(r) == 2 ? input(1) : 0, opKind(recOp(r)) == KIND_CONV);
  }
  return ERR_OPCODE;
}
