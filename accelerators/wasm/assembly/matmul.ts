// Batched matMul with optional transposes: out[..., i, j] = sum_k a[..., i, k] * b[..., k, j],
// the batch dims of a and b broadcast to the output's.
//
// float32 runs the packed GEMM of gemm.ts, cut into tiles of C that threads share (parts.ts)
// when the product is large and a thread pool is running; transposes are folded into packing,
// so every combination of transposeA / transposeB runs at the same speed.
//
// int32 (wrapping, as tfjs) and tiny products take plain loops; fewer than MR rows (a row
// vector times a matrix) or a matrix times a column vector take row-at-a-time SIMD loops.
import { DT_FLOAT32 } from '../../../core-wasm/assembly/generated/opcodes';
import { Ctx, inRec, inBuf, recDtype, recRank, recDims, recDim, recAttr } from './record';
import { iterBegin, iterSetDims, iterSetStride, iterFinish, iterInner, iterRows, iterStep, iterOffset, iterNext } from './iter';
import { madd } from './simd_math';
import { MR, NR, TILE_BYTES, apackBytes, bpackBytes, gemmBlock } from './gemm';
import { MatJob, TASK_MATMUL } from './parts';
import { runParts, threadCount, MAX_PARTS } from './threads';
import { packedGemm } from '../../../core-wasm/assembly/passes/accumulate';

/** Below this many multiply-adds the packing is not worth it. */
const SMALL = 4096;
/** From this many multiply-adds on, a product (or a Winograd conv's blocks) is shared among
 *  threads: ~0.15 ms of work on one thread. Waking a worker and packing twice cost enough that
 *  two threads ran a 128^3 product (2M) slower than one, a 160^3 (3.9M) 1.13x faster, 192^3 1.37x. */
export const PARALLEL_MACS: i64 = 3 << 20;
/** Tiles of C per thread a shared product is cut into at least, so a thread slowed by other
 *  processes leaves its share to the others; tiles stay at least 64 x 64. */
const TILES_PER_THREAD = 8;
const MIN_TILE = 64;

/** The shape of one product and how a and b are laid out: element (i, k) of a is at
 *  i * ai + k * ak, element (k, j) of b at k * bk + j * bj. */
@unmanaged
class Mat {
  m: i32 = 0; n: i32 = 0; kk: i32 = 0;
  ai: i32 = 0; ak: i32 = 0; bk: i32 = 0; bj: i32 = 0;
}

const MAT = changetype<Mat>(memory.data(offsetof<Mat>()));

// ---- plain loops ----

function product<T>(pa: usize, pb: usize, po: usize, g: Mat): void {
  const m = g.m, n = g.n, kk = g.kk;
  const ai = <usize>g.ai << 2, ak = <usize>g.ak << 2, bk = <usize>g.bk << 2, bj = <usize>g.bj << 2;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let qa = pa + <usize>i * ai, qb = pb + <usize>j * bj;
      let acc = <T>0;
      for (let k = 0; k < kk; k++) {
        acc += load<T>(qa) * load<T>(qb);
        qa += ak; qb += bk;
      }
      store<T>(po, acc);
      po += 4;
    }
  }
}

/** Few rows or columns, float32: rows of out as sums of rows of b (b's rows contiguous), or
 *  dot products (a's rows and b's columns contiguous), else the plain loop. */
function productThin(pa: usize, pb: usize, po: usize, g: Mat): void {
  const m = g.m, n = g.n, kk = g.kk;
  if (g.bj == 1 && n >= 4) {
    const ai = <usize>g.ai << 2, ak = <usize>g.ak << 2, bk = <usize>g.bk << 2;
    const rowBytes = <usize>n << 2, vecEnd = <usize>(n & ~3) << 2;
    for (let i = 0; i < m; i++) {
      memory.fill(po, 0, rowBytes);
      let qa = pa + <usize>i * ai, qb = pb;
      for (let k = 0; k < kk; k++) {
        const s = load<f32>(qa), v = f32x4.splat(s);
        let j: usize = 0;
        for (; j < vecEnd; j += 16) v128.store(po + j, madd(v, v128.load(qb + j), v128.load(po + j)));
        for (; j < rowBytes; j += 4) store<f32>(po + j, load<f32>(po + j) + s * load<f32>(qb + j));
        qa += ak; qb += bk;
      }
      po += rowBytes;
    }
    return;
  }
  if (g.ak == 1 && g.bk == 1) {
    const ai = <usize>g.ai << 2, bj = <usize>g.bj << 2, vecEnd = <usize>(kk & ~3) << 2, end = <usize>kk << 2;
    for (let i = 0; i < m; i++) {
      const qa = pa + <usize>i * ai;
      for (let j = 0; j < n; j++) {
        const qb = pb + <usize>j * bj;
        let v = f32x4.splat(0);
        let k: usize = 0;
        for (; k < vecEnd; k += 16) v = madd(v128.load(qa + k), v128.load(qb + k), v);
        let acc = f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
        for (; k < end; k += 4) acc += load<f32>(qa + k) * load<f32>(qb + k);
        store<f32>(po, acc);
        po += 4;
      }
    }
    return;
  }
  product<f32>(pa, pb, po, g);
}

