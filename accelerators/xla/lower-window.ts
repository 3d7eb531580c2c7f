// StableHLO lowerings of the window ops (conv and pool kinds, docs/PROGRAM.md): convolutions
// and their adjoints as stablehlo.convolution (the adjoints as JAX derives them: the input
// gradient convolves dy, dilated by the stride, with the flipped filter; the filter gradient
// convolves x with dy, batch and feature roles swapped), pooling as stablehlo.reduce_window,
// maxPool's gradient as select_and_scatter over x padded with -inf.
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
  groups?: number;
  batchGroups?: number;
}

function convolution(em: Emitter, lhs: Val, rhs: Val, dims: number[], s: ConvSpec): Val {
  return em.op('stablehlo.convolution', [lhs, rhs], dims, 'f32', [
    `batch_group_count = ${s.batchGroups ?? 1} : i64`,
    `dimension_numbers = #stablehlo.conv<${s.dn}>`,
    `feature_group_count = ${s.groups ?? 1} : i64`,
    `lhs_dilation = ${arr(s.lhsDil ?? [1, 1])}`,
    `padding = ${pad2(s.pad)}`,
    `rhs_dilation = ${arr(s.rhsDil)}`,
    `window_strides = ${arr(s.strides)}`,
  ].join(', '));
}

const NHWC = '[b, 0, 1, f]x[0, 1, i, o]->[b, 0, 1, f]';

/** conv2d / depthwiseConv2d (a depthwise filter [fh, fw, ci, m] is [fh, fw, 1, ci * m] in ci groups). */
export function convForward(depthwise: boolean) {
  return (em: Emitter, r: Rec, [x, f]: Val[]): Val => {
    const [sh, sw, dh, dw, pt, pb, pl, pr] = r.attrs;
    const ci = x.dims[3];
    const rhs = depthwise ? em.reshape(f, [f.dims[0], f.dims[1], 1, ci * f.dims[3]]) : f;
    return convolution(em, x, rhs, r.dims, { dn: NHWC, strides: [sh, sw], pad: [[pt, pb], [pl, pr]], rhsDil: [dh, dw], groups: depthwise ? ci : 1 });
  };
}

/** dx = dy dilated by the stride, convolved with the flipped filter, channels swapped. */
export function convBackpropInput(depthwise: boolean) {
  return (em: Emitter, r: Rec, [dy, f]: Val[]): Val => {
    const [sh, sw, dh, dw, pt, , pl, , h, w] = r.attrs;
    const [fh, fw, ci] = f.dims;
    const axis = (n: number, o: number, k: number, s: number, d: number, p: number) => {
      const eff = (k - 1) * d + 1, lo = eff - 1 - p;
      return [lo, n + eff - 1 - ((o - 1) * s + 1) - lo];
    };
    const pad = [axis(h, dy.dims[1], fh, sh, dh, pt), axis(w, dy.dims[2], fw, sw, dw, pl)];
    let rhs = em.op('stablehlo.reverse', [f], f.dims, 'f32', `dimensions = ${arr([0, 1])}`);
    // depthwise: [fh, fw, ci, m] -> [fh, fw, m, ci]: group c reads dy channels c*m .. c*m+m-1
    if (depthwise) rhs = em.op('stablehlo.transpose', [rhs], [fh, fw, f.dims[3], ci], 'f32', `permutation = ${arr([0, 1, 3, 2])}`);
    const dn = depthwise ? NHWC : '[b, 0, 1, f]x[0, 1, o, i]->[b, 0, 1, f]';
    return convolution(em, dy, rhs, r.dims, { dn, strides: [1, 1], pad, lhsDil: [sh, sw], rhsDil: [dh, dw], groups: depthwise ? ci : 1 });
  };
}

/** df[k, ci, co] = sum over batch and output pixels of x at the tap times dy: a convolution
 *  of x (channels as the batch) with dy (the batch as the contracted feature). */
export function convBackpropFilter(depthwise: boolean) {
  return (em: Emitter, r: Rec, [x, dy]: Val[]): Val => {
    const [sh, sw, dh, dw, pt, , pl, , fh, fw] = r.attrs;
    const axis = (n: number, o: number, k: number, s: number, d: number, p: number) => [p, (o - 1) * s + 1 + (k - 1) * d + 1 - n - 1 - p];
    const pad = [axis(x.dims[1], dy.dims[1], fh, sh, dh, pt), axis(x.dims[2], dy.dims[2], fw, sw, dw, pl)];
    const ci = x.dims[3], co = dy.dims[3];
    const spec: ConvSpec = { dn: '[f, 0, 1, b]x[i, 0, 1, o]->[0, 1, b, f]', strides: [dh, dw], pad, rhsDil: [sh, sw], batchGroups: depthwise ? ci : 1 };
    if (!depthwise) return convolution(em, x, dy, r.dims, spec);
    return em.reshape(convolution(em, x, dy, [fh, fw, 1, co], spec), r.dims);
  };
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

/** How many real (unpadded) elements each output window of an h x w image holds, as [1, oh, ow, 1]. */
function counts(em: Emitter, attrs: readonly number[], h: number, w: number, oh: number, ow: number): Val {
  return reduceWindow(em, em.full(1, [1, h, w, 1], 'f32'), [1, oh, ow, 1], attrs, 0, 'add');
}

export function maxPool(em: Emitter, r: Rec, [x]: Val[]): Val {
  return reduceWindow(em, x, r.dims, r.attrs, -Infinity, 'maximum');
}

export function avgPool(em: Emitter, r: Rec, [x]: Val[]): Val {
  const sum = reduceWindow(em, x, r.dims, r.attrs, 0, 'add');
  const n = counts(em, r.attrs, x.dims[1], x.dims[2], r.dims[1], r.dims[2]);
  return em.bin('divide', sum, em.bcast(n, r.dims));
}

/** Each dy to its window's first maximum: select_and_scatter over x padded with -inf (so
 *  padding never wins), then the padding cut off. */
export function maxPoolGrad(em: Emitter, r: Rec, [x, dy]: Val[]): Val {
  const { win, strides, pad } = window4(r.attrs);
  const pdims = x.dims.map((d, i) => d + pad[i][0] + pad[i][1]);
  const xp = em.op('stablehlo.pad', [x, em.scalar(-Infinity, 'f32')], pdims, 'f32',
    `edge_padding_low = ${arr(pad.map((p) => p[0]))}, edge_padding_high = ${arr(pad.map((p) => p[1]))}, interior_padding = ${arr([0, 0, 0, 0])}`);
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
  const q = em.bin('divide', dy, em.bcast(counts(em, r.attrs, h, w, dy.dims[1], dy.dims[2]), dy.dims));
  const lo = [0, fh - 1 - pt, fw - 1 - pl, 0];
  const hi = [0, h + fh - 1 - ((dy.dims[1] - 1) * sh + 1) - lo[1], w + fw - 1 - ((dy.dims[2] - 1) * sw + 1) - lo[2], 0];
  const pdims = [dy.dims[0], h + fh - 1, w + fw - 1, dy.dims[3]];
  const qp = em.op('stablehlo.pad', [q, em.scalar(0, 'f32')], pdims, 'f32',
    `edge_padding_low = ${arr(lo)}, edge_padding_high = ${arr(hi)}, interior_padding = ${arr([0, sh - 1, sw - 1, 0])}`);
  return reduceWindow(em, qp, r.dims, r.attrs, 0, 'add', false);
}
