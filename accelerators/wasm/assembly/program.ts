// compile checks a Program once, keeps a copy and its plan (fusion groups, their order and
// buffer liveness, from core-wasm's passes/analysis.ts); execute runs the groups in that
// order, a fused group as one tiled loop (fused.ts), freeing each buffer at the root where
// the plan says it dies; release forgets it. Executables live in a table of ids so JS only ever holds integers.
import {
  OP_PARAM, OP_CONST, OP_COUNT, DT_FLOAT32, DT_INT32,
  KIND_UNARY, KIND_BINARY, KIND_REDUCE, KIND_SELECT, KIND_CAST, KIND_ARG, KIND_CUMSUM,
  KIND_RESHAPE, KIND_BROADCAST, KIND_TRANSPOSE, KIND_SLICE, KIND_CONCAT, KIND_PAD, KIND_GATHER,
  KIND_REVERSE, KIND_TILE, KIND_ONEHOT, KIND_MATMUL, KIND_CONV, KIND_POOL,
} from '../../../core-wasm/assembly/generated/opcodes';
import { opKind } from './generated/optable';
import {
  ERR_MAGIC, ERR_VERSION, ERR_LENGTH, ERR_HEADER, ERR_OPCODE, ERR_DTYPE, ERR_RANK, ERR_INPUT,
  ERR_ATTRS, ERR_PARAM, ERR_OUTPUT, ERR_TOO_LARGE, ERR_EXECUTABLE,
} from './errors';
import {
  Exe, Ctx, EXE_ARRAYS, HEADER_WORDS, RECORD_FIXED_WORDS, MAX_RANK, exeRecord, exeNumel, recOp, recDtype,
  recRank, recDim, recNIn, recNAttr, recInput, recAttr, recAttrs, recWords, dtypeSize, i32At, setI32At,
  ptrAt, setPtrAt,
} from './record';
import { validateRecord } from './validate';
import { f64ToI32 } from './math';
import { execUnary, execBinary, execBroadcastTo, execReshape } from './elementwise';
import { execReduce } from './reduce';
import { execSelect } from './select';
import { execCast } from './cast';
import { execArg } from './arg';
import { execCumsum } from './cumsum';
import { execTranspose } from './transpose';
import { execSlice } from './slice';
import { execConcat } from './concat';
import { execPad } from './pad';
import { execGather } from './gather';
import { execReverse } from './reverse';
import { execTile } from './tile';
import { execOneHot } from './onehot';
import { execMatMul, execMatMulAccumulate } from './matmul';
import { execConv } from './conv';
import { execPool } from './pool';
import { execGroup, assignSlots } from './fused';
import { memBegin, bufAlloc, bufFree } from './mem';
import * as plan from '../../../core-wasm/assembly/passes/analysis';
import { accMat, accAddend, accScale, accNeg } from '../../../core-wasm/assembly/passes/accumulate';
import { order } from '../../../core-wasm/assembly/passes/schedule';

const MAGIC: i32 = 0x4750544c;
const VERSION: i32 = 1;
/** The allocator's largest block (TLSF: 1 GiB less its header), with some slack. */
const MAX_BUFFER_BYTES: i64 = (1 << 30) - 64;

// ---- the table of executables ----

let table: usize = 0; // usize[capacity]; 0 marks a free id
let capacity = 0;

function register(exe: Exe): i32 {
  for (let id = 0; id < capacity; id++) {
    if (ptrAt(table, id) == 0) { setPtrAt(table, id, changetype<usize>(exe)); return id; }
  }
  const id = capacity;
  capacity = max(8, capacity * 2);
  const bytes = <usize>capacity * sizeof<usize>();
  table = table ? heap.realloc(table, bytes) : heap.alloc(bytes); // realloc(0) is not allowed
  memory.fill(table + <usize>id * sizeof<usize>(), 0, <usize>(capacity - id) * sizeof<usize>());
  setPtrAt(table, id, changetype<usize>(exe));
  return id;
}

