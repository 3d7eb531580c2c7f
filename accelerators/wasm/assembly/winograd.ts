// conv2d for 3 x 3 filters at stride 1 (the common case) by Winograd's F(2 x 2, 3 x 3)
// (Lavin & Gray, 2016): each 2 x 2 tile of the output is A^T [sum_ci (G g G^T) . (B^T d B)] A
// over a 4 x 4 patch d of the input, so the 9 multiply-adds per output, input and output
// channel become 16 / 4 = 4: 2.25x fewer. The elementwise products summed over input
// channels are 16 GEMMs, [tiles, ci] . [ci, co], on matmul.ts's GEMM; the transforms are
// vector loops over 4 contiguous NHWC channels. Blocks of tiles keep the transformed input V
// and the products M in cache; in the forward conv they are independent parts that threads
// share (parts.ts), each in its thread's own V, M and packing buffers (matmul.ts's
// productInto). conv2dBackpropInput runs as such a forward conv (of dy, with the filter
// flipped), conv2dBackpropFilter as the transposed decomposition (the end of this file), its
// runs of blocks shared among threads too.
import { WIN } from './window';
import { productInto, productScratchBytes, PARALLEL_MACS } from './matmul';
import { runParts, threadCount } from './threads';
import { TASK_WINOGRAD, TASK_WINOGRAD_FILTER } from './parts';

/** Floats of V and M per block (1 MiB): the transforms stream through them once. */
const BLOCK_FLOATS = 1 << 18;

/** Whether this conv2d can run here: 3 x 3, stride 1, dilation 1, channels a multiple of 4
 *  (the transforms are 4 channels wide), and enough channels for the GEMMs to pay. */
export function winogradFits(): bool {
  const g = WIN;
  return g.fh == 3 && g.fw == 3 && g.sh == 1 && g.sw == 1 && g.dh == 1 && g.dw == 1 &&
    (g.ci & 3) == 0 && (g.co & 3) == 0 && g.ci >= 8 && g.co >= 8 && g.oh >= 2 && g.ow >= 2;
}

/** Whether the filter is read flipped and transposed (conv2dBackpropInput, below). */
let flipped = false;

/** Filter tap (kh, kw) from input channel a to output channel b of the conv being run: f
 *  itself, or, flipped, f[2 - kh, 2 - kw, b, a] of the forward conv's [3, 3, co, ci] filter. */
@inline function tap(f: usize, kh: i32, kw: i32, a: i32, b: i32): f32 {
  const g = WIN;
  if (flipped) return load<f32>(f + ((<usize>(((2 - kh) * 3 + 2 - kw) * g.co + b) * g.ci + a) << 2));
  return load<f32>(f + ((<usize>((kh * 3 + kw) * g.ci + a) * g.co + b) << 2));
}

/** U[xi * 4 + nu] = (G g G^T)[xi, nu] for every (ci, co), as 16 row-major [ci, co] matrices;
 *  G = [[1, 0, 0], [1/2, 1/2, 1/2], [1/2, -1/2, 1/2], [0, 0, 1]]. */
function transformFilter(f: usize, u: usize): void {
  const g = WIN, plane = <usize>g.ci * g.co << 2;
  for (let a = 0; a < g.ci; a++) {
    for (let b = 0; b < g.co; b++) {
      const base = u + ((<usize>a * g.co + b) << 2);
      for (let xi = 0; xi < 4; xi++) {
        // row xi of G g: a combination of the filter's rows, per column kw
        let r0: f32 = 0, r1: f32 = 0, r2: f32 = 0;
        for (let kw = 0; kw < 3; kw++) {
          const g0 = tap(f, 0, kw, a, b), g1 = tap(f, 1, kw, a, b), g2 = tap(f, 2, kw, a, b);
          const v = xi == 0 ? g0 : xi == 3 ? g2 : <f32>0.5 * (xi == 1 ? g0 + g1 + g2 : g0 - g1 + g2);
          if (kw == 0) r0 = v; else if (kw == 1) r1 = v; else r2 = v;
        }
        // times G^T
        const q = base + <usize>(xi * 4) * plane;
        store<f32>(q, r0);
        store<f32>(q + plane, <f32>0.5 * (r0 + r1 + r2));
        store<f32>(q + 2 * plane, <f32>0.5 * (r0 - r1 + r2));
        store<f32>(q + 3 * plane, r2);
      }
    }
  }
}

