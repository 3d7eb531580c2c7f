// Convolution, pooling and batch normalization with tfjs's argument conventions: images NHWC
// ([batch, height, width, channels], or rank 3 without the batch), filters HWIO; strides,
// dilations and filter sizes a number or [h, w]; pad 'same', 'valid', a number, or explicit
// [[0, 0], [top, bottom], [left, right], [0, 0]]. Padding is resolved here as tfjs does, so the
// IR ops carry plain numbers (docs/PROGRAM.md, the conv and pool kinds).
import * as core from '../engine/core';
import { argError, fmtShape } from '../engine/errors';
import { Op } from '../generated/ops';
import type { Tensor } from '../tensor';
import { scalarNode } from '../convert';
import { arg, node, result, recording, castNode, temp, type Input } from './record';
import { reshapeNode } from './shape';

export type ExplicitPadding = [[number, number], [number, number], [number, number], [number, number]];
export type Padding = 'same' | 'valid' | number | ExplicitPadding;
export type RoundingMode = 'floor' | 'round' | 'ceil';
type Pair = number | [number, number];

/** A positive integer pair from a number or [h, w]. */
function pairOf(op: string, what: string, v: Pair, shape: readonly number[]): [number, number] {
  const p: [number, number] = typeof v === 'number' ? [v, v] : Array.isArray(v) && v.length === 2 ? [v[0], v[1]] : [NaN, NaN];
  if (!p.every((k) => Number.isInteger(k) && k >= 1)) {
    throw argError(op, `${what} must be a positive integer or a pair of them, got ${JSON.stringify(v)} (shape ${fmtShape(shape)})`);
  }
  return p;
}

const ROUND: Record<RoundingMode, (v: number) => number> = { floor: Math.floor, round: Math.round, ceil: Math.ceil };

/** [top, bottom] padding of one spatial axis of length n under an effective window eff and
 *  stride s, as tfjs computes it. */
function padAxis(op: string, pad: Padding, axis: 1 | 2, n: number, eff: number, s: number, rounding: RoundingMode | undefined, nchw: boolean, shape: readonly number[]): [number, number] {
  if (pad === 'valid') return [0, 0];
  if (pad === 'same') {
    const out = Math.ceil(n / s);
    const total = Math.max(0, (out - 1) * s + eff - n);
    return [Math.floor(total / 2), total - Math.floor(total / 2)];
  }
  if (typeof pad === 'number') {
    if (!Number.isInteger(pad) || pad < 0) throw argError(op, `pad must be 'same', 'valid', a non-negative integer or explicit pairs, got ${pad} (shape ${fmtShape(shape)})`);
    // tfjs: out = round((n - eff + 2 pad) / s + 1) (truncated without a rounding mode); the
    // bottom pad grows where rounding up needs one more window
    const out = (rounding ? ROUND[rounding] : Math.trunc)((n - eff + 2 * pad) / s + 1);
    return [pad, Math.max(pad, (out - 1) * s + eff - n - pad)];
  }
  const ok = Array.isArray(pad) && pad.length === 4 && pad.every((p) => Array.isArray(p) && p.length === 2 && p.every((v) => Number.isInteger(v) && v >= 0));
  const dims = ok && nchw ? [0, 2, 3, 1].map((d) => pad[d]) : pad;   // to N, H, W, C order
  if (!ok || dims[0][0] || dims[0][1] || dims[3][0] || dims[3][1]) {
    throw argError(op, `explicit padding must be 4 pairs of non-negative integers, zero on the batch and channel axes, got ${JSON.stringify(pad)} (shape ${fmtShape(shape)})`);
  }
  return [dims[axis][0], dims[axis][1]];
}

interface Image { node: number; batched: boolean; nchw: boolean }

/** The float32 NHWC rank-4 node of an image argument (rank 3 gains a batch of 1). */
function imageOf(op: string, x: Input, dataFormat: string): Image {
  if (dataFormat !== 'NHWC' && dataFormat !== 'NCHW') throw argError(op, `dataFormat must be 'NHWC' or 'NCHW', got ${String(dataFormat)}`);
  let n = castNode(arg(op, x), 'float32');
  const s = core.nodeShape(n);
  if (s.length !== 3 && s.length !== 4) throw argError(op, `input must be rank 3 or 4, got shape ${fmtShape(s)}`);
  const batched = s.length === 4;
  if (!batched) n = reshapeNode(n, [1, ...s], op);
  const nchw = dataFormat === 'NCHW';
  if (nchw) n = node(Op.transpose, [n], [0, 2, 3, 1], op);
  return { node: n, batched, nchw };
}

