// StableHLO lowerings of the window ops (conv and pool kinds, docs/PROGRAM.md): conv2d and its
// adjoints as stablehlo.convolution (the adjoints as JAX derives them: the input gradient
// convolves dy, dilated by the stride, with the flipped filter; the filter gradient convolves
// x with dy, batch and feature roles swapped), depthwiseConv2d and its input gradient as sums
// over the window's taps (below), its filter gradient as a convolution in batch groups, pooling
// over the taps too, maxPool's gradient as select_and_scatter over x padded with -inf and
// avgPool's as a reduce_window of dy dilated by the stride.
import type { Emitter, Val } from './lower';
import type { Rec } from '../program';

const arr = (xs: readonly number[]) => `array<i64: ${xs.join(', ')}>`;
const pad2 = (p: readonly (readonly number[])[]) => `dense<[${p.map(([a, b]) => `[${a}, ${b}]`).join(', ')}]> : tensor<${p.length}x2xi64>`;

interface ConvSpec {
  dn: string;
  strides: number[];
  pad: number[][];
  lhsDil?: number[];
  rhsDil: number[];
  batchGroups?: number;
}

function convolution(em: Emitter, lhs: Val, rhs: Val, dims: number[], s: ConvSpec): Val {
  return em.op('stablehlo.convolution', [lhs, rhs], dims, 'f32', [
    `batch_group_count = ${s.batchGroups ?? 1} : i64`,
    `dimension_numbers = #stablehlo.conv<${s.dn}>`,
    'feature_group_count = 1 : i64',
    `lhs_dilation = ${arr(s.lhsDil ?? [1, 1])}`,
    `padding = ${pad2(s.pad)}`,
    `rhs_dilation = ${arr(s.rhsDil)}`,
    `window_strides = ${arr(s.strides)}`,
  ].join(', '));
}

const NHWC = '[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]';

/** conv2d. */
export function convForward(em: Emitter, r: Rec, [x, f]: Val[]): Val {
  const [sh, sw, dh, dw, pt, pb, pl, pr] = r.attrs;
  return convolution(em, x, f, r.dims, { dn: NHWC, strides: [sh, sw], pad: [[pt, pb], [pl, pr]], rhsDil: [dh, dw] });
}

// The depthwise family as elementwise work over the window's taps (strided slices of a
// padded image times that tap's filter row), which XLA fuses into loops. As convolutions with
// ci feature (or batch) groups, XLA's CPU backend was 10-40x slower: on [16, 56, 56, 64] *
// [3, 3, 64, 1] the forward pass took 190 ms under jax.jit, the taps 5 ms; the input gradient
// 184 ms, the taps 4.8 ms. Channel c * m + q of y is x channel c times f[., ., c, q].

/** x padded with `value`: lo / hi at each axis's ends (negative: cut), interior between elements. */
function padImage(em: Emitter, x: Val, lo: number[], hi: number[], interior = [0, 0, 0, 0], value = 0): Val {
  const dims = x.dims.map((d, i) => d + lo[i] + hi[i] + Math.max(d - 1, 0) * interior[i]);
  return em.op('stablehlo.pad', [x, em.scalar(value, 'f32')], dims, 'f32',
    `edge_padding_low = ${arr(lo)}, edge_padding_high = ${arr(hi)}, interior_padding = ${arr(interior)}`);
}

/** x[:, at0 :: s0, at1 :: s1, :], oh x ow pixels of it. */
function tapSlice(em: Emitter, x: Val, at: number[], s: number[], oh: number, ow: number): Val {
  const [n, , , c] = x.dims;
  return em.op('stablehlo.slice', [x], [n, oh, ow, c], 'f32',
    `start_indices = ${arr([0, at[0], at[1], 0])}, limit_indices = ${arr([n, at[0] + (oh - 1) * s[0] + 1, at[1] + (ow - 1) * s[1] + 1, c])}, strides = ${arr([1, s[0], s[1], 1])}`);
}