/** One patch element (4 channels): a zero outside the image. */
@inline function pix(row: usize, j: i32, cb: usize, ok: i32): v128 {
  return (ok >> j) & 1 ? v128.load(row + <usize>j * cb) : f32x4.splat(0);
}

/** V[xi * 4 + nu][t, c] = (B^T d B)[xi, nu] for tiles t0 .. t0 + nt of the input x (4 x 4
 *  patches at (2 th - pt, 2 tw - pl), zero outside the image);
 *  B^T = [[1, 0, -1, 0], [0, 1, 1, 0], [0, -1, 1, 0], [0, 1, 0, -1]]. */
function transformInput(x: usize, v: usize, t0: i32, nt: i32, tilesH: i32, tilesW: i32): void {
  const g = WIN, cb = <usize>g.ci << 2, plane = <usize>nt * cb, rowStep = <usize>g.w * cb;
  for (let t = 0; t < nt; t++) {
    const tile = t0 + t, tw = tile % tilesW, rest = tile / tilesW, th = rest % tilesH, n = rest / tilesH;
    const r0 = 2 * th - g.pt, c0 = 2 * tw - g.pl;
    let rowOk = 0, colOk = 0;
    for (let i = 0; i < 4; i++) {
      if (r0 + i >= 0 && r0 + i < g.h) rowOk |= 1 << i;
      if (c0 + i >= 0 && c0 + i < g.w) colOk |= 1 << i;
    }
    // pixel (r0, c0), in the image or not (32-bit address arithmetic wraps consistently);
    // only in-image pixels are read
    const origin = x + <usize>(((n * g.h + r0) * g.w + c0) * g.ci) * 4;
    const out = v + <usize>t * cb;
    const ok0 = rowOk & 1 ? colOk : 0, ok1 = rowOk & 2 ? colOk : 0, ok2 = rowOk & 4 ? colOk : 0, ok3 = rowOk & 8 ? colOk : 0;
    for (let c: usize = 0; c < cb; c += 16) {
      const p0 = origin + c, p1 = p0 + rowStep, p2 = p1 + rowStep, p3 = p2 + rowStep;
      for (let i = 0; i < 4; i++) {
        // row i of B^T d: d0 - d2, d1 + d2, d2 - d1, d1 - d3 (rows of the patch)
        const pa = i == 0 ? p0 : p1, oka = i == 0 ? ok0 : ok1;
        const pb = i == 3 ? p3 : p2, okb = i == 3 ? ok3 : ok2;
        let e0 = pix(pa, 0, cb, oka), e1 = pix(pa, 1, cb, oka), e2 = pix(pa, 2, cb, oka), e3 = pix(pa, 3, cb, oka);
        const f0 = pix(pb, 0, cb, okb), f1 = pix(pb, 1, cb, okb), f2 = pix(pb, 2, cb, okb), f3 = pix(pb, 3, cb, okb);
        if (i == 1) { e0 = f32x4.add(e0, f0); e1 = f32x4.add(e1, f1); e2 = f32x4.add(e2, f2); e3 = f32x4.add(e3, f3); }
        else if (i == 2) { e0 = f32x4.sub(f0, e0); e1 = f32x4.sub(f1, e1); e2 = f32x4.sub(f2, e2); e3 = f32x4.sub(f3, e3); }
        else { e0 = f32x4.sub(e0, f0); e1 = f32x4.sub(e1, f1); e2 = f32x4.sub(e2, f2); e3 = f32x4.sub(e3, f3); }
        // times B: columns t0 - t2, t1 + t2, t2 - t1, t1 - t3
        const q = out + <usize>(i * 4) * plane + c;
        v128.store(q, f32x4.sub(e0, e2));
        v128.store(q + plane, f32x4.add(e1, e2));
        v128.store(q + 2 * plane, f32x4.sub(e2, e1));
        v128.store(q + 3 * plane, f32x4.sub(e1, e3));
      }
    }
  }
}

/** Output tiles t0 .. t0 + nt = A^T M A, A^T = [[1, 1, 1, 0], [0, 1, -1, -1]], clipped to the
 *  output (the last row or column of tiles may hang over by one). */
