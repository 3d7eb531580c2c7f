// Runs a fusion group (core-wasm/assembly/passes/analysis.ts) tile by tile: for each tile of
// TILE elements, every member runs its generated (vector) kernel over scratch tiles that stay
// in L1, reading the group's outside inputs at the tile's offset (a broadcast scalar is splat,
// any other broadcast is gathered into a tile); only the root writes a full buffer, or, for a
// reduction, folds each tile into its outputs. Intermediates are never materialized. Large
// elementwise groups are shared among threads, a run of tiles per part (parts.ts); a group
// ending in a reduction runs on the calling thread.
import { KIND_UNARY, KIND_BINARY, KIND_SELECT, KIND_REDUCE } from '../../../core-wasm/assembly/generated/opcodes';
import { MAX_GROUP } from '../../../core-wasm/assembly/passes/analysis';
import { opKind } from './generated/optable';
import { runUnary } from './generated/unary';
import { binaryTileKernel } from './generated/binary';
import { runReduce, runReduceCols, combineReduce } from './generated/reduce';
import { castRun } from './cast';
import { runParts, threadCount } from './threads';
import { TASK_GROUP } from './parts';
import {
  Exe, Ctx, exeRecord, exeNumel, recOp, recDtype, recRank, recDim, recNIn, recInput, recNAttr, recAttr,
  dtypeSize, i32At, setI32At, ptrAt,
} from './record';

/** Elements per tile: a few tiles of 4 KiB stay in L1 while a group's members run. */
export const TILE = 1024;
const TILE_BYTES: usize = TILE * 4;
/** Tiles start 272 bytes off a 4 KiB multiple from each other: a load from one tile and a
 *  store to the next at the same 4 KiB offset could stall on 4K aliasing. */
const SLOT_STRIDE: usize = TILE_BYTES + 272;
/** Scratch tiles: one per member at most, then one per operand for gathered broadcasts. */
const SLOTS = MAX_GROUP + 3;
const GATHER_SLOT = MAX_GROUP;
/** After the tiles, a thread's scratch holds the member's operand pointers and strides, and
 *  gather's index and stride vectors: a thread touches no static memory. */
const OPS_AT: usize = <usize>SLOTS * SLOT_STRIDE;
const IDX_AT: usize = OPS_AT + 3 * 8;
const STRIDES_AT: usize = IDX_AT + 8 * 4;
/** Bytes of one thread's scratch. */
const SCRATCH_BYTES: usize = (STRIDES_AT + 8 * 4 + 63) & ~63;
/** From this many elements on, a group is shared among threads, PART_TILES tiles a part. */
const PARALLEL_NUMEL = 1 << 16;
const PART_TILES = 16;

let scratch: usize = 0; // thread slot 0's scratch, allocated once (not a tensor buffer: not counted in peaks)
const PARTIAL = memory.data(16, 16);

@inline function slotPtr(w: usize, s: i32): usize { return w + <usize>s * SLOT_STRIDE; }

/** Gives each member but the root a scratch tile, reusing a tile once the last member
 *  reading it has run (members run in record order; `last` is scratch of nNodes words). */
export function assignSlots(exe: Exe, root: i32, last: usize): void {
  const first = i32At(exe.memberAt, root), count = i32At(exe.memberCount, root);
  for (let m = first; m < first + count; m++) {
    const j = i32At(exe.members, m), rec = exeRecord(exe, j);
    for (let k = 0; k < recNIn(rec); k++) setI32At(last, recInput(rec, k), j);
  }
  let used: u64 = 0;
  for (let m = first; m < first + count; m++) {
    const j = i32At(exe.members, m);
    if (j == root) break;
    const s = <i32>ctz(~used);
    used |= (<u64>1) << s;
    setI32At(exe.slots, j, s);
    const rec = exeRecord(exe, j);
    for (let k = 0; k < recNIn(rec); k++) {
      const x = recInput(rec, k);
      if (i32At(exe.groups, x) == root && i32At(last, x) == j) used &= ~((<u64>1) << i32At(exe.slots, x));
    }
  }
}

/** Copies elements [s, s + n) of x broadcast to `space`'s dims into dst, a run of the
 *  innermost axis at a time (a copy, or a fill where that axis is broadcast), with the
 *  thread scratch at w. */