/** The filter's tap (kh, kw), [ci, m]. */
function filterTap(em: Emitter, f: Val, kh: number, kw: number): Val {
  const [, , ci, m] = f.dims;
  const t = em.op('stablehlo.slice', [f], [1, 1, ci, m], 'f32',
    `start_indices = ${arr([kh, kw, 0, 0])}, limit_indices = ${arr([kh + 1, kw + 1, ci, m])}, strides = ${arr([1, 1, 1, 1])}`);
  return em.reshape(t, [ci, m]);
}

/** term(kh, kw) over the fh x fw taps, combined by a binary op (add, maximum) in row-major
 *  tap order. */
function foldTaps(em: Emitter, fh: number, fw: number, combine: string, term: (kh: number, kw: number) => Val): Val {
  let acc: Val | undefined;
  for (let kh = 0; kh < fh; kh++) for (let kw = 0; kw < fw; kw++) acc = acc ? em.bin(combine, acc, term(kh, kw)) : term(kh, kw);
  return acc!;
}

/** depthwiseConv2d: y[n, o, c, q] = sum over taps k of xpadded[n, o s + k d, c] f[k, c, q]. */
export function depthwiseForward(em: Emitter, r: Rec, [x, f]: Val[]): Val {
  const [sh, sw, dh, dw, pt, pb, pl, pr] = r.attrs;
  const [fh, fw, ci, m] = f.dims, [n, oh, ow] = r.dims;
  if (r.dims.some((d) => d === 0)) return em.full(0, r.dims, 'f32');
  const xp = padImage(em, x, [0, pt, pl, 0], [0, pb, pr, 0]), dims5 = [n, oh, ow, ci, m];
  const y = foldTaps(em, fh, fw, 'add', (kh, kw) => em.bin('multiply',
    em.bcast(em.reshape(tapSlice(em, xp, [kh * dh, kw * dw], [sh, sw], oh, ow), [n, oh, ow, ci, 1]), dims5),
    em.bcast(filterTap(em, f, kh, kw), dims5)));
  return em.reshape(y, r.dims);
}

/** Its input gradient: dy dilated by the stride and padded as in convBackpropInput, then the
 *  taps of the flipped filter at stride 1, summed over each channel's m outputs. */
export function depthwiseBackpropInput(em: Emitter, r: Rec, [dy, f]: Val[]): Val {
  const [sh, sw, dh, dw, pt, , pl, , h, w] = r.attrs;
  const [fh, fw, ci, m] = f.dims, n = dy.dims[0];
  if (r.dims.some((d) => d === 0) || dy.dims.some((d) => d === 0)) return em.full(0, r.dims, 'f32');
  const [ah, aw] = [backpropPad(h, dy.dims[1], fh, sh, dh, pt), backpropPad(w, dy.dims[2], fw, sw, dw, pl)];
  const dyp = padImage(em, dy, [0, ah[0], aw[0], 0], [0, ah[1], aw[1], 0], [0, sh - 1, sw - 1, 0]);
  const dims5 = [n, h, w, ci, m];
  const dx = foldTaps(em, fh, fw, 'add', (kh, kw) => em.bin('multiply',
    em.reshape(tapSlice(em, dyp, [kh * dh, kw * dw], [1, 1], h, w), dims5),
    em.bcast(filterTap(em, f, fh - 1 - kh, fw - 1 - kw), dims5)));
  return m === 1 ? em.reshape(dx, r.dims) : em.reduce(dx, [4], 0, 'add');
}

/** [low, high] padding of a stride-dilated dy (o pixels) so that a stride-1 pass of the flipped
 *  filter (k taps, d apart) yields the n input pixels of a conv padded by p before. */
function backpropPad(n: number, o: number, k: number, s: number, d: number, p: number): number[] {
  const eff = (k - 1) * d + 1, lo = eff - 1 - p;
  return [lo, n + eff - 1 - ((o - 1) * s + 1) - lo];
}