/** The executable with this id, or 0. */
function lookup(id: i32): usize {
  return id >= 0 && id < capacity ? ptrAt(table, id) : 0;
}

function freeExe(exe: Exe): void {
  heap.free(exe.words);
  if (exe.records) heap.free(exe.records); // the other per-record arrays share its block
  heap.free(changetype<usize>(exe));
}

// ---- compile ----

/** Why readHeader returned 0. */
let headerError = 0;

/** Checks the header and makes an Exe holding a copy of the words; 0 (see headerError) if bad. */
function readHeader(ptr: usize, nWords: i32): usize {
  if (nWords < HEADER_WORDS) { headerError = ERR_LENGTH; return 0; }
  if (load<i32>(ptr) != MAGIC) { headerError = ERR_MAGIC; return 0; }
  if (load<i32>(ptr, 4) != VERSION) { headerError = ERR_VERSION; return 0; }
  const nNodes = load<i32>(ptr, 8), nParams = load<i32>(ptr, 12), nOutputs = load<i32>(ptr, 16);
  if (nNodes < 0 || nParams < 0 || nOutputs < 0 || load<i32>(ptr, 24) != 0 || load<i32>(ptr, 28) != 0) {
    headerError = ERR_HEADER; return 0;
  }
  // Every record takes at least RECORD_FIXED_WORDS words: bounds nNodes before allocating.
  const room = <i64>nWords - HEADER_WORDS - nOutputs;
  if (load<i32>(ptr, 20) != nWords || room < 0 || <i64>nNodes * RECORD_FIXED_WORDS > room) {
    headerError = ERR_LENGTH; return 0;
  }
  if (nParams > nNodes) { headerError = ERR_PARAM; return 0; }
  const exe = changetype<Exe>(heap.alloc(offsetof<Exe>()));
  exe.words = heap.alloc(<usize>nWords << 2);
  memory.copy(exe.words, ptr, <usize>nWords << 2);
  exe.nNodes = nNodes;
  exe.nParams = nParams;
  exe.nOutputs = nOutputs;
  const n = <usize>nNodes << 2;
  exe.records = nNodes ? heap.alloc(<usize>EXE_ARRAYS * n) : 0;
  exe.numels = exe.records + n;
  exe.lastUse = exe.records + 2 * n;
  exe.groups = exe.records + 3 * n;
  exe.takeOver = exe.records + 4 * n;
  exe.deadHead = exe.records + 5 * n;
  exe.deadNext = exe.records + 6 * n;
  exe.members = exe.records + 7 * n;
  exe.memberAt = exe.records + 8 * n;
  exe.memberCount = exe.records + 9 * n;
  exe.slots = exe.records + 10 * n;
  exe.order = exe.records + 11 * n;
  exe.accMat = exe.records + 12 * n;
  exe.accAddend = exe.records + 13 * n;
  exe.accScale = exe.records + 14 * n;
  exe.accNeg = exe.records + 15 * n;
  exe.donated = exe.records + 16 * n;
  exe.outputs = exe.words + ((<usize>nWords - nOutputs) << 2);
  return changetype<usize>(exe);
}

/** The fixed fields of record i at word `pos` fit before `end` and hold sane values. */
function checkFields(exe: Exe, i: i32, pos: i32, end: i32): i32 {
  if (pos + RECORD_FIXED_WORDS > end) return ERR_LENGTH;
  const rec = exe.words + (<usize>pos << 2);
  const op = recOp(rec), dt = recDtype(rec), r = recRank(rec), nIn = recNIn(rec), nAttr = recNAttr(rec);
  if (op < 0 || op >= OP_COUNT) return ERR_OPCODE;
  if (dt < 0 || dt > 2) return ERR_DTYPE;
  if (r < 0 || r > MAX_RANK) return ERR_RANK;
  if (nIn < 0) return ERR_INPUT;
  if (nAttr < 0) return ERR_ATTRS;
  if (<i64>pos + RECORD_FIXED_WORDS + r + nIn + nAttr > <i64>end) return ERR_LENGTH;
  let numel: i64 = 1;
  for (let k = 0; k < r; k++) {
    const d = recDim(rec, k);
    if (d < 0) return ERR_RANK;
    if (d == 0) numel = 0;   // empty, however large the other dims: no early overflow
  }
  for (let k = 0; k < r && numel > 0; k++) {
    numel *= recDim(rec, k);
    if (numel > MAX_BUFFER_BYTES) return ERR_TOO_LARGE;
  }
  if (numel * dtypeSize(dt) > MAX_BUFFER_BYTES) return ERR_TOO_LARGE;
  for (let k = 0; k < nIn; k++) {
    const j = recInput(rec, k);
    if (j < 0 || j >= i) return ERR_INPUT;
  }
  setI32At(exe.records, i, <i32>rec);
  setI32At(exe.numels, i, <i32>numel);
  return 0;
}

