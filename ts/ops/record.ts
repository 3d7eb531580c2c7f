// Recording an op: convert its arguments to nodes, apply tfjs's dtype promotion (by inserting
// casts), let the core infer and check the result, and wrap it in a Tensor. Temporaries are
// released whether the op succeeds or throws, so a failed call leaves nothing behind.
import * as core from '../engine/core';
import { DT, DTYPES } from '../engine/runtime';
import { counters } from '../engine/metrics';
import { opError, argError, fmtShape } from '../engine/errors';
import { Op, OP_NAMES, OP_DTYPES } from '../generated/ops';
import { Tensor, type DataType } from '../tensor';
import { argNode, type TensorLike } from '../convert';

export type Input = Tensor | TensorLike;

const temps: number[] = [];

/** Registers a node the current op created and must release when it is recorded. */
export function temp(node: number): number {
  temps.push(node);
  return node;
}

/** Releases the current op's temporaries. */
export function releaseTemps(): void {
  while (temps.length) core.release(temps.pop()!);
}

/** The node of an argument; TensorLike arguments become temporaries. */
export function arg(op: string, x: Input): number {
  const n = argNode(op, x);
  return x instanceof Tensor ? n : temp(n);
}

/** Checks a build result: throws a message naming the op and the input shapes. */
export function check(node: number, op: string, inputs: readonly number[], detail?: string): number {
  if (node < 0) throw opError(op, node, inputs, detail);
  counters.opsTraced++;
  return node;
}

/** Builds an op over nodes, as a temporary of the current op. */
export function node(op: number, inputs: readonly number[], attrs: readonly number[] = [], name = OP_NAMES[op]): number {
  for (const a of attrs) if (!Number.isInteger(a)) throw argError(name, `expected integer arguments, got ${a} (${fmtShape(core.nodeShape(inputs[0]))})`);
  return temp(check(core.buildN(op, inputs, attrs), name, inputs));
}

/** Wraps a temporary node as the op's result: the Tensor takes over the reference. */
export function result(n: number): Tensor {
  const i = temps.lastIndexOf(n);
  if (i >= 0) temps.splice(i, 1);
  else core.retain(n);
  return new Tensor(n);
}

/** Runs an op body that records temporaries, releasing them whatever happens. */
export function recording<T>(body: () => T): T {
  try {
    return body();
  } finally {
    releaseTemps();
  }
}

export const dtypeOf = (n: number): DataType => DTYPES[core.nodeDtype(n)];

/** Casts a node to a dtype (a no-op if it already has it). */
export function castNode(n: number, dtype: DataType): number {
  return dtypeOf(n) === dtype ? n : node(Op.cast, [n], [DT[dtype]]);
}

const RANK: Record<DataType, number> = { bool: 0, int32: 1, float32: 2 };
export const upcast = (a: DataType, b: DataType): DataType => (RANK[a] >= RANK[b] ? a : b);

/** The dtype an op runs in for an input dtype: the input's if the op accepts it, else the
 *  nearest one it does (tfjs casts int32 to float32 for exp, anything to bool for logicalNot). */
export function accepted(op: number, dtype: DataType): DataType {
  const ok = OP_DTYPES[op];
  const letter = dtype === 'float32' ? 'f' : dtype === 'int32' ? 'i' : 'b';
  if (ok.includes(letter)) return dtype;
  if (dtype === 'bool' && ok.includes('i')) return 'int32';
  return ok.includes('f') ? 'float32' : ok.includes('i') ? 'int32' : 'bool';
}

export function unary(op: number, x: Input): Tensor {
  const name = OP_NAMES[op];
  if (x instanceof Tensor) {            // the hot path: no temporaries, no casts
    const n = x.live(name);
    if (accepted(op, dtypeOf(n)) === dtypeOf(n)) return new Tensor(check(core.build1(op, n), name, [n]));
  }
  return recording(() => {
    const n = arg(name, x);
    return result(node(op, [castNode(n, accepted(op, dtypeOf(n)))], [], name));
  });
}

export function binary(op: number, a: Input, b: Input): Tensor {
  const name = OP_NAMES[op];
  if (a instanceof Tensor && b instanceof Tensor && op !== Op.div) {   // the hot path
    const x = a.live(name), y = b.live(name);
    const dt = dtypeOf(x);
    if (dt === dtypeOf(y) && accepted(op, dt) === dt) return new Tensor(check(core.build2(op, x, y), name, [x, y]));
  }
  return recording(() => {
    let x = arg(name, a), y = arg(name, b);
    let dt = upcast(dtypeOf(x), dtypeOf(y));
    if (op === Op.div && dt !== 'float32') op = Op.floorDiv;   // tfjs: int32 / int32 is floorDiv
    dt = accepted(op, dt);
    x = castNode(x, dt);
    y = castNode(y, dt);
    return result(node(op, [x, y], [], name));
  });
}

/** Normalizes a tfjs axis argument into a list (all axes when null or undefined). */
export function axesOf(axis: number | number[] | null | undefined, rank: number): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: rank }, (_, i) => i);
  return Array.isArray(axis) ? axis : [axis];
}

export function reduce(op: number, x: Input, axis: number | number[] | null | undefined, keepDims: boolean): Tensor {
  const name = OP_NAMES[op];
  return recording(() => {
    const n = arg(name, x);
    const axes = axesOf(axis, core.nodeRank(n));
    return result(node(op, [castNode(n, accepted(op, dtypeOf(n)))], [keepDims ? 1 : 0, ...axes], name));
  });
}