function transformOutput(m: usize, y: usize, t0: i32, nt: i32, tilesH: i32, tilesW: i32): void {
  const g = WIN, cb = <usize>g.co << 2, plane = <usize>nt * cb, rowStep = <usize>g.ow * cb;
  for (let t = 0; t < nt; t++) {
    const tile = t0 + t, tw = tile % tilesW, rest = tile / tilesW, th = rest % tilesH, n = rest / tilesH;
    const oh = 2 * th, ow = 2 * tw;
    const fullRows = g.oh - oh > 1, fullCols = g.ow - ow > 1;
    const out = y + <usize>(((n * g.oh + oh) * g.ow + ow) * g.co) * 4;
    const src = m + <usize>t * cb;
    for (let c: usize = 0; c < cb; c += 16) {
      // column j of A^T M: a_j = M0j + M1j + M2j, b_j = M1j - M2j - M3j (M row xi is plane 4 xi + j)
      const q = src + c;
      const a0 = f32x4.add(f32x4.add(v128.load(q), v128.load(q + 4 * plane)), v128.load(q + 8 * plane));
      const b0 = f32x4.sub(f32x4.sub(v128.load(q + 4 * plane), v128.load(q + 8 * plane)), v128.load(q + 12 * plane));
      const q1 = q + plane;
      const a1 = f32x4.add(f32x4.add(v128.load(q1), v128.load(q1 + 4 * plane)), v128.load(q1 + 8 * plane));
      const b1 = f32x4.sub(f32x4.sub(v128.load(q1 + 4 * plane), v128.load(q1 + 8 * plane)), v128.load(q1 + 12 * plane));
      const q2 = q1 + plane;
      const a2 = f32x4.add(f32x4.add(v128.load(q2), v128.load(q2 + 4 * plane)), v128.load(q2 + 8 * plane));
      const b2 = f32x4.sub(f32x4.sub(v128.load(q2 + 4 * plane), v128.load(q2 + 8 * plane)), v128.load(q2 + 12 * plane));
      const q3 = q2 + plane;
      const a3 = f32x4.add(f32x4.add(v128.load(q3), v128.load(q3 + 4 * plane)), v128.load(q3 + 8 * plane));
      const b3 = f32x4.sub(f32x4.sub(v128.load(q3 + 4 * plane), v128.load(q3 + 8 * plane)), v128.load(q3 + 12 * plane));
      // times A: s0 + s1 + s2, s1 - s2 - s3
      v128.store(out + c, f32x4.add(f32x4.add(a0, a1), a2));
      if (fullCols) v128.store(out + cb + c, f32x4.sub(f32x4.sub(a1, a2), a3));
      if (fullRows) {
        v128.store(out + rowStep + c, f32x4.add(f32x4.add(b0, b1), b2));
        if (fullCols) v128.store(out + rowStep + cb + c, f32x4.sub(f32x4.sub(b1, b2), b3));
      }
    }
  }
}

/** The forward conv's blocks of tiles as parts (parts.ts); WIN is read, never written, while
 *  they run. Thread slot s works in scratch + s * slotBytes: [V][M][productInto's scratch]. */
@unmanaged
export class WinogradJob {
  x: usize = 0; u: usize = 0; y: usize = 0;
  scratch: usize = 0; slotBytes: usize = 0;
  tiles: i32 = 0; nb: i32 = 0; tilesH: i32 = 0; tilesW: i32 = 0;
}

/** Block `part` (tiles part * nb on) of the forward conv: transform, 16 products, transform. */
export function winogradPart(job: WinogradJob, part: i32, slot: i32): void {
  const g = WIN, ci = g.ci, co = g.co, nb = job.nb;
  const t0 = part * nb, nt = min(nb, job.tiles - t0);
  const v = job.scratch + <usize>slot * job.slotBytes;
  const m = v + (<usize>16 * nb * ci << 2), pk = m + (<usize>16 * nb * co << 2);
  transformInput(job.x, v, t0, nt, job.tilesH, job.tilesW);
  for (let k = 0; k < 16; k++) {
    productInto(v + (<usize>k * nt * ci << 2), job.u + (<usize>k * ci * co << 2), m + (<usize>k * nt * co << 2), nt, co, ci, ci, 1, co, 1, pk);
  }
  transformOutput(m, job.y, t0, nt, job.tilesH, job.tilesW);
}

