// Batched matMul with optional transposes: out[..., i, j] = sum_k a[..., i, k] * b[..., k, j],
// the batch dims of a and b broadcast to the output's.
//
// float32 runs a GotoBLAS / BLIS-style GEMM: blocks of b (KC x NC) and a (MC x KC) are packed
// into contiguous panels, NR columns (b) or MR rows (a) wide, zero-padded at the edges, and a
// register-blocked MR x NR micro-kernel keeps the whole C tile in 8 v128 accumulators while it
// walks a panel pair along k. Transposes are folded into packing (a strided read, with 4 x 4
// in-register transposes where the source is contiguous along k), so every combination of
// transposeA / transposeB runs the same kernel at the same speed. Sums over k are blocked
// (KC at a time), in float32; the relaxed-SIMD build fuses the multiply-adds.
//
// int32 (wrapping, as tfjs) and tiny products take plain loops; fewer than MR rows (a row
// vector times a matrix) or a matrix times a column vector take row-at-a-time SIMD loops.
import { DT_FLOAT32 } from '../../../core-wasm/assembly/generated/opcodes';
import { Ctx, inRec, inBuf, recDtype, recRank, recDims, recDim, recAttr } from './record';
import { iterBegin, iterSetDims, iterSetStride, iterFinish, iterInner, iterRows, iterStep, iterOffset, iterNext } from './iter';
import { madd } from './simd_math';

/** Micro-tile rows (of a) and columns (of b, two v128s). */
const MR = 4;
const NR = 8;
/** Block sizes: a KC x NR panel of b (16 KiB) stays in L1 while every MR x KC panel of an
 *  MC x KC block of a (128 KiB, L2) streams past it; the KC x NC block of b lives in L2/L3.
 *  Measured best on the 2-core EPYC dev machine (32 KiB L1d, 512 KiB L2 per core) among
 *  KC 128..1024, MC 32..128. */
const KC = 512;
const MC = 64;
const NC = 4096;
/** Below this many multiply-adds the packing is not worth it. */
const SMALL = 4096;

/** The shape of one product and how a and b are laid out: element (i, k) of a is at
 *  i * ai + k * ak, element (k, j) of b at k * bk + j * bj. */
@unmanaged
class Mat {
  m: i32 = 0; n: i32 = 0; kk: i32 = 0;
  ai: i32 = 0; ak: i32 = 0; bk: i32 = 0; bj: i32 = 0;
  apack: usize = 0; bpack: usize = 0;
}

const MAT = changetype<Mat>(memory.data(offsetof<Mat>()));
/** Where edge tiles are computed before their valid part is copied out. */
const TILE = memory.data(MR * NR * 4, 16);

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

// ---- packing ----

/** Writes the 4 x 4 block at rows q0..q3 (v128s) transposed: lane l of every row, in order,
 *  as the 16 bytes at dst + l * step. */
@inline function storeTransposed(q0: v128, q1: v128, q2: v128, q3: v128, dst: usize, step: usize): void {
  const t0 = i32x4.shuffle(q0, q1, 0, 4, 1, 5), t1 = i32x4.shuffle(q2, q3, 0, 4, 1, 5);
  const t2 = i32x4.shuffle(q0, q1, 2, 6, 3, 7), t3 = i32x4.shuffle(q2, q3, 2, 6, 3, 7);
  v128.store(dst, i32x4.shuffle(t0, t1, 0, 1, 4, 5));
  v128.store(dst + step, i32x4.shuffle(t0, t1, 2, 3, 6, 7));
  v128.store(dst + 2 * step, i32x4.shuffle(t2, t3, 0, 1, 4, 5));
  v128.store(dst + 3 * step, i32x4.shuffle(t2, t3, 2, 3, 6, 7));
}

/** Packs `width` lanes (rows of a, or columns of b) by `kc` steps along k into panels of
 *  W = w lanes: panel q holds lane q*W + l at step p in dst[q*W*kc + p*W + l], zero past `width`.
 *  Lane l at step p is read at src + (l * ls + p * ks) elements; W is 4 or 8. */
