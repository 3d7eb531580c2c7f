// Chainable methods: every op whose first argument is a tensor is also a Tensor method, as
// in tfjs (`a.add(b).relu()`). Types and prototype come from one list.
import { Tensor } from './tensor';
import * as generated from './generated/elementwise';
import * as math from './ops/math';
import * as shape from './ops/shape';
import * as conv from './ops/conv';
import type { Input } from './ops/record';
import { Op, OP_KINDS } from './generated/ops';


const methods = {
  ...generated,
  cast: math.cast, mean: math.mean, argMax: math.argMax, argMin: math.argMin, logSumExp: math.logSumExp,
  softmax: math.softmax, logSoftmax: math.logSoftmax, cumsum: math.cumsum, leakyRelu: math.leakyRelu,
  clipByValue: math.clipByValue, floorDiv: math.floorDiv, matMul: math.matMul, dot: math.dot,
  reshape: shape.reshape, transpose: shape.transpose, expandDims: shape.expandDims, squeeze: shape.squeeze,
  slice: shape.slice, stridedSlice: shape.stridedSlice, unstack: shape.unstack, split: shape.split,
  tile: shape.tile, pad: shape.pad, gather: shape.gather, reverse: shape.reverse, broadcastTo: shape.broadcastTo,
  conv2d: conv.conv2d, depthwiseConv2d: conv.depthwiseConv2d, maxPool: conv.maxPool, avgPool: conv.avgPool,
  batchNorm: conv.batchNorm,
  asType: math.cast,
  where: (x: Tensor, condition: Input, b: Input) => math.where(condition, x, b),
  oneHot: shape.oneHot,
  clone: (x: Tensor) => shape.reshape(x, x.shape),
  reshapeAs: (x: Tensor, y: Tensor) => shape.reshape(x, y.shape),
  concat: (x: Tensor, y: Input | Input[], axis = 0) => shape.concat([x, ...(Array.isArray(y) && !(typeof y[0] === 'number') ? (y as Input[]) : [y as Input])], axis),
  stack: (x: Tensor, y: Input | Input[], axis = 0) => shape.stack([x, ...(Array.isArray(y) && !(typeof y[0] === 'number') ? (y as Input[]) : [y as Input])], axis),
};

type Methods = typeof methods;
type Tail<T extends unknown[]> = T extends [unknown, ...infer R] ? R : never;
export type TensorMethods = { [K in keyof Methods]: (...args: Tail<Parameters<Methods[K]>>) => ReturnType<Methods[K]> };

declare module './tensor' {
  // eslint-disable-next-line @typescript-eslint/no-empty-interface
  interface Tensor extends TensorMethods {}
}

for (const [name, fn] of Object.entries(methods) as [string, (...a: unknown[]) => unknown][]) {
  // Exact-arity wrappers for elementwise ops (the hot path); the others take fixed parameters,
  // missing ones undefined, which selects each op's defaults.
  const kind = OP_KINDS[(Op as Record<string, number>)[name] ?? -1];
  const method = kind === 'unary' ? function (this: Tensor) { return fn(this); }
    : kind === 'binary' ? function (this: Tensor, b: unknown) { return fn(this, b); }
    : function (this: Tensor, a: unknown, b: unknown, c: unknown, d: unknown, e: unknown, f: unknown, g: unknown, h: unknown) {
    return fn(this, a, b, c, d, e, f, g, h);
  };
  Object.defineProperty(Tensor.prototype, name, { value: method, writable: true, configurable: true });
}