/** y = conv2d(x, f) for a record where winogradFits() holds. */
export function winogradConv(x: usize, f: usize, y: usize): void {
  const g = WIN, ci = g.ci, co = g.co;
  const tilesH = (g.oh + 1) >> 1, tilesW = (g.ow + 1) >> 1, tiles = g.n * tilesH * tilesW;
  const nb = min(tiles, max(4, BLOCK_FLOATS / (16 * (ci + co))));
  const job = changetype<WinogradJob>(heap.alloc(offsetof<WinogradJob>()));
  job.x = x; job.y = y; job.tiles = tiles; job.nb = nb; job.tilesH = tilesH; job.tilesW = tilesW;
  job.u = heap.alloc(<usize>16 * ci * co << 2);
  job.slotBytes = ((<usize>16 * nb * (ci + co) << 2) + productScratchBytes(nb, co, ci) + 63) & ~63;
  const parts = (tiles + nb - 1) / nb;
  const slots = parts > 1 && <i64>tiles * 16 * ci * co >= PARALLEL_MACS ? threadCount() : 1;
  job.scratch = heap.alloc(<usize>slots * job.slotBytes);
  transformFilter(f, job.u);
  runParts(TASK_WINOGRAD, changetype<usize>(job), parts, slots);
  heap.free(job.scratch);
  heap.free(job.u);
  heap.free(changetype<usize>(job));
}

/** Whether conv2dBackpropInput of this record can run here: its transposed conv (dy convolved
 *  with the flipped filter, padded 2 - pad before) fits winogradFits' conditions. */
export function winogradBackpropFits(): bool {
  const g = WIN;
  return g.fh == 3 && g.fw == 3 && g.sh == 1 && g.sw == 1 && g.dh == 1 && g.dw == 1 && g.pt <= 2 && g.pl <= 2 &&
    (g.ci & 3) == 0 && (g.co & 3) == 0 && g.ci >= 8 && g.co >= 8 && g.h >= 2 && g.w >= 2;
}

/** dx = conv2dBackpropInput(dy, f) as a forward Winograd conv of dy (stride 1): dx[i] sums
 *  dy[i - (2 - pt) + k] f[2 - k] over taps k, channels transposed. WIN is swapped to that conv
 *  for the run and restored. */
export function winogradBackpropInput(dy: usize, f: usize, dx: usize): void {
  const g = WIN;
  const h = g.h, w = g.w, ci = g.ci, co = g.co, oh = g.oh, ow = g.ow, pt = g.pt, pl = g.pl;
  g.h = oh; g.w = ow; g.ci = co; g.co = ci; g.oh = h; g.ow = w; g.pt = 2 - pt; g.pl = 2 - pl;
  flipped = true;
  winogradConv(dy, f, dx);
  flipped = false;
  g.h = h; g.w = w; g.ci = ci; g.co = co; g.oh = oh; g.ow = ow; g.pt = pt; g.pl = pl;
}

// ---- the filter gradient ----
// The same decomposition read for the filter (Lavin & Gray's F(3 x 3, 2 x 2) is F(2 x 2, 3 x 3)
// transposed): dW = G^T [sum over tiles and batch of (A dy A^T) . (B^T d B)] G, where dy is a
// 2 x 2 tile of the output gradient (zero past its edge) and d the 4 x 4 input patch under it.
// The sum over tiles is 16 GEMMs [ci, tiles] . [tiles, co] per block, accumulated (per run of
// blocks, then over runs).

/** D[xi * 4 + nu][t, c] = (A dy A^T)[xi, nu] for tiles t0 .. t0 + nt of dy; A = [[1, 0],
 *  [1, 1], [1, -1], [0, -1]]. */
