// The gradient API (tfjs names and semantics): grad, grads, valueAndGrad, valueAndGrads,
// variableGrads, customGrad. f runs eagerly and records nodes; the backward pass records more
// nodes; nothing executes until a value is read or lt.markStep() runs the whole step.
import * as core from '../engine/core';
import { Tensor, Variable } from '../tensor';
import { tidy } from '../memory';
import { tensor } from '../ops/creation';
import { fmtShape } from '../engine/errors';
import type { TensorLike } from '../convert';
import { backward } from './backward';
import { openScope, closeScope, uniqueCopy } from './custom';
import { scoped, wrap, isUniqueLeaf } from './build';
import { registeredVariables } from '../engine/variables';
import { holdAutoCut } from '../engine/runtime';

export { customGrad } from './custom';
export type { GradFunc, GradSaveFunc, CustomGradientResult } from './custom';
export { registeredVariables, registeredVariable, registerVariable } from '../engine/variables';

export type NamedTensorMap = { [name: string]: Tensor };
type Arg = Tensor | TensorLike;

const NO_GRADIENT = 'Cannot compute gradient of y=f(x) with respect to x. Make sure that the f you passed encloses all operations that lead from x to y.';

function assert(ok: unknown, message: string): asserts ok {
  if (!ok) throw new Error(message);
}

/** Whether some op inside f could be interned to this node: only nodes built from constants
 *  alone (zeros, ones, scalar(0)...) can be, since data and scalar leaves are never merged. */
function rebuildable(n: number): boolean {
  const seen = new Set<number>([n]);
  const stack = [n];
  while (stack.length) {
    const m = stack.pop()!;
    if (isUniqueLeaf(m)) return false;
    for (const i of core.nodeInputs(m)) if (!seen.has(i)) { seen.add(i); stack.push(i); }
  }
  return true;
}

/** The tensors to differentiate against: one node per distinct tensor that nothing else in
 *  the graph can stand for. A tensor made only of constants, or sharing its node with another
 *  source, is replaced by a unique lazy copy (`made` lists the copies, for disposal). */
function distinctSources(xs: readonly Tensor[], made: Tensor[]): Tensor[] {
  const byTensor = new Map<Tensor, Tensor>();
  const taken = new Set<number>();
  return xs.map((x) => {
    const prev = byTensor.get(x);
    if (prev) return prev;
    const n = x.live('grad');
    let s = x;
    if (taken.has(n) || rebuildable(n)) {
      s = new Tensor(uniqueCopy(n));
      made.push(s);
    }
    taken.add(s.node);
    byTensor.set(x, s);
    return s;
  });
}

/** Runs f under a gradient scope and differentiates its value against the sources. */
function gradients(f: () => Tensor, sources: readonly Tensor[], dy: Tensor | null, where: string, scalarOnly = false): { value: Tensor; grads: (Tensor | null)[] } {
  if (dy && dy.dtype !== 'float32') throw new Error(`${where}: dy must have 'float32' dtype, but has '${dy.dtype}'`);
  const release = holdAutoCut();
  // the sources' nodes as they are now: f may rebind a variable (v.assign) after using it, and
  // the gradient is with respect to the value f used; held so that no reuse of the id can alias
  const srcNodes = sources.map((s) => s.live('grad'));
  for (const n of srcNodes) core.retain(n);
  openScope();
  let value: Tensor | undefined;
  try {
    // a fresh handle on f's result: f's own tensors are disposed by tidy, and a tensor f did
    // not create (an input, a closure) is never disposed by the gradient functions
    value = tidy(() => {
      const y = f() as unknown;
      assert(y instanceof Tensor, `${where}: the result y returned by f() must be a tensor.`);
      return wrap(y.live('grad'));
    });
    if (scalarOnly) assert(value.rank === 0, `The f passed in variableGrads(f) must return a scalar, but it returned a rank-${value.rank} tensor`);
    if (dy) assert(fmtShape(dy.shape) === fmtShape(value.shape), `The shape of dy passed in ${where} must match the shape returned by f (${fmtShape(dy.shape)} vs ${fmtShape(value.shape)})`);
    const v = value;
    const grads = scoped(() => backward(v.node, srcNodes, dy ? dy.node : null).map((g) => (g === null ? null : wrap(g))));
    return { value: v, grads };
  } catch (e) {
    value?.dispose();
    throw e;
  } finally {
    closeScope();
    for (const n of srcNodes) core.release(n);
    release();
  }
}

/** Converts grad's arguments (TensorLike ones become tensors that `made` lists). */
function toTensor(x: Arg, made: Tensor[]): Tensor {
  if (x instanceof Tensor) return x;
  const t = tensor(x as TensorLike);
  made.push(t);
  return t;
}

/** Runs body with the sources, disposing the tensors made for them afterwards. */
function withSources<T>(args: readonly Arg[], body: (xs: Tensor[]) => T): T {
  const made: Tensor[] = [];
  try {
    return body(distinctSources(args.map((a) => toTensor(a, made)), made));
  } finally {
    for (const t of made) t.dispose();
  }
}

function checkGrads(grads: (Tensor | null)[]): Tensor[] {
  if (grads.some((g) => g === null)) {
    for (const g of grads) g?.dispose();
    throw new Error(NO_GRADIENT);
  }
  return grads as Tensor[];
}

/**
 * The gradient of f at x (dy defaults to ones: the gradient of sum(f(x))).
 * @example
 * const g = lt.grad((x) => x.square());
 * g(lt.tensor([1, 2, 3])).print(); // [2, 4, 6]
 */