// ---- batches ----

/** Which path a float32 product of this shape takes. */
const PATH_PLAIN = 0;
const PATH_THIN = 1;
const PATH_GEMM = 2;

function pathOf(g: Mat): i32 {
  // the memory plan asks the same function which products can accumulate (accumulate.ts)
  if (packedGemm(g.m, g.n, g.kk, g.ak == 1, g.bk == 1)) return PATH_GEMM;
  if (g.kk == 0 || <i64>g.m * g.n * g.kk < SMALL) return PATH_PLAIN; // zeros, or tiny
  return PATH_THIN; // a row vector (or three) times a matrix; a matrix times a column vector
}

/** While set, products through the packed GEMM add alpha times their result to what `out`
 *  holds (execMatMulAccumulate). */
let accumulating = false;
let accAlpha: f32 = 0;

const roundUp = (x: i32, q: i32): i32 => (x + q - 1) / q * q;
const cdiv = (x: i32, q: i32): i32 => (x + q - 1) / q;

/** The float32 GEMM path over every batch entry: their offsets from the iterator, then
 *  gemmBatched. */
function gemmBatches(pa: usize, pb: usize, po: usize, g: Mat): void {
  const nBatch = iterRows() * iterInner();
  const offsets = heap.alloc(<usize>nBatch << 3);
  const sa = iterStep(0), sb = iterStep(1), inner = iterInner();
  let at = offsets;
  for (let r = iterRows(); r > 0; r--) {
    for (let t = 0; t < inner; t++) {
      store<u32>(at, <u32>(iterOffset(0) + t * sa) << 2);
      store<u32>(at, <u32>(iterOffset(1) + t * sb) << 2, 4);
      at += 8;
    }
    iterNext();
  }
  // one product at offset 0 (the common case) goes as other kernels pass theirs: no offsets
  const none = nBatch == 1 && load<u64>(offsets) == 0;
  gemmBatched(pa, pb, po, g.m, g.n, g.kk, g.ai, g.ak, g.bk, g.bj, none ? 0 : offsets, nBatch);
  heap.free(offsets);
}

/** nBatch float32 products through the packed GEMM, shared among threads when large (the
 *  entry point for kernels built on GEMM, such as a convolution as im2col + GEMM). Product b
 *  reads a at pa and b at pb plus the byte offsets stored at offsets + 8b (two u32; offsets 0:
 *  one product, no offsets) and writes its m x n result, row-major, at po + 4 b m n. Element
 *  (i, k) of a is at i ai + k ak elements, (k, j) of b at k bk + j bj. The results do not
 *  depend on the thread count. */
export function gemmBatched(pa: usize, pb: usize, po: usize, m: i32, n: i32, kk: i32,
  ai: i32, ak: i32, bk: i32, bj: i32, offsets: usize, nBatch: i32): void {
  const job = changetype<MatJob>(heap.alloc(offsetof<MatJob>()));
  job.pa = pa; job.pb = pb; job.po = po; job.offsets = offsets;
  job.m = m; job.n = n; job.kk = kk;
  job.ai = ai; job.ak = ak; job.bk = bk; job.bj = bj;
  let slots = threadCount();
  if (slots > 1 && <i64>m * n * kk * nBatch < PARALLEL_MACS) slots = 1;
  let tm = roundUp(m, MR), tn = roundUp(n, NR);
  if (slots > 1) {
    // halve the larger side until there are enough tiles to share
    while (<i64>nBatch * cdiv(m, tm) * cdiv(n, tn) < TILES_PER_THREAD * slots) {
      if (tm >= tn && tm >= 2 * MIN_TILE) tm = roundUp(tm >> 1, MR);
      else if (tn >= 2 * MIN_TILE) tn = roundUp(tn >> 1, NR);
      else break;
    }
  }
  job.tm = tm; job.tn = tn;
  job.scaled = accumulating ? 1 : 0; job.alpha = accAlpha;
  job.tilesM = cdiv(m, tm); job.tilesN = cdiv(n, tn);
  const nParts = <i64>nBatch * job.tilesM * job.tilesN;
  if (nParts > MAX_PARTS) slots = 1;
  job.apBytes = (apackBytes(tm, kk) + 15) & ~15;
  job.bpBytes = (bpackBytes(tn, kk) + 15) & ~15;
  job.slotBytes = (job.apBytes + job.bpBytes + TILE_BYTES + 63) & ~63;
  job.scratch = heap.alloc(<usize>slots * job.slotBytes);
  runParts(TASK_MATMUL, changetype<usize>(job), <i32>nParts, slots);
  heap.free(job.scratch);
  heap.free(changetype<usize>(job));
}