/** Walks and checks every record; the words left must be exactly the output list. */
function checkRecords(exe: Exe, nWords: i32): i32 {
  const end = nWords - exe.nOutputs;
  const seen = heap.alloc(<usize>exe.nParams);
  memory.fill(seen, 0, <usize>exe.nParams);
  let pos = HEADER_WORDS, err = 0;
  for (let i = 0; i < exe.nNodes && !err; i++) {
    err = checkFields(exe, i, pos, end);
    if (err) break;
    const rec = exeRecord(exe, i);
    err = validateRecord(exe, rec, seen);
    pos += recWords(rec);
  }
  if (!err && pos != end) err = ERR_LENGTH;
  for (let s = 0; s < exe.nParams && !err; s++) if (!load<u8>(seen + <usize>s)) err = ERR_PARAM;
  heap.free(seen);
  return err;
}

/** Output indices are records, each listed once. */
function checkOutputs(exe: Exe): i32 {
  for (let i = 0; i < exe.nNodes; i++) setI32At(exe.lastUse, i, 0);
  for (let k = 0; k < exe.nOutputs; k++) {
    const j = i32At(exe.outputs, k);
    if (j < 0 || j >= exe.nNodes || i32At(exe.lastUse, j) < 0) return ERR_OUTPUT;
    setI32At(exe.lastUse, j, -1);
  }
  return 0;
}

/** Copies the plan of the (validated) Program into the executable, and lists each fused
 *  group's members in order. */
function makePlan(exe: Exe): void {
  plan.fuse(exe.words);
  plan.plan();
  const n = exe.nNodes;
  for (let i = 0; i < n; i++) {
    setI32At(exe.accMat, i, accMat.get(i));
    setI32At(exe.accAddend, i, accAddend.get(i));
    setI32At(exe.accScale, i, accScale.get(i));
    setI32At(exe.accNeg, i, accNeg.get(i));
    const rec = exeRecord(exe, i);
    setI32At(exe.donated, i, recOp(rec) == OP_PARAM && plan.donated.get(recAttr(rec, 0)) != 0 ? 1 : 0);
  }
  exe.nOrder = order.len;
  for (let t = 0; t < order.len; t++) setI32At(exe.order, t, order.get(t));
  for (let i = 0; i < n; i++) {
    setI32At(exe.lastUse, i, plan.lastUse.get(i));
    setI32At(exe.groups, i, plan.groups.get(i));
    setI32At(exe.takeOver, i, plan.takeOver.get(i));
    setI32At(exe.deadHead, i, plan.deadHead.get(i));
    setI32At(exe.deadNext, i, plan.deadNext.get(i));
    setI32At(exe.memberCount, i, 0);
  }
  for (let i = 0; i < n; i++) {
    const g = plan.groups.get(i);
    if (g >= 0) setI32At(exe.memberCount, g, i32At(exe.memberCount, g) + 1);
  }
  let at = 0;
  for (let i = 0; i < n; i++) {
    setI32At(exe.memberAt, i, at);
    if (plan.groups.get(i) == i) at += i32At(exe.memberCount, i);
  }
  for (let i = 0; i < n; i++) { // members in record order: each group's root comes last
    const g = plan.groups.get(i);
    if (g < 0) continue;
    const m = i32At(exe.memberAt, g);
    setI32At(exe.members, m, i);
    setI32At(exe.memberAt, g, m + 1);
  }
  const last = heap.alloc(<usize>n << 2); // assignSlots' scratch: each member's last reader
  for (let i = 0; i < n; i++) {
    if (plan.groups.get(i) != i) continue;
    setI32At(exe.memberAt, i, i32At(exe.memberAt, i) - i32At(exe.memberCount, i));
    if (i32At(exe.memberCount, i) > 1 && i32At(exe.accMat, i) < 0) assignSlots(exe, i, last);
  }
  heap.free(last);
}