function gather(x: usize, px: usize, space: usize, s: i32, n: i32, dst: usize, w: usize): void {
  const idx = w + IDX_AT, strides = w + STRIDES_AT;
  const r = recRank(space), rx = recRank(x), size = dtypeSize(recDtype(x));
  let st = 1, off = 0, rest = s;
  for (let k = r - 1; k >= 0; k--) {
    const kx = k - (r - rx), d = recDim(space, k);
    const dx = kx >= 0 ? recDim(x, kx) : 1;
    const stride = dx == 1 ? 0 : st;
    st *= dx;
    setI32At(strides, k, stride);
    const i = rest % d;
    rest /= d;
    setI32At(idx, k, i);
    off += i * stride;
  }
  const last = r - 1, dLast = recDim(space, last), sLast = i32At(strides, last);
  let q = dst;
  while (n > 0) {
    const run = min(dLast - i32At(idx, last), n);
    const src = px + <usize>off * size;
    if (sLast) memory.copy(q, src, <usize>run * size);
    else if (size == 1) memory.fill(q, load<u8>(src), <usize>run);
    else { const v = load<u32>(src); for (let k = 0; k < run; k++) store<u32>(q + (<usize>k << 2), v); }
    q += <usize>run * size;
    n -= run;
    off += run * sLast;
    setI32At(idx, last, i32At(idx, last) + run);
    for (let k = last; k > 0 && i32At(idx, k) == recDim(space, k); k--) { // carry
      off -= recDim(space, k) * i32At(strides, k);
      setI32At(idx, k, 0);
      setI32At(idx, k - 1, i32At(idx, k - 1) + 1);
      off += i32At(strides, k - 1);
    }
  }
}

/** where over one tile: cond bytes and a, b of `size` bytes, each of stride 1 or 0. */
function selectTile<T>(pc: usize, sc: i32, pa: usize, sa: i32, pb: usize, sb: i32, po: usize, n: i32): void {
  const ec = <usize>sc, ea = <usize>sa * sizeof<T>(), eb = <usize>sb * sizeof<T>();
  for (let k = 0; k < n; k++) {
    store<T>(po, load<u8>(pc) ? load<T>(pa) : load<T>(pb));
    pc += ec; pa += ea; pb += eb; po += sizeof<T>();
  }
}

/** Runs the members of group `root` over elements [s, s + n) of the tile space `space`
 *  (numel N), in the thread scratch at w; the root, unless it is the reduction, writes at
 *  `rootDst`. Returns the tile of the last member computed into scratch. */
function evalTile(c: Ctx, root: i32, space: usize, N: i32, s: i32, n: i32, rootDst: usize, w: usize): usize {
  const ops = w + OPS_AT;
  const exe = c.exe;
  const first = i32At(exe.memberAt, root), count = i32At(exe.memberCount, root);
  let last: usize = 0;
  for (let m = first; m < first + count; m++) {
    const j = i32At(exe.members, m);
    const rec = exeRecord(exe, j), kind = opKind(recOp(rec));
    if (kind == KIND_REDUCE) break; // the reduction folds the tile itself
    const dst = j == root ? rootDst : slotPtr(w, i32At(exe.slots, j));
    const nIn = recNIn(rec);
    for (let k = 0; k < nIn; k++) {
      const x = recInput(rec, k), xr = exeRecord(exe, x);
      let p: usize, st = 1;
      if (i32At(exe.groups, x) == root) p = slotPtr(w, i32At(exe.slots, x));
      else {
        const bx = ptrAt(c.bufs, x), nx = exeNumel(exe, x);
        if (nx == N) p = bx + <usize>s * dtypeSize(recDtype(xr));
        else if (nx == 1) { p = bx; st = 0; }
        else { p = slotPtr(w, GATHER_SLOT + k); gather(xr, bx, space, s, n, p, w); }
      }
      store<usize>(ops + (<usize>k << 3), p);
      store<i32>(ops + (<usize>k << 3), st, 4);
    }
    const p0 = load<usize>(ops), s0 = load<i32>(ops, 4), dt0 = recDtype(exeRecord(exe, recInput(rec, 0)));
    if (kind == KIND_UNARY) runUnary(recOp(rec), dt0, p0, dst, n);
    else if (kind == KIND_BINARY) binaryTileKernel(recOp(rec), dt0)(p0, s0, load<usize>(ops, 8), load<i32>(ops, 12), dst, n);
    else if (kind == KIND_SELECT) {
      const p1 = load<usize>(ops, 8), s1 = load<i32>(ops, 12), p2 = load<usize>(ops, 16), s2 = load<i32>(ops, 20);
      if (dtypeSize(recDtype(rec)) == 1) selectTile<u8>(p0, s0, p1, s1, p2, s2, dst, n);
      else selectTile<u32>(p0, s0, p1, s1, p2, s2, dst, n);
    } else castRun(dt0, recDtype(rec), p0, dst, n); // KIND_CAST: the plan fuses no other kind
    last = dst;
  }
  return last;
}

/** An elementwise group shared among threads: part p runs tiles [p PART_TILES, (p + 1)
 *  PART_TILES) into its own region of the output, in the scratch of the thread running it. */
