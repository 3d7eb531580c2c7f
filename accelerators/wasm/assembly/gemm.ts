// The float32 GEMM: a GotoBLAS / BLIS-style blocked product over packed panels. Blocks of b
// (KC x NC) and a (MC x KC) are packed into contiguous panels, NR columns (b) or MR rows (a)
// wide, zero-padded at the edges, and a register-blocked MR x NR micro-kernel keeps the whole
// C tile in 8 v128 accumulators while it walks a panel pair along k. Transposes are folded into
// packing (a strided read, with 4 x 4 in-register transposes where the source is contiguous
// along k), so every combination of transposeA / transposeB runs the same kernel at the same
// speed. Sums over k are blocked (KC at a time), in float32; the relaxed-SIMD build fuses the
// multiply-adds.
//
// Worker threads run this code too, in their own instances over the same memory (parts.ts):
// so it holds no static state and never allocates; the caller hands in the packing buffers
// and the edge tile, one set per thread.
//
// Every element of C is computed by the same sequence of operations whatever block of C a call
// covers (lanes are independent, edge lanes are zero-padded, the k blocks always start at 0),
// which is what lets threads split C any way and still produce identical bytes.
import { madd } from './simd_math';

/** Micro-tile rows (of a) and columns (of b, two v128s). */
export const MR = 4;
export const NR = 8;
/** Block sizes: a KC x NR panel of b (16 KiB) stays in L1 while every MR x KC panel of an
 *  MC x KC block of a (128 KiB, L2) streams past it; the KC x NC block of b lives in L2/L3.
 *  Measured best on the 2-core EPYC dev machine (32 KiB L1d, 512 KiB L2 per core) among
 *  KC 128..1024, MC 32..128. */
export const KC = 512;
export const MC = 64;
export const NC = 4096;
/** Bytes of the edge tile a call needs (see gemmBlock). */
export const TILE_BYTES = MR * NR * 4;

/** Bytes of the packing buffers gemmBlock needs for an m x n x kk product: [a panel, b panel]. */
export function apackBytes(m: i32, kk: i32): usize {
  return <usize>min(MC, (m + MR - 1) & ~(MR - 1)) * min(KC, kk) * 4;
}
export function bpackBytes(n: i32, kk: i32): usize {
  return <usize>min(NC, (n + NR - 1) & ~(NR - 1)) * min(KC, kk) * 4;
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
 *  and a kc x 8 panel of b; or, when `scaled`, C + alpha * that product. */
function kernel(ap: usize, bp: usize, kc: i32, c: usize, ldc: usize, acc: bool, scaled: bool, alpha: f32): void {
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
  if (scaled) {
    const s = f32x4.splat(alpha);
    c00 = madd(s, c00, v128.load(c)); c01 = madd(s, c01, v128.load(c, 16));
    c10 = madd(s, c10, v128.load(c + ldc)); c11 = madd(s, c11, v128.load(c + ldc, 16));
    c20 = madd(s, c20, v128.load(c + 2 * ldc)); c21 = madd(s, c21, v128.load(c + 2 * ldc, 16));
    c30 = madd(s, c30, v128.load(c + 3 * ldc)); c31 = madd(s, c31, v128.load(c + 3 * ldc, 16));
  } else if (acc) {
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

/** C[mc x nc] (rows ldc bytes apart) (+)= packed a block times packed b block (times alpha
 *  when `scaled`). Edge tiles are computed whole into `tile` (TILE_BYTES) and their valid part
 *  added in: c + v (c + alpha v) either way. */
function macroKernel(mc: i32, nc: i32, kc: i32, ap0: usize, bp0: usize, c: usize, ldc: usize, acc: bool, tile: usize,
  scaled: bool, alpha: f32): void {
  for (let jr = 0; jr < nc; jr += NR) {
    const nr = min(NR, nc - jr);
    const bp = bp0 + <usize>jr * kc * 4;
    for (let ir = 0; ir < mc; ir += MR) {
      const mr = min(MR, mc - ir);
      const ap = ap0 + <usize>ir * kc * 4;
      const cp = c + <usize>ir * ldc + (<usize>jr << 2);
      if (mr == MR && nr == NR) {
        kernel(ap, bp, kc, cp, ldc, acc, scaled, alpha);
      } else {
        kernel(ap, bp, kc, tile, NR * 4, false, false, 0);
        for (let r = 0; r < mr; r++) {
          for (let j = 0; j < nr; j++) {
            const q = cp + <usize>r * ldc + (<usize>j << 2);
            const v = load<f32>(tile + (<usize>(r * NR + j) << 2));
            store<f32>(q, scaled ? load<f32>(q) + alpha * v : acc ? load<f32>(q) + v : v);
          }
        }
      }
    }
  }
}

/** C (m x n, rows ldc bytes apart) = a * b, where element (i, k) of a is at pa + 4 (i ai + k ak)
 *  and element (k, j) of b at pb + 4 (k bk + j bj). apack / bpack hold apackBytes(m, kk) /
 *  bpackBytes(n, kk) bytes; tile TILE_BYTES (16-byte aligned, all three). When `scaled`,
 *  C += alpha * a * b instead: each k block's sum is scaled and added to C (with one k block,
 *  exactly the rounding of computing a * b, then alpha times it, then adding C). */
export function gemmBlock(pa: usize, pb: usize, po: usize, m: i32, n: i32, kk: i32,
  ai: i32, ak: i32, bk: i32, bj: i32, ldc: usize, apack: usize, bpack: usize, tile: usize,
  scaled: bool = false, alpha: f32 = 0): void {
  for (let jc = 0; jc < n; jc += NC) {
    const nc = min(NC, n - jc);
    for (let pc = 0; pc < kk; pc += KC) {
      const kc = min(KC, kk - pc);
      pack(NR, pb + ((<usize>pc * bk + <usize>jc * bj) << 2), bj, bk, nc, kc, bpack);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = min(MC, m - ic);
        pack(MR, pa + ((<usize>ic * ai + <usize>pc * ak) << 2), ai, ak, mc, kc, apack);
        macroKernel(mc, nc, kc, apack, bpack, po + <usize>ic * ldc + (<usize>jc << 2), ldc, pc > 0, tile, scaled, alpha);
      }
    }
  }
}
