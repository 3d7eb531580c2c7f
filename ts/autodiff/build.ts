// Node-level building blocks of the backward pass. Gradient rules speak node ids, like the
// composite ops in ts/ops, but keep their temporaries on their own stack: record.ts's
// `recording()` releases every pending temporary when any public op returns, and the backward
// walk calls user code (customGrad's gradFunc) in the middle of building.
import * as core from '../engine/core';
import { DT, DTYPES } from '../engine/runtime';
import { Op, OP_NAMES } from '../generated/ops';
import { check } from '../ops/record';
import { Tensor, type DataType } from '../tensor';

export const F32 = DT.float32;
const owned: number[] = [];

/** Takes over one reference to a node as a temporary. */
export function own(n: number): number {
  owned.push(n);
  return n;
}

/** Runs body, releasing every temporary it built, whatever happens (scopes nest). */
export function scoped<T>(body: () => T): T {
  const m = owned.length;
  try {
    return body();
  } finally {
    while (owned.length > m) core.release(owned.pop()!);
  }
}

/** A Tensor holding its own reference to a node (the node may be a temporary). */
export function wrap(n: number): Tensor {
  core.retain(n);
  return new Tensor(n);
}

/** Builds an op over nodes, as a temporary. */
export function op(code: number, inputs: readonly number[], attrs: readonly number[] = []): number {
  return own(check(core.buildN(code, inputs, attrs), OP_NAMES[code], inputs));
}

export const shapeOf = (n: number): number[] => core.nodeShape(n);
export const dtypeOf = (n: number): DataType => DTYPES[core.nodeDtype(n)];
export const sizeOf = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);
export const sameShape = (a: readonly number[], b: readonly number[]): boolean => a.length === b.length && a.every((d, i) => d === b[i]);

/** A float32 library constant (interned by value: part of the graph's structure). */
export const c = (v: number): number => own(core.makeConst(F32, v));
/** A rank-0 float32 Program parameter as a Tensor (hyperparameters): its value is uploaded per
 *  run, so changing it never recompiles; unlike a number passed to an op, 0 and 1 stay
 *  parameters too. */
export function scalarParam(v: number): Tensor {
  return new Tensor(core.makeScalar(F32, v));
}

export const add = (a: number, b: number) => op(Op.add, [a, b]);
export const sub = (a: number, b: number) => op(Op.sub, [a, b]);
export const mul = (a: number, b: number) => op(Op.mul, [a, b]);
export const div = (a: number, b: number) => op(Op.div, [a, b]);
export const neg = (a: number) => op(Op.neg, [a]);
export const un = (code: number, a: number) => op(code, [a]);
export const where = (cond: number, a: number, b: number) => op(Op.where, [cond, a, b]);
export const cast = (a: number, dtype: DataType) => (dtypeOf(a) === dtype ? a : op(Op.cast, [a], [DT[dtype]]));
export const matMul = (a: number, b: number, ta: boolean, tb: boolean) => op(Op.matMul, [a, b], [ta ? 1 : 0, tb ? 1 : 0]);

export function reshape(x: number, shape: readonly number[]): number {
  return sameShape(shapeOf(x), shape) ? x : op(Op.reshape, [x], shape);
}

export function broadcast(x: number, shape: readonly number[]): number {
  return sameShape(shapeOf(x), shape) ? x : op(Op.broadcastTo, [x], shape);
}

export function sum(x: number, axes: readonly number[], keepDims: boolean): number {
  return axes.length === 0 ? x : op(Op.sum, [x], [keepDims ? 1 : 0, ...axes]);
}

/** Float32 zeros of a shape (a broadcast constant: nothing is allocated until it runs). */
export const zeros = (shape: readonly number[]): number => broadcast(c(0), shape);
export const ones = (shape: readonly number[]): number => broadcast(c(1), shape);

/** Sums a broadcast gradient back to the shape of the input it came from (tfjs semantics:
 *  leading axes the input lacks, and axes where it has size 1, are summed away). */
export function reduceTo(g: number, shape: readonly number[]): number {
  const gs = shapeOf(g);
  if (sameShape(gs, shape)) return g;
  const lead = gs.length - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < gs.length; i++) if (i < lead || (shape[i - lead] === 1 && gs[i] !== 1)) axes.push(i);
  return reshape(sum(g, axes, true), shape);
}

/** The shape a reduction over `axes` keeps with keepDims (size 1 on each reduced axis). */
export function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}

/** Whether a node is a leaf no op inside user code can rebuild (interning never merges it). */
export function isUniqueLeaf(n: number): boolean {
  const o = core.nodeOp(n);
  return o === Op.data || o === Op.scalar;
}
