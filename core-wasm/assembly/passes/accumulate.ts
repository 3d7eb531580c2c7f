// Matrix products that accumulate into a buffer instead of materializing: a group
// `C ± M` or `C ± M * s` (s a scalar, M = matMul(A, B) read only there, C of M's dims) runs as
// one GEMM that adds ±s·(A·B) into C's buffer (the interpreter's matmul.ts), or into a copy of
// C when C is still read later. An SGD update `W - lr * (Xᵀ·dY)` then needs neither a buffer
// for the gradient nor one for the new W when W's buffer is donated (donate.ts).
// Numerics: with one k block (k <= 512, gemm.ts's KC) the plain build gives the bits of the
// unfused ops; with more, each block's sum is scaled and added in turn (a rounding or two
// apart, and a partial sum times s may overflow where the whole sum would not).
import * as K from '../generated/opcodes';
import { Vec } from '../vec';
import { Reader, R_WORDS } from './builder';

/** gemm.ts's micro-tile rows, and matmul.ts's threshold below which a product runs as plain
 *  loops: a product takes the packed GEMM (the only path that accumulates) exactly when
 *  packedGemm says so; matmul.ts asks this same function. */
const MR = 4;
const SMALL: i64 = 4096;

/** Whether a float32 product m x n x kk, a's k stride 1 (`ak1`) and b's k stride 1 (`bk1`),
 *  runs as the packed GEMM. */
export function packedGemm(m: i32, n: i32, kk: i32, ak1: bool, bk1: bool): bool {
  if (kk == 0 || <i64>m * n * kk < SMALL) return false;
  return !(m < MR || (n < 4 && ak1 && bk1));
}

export const accMat = new Vec();    // per root: the matMul its GEMM accumulates, or -1
export const accAddend = new Vec(); // per root: C, the buffer added to
export const accScale = new Vec();  // per root: the scalar record s, or -1 for 1
export const accNeg = new Vec();    // per root: 1 when ±s·(A·B) is subtracted

@inline function inputOf(r: Reader, i: i32, k: i32): i32 { const a = r.at(i); return r.w(a + R_WORDS + r.w(a + 2) + k); }
@inline function attrOf(r: Reader, i: i32, k: i32): i32 { const a = r.at(i); return r.w(a + R_WORDS + r.w(a + 2) + r.w(a + 3) + k); }
@inline function rank(r: Reader, i: i32): i32 { return r.w(r.at(i) + 2); }
@inline function dim(r: Reader, i: i32, d: i32): i32 { return r.w(r.at(i) + R_WORDS + d); }
@inline function f32(r: Reader, i: i32): bool { return r.w(r.at(i) + 1) == K.DT_FLOAT32; }

function numel(r: Reader, i: i32): i64 {
  let p: i64 = 1;
  for (let d = 0; d < rank(r, i); d++) p *= dim(r, i, d);
  return p;
}

function sameDims(r: Reader, a: i32, b: i32): bool {
  if (rank(r, a) != rank(r, b)) return false;
  for (let d = 0; d < rank(r, a); d++) if (dim(r, a, d) != dim(r, b, d)) return false;
  return true;
}

/** A rank-2 float32 matMul of g's dims, read once, that the packed GEMM runs and whose
 *  operands are not c (the GEMM writes c's buffer while it reads them). */
function accumulable(r: Reader, m: i32, g: i32, c: i32, uses: Vec): bool {
  if (r.op(m) != K.OP_MAT_MUL || uses.get(m) != 1 || rank(r, m) != 2 || !f32(r, m) || !sameDims(r, m, g)) return false;
  const a = inputOf(r, m, 0), b = inputOf(r, m, 1);
  if (a == c || b == c || rank(r, a) != 2 || rank(r, b) != 2) return false;
  const tA = attrOf(r, m, 0) != 0, tB = attrOf(r, m, 1) != 0;
  const mm = dim(r, m, 0), n = dim(r, m, 1), kk = dim(r, a, tA ? 0 : 1);
  return packedGemm(mm, n, kk, !tA || mm == 1, tB || n == 1);
}

/** Tries root g with addend c and the other operand x; records the match. */
function tryMatch(r: Reader, g: i32, c: i32, x: i32, neg: bool, groups: Vec, size: Vec, uses: Vec): bool {
  if (groups.get(c) == g || !f32(r, c) || !sameDims(r, c, g)) return false;
  let m = x, s = -1;
  if (groups.get(x) == g) { // x is the group's mul(M, s)
    if (r.op(x) != K.OP_MUL || size.get(g) != 2) return false;
    m = inputOf(r, x, 0); s = inputOf(r, x, 1);
    if (numel(r, m) == 1) { const t = m; m = s; s = t; }
    if (numel(r, s) != 1 || !f32(r, s) || groups.get(s) == g || s == c) return false;
  } else if (size.get(g) != 1) return false;
  if (!accumulable(r, m, g, c, uses)) return false;
  groups.set(m, g);
  size.set(g, size.get(g) + 1);
  accMat.set(g, m); accAddend.set(g, c); accScale.set(g, s); accNeg.set(g, neg ? 1 : 0);
  return true;
}

/** After fusion: joins each matMul that a group `C ± M (* s)` can accumulate to that group.
 *  groups, size (per root) and uses (readers, outputs counted past n) are fuse()'s. Returns
 *  how many matMuls joined (kernels saved). */
export function findAccumulations(r: Reader, groups: Vec, size: Vec, uses: Vec): i32 {
  const n = r.count;
  accMat.len = 0; accAddend.len = 0; accScale.len = 0; accNeg.len = 0;
  for (let i = 0; i < n; i++) { accMat.push(-1); accAddend.push(-1); accScale.push(-1); accNeg.push(0); }
  let joined = 0;
  for (let g = 0; g < n; g++) {
    const op = r.op(g);
    if (groups.get(g) != g || (op != K.OP_ADD && op != K.OP_SUB) || !f32(r, g)) continue;
    const a = inputOf(r, g, 0), b = inputOf(r, g, 1);
    if (a == b) continue;
    if (tryMatch(r, g, a, b, op == K.OP_SUB, groups, size, uses) ||
        (op == K.OP_ADD && tryMatch(r, g, b, a, false, groups, size, uses))) joined++;
  }
  return joined;
}