/** Validates the Program at `ptr` (nWords words) and keeps a copy: an id >= 0, or ERR_*.
 *  `donated` holds nDonated bytes, one per param slot (or none): 1 gives the execution that
 *  param's buffer (analysis.ts's `donated`). */
export function compileProgram(ptr: usize, nWords: i32, donated: usize, nDonated: i32): i32 {
  const p = readHeader(ptr, nWords);
  if (!p) return headerError;
  const exe = changetype<Exe>(p);
  let err = checkRecords(exe, nWords);
  if (!err) err = checkOutputs(exe);
  if (!err && nDonated != 0 && nDonated != exe.nParams) err = ERR_PARAM;
  if (err) { freeExe(exe); return err; }
  plan.donated.len = 0;
  for (let s = 0; s < exe.nParams; s++) plan.donated.push(nDonated ? <i32>load<u8>(donated + <usize>s) : 0);
  makePlan(exe);
  return register(exe);
}

export function releaseProgram(id: i32): void {
  const p = lookup(id);
  if (!p) return;
  freeExe(changetype<Exe>(p));
  setPtrAt(table, id, 0);
}

// ---- execute ----

/** A const record: the f64 with bits hi:lo, converted to the record's dtype, in every element.
 *  The words [lo, hi] are the f64's little-endian bytes, so it is read in one load (assembling
 *  it as `<u64><u32>lo` miscompiles: Binaryen turns that load into a sign-extending one). */
function fillConst(rec: usize, out: usize, n: i32): void {
  const v = load<f64>(recAttrs(rec));
  const dt = recDtype(rec);
  for (let k = 0; k < n; k++) {
    if (dt == DT_FLOAT32) store<f32>(out + (<usize>k << 2), <f32>v);
    else if (dt == DT_INT32) store<i32>(out + (<usize>k << 2), f64ToI32(v));
    else store<u8>(out + <usize>k, v != 0 ? 1 : 0);
  }
}

/** One switch per node, on the op's kind; every kernel loops inside its own family. */
function runNode(c: Ctx): void {
  switch (opKind(recOp(c.rec))) {
    case KIND_UNARY: execUnary(c); break;
    case KIND_BINARY: execBinary(c); break;
    case KIND_REDUCE: execReduce(c); break;
    case KIND_SELECT: execSelect(c); break;
    case KIND_CAST: execCast(c); break;
    case KIND_ARG: execArg(c); break;
    case KIND_CUMSUM: execCumsum(c); break;
    case KIND_RESHAPE: execReshape(c); break;
    case KIND_BROADCAST: execBroadcastTo(c); break;
    case KIND_TRANSPOSE: execTranspose(c); break;
    case KIND_SLICE: execSlice(c); break;
    case KIND_CONCAT: execConcat(c); break;
    case KIND_PAD: execPad(c); break;
    case KIND_GATHER: execGather(c); break;
    case KIND_REVERSE: execReverse(c); break;
    case KIND_TILE: execTile(c); break;
    case KIND_ONEHOT: execOneHot(c); break;
    case KIND_MATMUL: execMatMul(c); break;
    case KIND_CONV: execConv(c); break;
    case KIND_POOL: execPool(c); break;
    default: unreachable(); // compile admits no other kind
  }
}

@inline function bytesOf(exe: Exe, i: i32): usize {
  return <usize>exeNumel(exe, i) * dtypeSize(recDtype(exeRecord(exe, i)));
}