/** dx = dy dilated by the stride, convolved with the flipped filter, channels swapped. */
export function convBackpropInput(em: Emitter, r: Rec, [dy, f]: Val[]): Val {
  const [sh, sw, dh, dw, pt, , pl, , h, w] = r.attrs;
  const [fh, fw] = f.dims;
  const pad = [backpropPad(h, dy.dims[1], fh, sh, dh, pt), backpropPad(w, dy.dims[2], fw, sw, dw, pl)];
  const rhs = em.op('stablehlo.reverse', [f], f.dims, 'f32', `dimensions = ${arr([0, 1])}`);
  return convolution(em, dy, rhs, r.dims, { dn: '[b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f]', strides: [1, 1], pad, lhsDil: [sh, sw], rhsDil: [dh, dw] });
}

/** df[k, ci, co] = sum over batch and output pixels of x at the tap times dy: a convolution
 *  of x (channels as the batch) with dy (the batch as the contracted feature); depthwise, in
 *  ci batch groups. (Sums over the taps, as the depthwise forward pass and input gradient run,
 *  were slower here: XLA's CPU backend ran those reductions over leading axes 2-3x slower than this.) */
export function convBackpropFilter(depthwise: boolean) {
  return (em: Emitter, r: Rec, [x, dy]: Val[]): Val => {
    const [sh, sw, dh, dw, pt, , pl, , fh, fw] = r.attrs;
    const axis = (n: number, o: number, k: number, s: number, d: number, p: number) => [p, (o - 1) * s + 1 + (k - 1) * d + 1 - n - 1 - p];
    const pad = [axis(x.dims[1], dy.dims[1], fh, sh, dh, pt), axis(x.dims[2], dy.dims[2], fw, sw, dw, pl)];
    const spec: ConvSpec = { dn: '[f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f]', strides: [dh, dw], pad, rhsDil: [sh, sw], batchGroups: depthwise ? x.dims[3] : 1 };
    if (!depthwise) return convolution(em, x, dy, r.dims, spec);
    return em.reshape(convolution(em, x, dy, [fh, fw, 1, dy.dims[3]], spec), r.dims);
  };
}

/** A pool record's window: taps fh x fw, strides, image padding [pt, pb, pl, pr]. */
function poolWindow(r: Rec) {
  const [fh, fw, sh, sw, pt, pb, pl, pr] = r.attrs;
  return { fh, fw, s: [sh, sw], pads: [pt, pb, pl, pr] };
}

/** The image padded for the taps of a pool record's windows, with `value`. */
function poolPadded(em: Emitter, x: Val, pads: readonly number[], value: number): Val {
  const [pt, pb, pl, pr] = pads;
  return padImage(em, x, [0, pt, pl, 0], [0, pb, pr, 0], [0, 0, 0, 0], value);
}

/** How many real (unpadded) elements each output window of an h x w image holds, as
 *  [1, oh, ow, 1] (a constant that XLA folds). */
function counts(em: Emitter, r: Rec, h: number, w: number, oh: number, ow: number): Val {
  const { fh, fw, s, pads } = poolWindow(r);
  const ones = poolPadded(em, em.full(1, [1, h, w, 1], 'f32'), pads, 0);
  return foldTaps(em, fh, fw, 'add', (kh, kw) => tapSlice(em, ones, [kh, kw], s, oh, ow));
}

// maxPool and avgPool, as the depthwise family, over the window's taps: XLA's CPU backend ran
// them as reduce_window 1.5-2x slower (on [16, 56, 56, 64], 3 x 3 stride 2). Their adjoints
// stay a select_and_scatter and a reduce_window: as taps XLA recomputed each window's winner
// for every tap (maxPool's, 1.3x slower, where jax.jit's XLA ran the same taps 7x faster).

/** The maximum over the window's taps of x padded with -inf (padding never wins). */
export function maxPool(em: Emitter, r: Rec, [x]: Val[]): Val {
  const { fh, fw, s, pads } = poolWindow(r), [, oh, ow] = r.dims;
  if (r.dims.some((d) => d === 0)) return em.full(0, r.dims, 'f32');
  const xp = poolPadded(em, x, pads, -Infinity);
  return foldTaps(em, fh, fw, 'maximum', (kh, kw) => tapSlice(em, xp, [kh, kw], s, oh, ow));
}