/** Bytes of the scratch productInto needs for an m x n x kk product. */
export function productScratchBytes(m: i32, n: i32, kk: i32): usize {
  return 64 + ((apackBytes(m, kk) + 15) & ~15) + ((bpackBytes(n, kk) + 15) & ~15) + TILE_BYTES;
}

/** One float32 product out = a . b (element (i, k) of a at pa + 4 (i ai + k ak), (k, j) of b at
 *  pb + 4 (k bk + j bj), out row-major), by the path and in the order execMatMul takes on one
 *  thread, with no static state: scratch (16-byte aligned, productScratchBytes) holds the
 *  shape and the packing buffers. For kernels whose parts run on worker threads. */
export function productInto(pa: usize, pb: usize, po: usize, m: i32, n: i32, kk: i32,
  ai: i32, ak: i32, bk: i32, bj: i32, scratch: usize): void {
  const g = changetype<Mat>(scratch);
  g.m = m; g.n = n; g.kk = kk; g.ai = ai; g.ak = ak; g.bk = bk; g.bj = bj;
  const path = pathOf(g);
  if (path == PATH_GEMM) {
    const ap = scratch + 64, bp = ap + ((apackBytes(m, kk) + 15) & ~15);
    gemmBlock(pa, pb, po, m, n, kk, ai, ak, bk, bj, <usize>n << 2, ap, bp, bp + ((bpackBytes(n, kk) + 15) & ~15));
  } else if (path == PATH_THIN) productThin(pa, pb, po, g);
  else product<f32>(pa, pb, po, g);
}

function batches<T>(pa: usize, pb: usize, po: usize, g: Mat): void {
  const path = isInteger<T>() ? PATH_PLAIN : pathOf(g);
  if (path == PATH_GEMM) {
    gemmBatches(pa, pb, po, g);
    return;
  }
  const sa = iterStep(0), sb = iterStep(1), inner = iterInner();
  const outBytes = (<usize>g.m * g.n) << 2;
  for (let r = iterRows(); r > 0; r--) {
    for (let t = 0; t < inner; t++) {
      const oa = <usize>(iterOffset(0) + t * sa) << 2, ob = <usize>(iterOffset(1) + t * sb) << 2;
      if (path == PATH_THIN) productThin(pa + oa, pb + ob, po, g);
      else product<T>(pa + oa, pb + ob, po, g);
      po += outBytes;
    }
    iterNext();
  }
}

/** Strides of operand j over the output's batch axes: whole matrices of `matSize` elements,
 *  0 where x's batch dim is 1 or missing. */
function batchStrides(j: i32, x: usize, outBatch: i32, matSize: i32): void {
  const xb = recRank(x) - 2;
  let s = matSize;
  for (let k = xb - 1; k >= 0; k--) {
    const d = recDim(x, k);
    iterSetStride(j, outBatch - xb + k, d == 1 ? 0 : s);
    s *= d;
  }
}

export function execMatMul(c: Ctx): void {
  const a = inRec(c, 0), b = inRec(c, 1), r = recRank(c.rec);
  const tA = recAttr(c.rec, 0) != 0, tB = recAttr(c.rec, 1) != 0;
  const g = MAT;
  g.m = recDim(c.rec, r - 2);
  g.n = recDim(c.rec, r - 1);
  g.kk = recDim(a, recRank(a) - (tA ? 2 : 1));
  g.ai = tA ? 1 : g.kk; g.ak = tA ? g.m : 1; // a is [m, k], or [k, m] when transposed
  g.bk = tB ? 1 : g.n; g.bj = tB ? g.kk : 1; // b is [k, n], or [n, k] when transposed
  iterBegin(r - 2);
  iterSetDims(recDims(c.rec), r - 2);
  batchStrides(0, a, r - 2, g.m * g.kk);
  batchStrides(1, b, r - 2, g.kk * g.n);
  iterFinish();
  if (recDtype(c.rec) == DT_FLOAT32) batches<f32>(inBuf(c, 0), inBuf(c, 1), c.out, g);
  else batches<i32>(inBuf(c, 0), inBuf(c, 1), c.out, g);
}

/** out += alpha * (the matMul record c.rec), for a float32 rank-2 product that the memory plan
 *  found takes the packed GEMM (accumulate.ts asks packedGemm, as pathOf does). */
export function execMatMulAccumulate(c: Ctx, alpha: f32): void {
  accumulating = true;
  accAlpha = alpha;
  execMatMul(c);
  accumulating = false;
}
