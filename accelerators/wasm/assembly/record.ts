// Reading node records in place (docs/PROGRAM.md) and the compiled form of a Program.
import { DT_BOOL } from '../../../core-wasm/assembly/generated/opcodes';

/** Words before the first record. */
export const HEADER_WORDS = 8;
/** Words of a record before its dims: op, dtype, rank, nIn, nAttr. */
export const RECORD_FIXED_WORDS = 5;
export const MAX_RANK = 8;

/** A compiled Program: a private copy of its words plus per-record facts found by compile. */
@unmanaged
export class Exe {
  words: usize = 0; // the Program, copied
  nNodes: i32 = 0;
  nParams: i32 = 0;
  nOutputs: i32 = 0;
  records: usize = 0; // i32[nNodes]: byte address of each record
  numels: usize = 0; // i32[nNodes]: element count of each record
  outputs: usize = 0; // i32[nOutputs]: record indices, inside `words`
  // The plan (core-wasm/assembly/passes/analysis.ts), i32[nNodes] each, in the block of `records`:
  lastUse: usize = 0; // the group root reading it last; -1 = never freed (param, output)
  groups: usize = 0; // its fusion group's root; -1 for leaves
  takeOver: usize = 0; // per root: the input whose buffer it writes over, or -1
  deadHead: usize = 0; // per root: first record whose buffer dies there, or -1
  deadNext: usize = 0; // next record dying at the same root, or -1
  members: usize = 0; // group members in order, group after group (fused groups only)
  memberAt: usize = 0; // per root of a fused group: where its members start in `members`
  memberCount: usize = 0; // per root: how many records its group has
  slots: usize = 0; // per fused member: its scratch tile
  order: usize = 0; // the roots and consts, in the order they run (nOrder of them)
  nOrder: i32 = 0;
  // per root of a group that accumulates a product into a buffer (passes/accumulate.ts):
  accMat: usize = 0; // the matMul, or -1
  accAddend: usize = 0; // the record added to
  accScale: usize = 0; // the scalar the product is multiplied by, or -1
  accNeg: usize = 0; // 1 when subtracted
  donated: usize = 0; // per record: 1 for a param whose buffer the execution owns
}

/** i32 arrays of nNodes words an Exe keeps, in one block starting at `records`. */
export const EXE_ARRAYS = 17;

@inline export function recOp(rec: usize): i32 { return load<i32>(rec); }
@inline export function recDtype(rec: usize): i32 { return load<i32>(rec, 4); }
@inline export function recRank(rec: usize): i32 { return load<i32>(rec, 8); }
@inline export function recNIn(rec: usize): i32 { return load<i32>(rec, 12); }
@inline export function recNAttr(rec: usize): i32 { return load<i32>(rec, 16); }
/** Address of the dims (rank words). */
@inline export function recDims(rec: usize): usize { return rec + (RECORD_FIXED_WORDS << 2); }
@inline export function recDim(rec: usize, k: i32): i32 { return load<i32>(recDims(rec) + (<usize>k << 2)); }
/** Address of the input indices (nIn words). */
@inline export function recInputs(rec: usize): usize { return recDims(rec) + (<usize>recRank(rec) << 2); }
@inline export function recInput(rec: usize, k: i32): i32 { return load<i32>(recInputs(rec) + (<usize>k << 2)); }
/** Address of the attributes (nAttr words). */
@inline export function recAttrs(rec: usize): usize { return recInputs(rec) + (<usize>recNIn(rec) << 2); }
@inline export function recAttr(rec: usize, k: i32): i32 { return load<i32>(recAttrs(rec) + (<usize>k << 2)); }
/** Words the record takes. */
@inline export function recWords(rec: usize): i32 {
  return RECORD_FIXED_WORDS + recRank(rec) + recNIn(rec) + recNAttr(rec);
}

/** Bytes per element: bool is one byte, float32 and int32 four. */
@inline export function dtypeSize(dt: i32): i32 { return dt == DT_BOOL ? 1 : 4; }

@inline export function i32At(arr: usize, i: i32): i32 { return load<i32>(arr + (<usize>i << 2)); }
@inline export function setI32At(arr: usize, i: i32, v: i32): void { store<i32>(arr + (<usize>i << 2), v); }
@inline export function ptrAt(arr: usize, i: i32): usize { return load<usize>(arr + (<usize>i << alignof<usize>())); }
@inline export function setPtrAt(arr: usize, i: i32, v: usize): void { store<usize>(arr + (<usize>i << alignof<usize>()), v); }

/** Record i of an executable. */
@inline export function exeRecord(exe: Exe, i: i32): usize { return <usize>i32At(exe.records, i); }
/** Element count of record i. */
@inline export function exeNumel(exe: Exe, i: i32): i32 { return i32At(exe.numels, i); }

/** Where one node runs: its record, its inputs' records and buffers, its output buffer. */
@unmanaged
export class Ctx {
  exe: Exe = changetype<Exe>(0);
  rec: usize = 0;
  bufs: usize = 0; // usize[nNodes]: the buffer of every computed record
  out: usize = 0;
}

/** The record of input k of the current node. */
export function inRec(c: Ctx, k: i32): usize {
  return exeRecord(c.exe, recInput(c.rec, k));
}

/** The buffer of input k of the current node. */
export function inBuf(c: Ctx, k: i32): usize {
  return ptrAt(c.bufs, recInput(c.rec, k));
}

/** Element count of input k of the current node. */
export function inNumel(c: Ctx, k: i32): i32 {
  return exeNumel(c.exe, recInput(c.rec, k));
}

/** Product of `r` dims at `dims`, from `from` to `to` (exclusive). */
export function dimsProduct(dims: usize, from: i32, to: i32): i32 {
  let p = 1;
  for (let k = from; k < to; k++) p *= load<i32>(dims + (<usize>k << 2));
  return p;
}
