// Recording an op: convert its arguments to nodes, apply tfjs's dtype promotion (by inserting
// casts), let the core infer and check the result, and wrap it in a Tensor. Temporaries are
// released whether the op succeeds or throws, so a failed call leaves nothing behind.
import * as core from '../engine/core';
import { DT, DTYPES } from '../engine/runtime';
import { counters } from '../engine/metrics';
import { opError, argError, fmtShape } from '../engine/errors';
import { Op, OP_NAMES, OP_DTYPES } from '../generated/ops';
import { Tensor, type DataType } from '../tensor';
import { argNode, scalarNode, type TensorLike } from '../convert';

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
  for (const a of attrs) {
    if (!Number.isInteger(a) || a < -(2 ** 31) || a > 2 ** 31 - 1) {
      throw argError(name, `an axis, shape or size must be an int32 integer, got ${a} (shape ${fmtShape(core.nodeShape(inputs[0]))})`);
    }
  }
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

// The hot paths record optimistically: the core checks dtypes anyway, so only when it rejects
// them does the slow path apply tfjs's promotion (and rethrow any other error with a message).
const E_DTYPE = -2, E_DTYPE_MISMATCH = -3;
const promotable = (code: number) => code === E_DTYPE || code === E_DTYPE_MISMATCH;

export function unary(op: number, x: Input): Tensor {
  if (x instanceof Tensor && x.node >= 0) {
    const r = core.build1(op, x.node);
    if (r >= 0) { counters.opsTraced++; return new Tensor(r); }
    if (!promotable(r)) throw opError(OP_NAMES[op], r, [x.node]);
  }
  return recording(() => {
    const name = OP_NAMES[op];
    const n = arg(name, x);
    return result(node(op, [castNode(n, accepted(op, dtypeOf(n)))], [], name));
  });
}

export function binary(op: number, a: Input, b: Input): Tensor {
  if (a instanceof Tensor && a.node >= 0) {
    if (b instanceof Tensor && b.node >= 0) {
      const r = core.build2(op, a.node, b.node);
      if (r >= 0) { counters.opsTraced++; return new Tensor(r); }
      if (!promotable(r)) throw opError(OP_NAMES[op], r, [a.node, b.node]);
    } else if (typeof b === 'number') {   // x.mul(lr): a scalar parameter
      const s = scalarNode(b, 'float32');
      const r = core.build2(op, a.node, s);
      const error = r < 0 && !promotable(r) ? opError(OP_NAMES[op], r, [a.node, s]) : undefined;
      core.release(s);
      if (r >= 0) { counters.opsTraced++; return new Tensor(r); }
      if (error) throw error;
    }
  }
  return recording(() => {
    const name = OP_NAMES[op];
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
  if (axis === null || axis === undefined) {
    const all = new Array<number>(rank);
    for (let i = 0; i < rank; i++) all[i] = i;
    return all;
  }
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