export function grad(f: (x: Tensor) => Tensor): (x: Arg, dy?: Arg) => Tensor {
  assert(typeof f === 'function', 'The f passed in grad(f) must be a function');
  return (x, dy) => withSources([x], ([s]) => {
    const made: Tensor[] = [];
    try {
      const d = dy === undefined || dy === null ? null : toTensor(dy, made);
      const { value, grads } = gradients(() => f(s), [s], d, 'grad(f)(x, dy)');
      value.dispose();
      return checkGrads(grads)[0];
    } finally {
      for (const t of made) t.dispose();
    }
  });
}

/**
 * The gradients of f with respect to each of its arguments.
 * @example
 * const g = lt.grads((a, b) => a.mul(b));
 * const [da, db] = g([lt.tensor([1, 2]), lt.tensor([3, 4])]); // [3, 4], [1, 2]
 */
export function grads(f: (...args: Tensor[]) => Tensor): (args: Arg[], dy?: Arg) => Tensor[] {
  assert(typeof f === 'function', 'The f passed in grads(f) must be a function');
  return (args, dy) => {
    assert(Array.isArray(args), 'The args passed in grads(f)(args) must be an array of `Tensor`s or `TensorLike`s');
    return withSources(args, (xs) => {
      const made: Tensor[] = [];
      try {
        const d = dy === undefined || dy === null ? null : toTensor(dy, made);
        const { value, grads } = gradients(() => f(...xs), xs, d, 'grads(f)([x1,...], dy)');
        value.dispose();
        return checkGrads(grads);
      } finally {
        for (const t of made) t.dispose();
      }
    });
  };
}

/**
 * f's value and its gradient at x.
 * @example
 * const { value, grad } = lt.valueAndGrad((x) => x.square().sum())(lt.tensor([1, 2]));
 */
export function valueAndGrad(f: (x: Tensor) => Tensor): (x: Tensor, dy?: Tensor) => { value: Tensor; grad: Tensor } {
  assert(typeof f === 'function', 'The f passed in valueAndGrad(f) must be a function');
  return (x, dy) => {
    assert(x instanceof Tensor, 'The x passed in valueAndGrad(f)(x) must be a tensor');
    assert(dy === undefined || dy === null || dy instanceof Tensor, 'The dy passed in valueAndGrad(f)(x, dy) must be a tensor');
    return withSources([x], ([s]) => {
      const { value, grads } = gradients(() => f(s), [s], dy ?? null, 'valueAndGrad(f)(x, dy)');
      try {
        return { value, grad: checkGrads(grads)[0] };
      } catch (e) {
        value.dispose();
        throw e;
      }
    });
  };
}

/**
 * f's value and its gradients with respect to each argument.
 * @example
 * const { value, grads } = lt.valueAndGrads((a, b) => a.mul(b).sum())([lt.tensor([1]), lt.tensor([2])]);
 */
export function valueAndGrads(f: (...args: Tensor[]) => Tensor): (args: Tensor[], dy?: Tensor) => { value: Tensor; grads: Tensor[] } {
  assert(typeof f === 'function', 'The f passed in valueAndGrads(f) must be a function');
  return (args, dy) => {
    assert(Array.isArray(args) && args.every((a) => a instanceof Tensor), 'The args passed in valueAndGrads(f)(args) must be array of tensors');
    assert(dy === undefined || dy === null || dy instanceof Tensor, 'The dy passed in valueAndGrads(f)(args, dy) must be a tensor');
    return withSources(args, (xs) => {
      const { value, grads } = gradients(() => f(...xs), xs, dy ?? null, 'valueAndGrads(f)([x1,...], dy)');
      try {
        return { value, grads: checkGrads(grads) };
      } catch (e) {
        value.dispose();
        throw e;
      }
    });
  };
}

/** Gives variables that some op inside f could alias (see distinctSources) a unique node. */
function distinctVariables(vars: readonly Variable[]): void {
  const taken = new Set<number>();
  for (const v of vars) {
    const n = v.live('variableGrads');
    if (taken.has(n) || rebuildable(n)) {
      const copy = new Tensor(uniqueCopy(n));
      v.assign(copy);
      copy.dispose();
    }
    taken.add(v.node);
  }
}

/**
 * The value of f (a scalar) and its gradients with respect to the trainable variables in
 * varList (default: every registered trainable variable). Variables f does not use are left
 * out of `grads`; non-trainable ones listed in varList map to null.
 * @example
 * const w = lt.variable(lt.tensor([1, 2]));
 * const { value, grads } = lt.variableGrads(() => w.square().sum());
 */
export function variableGrads(f: () => Tensor, varList?: Variable[]): { value: Tensor; grads: NamedTensorMap } {
  assert(typeof f === 'function', 'The f passed in variableGrads(f) must be a function');
  assert(varList === undefined || varList === null || (Array.isArray(varList) && varList.every((v) => v instanceof Variable)),
    'The varList passed in variableGrads(f, varList) must be an array of variables');
  const specified = varList !== undefined && varList !== null;
  const all = specified ? varList : registeredVariables();
  const trainable = all.filter((v) => v.trainable);
  assert(trainable.length > 0, `variableGrads() expects at least one of the input variables to be trainable, but none of the ${all.length} variables is trainable.`);
  distinctVariables(trainable);
  const { value, grads } = gradients(f, trainable, null, 'variableGrads(f)', true);
  if (!grads.some((g) => g !== null)) {
    value.dispose();
    throw new Error('Cannot find a connection between any variable and the result of the loss function y=f(x). Please make sure the operations that use variables are inside the function f passed to minimize().');
  }
  const named: NamedTensorMap = {};
  trainable.forEach((v, i) => { if (grads[i]) named[v.name] = grads[i]!; });
  if (specified) for (const v of all) if (!v.trainable) (named as Record<string, Tensor | null>)[v.name] = null;
  return { value, grads: named };
}