@unmanaged
export class GroupJob {
  ctx: usize = 0; rec: usize = 0; out: usize = 0;
  /** Thread slot s works in scratch + s * SCRATCH_BYTES (slot 0: the main thread's own). */
  scratch: usize = 0;
  root: i32 = 0; numel: i32 = 0;
}

/** Runs part `part` of a GroupJob (parts.ts). Every element takes the same path whatever
 *  thread runs it; only the last tile can be short, so only one part uses the generated
 *  loops' tail scratch. */
export function groupPart(job: GroupJob, part: i32, slot: i32): void {
  const c = changetype<Ctx>(job.ctx), N = job.numel, size = <usize>dtypeSize(recDtype(job.rec));
  const w = slot == 0 ? scratch : job.scratch + <usize>(slot - 1) * SCRATCH_BYTES;
  const end = min(N, (part + 1) * PART_TILES * TILE);
  for (let s = part * PART_TILES * TILE; s < end; s += TILE) {
    evalTile(c, job.root, job.rec, N, s, min(TILE, N - s), job.out + <usize>s * size, w);
  }
}

/** Runs fused group `root` into c.out (a large elementwise group on every thread). */
export function execGroup(c: Ctx, root: i32): void {
  if (!scratch) scratch = heap.alloc(SCRATCH_BYTES);
  const exe = c.exe, rec = exeRecord(exe, root);
  if (opKind(recOp(rec)) == KIND_REDUCE) { reduceGroup(c, root); return; }
  const N = exeNumel(exe, root), threads = threadCount();
  const parts = (N + PART_TILES * TILE - 1) / (PART_TILES * TILE);
  const job = changetype<GroupJob>(heap.alloc(offsetof<GroupJob>()));
  job.ctx = changetype<usize>(c); job.rec = rec; job.out = c.out; job.root = root; job.numel = N;
  const slots = N >= PARALLEL_NUMEL ? threads : 1;
  job.scratch = slots > 1 ? heap.alloc(<usize>(slots - 1) * SCRATCH_BYTES) : 0;
  runParts(TASK_GROUP, changetype<usize>(job), parts, slots);
  if (job.scratch) heap.free(job.scratch);
  heap.free(changetype<usize>(job));
}

/** A reduction fed by a fused chain: its input x is read as [outer, len, inner] (adjacent
 *  axes, as the plan requires) and each tile folds into the outputs it covers. */
function reduceGroup(c: Ctx, root: i32): void {
  const exe = c.exe, rec = exeRecord(exe, root), op = recOp(rec);
  const xi = recInput(rec, 0), x = exeRecord(exe, xi), N = exeNumel(exe, xi);
  const dt = recDtype(x), size = <usize>dtypeSize(dt);
  const nAxes = recNAttr(rec) - 1, a0 = recAttr(rec, 1), a1 = recAttr(rec, nAxes);
  let outer = 1, len = 1, inner = 1;
  for (let k = 0; k < recRank(x); k++) {
    const d = recDim(x, k);
    if (k < a0) outer *= d; else if (k <= a1) len *= d; else inner *= d;
  }
  const out = c.out;
  if (outer == 0 || inner == 0) return;
  if (len == 0) { runReduce(op, dt, out, out, outer * inner, 0); return; } // identities
  if (inner == 1) {
    if (len <= TILE) { // whole rows per tile
      const R = TILE / len;
      for (let o = 0; o < outer; o += R) {
        const rr = min(R, outer - o);
        const t = evalTile(c, root, x, N, o * len, rr * len, 0, scratch);
        runReduce(op, dt, t, out + <usize>o * size, rr, len);
      }
    } else { // a row spans tiles: fold each tile, then combine the partials in order
      for (let o = 0; o < outer; o++) {
        const po = out + <usize>o * size;
        for (let j = 0; j < len; j += TILE) {
          const t = evalTile(c, root, x, N, o * len + j, min(TILE, len - j), 0, scratch);
          if (j == 0) runReduce(op, dt, t, po, 1, min(TILE, len));
          else { runReduce(op, dt, t, PARTIAL, 1, min(TILE, len - j)); combineReduce(op, dt, po, PARTIAL); }
        }
      }
    }
    return;
  }
  const R = inner <= TILE ? TILE / inner : 1, W = inner <= TILE ? inner : TILE;
  for (let o = 0; o < outer; o++) {
    for (let r = 0; r < len; r += R) {
      const rr = min(R, len - r);
      for (let j = 0; j < inner; j += W) {
        const w = min(W, inner - j);
        const t = evalTile(c, root, x, N, (o * len + r) * inner + j, rr * w, 0, scratch);
        runReduceCols(op, dt, t, out + (<usize>(o * inner + j)) * size, 1, rr, w, r == 0);
      }
    }
  }
}