function pack(w: i32, src: usize, ls: i32, ks: i32, width: i32, kc: i32, dst: usize): void {
  const lsb = <usize>ls << 2, ksb = <usize>ks << 2, rowOut = <usize>w << 2;
  for (let q = 0; q < width; q += w) {
    const lanes = min(w, width - q);
    const s = src + <usize>q * lsb;
    if (lanes == w && ls == 1) {
      // lanes contiguous: W / 4 vector copies per step
      let from = s, to = dst;
      for (let p = 0; p < kc; p++) {
        v128.store(to, v128.load(from));
        if (w == 8) v128.store(to, v128.load(from, 16), 16);
        from += ksb; to += rowOut;
      }
    } else if (lanes == w && ks == 1) {
      // steps contiguous: 4 x 4 transposes
      const kv = kc & ~3;
      for (let g = 0; g < w; g += 4) {
        const r0 = s + <usize>g * lsb;
        for (let p = 0; p < kv; p += 4) {
          const at = r0 + (<usize>p << 2);
          storeTransposed(v128.load(at), v128.load(at + lsb), v128.load(at + 2 * lsb), v128.load(at + 3 * lsb),
            dst + <usize>p * rowOut + (<usize>g << 2), rowOut);
        }
        for (let p = kv; p < kc; p++) {
          for (let l = 0; l < 4; l++) {
            store<f32>(dst + <usize>p * rowOut + (<usize>(g + l) << 2), load<f32>(r0 + <usize>l * lsb + (<usize>p << 2)));
          }
        }
      }
    } else {
      for (let p = 0; p < kc; p++) {
        const from = s + <usize>p * ksb, to = dst + <usize>p * rowOut;
        for (let l = 0; l < w; l++) {
          store<f32>(to + (<usize>l << 2), l < lanes ? load<f32>(from + <usize>l * lsb) : 0);
        }
      }
    }
    dst += <usize>kc * rowOut;
  }
}

// ---- the micro-kernel ----

/** C[0:4, 0:8] (rows ldc bytes apart) = (acc ? C : 0) + the product of a 4 x kc panel of a
 *  and a kc x 8 panel of b. */
function kernel(ap: usize, bp: usize, kc: i32, c: usize, ldc: usize, acc: bool): void {
  let c00 = f32x4.splat(0), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  const end = ap + (<usize>kc << 4);
  while (ap < end) {
    const b0 = v128.load(bp), b1 = v128.load(bp, 16);
    let a = v128.load32_splat(ap);
    c00 = madd(a, b0, c00); c01 = madd(a, b1, c01);
    a = v128.load32_splat(ap, 4);
    c10 = madd(a, b0, c10); c11 = madd(a, b1, c11);
    a = v128.load32_splat(ap, 8);
    c20 = madd(a, b0, c20); c21 = madd(a, b1, c21);
    a = v128.load32_splat(ap, 12);
    c30 = madd(a, b0, c30); c31 = madd(a, b1, c31);
    ap += 16; bp += 32;
  }
  if (acc) {
    c00 = f32x4.add(c00, v128.load(c)); c01 = f32x4.add(c01, v128.load(c, 16));
    c10 = f32x4.add(c10, v128.load(c + ldc)); c11 = f32x4.add(c11, v128.load(c + ldc, 16));
    c20 = f32x4.add(c20, v128.load(c + 2 * ldc)); c21 = f32x4.add(c21, v128.load(c + 2 * ldc, 16));
    c30 = f32x4.add(c30, v128.load(c + 3 * ldc)); c31 = f32x4.add(c31, v128.load(c + 3 * ldc, 16));
  }
  v128.store(c, c00); v128.store(c, c01, 16);
  v128.store(c + ldc, c10); v128.store(c + ldc, c11, 16);
  v128.store(c + 2 * ldc, c20); v128.store(c + 2 * ldc, c21, 16);
  v128.store(c + 3 * ldc, c30); v128.store(c + 3 * ldc, c31, 16);
}

