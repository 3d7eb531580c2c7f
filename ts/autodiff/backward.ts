// Reverse mode over the lazy IR: walk the recorded graph back from the output node to the
// source nodes and apply one rule per op. Every cotangent is itself a recorded node, so
// forward, backward and an optimizer's update end up in one pending graph (one Program).
import * as core from '../engine/core';
import { OP_NAMES } from '../generated/ops';
import { Tensor } from '../tensor';
import { tidy } from '../memory';
import { fmtShape } from '../engine/errors';
import { RULES, type OpName } from './rules';
import { customFor, type Custom } from './custom';
import { own, wrap, add, ones, zeros, cast, shapeOf, F32 } from './build';

/**
 * The cotangent of each source (a temporary node of the current build scope): null when the
 * source is not connected to y; zeros when it is, but only through ops without a gradient.
 * `dy` is y's cotangent (float32, y's shape); ones when null. Data leaves end the walk; a
 * value read inside f stays a computed node (runtime.ts readKeepingGraph), so the walk goes
 * through it, as tfjs's tape does.
 */
export function backward(y: number, sources: readonly number[], dy: number | null): (number | null)[] {
  const src = new Set(sources);
  const inputsOf = new Map<number, readonly number[]>();
  const customs = new Map<number, Custom>();
  const { order, connected } = topoOrder(y, src, inputsOf, customs);
  const grads = new Map<number, number>();
  if (core.nodeDtype(y) === F32) grads.set(y, dy ?? ones(shapeOf(y)));
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k];
    const g = grads.get(n);
    if (g === undefined || src.has(n) || core.nodeDtype(n) !== F32) continue;
    const ins = inputsOf.get(n)!;
    const needs = ins.map((m) => connected.has(m) && core.nodeDtype(m) === F32);
    if (!needs.some(Boolean)) continue;
    const custom = customs.get(n);
    const opName = OP_NAMES[core.nodeOp(n)] as OpName;
    const dxs = custom ? customGrads(custom, g) : RULES[opName]({ y: n, x: ins, attrs: core.nodeAttrs(n), dy: g, needs });
    for (let i = 0; i < ins.length; i++) {
      const dx = dxs[i];
      if (dx === null || dx === undefined || !needs[i]) continue;
      if (!core.sameShapeNodes(ins[i], dx)) {
        throw new Error(`${custom ? 'customGrad: gradFunc' : `autodiff: the rule of ${opName}`} gave input ${i} a gradient of shape ${fmtShape(shapeOf(dx))}, expected ${fmtShape(shapeOf(ins[i]))}`);
      }
      const prev = grads.get(ins[i]);
      grads.set(ins[i], prev === undefined ? dx : add(prev, dx));
    }
  }
  return sources.map((s) => (connected.has(s) ? grads.get(s) ?? zeros(shapeOf(s)) : null));
}

/** Post-order (inputs first) of the nodes reachable from y, stopping at sources and leaves,
 *  and the set of those that depend on a source. Iterative: graphs may be 100,000 ops deep. */
function topoOrder(y: number, src: Set<number>, inputsOf: Map<number, readonly number[]>, customs: Map<number, Custom>) {
  const order: number[] = [];
  const connected = new Set<number>();
  const seen = new Set<number>([y]);
  const inputs = (n: number): readonly number[] => {
    let ins = inputsOf.get(n);
    if (!ins) {
      const custom = src.has(n) ? undefined : customFor(n);
      if (custom) customs.set(n, custom);
      ins = src.has(n) ? [] : custom ? custom.inputs : core.nodeInputs(n);
      inputsOf.set(n, ins);
    }
    return ins;
  };
  const stack = [y], next = [0];
  while (stack.length) {
    const top = stack.length - 1, n = stack[top];
    const ins = inputs(n);
    if (next[top] < ins.length) {
      const m = ins[next[top]++];
      if (!seen.has(m)) { seen.add(m); stack.push(m); next.push(0); }
      continue;
    }
    stack.pop();
    next.pop();
    if (src.has(n) || ins.some((m) => connected.has(m))) connected.add(n);
    order.push(n);
  }
  return { order, connected };
}

/** Runs a customGrad's gradFunc on dy; its results become temporaries of the build scope. */
function customGrads(entry: Custom, g: number): number[] {
  const dy = wrap(g);
  const saved = entry.saved.map(wrap);
  const marker = saved.length ? saved[saved.length - 1].id : dy.id;   // later ids: made by gradFunc
  let out: Tensor[] = [];
  try {
    out = tidy(() => {
      const r = entry.gradFunc(dy, saved);
      return Array.isArray(r) ? r : [r];
    });
    if (out.length !== entry.inputs.length || !out.every((t) => t instanceof Tensor)) {
      throw new Error('The function f passed in customGrad(f) must return an object where `obj.gradFunc` is a function that returns the same number of tensors as inputs passed to f(...).');
    }
    return out.map((t) => {
      const n = t.live('customGrad');
      core.retain(n);
      return cast(own(n), 'float32');
    });
  } finally {
    for (const t of out) if (t instanceof Tensor && t.id > marker) t.dispose();
    dy.dispose();
    for (const t of saved) t.dispose();
  }
}