/** The op's NHWC rank-4 result back in the caller's layout and rank. */
function imageResult(op: string, y: number, img: Image): Tensor {
  if (img.nchw) y = node(Op.transpose, [y], [0, 3, 1, 2], op);
  if (!img.batched) y = reshapeNode(y, core.nodeShape(y).slice(1), op);
  return result(y);
}

/** [strideH, strideW, dilationH, dilationW, padTop, padBottom, padLeft, padRight]. */
function convAttrs(op: string, x: number, fh: number, fw: number, strides: Pair, pad: Padding, dilations: Pair, rounding: RoundingMode | undefined, nchw: boolean): number[] {
  const shape = core.nodeShape(x);
  const [sh, sw] = pairOf(op, 'strides', strides, shape);
  const [dh, dw] = pairOf(op, 'dilations', dilations, shape);
  if (rounding !== undefined && typeof pad !== 'number') throw argError(op, `pad must be an integer when using dimRoundingMode, got ${JSON.stringify(pad)} (shape ${fmtShape(shape)})`);
  if (rounding !== undefined && !(rounding in ROUND)) throw argError(op, `dimRoundingMode must be 'floor', 'round' or 'ceil', got ${String(rounding)}`);
  const [pt, pb] = padAxis(op, pad, 1, shape[1], (fh - 1) * dh + 1, sh, rounding, nchw, shape);
  const [pl, pr] = padAxis(op, pad, 2, shape[2], (fw - 1) * dw + 1, sw, rounding, nchw, shape);
  return [sh, sw, dh, dw, pt, pb, pl, pr];
}

function filterOf(op: string, filter: Input): number {
  const f = castNode(arg(op, filter), 'float32');
  if (core.nodeRank(f) !== 4) throw argError(op, `filter must be rank 4 [height, width, inChannels, outChannels], got shape ${fmtShape(core.nodeShape(f))}`);
  return f;
}

function convLike(op: 'conv2d' | 'depthwiseConv2d', x: Input, filter: Input, strides: Pair, pad: Padding, dataFormat: string, dilations: Pair, rounding: RoundingMode | undefined): Tensor {
  return recording(() => {
    const img = imageOf(op, x, dataFormat);
    const f = filterOf(op, filter);
    const [fh, fw] = core.nodeShape(f);
    const attrs = convAttrs(op, img.node, fh, fw, strides, pad, dilations, rounding, img.nchw);
    return imageResult(op, node(Op[op], [img.node, f], attrs, op), img);
  });
}

/**
 * 2-D convolution of NHWC images with an HWIO filter (tfjs's conv2d).
 * @param x The image, [batch, height, width, inChannels] (or rank 3 without the batch; NCHW
 *   with dataFormat 'NCHW').
 * @param filter [filterHeight, filterWidth, inChannels, outChannels].
 * @param strides A number or [strideHeight, strideWidth].
 * @param pad 'same', 'valid', a number (each side), or [[0, 0], [top, bottom], [left, right], [0, 0]].
 * @param dataFormat 'NHWC' (default) or 'NCHW'.
 * @param dilations A number or [dilationHeight, dilationWidth] (default 1).
 * @param dimRoundingMode How a numeric pad rounds the output size: 'floor', 'round' or 'ceil'.
 * @example
 * const x = lt.ones([1, 3, 3, 1]);
 * lt.conv2d(x, lt.ones([2, 2, 1, 1]), 1, 'valid').print(); // [[[[4], [4]], [[4], [4]]]]
 */
export function conv2d(x: Input, filter: Input, strides: Pair, pad: Padding, dataFormat: 'NHWC' | 'NCHW' = 'NHWC', dilations: Pair = 1, dimRoundingMode?: RoundingMode): Tensor {
  return convLike('conv2d', x, filter, strides, pad, dataFormat, dilations, dimRoundingMode);
}

/**
 * Depthwise 2-D convolution (tfjs's depthwiseConv2d): each input channel c is convolved with
 * its own filters filter[:, :, c, q], giving output channel c * channelMultiplier + q.
 * @param x The NHWC image, [batch, height, width, inChannels] (or rank 3).
 * @param filter [filterHeight, filterWidth, inChannels, channelMultiplier].
 * @param strides A number or [strideHeight, strideWidth].
 * @param pad 'same', 'valid', a number, or explicit pairs as in conv2d.
 * @param dataFormat 'NHWC' (default) or 'NCHW'.
 * @param dilations A number or [dilationHeight, dilationWidth] (default 1).
 * @param dimRoundingMode How a numeric pad rounds the output size.
 * @example
 * const x = lt.tensor4d([1, 2, 3, 4], [1, 1, 2, 2]);
 * lt.depthwiseConv2d(x, lt.tensor4d([10, 100], [1, 1, 2, 1]), 1, 'valid').print(); // [[[[10, 200], [30, 400]]]]
 */