/** Root i's group `C ± M (* s)` (passes/accumulate.ts): its buffer starts as C (C's own,
 *  taken over, or a copy) and the GEMM of M adds ±s times its product into it. */
function execAccumulate(c: Ctx, i: i32): void {
  const exe = c.exe, bufs = c.bufs;
  const addend = i32At(exe.accAddend, i), s = i32At(exe.accScale, i);
  if (i32At(exe.takeOver, i) != addend) memory.copy(c.out, ptrAt(bufs, addend), bytesOf(exe, i));
  let alpha: f32 = s >= 0 ? load<f32>(ptrAt(bufs, s)) : 1;
  if (i32At(exe.accNeg, i)) alpha = -alpha;
  c.rec = exeRecord(exe, i32At(exe.accMat, i));
  execMatMulAccumulate(c, alpha);
}

/** Frees the buffers the plan says die at root i (but the one i took over). */
function freeDead(exe: Exe, i: i32, bufs: usize): void {
  const taken = i32At(exe.takeOver, i);
  for (let x = i32At(exe.deadHead, i); x >= 0; x = i32At(exe.deadNext, x)) {
    if (x != taken) bufFree(ptrAt(bufs, x), bytesOf(exe, x));
    setPtrAt(bufs, x, 0);
  }
}

/** The bytes of every param, the caller's buffers (counted in the peak). */
function paramBytes(exe: Exe): f64 {
  let b: f64 = 0;
  for (let i = 0; i < exe.nNodes; i++) if (recOp(exeRecord(exe, i)) == OP_PARAM) b += <f64>bytesOf(exe, i);
  return b;
}

/** Runs executable `id` over the param buffers at `args`; writes the output buffers to `outs`. */
export function executeProgram(id: i32, args: usize, outs: usize): i32 {
  const p = lookup(id);
  if (!p) return ERR_EXECUTABLE;
  const exe = changetype<Exe>(p);
  const bufs = heap.alloc(<usize>exe.nNodes * sizeof<usize>());
  const c = changetype<Ctx>(heap.alloc(offsetof<Ctx>()));
  c.exe = exe;
  c.bufs = bufs;
  memBegin(paramBytes(exe));
  for (let i = 0; i < exe.nNodes; i++) {
    const rec = exeRecord(exe, i);
    if (recOp(rec) != OP_PARAM) continue;
    setPtrAt(bufs, i, ptrAt(args, recAttr(rec, 0)));
    if (i32At(exe.lastUse, i) == plan.FREED_AT_START) bufFree(ptrAt(bufs, i), bytesOf(exe, i)); // donated, unread
  }
  for (let t = 0; t < exe.nOrder; t++) { // group roots and consts; members run inside roots
    const i = i32At(exe.order, t), rec = exeRecord(exe, i);
    const taken = i32At(exe.takeOver, i);
    const out = taken >= 0 ? ptrAt(bufs, taken) : bufAlloc(bytesOf(exe, i));
    setPtrAt(bufs, i, out);
    c.rec = rec; c.out = out;
    if (recOp(rec) == OP_CONST) fillConst(rec, out, exeNumel(exe, i));
    else if (i32At(exe.accMat, i) >= 0) execAccumulate(c, i);
    else if (i32At(exe.memberCount, i) > 1) execGroup(c, i);
    else runNode(c);
    freeDead(exe, i, bufs);
  }
  for (let k = 0; k < exe.nOutputs; k++) {
    const j = i32At(exe.outputs, k);
    let buf = ptrAt(bufs, j);
    if (recOp(exeRecord(exe, j)) == OP_PARAM && !i32At(exe.donated, j)) { // the caller owns outputs: copy borrowed params
      const bytes = bytesOf(exe, j);
      buf = bufAlloc(bytes);
      memory.copy(buf, ptrAt(bufs, j), bytes);
    }
    setPtrAt(outs, k, buf);
  }
  heap.free(changetype<usize>(c));
  heap.free(bufs);
  return 0;
}