function transformGrad(dy: usize, d: usize, t0: i32, nt: i32, tilesH: i32, tilesW: i32): void {
  const g = WIN, cb = <usize>g.co << 2, plane = <usize>nt * cb, rowStep = <usize>g.ow * cb, zero = f32x4.splat(0);
  for (let t = 0; t < nt; t++) {
    const tile = t0 + t, tw = tile % tilesW, rest = tile / tilesW, th = rest % tilesH, n = rest / tilesH;
    const oh = 2 * th, ow = 2 * tw;
    const fullRows = g.oh - oh > 1, fullCols = g.ow - ow > 1;
    const src = dy + <usize>(((n * g.oh + oh) * g.ow + ow) * g.co) * 4;
    const out = d + <usize>t * cb;
    for (let c: usize = 0; c < cb; c += 16) {
      const y00 = v128.load(src + c), y01 = fullCols ? v128.load(src + cb + c) : zero;
      const y10 = fullRows ? v128.load(src + rowStep + c) : zero, y11 = fullRows && fullCols ? v128.load(src + rowStep + cb + c) : zero;
      for (let xi = 0; xi < 4; xi++) {
        // row xi of A y: y0, y0 + y1, y0 - y1, -y1 (rows of the tile), per column
        const r0 = xi == 0 ? y00 : xi == 1 ? f32x4.add(y00, y10) : xi == 2 ? f32x4.sub(y00, y10) : f32x4.neg(y10);
        const r1 = xi == 0 ? y01 : xi == 1 ? f32x4.add(y01, y11) : xi == 2 ? f32x4.sub(y01, y11) : f32x4.neg(y11);
        // times A^T: r0, r0 + r1, r0 - r1, -r1
        const q = out + <usize>(xi * 4) * plane + c;
        v128.store(q, r0);
        v128.store(q + plane, f32x4.add(r0, r1));
        v128.store(q + 2 * plane, f32x4.sub(r0, r1));
        v128.store(q + 3 * plane, f32x4.neg(r1));
      }
    }
  }
}

/** df[kh, kw, a, b] = (G^T M G)[kh, kw] for the 16 accumulated [ci, co] matrices M;
 *  G^T = [[1, 1/2, 1/2, 0], [0, 1/2, -1/2, 0], [0, 1/2, 1/2, 1]]. */
function transformFilterGrad(m: usize, df: usize): void {
  const g = WIN, cb = <usize>g.co << 2, plane = <usize>g.ci * cb, half = f32x4.splat(0.5);
  for (let a = 0; a < g.ci; a++) {
    for (let c: usize = 0; c < cb; c += 16) {
      const at = m + <usize>a * cb + c;
      for (let nu = 0; nu < 4; nu++) {
        // column nu of G^T M (rows xi of M are planes 4 xi + nu)
        const m0 = v128.load(at + <usize>nu * plane), m1 = v128.load(at + <usize>(4 + nu) * plane);
        const m2 = v128.load(at + <usize>(8 + nu) * plane), m3 = v128.load(at + <usize>(12 + nu) * plane);
        const s = f32x4.mul(f32x4.add(m1, m2), half), dlt = f32x4.mul(f32x4.sub(m1, m2), half);
        const t0 = f32x4.add(m0, s), t2 = f32x4.add(s, m3);
        v128.store(TCOL + (<usize>nu * 48), t0);
        v128.store(TCOL + (<usize>nu * 48) + 16, dlt);
        v128.store(TCOL + (<usize>nu * 48) + 32, t2);
      }
      for (let kh = 0; kh < 3; kh++) {
        const c0 = v128.load(TCOL + (<usize>kh << 4)), c1 = v128.load(TCOL + 48 + (<usize>kh << 4));
        const c2 = v128.load(TCOL + 96 + (<usize>kh << 4)), c3 = v128.load(TCOL + 144 + (<usize>kh << 4));
        const s = f32x4.mul(f32x4.add(c1, c2), half);
        const base = df + (<usize>(kh * 3) * g.ci + a) * cb + c, tapStep = plane;
        v128.store(base, f32x4.add(c0, s));
        v128.store(base + tapStep, f32x4.mul(f32x4.sub(c1, c2), half));
        v128.store(base + 2 * tapStep, f32x4.add(s, c3));
      }
    }
  }
}

/** G^T M by columns: t[kh] of column nu at TCOL + nu * 48 + kh * 16. */
const TCOL = memory.data(4 * 48, 16);

/** The filter gradient's parts: runs of consecutive blocks, each summed into its own 16
 *  [ci, co] planes (the partials), which the calling thread adds up in part order. How many
 *  depends on the shapes only (at most FILTER_PARTS, partials within FILTER_PARTIALS_BYTES),
 *  so the result is the same bytes for any thread count. Thread slot s works in scratch +
 *  s * slotBytes: [V][D][one product][productInto's scratch]. */