export function avgPool(em: Emitter, r: Rec, [x]: Val[]): Val {
  const { fh, fw, s, pads } = poolWindow(r), [, oh, ow] = r.dims;
  if (r.dims.some((d) => d === 0)) return em.full(0, r.dims, 'f32');
  const xp = poolPadded(em, x, pads, 0);
  const sum = foldTaps(em, fh, fw, 'add', (kh, kw) => tapSlice(em, xp, [kh, kw], s, oh, ow));
  return em.bin('divide', sum, em.bcast(counts(em, r, x.dims[1], x.dims[2], oh, ow), r.dims));
}

function window4(attrs: readonly number[]) {
  const [fh, fw, sh, sw, pt, pb, pl, pr] = attrs;
  return { win: [1, fh, fw, 1], strides: [1, sh, sw, 1], pad: [[0, 0], [pt, pb], [pl, pr], [0, 0]] };
}

function reduceWindow(em: Emitter, x: Val, dims: number[], attrs: readonly number[], init: number, combine: string, padded = true): Val {
  const { win, strides, pad } = window4(attrs);
  const region = em.region(['f32'], ([a, b]) => [em.op(`stablehlo.${combine}`, [a, b], [], 'f32')]);
  return em.op('stablehlo.reduce_window', [x, em.scalar(init, 'f32')], dims, 'f32',
    `padding = ${pad2(padded ? pad : pad.map(() => [0, 0]))}, window_dimensions = ${arr(win)}, window_strides = ${arr(padded ? strides : [1, 1, 1, 1])}`, region);
}

/** Each dy to its window's first maximum: select_and_scatter over x padded with -inf (so
 *  padding never wins), then the padding cut off. */
export function maxPoolGrad(em: Emitter, r: Rec, [x, dy]: Val[]): Val {
  const { win, strides, pad } = window4(r.attrs);
  const xp = padImage(em, x, pad.map((p) => p[0]), pad.map((p) => p[1]), [0, 0, 0, 0], -Infinity), pdims = xp.dims;
  const select = em.region(['f32'], ([a, b]) => [em.cmp('GE', a, b)]);
  const scatter = em.region(['f32'], ([a, b]) => [em.op('stablehlo.add', [a, b], [], 'f32')]);
  const g = em.op('stablehlo.select_and_scatter', [xp, dy, em.scalar(0, 'f32')], pdims, 'f32',
    `padding = ${pad2(pad.map(() => [0, 0]))}, window_dimensions = ${arr(win)}, window_strides = ${arr(strides)}`, `${select}, ${scatter}`);
  const start = pad.map((p) => p[0]);
  return em.op('stablehlo.slice', [g], r.dims, 'f32',
    `start_indices = ${arr(start)}, limit_indices = ${arr(start.map((s, i) => s + x.dims[i]))}, strides = ${arr([1, 1, 1, 1])}`);
}

/** dy / count spread over each window: dy dilated by the stride and padded so that a window
 *  sum at stride 1 collects, for every input pixel, the windows that held it. */
export function avgPoolGrad(em: Emitter, r: Rec, [dy]: Val[]): Val {
  const [fh, fw, sh, sw, pt, , pl, , h, w] = r.attrs;
  const q = em.bin('divide', dy, em.bcast(counts(em, r, h, w, dy.dims[1], dy.dims[2]), dy.dims));
  const lo = [0, fh - 1 - pt, fw - 1 - pl, 0];
  const hi = [0, h + fh - 1 - ((dy.dims[1] - 1) * sh + 1) - lo[1], w + fw - 1 - ((dy.dims[2] - 1) * sw + 1) - lo[2], 0];
  const qp = padImage(em, q, lo, hi, [0, sh - 1, sw - 1, 0]);
  return reduceWindow(em, qp, r.dims, r.attrs, 0, 'add', false);
}