export function depthwiseConv2d(x: Input, filter: Input, strides: Pair, pad: Padding, dataFormat: 'NHWC' | 'NCHW' = 'NHWC', dilations: Pair = 1, dimRoundingMode?: RoundingMode): Tensor {
  return convLike('depthwiseConv2d', x, filter, strides, pad, dataFormat, dilations, dimRoundingMode);
}

function poolLike(op: 'maxPool' | 'avgPool', x: Input, filterSize: Pair, strides: Pair, pad: Padding, rounding: RoundingMode | undefined): Tensor {
  return recording(() => {
    const img = imageOf(op, x, 'NHWC');
    const [fh, fw] = pairOf(op, 'filterSize', filterSize, core.nodeShape(img.node));
    const [sh, sw, , , pt, pb, pl, pr] = convAttrs(op, img.node, fh, fw, strides, pad, 1, rounding, false);
    return imageResult(op, node(Op[op], [img.node], [fh, fw, sh, sw, pt, pb, pl, pr], op), img);
  });
}

/**
 * Max pooling over NHWC images (tfjs's maxPool); padding never wins a window.
 * @param x [batch, height, width, channels] (or rank 3).
 * @param filterSize A number or [filterHeight, filterWidth].
 * @param strides A number or [strideHeight, strideWidth].
 * @param pad 'same', 'valid', a number, or explicit pairs as in conv2d.
 * @param dimRoundingMode How a numeric pad rounds the output size.
 * @example
 * lt.maxPool(lt.tensor4d([1, 5, 3, 2], [1, 2, 2, 1]), 2, 1, 'valid').print(); // [[[[5]]]]
 */
export function maxPool(x: Input, filterSize: Pair, strides: Pair, pad: Padding, dimRoundingMode?: RoundingMode): Tensor {
  return poolLike('maxPool', x, filterSize, strides, pad, dimRoundingMode);
}

/**
 * Average pooling over NHWC images (tfjs's avgPool); a window that overhangs the padding
 * averages its real elements only.
 * @param x [batch, height, width, channels] (or rank 3).
 * @param filterSize A number or [filterHeight, filterWidth].
 * @param strides A number or [strideHeight, strideWidth].
 * @param pad 'same', 'valid', a number, or explicit pairs as in conv2d.
 * @param dimRoundingMode How a numeric pad rounds the output size.
 * @example
 * lt.avgPool(lt.tensor4d([1, 5, 3, 2], [1, 2, 2, 1]), 2, 1, 'valid').print(); // [[[[2.75]]]]
 */
export function avgPool(x: Input, filterSize: Pair, strides: Pair, pad: Padding, dimRoundingMode?: RoundingMode): Tensor {
  return poolLike('avgPool', x, filterSize, strides, pad, dimRoundingMode);
}

/**
 * Batch normalization (tfjs's batchNorm): (x - mean) / sqrt(variance + varianceEpsilon) *
 * scale + offset, the statistics broadcast against x. Composed of elementwise ops, so it fuses
 * and differentiates like them.
 * @param x The input.
 * @param mean The mean, broadcast against x (rank 1 over the last axis, or x's rank).
 * @param variance The variance, broadcast likewise.
 * @param offset Added last (default none).
 * @param scale Multiplies the normalized value (default none).
 * @param varianceEpsilon Added to the variance (default 0.001).
 * @example
 * lt.batchNorm(lt.tensor([1, 2, 3]), 2, 1, 10, 2, 0).print(); // [8, 10, 12]
 */
export function batchNorm(x: Input, mean: Input, variance: Input, offset?: Input, scale?: Input, varianceEpsilon = 0.001): Tensor {
  return recording(() => {
    const f = (v: Input) => castNode(arg('batchNorm', v), 'float32');
    const xn = f(x), m = f(mean), v = f(variance);
    let inv = node(Op.rsqrt, [node(Op.add, [v, temp(scalarNode(varianceEpsilon, 'float32'))], [], 'batchNorm')], [], 'batchNorm');
    if (scale !== undefined && scale !== null) inv = node(Op.mul, [inv, f(scale)], [], 'batchNorm');
    let y = node(Op.mul, [node(Op.sub, [xn, m], [], 'batchNorm'), inv], [], 'batchNorm');
    if (offset !== undefined && offset !== null) y = node(Op.add, [y, f(offset)], [], 'batchNorm');
    return result(y);
  });
}