const FILTER_PARTS = 8;
const FILTER_PARTIALS_BYTES: usize = 16 << 20;

@unmanaged
export class WinogradFilterJob {
  x: usize = 0; dy: usize = 0; partials: usize = 0;
  scratch: usize = 0; slotBytes: usize = 0;
  tiles: i32 = 0; nb: i32 = 0; tilesH: i32 = 0; tilesW: i32 = 0; blocks: i32 = 0; parts: i32 = 0;
}

/** Part `part` of the filter gradient: its blocks' 16 products summed into its partials. */
export function winogradFilterPart(job: WinogradFilterJob, part: i32, slot: i32): void {
  const g = WIN, ci = g.ci, co = g.co, nb = job.nb, n = ci * co;
  const b0 = <i32>(<i64>part * job.blocks / job.parts), b1 = <i32>(<i64>(part + 1) * job.blocks / job.parts);
  const m = job.partials + (<usize>part * 16 * n << 2);
  const v = job.scratch + <usize>slot * job.slotBytes;
  const d = v + (<usize>16 * nb * ci << 2), prod = d + (<usize>16 * nb * co << 2), pk = prod + (<usize>n << 2);
  for (let b = b0; b < b1; b++) {
    const t0 = b * nb, nt = min(nb, job.tiles - t0);
    transformInput(job.x, v, t0, nt, job.tilesH, job.tilesW);
    transformGrad(job.dy, d, t0, nt, job.tilesH, job.tilesW);
    for (let k = 0; k < 16; k++) {
      const mk = m + (<usize>k * n << 2);
      productInto(v + (<usize>k * nt * ci << 2), d + (<usize>k * nt * co << 2), b == b0 ? mk : prod, ci, co, nt, 1, ci, co, 1, pk);
      if (b != b0) addInto(mk, prod, n);
    }
  }
}

/** df = conv2dBackpropFilter(x, dy) for a record where winogradFits() holds (WIN as read from
 *  it: the image x, the output gradient dy of [n, oh, ow, co]). */
export function winogradBackpropFilter(x: usize, dy: usize, df: usize): void {
  const g = WIN, ci = g.ci, co = g.co, planes = <usize>16 * ci * co << 2;
  const tilesH = (g.oh + 1) >> 1, tilesW = (g.ow + 1) >> 1, tiles = g.n * tilesH * tilesW;
  const nb = min(tiles, max(4, BLOCK_FLOATS / (16 * (ci + co))));
  const job = changetype<WinogradFilterJob>(heap.alloc(offsetof<WinogradFilterJob>()));
  job.x = x; job.dy = dy; job.tiles = tiles; job.nb = nb; job.tilesH = tilesH; job.tilesW = tilesW;
  job.blocks = (tiles + nb - 1) / nb;
  job.parts = <i32>max(1, min(<usize>min(FILTER_PARTS, job.blocks), FILTER_PARTIALS_BYTES / planes));
  job.partials = heap.alloc(<usize>job.parts * planes);
  job.slotBytes = ((<usize>16 * nb * (ci + co) << 2) + (<usize>ci * co << 2) + productScratchBytes(ci, co, nb) + 63) & ~63;
  const slots = job.parts > 1 && <i64>tiles * 16 * ci * co >= PARALLEL_MACS ? threadCount() : 1;
  job.scratch = heap.alloc(<usize>slots * job.slotBytes);
  runParts(TASK_WINOGRAD_FILTER, changetype<usize>(job), job.parts, slots);
  for (let p = 1; p < job.parts; p++) addInto(job.partials, job.partials + <usize>p * planes, 16 * ci * co);
  transformFilterGrad(job.partials, df);
  heap.free(job.scratch);
  heap.free(job.partials);
  heap.free(changetype<usize>(job));
}

/** to[0:n] += from[0:n] (n a multiple of 4). */
function addInto(to: usize, from: usize, n: i32): void {
  const end = <usize>n << 2;
  for (let k: usize = 0; k < end; k += 16) v128.store(to + k, f32x4.add(v128.load(to + k), v128.load(from + k)));
}
