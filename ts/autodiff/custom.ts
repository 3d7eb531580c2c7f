// customGrad: a value whose gradient is given by user code. Its node is made unique (an add
// of a fresh scalar parameter 0, which interning can never merge with another node), and
// remembered, with its inputs, saved tensors and gradFunc, in the innermost gradient scope
// (grad, variableGrads, ...). The backward walk calls gradFunc when it reaches that node.
import * as core from '../engine/core';
import { DT } from '../engine/runtime';
import { Op, OP_NAMES } from '../generated/ops';
import { check } from '../ops/record';
import { Tensor } from '../tensor';
import { tidy } from '../memory';
import { dtypeOf } from './build';

export type GradFunc = (dy: Tensor, saved: Tensor[]) => Tensor | Tensor[];
export type GradSaveFunc = (tensors: Tensor[]) => void;
export interface CustomGradientResult { value: Tensor; gradFunc: GradFunc }

export interface Custom {
  /** The input nodes the gradient flows to (one reference each, held by this entry). */
  inputs: number[];
  saved: number[];
  gradFunc: GradFunc;
}

/** One map per open gradient scope: unique value node -> its custom gradient. */
const scopes: Map<number, Custom>[] = [];

export function openScope(): void { scopes.push(new Map()); }

/** Ends the innermost scope; its entries move to the enclosing one (higher-order gradients
 *  walk them again) or are released. */
export function closeScope(): void {
  const s = scopes.pop()!;
  const parent = scopes[scopes.length - 1];
  for (const [node, entry] of s) {
    if (parent) parent.set(node, entry);
    else {
      core.release(node);
      for (const n of entry.inputs) core.release(n);
      for (const n of entry.saved) core.release(n);
    }
  }
}

export function customFor(node: number): Custom | undefined {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const e = scopes[i].get(node);
    if (e) return e;
  }
  return undefined;
}

/** A node equal to n that nothing else can be interned to: n + (a new scalar parameter 0). */
export function uniqueCopy(n: number): number {
  const dt = dtypeOf(n);
  const zero = core.makeScalar(DT[dt], 0);
  const code = dt === 'bool' ? Op.logicalOr : Op.add;
  try {
    return check(core.build2(code, n, zero), OP_NAMES[code], [n, zero]);
  } finally {
    core.release(zero);
  }
}

/**
 * Wraps f so that its gradient is the one f's `gradFunc` returns (tfjs's customGrad).
 * f receives the inputs and a `save` function; gradFunc receives dy and the saved tensors
 * and returns one gradient per input.
 * @example
 * const square = lt.customGrad((x, save) => {
 *   save([x]);
 *   return { value: x.square(), gradFunc: (dy, [x]) => dy.mul(x).mul(2) };
 * });
 * lt.grad((x) => square(x))(lt.tensor([3])).print(); // [6]
 */
export function customGrad(f: (...args: any[]) => CustomGradientResult): (...args: Tensor[]) => Tensor {
  if (typeof f !== 'function') throw new Error('The f passed in customGrad(f) must be a function.');
  return (...inputs: Tensor[]): Tensor => {
    if (!inputs.every((t) => t instanceof Tensor)) throw new Error('The args passed in customGrad(f)(x1, x2,...) must all be tensors');
    const hold = (t: Tensor) => { const n = t.live('customGrad'); core.retain(n); return n; };
    let saved: number[] = [];
    // saved tensors are kept by reference to their nodes (tfjs clones them), so f's
    // intermediates can be disposed by tidy while the gradient still reads them
    const save: GradSaveFunc = (ts) => { for (const n of saved) core.release(n); saved = ts.map(hold); };
    let gradFunc: GradFunc | undefined;
    const taping = scopes.length > 0;
    let value: Tensor;
    try {
      value = tidy(() => {
        const r = f(...inputs, save);
        if (!r || !(r.value instanceof Tensor)) throw new Error('The function f passed in customGrad(f) must return an object where `obj.value` is a tensor');
        if (typeof r.gradFunc !== 'function') throw new Error('The function f passed in customGrad(f) must return an object where `obj.gradFunc` is a function.');
        gradFunc = r.gradFunc;
        // under a gradient scope the value gets a node of its own (tidy disposes f's handle)
        return taping ? new Tensor(uniqueCopy(r.value.live('customGrad'))) : r.value;
      });
    } catch (e) {
      for (const n of saved) core.release(n);
      throw e;
    }
    if (!taping) {   // no gradient is being taken: a plain value
      for (const n of saved) core.release(n);
      return value;
    }
    core.retain(value.node);   // the entry's reference
    scopes[scopes.length - 1].set(value.node, { inputs: inputs.map(hold), saved, gradFunc: gradFunc! });
    return value;
  };
}
