// The gradient API with tfjs semantics: grad, grads, valueAndGrad(s), variableGrads, customGrad;
// errors, higher-order gradients, sources that interning could alias, one Program per step and
// no leaked nodes.
import { beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import { setupBackend } from '../helpers';

type T = lt.Tensor;
beforeAll(setupBackend);

const vals = (t: T) => Array.from(t.dataSync());
const close = (t: T, want: number[], tol = 1e-5) => {
  const got = vals(t);
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(Math.abs(g - want[i]), `[${i}] got ${g} want ${want[i]}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(want[i]))));
};

/** Runs body and checks that it leaves no handle, buffer or node behind. */
function noLeak(body: () => void): void {
  const before = lt.memory();
  body();
  expect(lt.memory()).toEqual(before);
}

describe('grad, grads, valueAndGrad, valueAndGrads', () => {
  it('grad defaults dy to ones (the gradient of sum(f(x))) and accepts TensorLike', () => noLeak(() => {
    const g = lt.grad((x: T) => x.square())([1, 2, 3]);
    expect(g.shape).toEqual([3]);
    close(g, [2, 4, 6]);
    g.dispose();
  }));

  it('grad with dy', () => noLeak(() => {
    const x = lt.tensor([[1, 2], [3, 4]]);
    const dy = lt.tensor([[1, 0], [2, -1]]);
    const g = lt.grad((t: T) => t.mul(3))(x, dy);
    close(g, [3, 0, 6, -3]);
    lt.dispose([x, dy, g]);
  }));

  it('grads of several arguments', () => noLeak(() => {
    const a = lt.tensor([1, 2]), b = lt.tensor([3, 4]);
    const [da, db] = lt.grads((p: T, q: T) => p.mul(q).add(p.square()))([a, b]);
    close(da, [5, 8]);
    close(db, [1, 2]);
    lt.dispose([a, b, da, db]);
  }));

  it('valueAndGrad and valueAndGrads return the value too', () => noLeak(() => {
    const x = lt.tensor([1, 2, 3]);
    const { value, grad } = lt.valueAndGrad((t: T) => t.square().sum())(x);
    close(value, [14]);
    close(grad, [2, 4, 6]);
    const x1 = x.add(1);
    const r = lt.valueAndGrads((p: T, q: T) => p.mul(q).sum())([x, x1]);
    close(r.value, [2 + 6 + 12]);
    close(r.grads[0], [2, 3, 4]);
    close(r.grads[1], [1, 2, 3]);
    lt.dispose([x, x1, value, grad, r.value, ...r.grads]);
  }));

  it('the same tensor passed twice gets the whole gradient in both places (tfjs)', () => noLeak(() => {
    const x = lt.tensor([2, 3]);
    const [g1, g2] = lt.grads((a: T, b: T) => a.mul(b))([x, x]);
    close(g1, [4, 6]);
    close(g2, [4, 6]);
    lt.dispose([x, g1, g2]);
  }));

  it('identity: the gradient is dy, and x is not disposed', () => noLeak(() => {
    const x = lt.tensor([1, 2]);
    const g = lt.grad((t: T) => t)(x);
    close(g, [1, 1]);
    close(x, [1, 2]);
    lt.dispose([x, g]);
  }));

  it('a source that only reaches y through ops without a gradient gets zeros', () => noLeak(() => {
    const g = lt.grad((x: T) => x.floor().add(x.greater(0).cast('float32')))([1.5, -2.5]);
    close(g, [0, 0]);
    g.dispose();
  }));

  it('throws like tfjs when x does not reach y, and leaves nothing behind', () => noLeak(() => {
    const x = lt.tensor([1, 2]), c = lt.tensor([3, 4]);
    expect(() => lt.grad(() => c.square())(x)).toThrow(/Cannot compute gradient of y=f\(x\) with respect to x/);
    expect(() => lt.grads((a: T) => a.square())([x, c])).toThrow(/Cannot compute gradient/);
    lt.dispose([x, c]);
  }));

  it('rejects bad arguments', () => noLeak(() => {
    const x = lt.tensor([1, 2]);
    expect(() => lt.grad(() => 3 as unknown as T)(x)).toThrow(/^grad\(f\)\(x, dy\): the result y returned by f\(\) must be a tensor/);
    const dyBad = lt.tensor([1, 2, 3]);
    expect(() => lt.grad((t: T) => t.square())(x, dyBad)).toThrow(/shape of dy/);
    const dyInt = lt.tensor(Int32Array.from([1, 1]));
    expect(() => lt.grad((t: T) => t.square())(x, dyInt)).toThrow("dy must have 'float32' dtype, but has 'int32'");
    expect(() => lt.valueAndGrad((t: T) => t)([1] as unknown as T)).toThrow('must be a tensor');
    expect(() => lt.grads((t: T) => t)(x as unknown as T[])).toThrow('must be an array');
    lt.dispose([x, dyBad, dyInt]);
  }));

  it('an error thrown inside f leaves nothing behind', () => noLeak(() => {
    const x = lt.tensor([1, 2]), bad = lt.tensor([1, 2, 3]);
    expect(() => lt.grad((t: T) => t.square().add(bad))(x)).toThrow(/add: shapes cannot be broadcast/);
    lt.dispose([x, bad]);
  }));
});

describe('semantics of the lazy graph', () => {
  it('forward and backward run as one Program at the next read', () => {
    const x = lt.tensor([0.5, 1, 2]);
    lt.resetMetrics();
    const { value, grad } = lt.valueAndGrad((t: T) => t.exp().mul(t).sum())(x);
    expect(lt.metrics().graphsExecuted).toBe(0);
    lt.sync(value, grad);
    expect(lt.metrics().graphsExecuted).toBe(1);
    close(value, [[0.5, 1, 2].reduce((s, v) => s + v * Math.exp(v), 0)]);
    close(grad, [0.5, 1, 2].map((v) => Math.exp(v) * (1 + v)));
    expect(lt.metrics().graphsExecuted).toBe(1);
    lt.dispose([x, value, grad]);
  });

  it('higher-order gradients: the backward graph is made of differentiable ops', () => noLeak(() => {
    const x = lt.tensor([0.5, -1, 2]);
    const d2 = lt.grad((t: T) => lt.grad((u: T) => u.sin())(t))(x);
    close(d2, [0.5, -1, 2].map((v) => -Math.sin(v)));
    const d3 = lt.grad((t: T) => lt.grad((u: T) => lt.grad((w: T) => w.pow(3))(u))(t))(x);
    close(d3, [6, 6, 6], 1e-4);
    lt.dispose([x, d2, d3]);
  }));

  it('second order through maxPool w.r.t. its cotangent is refused by name (no adjoint op)', () => noLeak(() => {
    const x = lt.tensor([1, 3, 2, 4], [1, 2, 2, 1]);
    const dy = lt.tensor([1], [1, 1, 1, 1]);
    // d/d(dy) of maxPoolGrad(x, dy) would need the adjoint of the scatter to the maxima
    expect(() => lt.grad((d: T) => lt.grads((a: T) => lt.maxPool(a, 2, 1, 'valid'))([x], d)[0].sum())(dy))
      .toThrow(/maxPool: gradients of second order are not supported/);
    // through avgPool the same is linear and supported: d/d(dy) sum(avgPoolGrad(dy)) = 1
    const g = lt.grad((d: T) => lt.grads((a: T) => lt.avgPool(a, 2, 1, 'valid'))([x], d)[0].sum())(dy);
    close(g, [1]);
    lt.dispose([x, dy, g]);
  }));

  it('sources made of constants are not confused with equal constants inside f (interning)', () => noLeak(() => {
    const one = lt.scalar(1);
    const g1 = lt.grad((t: T) => t.add(1).mul(t))(one);   // d/dt (t + 1) t = 2t + 1
    close(g1, [3]);
    const ones = lt.ones([3]);
    const g2 = lt.grad((t: T) => t.mul(lt.ones([3])))(ones);
    close(g2, [1, 1, 1]);
    lt.dispose([one, g1, ones, g2]);
  }));

  it('a value read inside f is differentiated through, as tfjs does (the read does not realize it)', () => noLeak(() => {
    const x = lt.tensor([2]);
    const g = lt.grad((t: T) => { const y = t.square(); y.dataSync(); return y.mul(t); })(x);
    close(g, [12]);   // d/dt (t^2 * t) = 3t^2 (test/reliability/grad-through-reads.test.ts: more)
    lt.dispose([x, g]);
  }));

  it('a 12,000-op chain: no recursion, and no automatic cut inside the gradient scope', () => noLeak(() => {
    const x = lt.tensor([1, 2]);
    lt.resetMetrics();
    const g = lt.grad((t: T) => { let y = t; for (let i = 0; i < 12_000; i++) y = y.add(1); return y.sin(); })(x);
    close(g, [Math.cos(12_001), Math.cos(12_002)], 1e-3);
    lt.dispose([x, g]);
  }));
});

describe('variableGrads', () => {
  it('differentiates against every trainable variable by default; untouched ones are left out', () => {
    const a = lt.variable(lt.tensor([1, 2]), true, 'vg-a');
    const b = lt.variable(lt.tensor([3]), true, 'vg-b');
    const frozen = lt.variable(lt.tensor([5]), false, 'vg-frozen');
    const unused = lt.variable(lt.tensor([7]), true, 'vg-unused');
    const { value, grads } = lt.variableGrads(() => a.square().sum().mul(b).add(frozen).sum());
    close(value, [(1 + 4) * 3 + 5]);
    expect(Object.keys(grads).sort()).toEqual(['vg-a', 'vg-b']);
    close(grads['vg-a'], [6, 12]);
    close(grads['vg-b'], [5]);
    lt.dispose([value, grads]);
    // a varList: only those; a listed non-trainable variable maps to null
    const r = lt.variableGrads(() => a.mul(b).sum().add(frozen.sum()), [a, frozen]);
    expect(Object.keys(r.grads).sort()).toEqual(['vg-a', 'vg-frozen']);
    expect(r.grads['vg-frozen']).toBeNull();
    close(r.grads['vg-a'], [3, 3]);
    lt.dispose([r.value, r.grads]);
    lt.dispose([a, b, frozen, unused]);
  });

  it('requires a scalar, a connection and a trainable variable (tfjs messages)', () => {
    const a = lt.variable(lt.tensor([1, 2]), true, 'vg-c');
    const frozen = lt.variable(lt.tensor([1]), false, 'vg-d');
    const c = lt.tensor([1]);
    expect(() => lt.variableGrads(() => a.square(), [a])).toThrow('must return a scalar, but it returned a rank-1 tensor');
    expect(() => lt.variableGrads(() => c.sum(), [a])).toThrow('Cannot find a connection between any variable');
    expect(() => lt.variableGrads(() => frozen.sum(), [frozen])).toThrow('at least one of the input variables to be trainable');
    expect(() => lt.variable(lt.tensor([1]), true, 'vg-c')).toThrow('Variable with name vg-c was already registered');
    lt.dispose([a, frozen, c]);
  });

  it('variables that share a node (zeros of one shape, a variable of a variable) get their own gradients', () => {
    const z1 = lt.variable(lt.zeros([3]), true, 'vg-z1');
    const z2 = lt.variable(lt.zeros([3]), true, 'vg-z2');
    expect(z1.node).toBe(z2.node);   // interning: one node for both
    const w = lt.variable(lt.tensor([1, 2, 3]), true, 'vg-w');
    const w2 = lt.variable(w, true, 'vg-w2');
    const { value, grads } = lt.variableGrads(() => z1.mul(2).add(z2.mul(3)).add(lt.zeros([3])).add(w.mul(w2)).sum(), [z1, z2, w, w2]);
    close(grads['vg-z1'], [2, 2, 2]);
    close(grads['vg-z2'], [3, 3, 3]);
    close(grads['vg-w'], [1, 2, 3]);
    close(grads['vg-w2'], [1, 2, 3]);
    close(value, [14]);
    close(z1, [0, 0, 0]);
    lt.dispose([value, grads, z1, z2, w, w2]);
  });
});

describe('customGrad', () => {
  const cube = lt.customGrad((x: T, save: (ts: T[]) => void) => {
    save([x]);
    // a deliberately different gradient, to see that it is the one used
    return { value: x.pow(3), gradFunc: (dy: T, [s]: T[]) => dy.mul(s).mul(10) };
  });

  it('uses gradFunc with the saved tensors', () => noLeak(() => {
    const x = lt.tensor([1, 2]);
    const { value, grad } = lt.valueAndGrad((t: T) => cube(t).add(t))(x);
    close(value, [2, 10]);
    close(grad, [11, 21]);
    lt.dispose([x, value, grad]);
  }));

  it('several inputs; a custom value that equals another node of f is kept apart', () => noLeak(() => {
    const mulC = lt.customGrad((a: T, b: T) => ({ value: a.mul(b), gradFunc: (dy: T) => [dy.mul(100), dy.mul(1000)] }));
    const a = lt.tensor([1, 2]), b = lt.tensor([3, 4]);
    const [da, db] = lt.grads((p: T, q: T) => mulC(p, q).add(p.mul(q)))([a, b]);
    close(da, [103, 104]);
    close(db, [1001, 1002]);
    lt.dispose([a, b, da, db]);
  }));

  it('gradFunc may return dy itself; outside a gradient it is a plain function', () => noLeak(() => {
    const ident = lt.customGrad((x: T) => ({ value: x.square(), gradFunc: (dy: T) => dy }));
    const x = lt.tensor([3]);
    const g = lt.grad((t: T) => ident(t))(x);
    close(g, [1]);
    const y = ident(x);
    close(y, [9]);
    lt.dispose([x, g, y]);
  }));

  it('checks what f and gradFunc return', () => noLeak(() => {
    const x = lt.tensor([1]);
    const wrongCount = lt.customGrad((a: T) => ({ value: a.square(), gradFunc: (dy: T) => [dy, dy] }));
    expect(() => lt.grad((t: T) => wrongCount(t))(x)).toThrow('the same number of tensors as inputs');
    const noValue = lt.customGrad(() => ({ value: 3 as unknown as T, gradFunc: (dy: T) => dy }));
    expect(() => lt.grad((t: T) => noValue(t))(x)).toThrow('`obj.value` is a tensor');
    x.dispose();
  }));

  it('higher order through a custom gradient', () => noLeak(() => {
    const sq = lt.customGrad((x: T, save: (ts: T[]) => void) => { save([x]); return { value: x.square(), gradFunc: (dy: T, [s]: T[]) => dy.mul(s).mul(2) }; });
    const x = lt.tensor([1.5]);
    const g2 = lt.grad((t: T) => lt.grad((u: T) => sq(u).mul(u))(t))(x);   // d2/dx2 x^3 = 6x
    close(g2, [9]);
    lt.dispose([x, g2]);
  }));
});