/** C[mc x nc] (rows ldc bytes apart) (+)= packed a block times packed b block. */
function macroKernel(mc: i32, nc: i32, kc: i32, ap0: usize, bp0: usize, c: usize, ldc: usize, acc: bool): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = min(NR, nc - jr);
    const bp = bp0 + <usize>jr * kc * 4;
    for (let ir = 0; ir < mc; ir += MR) {
      const mr = min(MR, mc - ir);
      const ap = ap0 + <usize>ir * kc * 4;
      const cp = c + <usize>ir * ldc + (<usize>jr << 2);
      if (mr == MR && nr == NR) {
        kernel(ap, bp, kc, cp, ldc, acc);
      } else {
        kernel(ap, bp, kc, TILE, NR * 4, false);
        for (let r = 0; r < mr; r++) {
          for (let j = 0; j < nr; j++) {
            const q = cp + <usize>r * ldc + (<usize>j << 2);
            const v = load<f32>(TILE + (<usize>(r * NR + j) << 2));
            store<f32>(q, acc ? load<f32>(q) + v : v);
          }
        }
      }
    }
  }
}

/** One float32 product through the packed panels (g.apack, g.bpack hold the blocks). */
function gemm(pa: usize, pb: usize, po: usize, g: Mat): void {
  const m = g.m, n = g.n, kk = g.kk, ldc = <usize>n << 2;
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < kk; pc += KC) {
      const kc = min(KC, kk - pc);
      pack(NR, pb + ((<usize>pc * g.bk + <usize>jc * g.bj) << 2), g.bj, g.bk, nc, kc, g.bpack);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        pack(MR, pa + ((<usize>ic * g.ai + <usize>pc * g.ak) << 2), g.ai, g.ak, mc, kc, g.apack);
        macroKernel(mc, nc, kc, g.apack, g.bpack, po + <usize>ic * ldc + (<usize>jc << 2), ldc, pc > 0);
      }
    }
  }
}

// ---- batches ----

/** Which path a float32 product of this shape takes. */
const PATH_PLAIN = 0;
const PATH_THIN = 1;
const PATH_GEMM = 2;

function pathOf(g: Mat): i32 {
  if (g.kk == 0) return PATH_PLAIN; // zeros
  if (<i64>g.m * g.n * g.kk < SMALL) return PATH_PLAIN;
  // a row vector (or three) times a matrix; a matrix times a column vector
  if (g.m < MR || (g.n < 4 && g.ak == 1 && g.bk == 1)) return PATH_THIN;
  return PATH_GEMM;
}

function batches<T>(pa: usize, pb: usize, po: usize, g: Mat): void {
  const sa = iterStep(0), sb = iterStep(1), inner = iterInner();
  const outBytes = (<usize>g.m * g.n) << 2;
  const path = isInteger<T>() ? PATH_PLAIN : pathOf(g);
  if (path == PATH_GEMM) {
    // the largest blocks any product here packs
    const kc = min(KC, g.kk), mc = min(MC, (g.m + MR - 1) & ~(MR - 1)), nc = min(NC, (g.n + NR - 1) & ~(NR - 1));
    g.apack = heap.alloc(<usize>mc * kc * 4);
    g.bpack = heap.alloc(<usize>nc * kc * 4);
  }
  for (let r = iterRows(); r > 0; r--) {
    for (let t = 0; t < inner; t++) {
      const oa = <usize>(iterOffset(0) + t * sa) << 2, ob = <usize>(iterOffset(1) + t * sb) << 2;
      if (path == PATH_GEMM) gemm(pa + oa, pb + ob, po, g);
      else if (path == PATH_THIN) productThin(pa + oa, pb + ob, po, g);
      else product<T>(pa + oa, pb + ob, po, g);
      po += outBytes;
    }
    iterNext();
  }
  if (path == PATH_GEMM) {
    heap.free(g.apack);
    heap.free(g.bpack);
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
