// Issue 9: the library called back into itself. User code that the library runs (f of grad,
// gradFunc of customGrad, the loss of minimize, tidy inside tidy) may itself record ops, read
// values, run barriers, take gradients and open scopes. Each case must give the values eager
// tfjs gives (checked against hand-derived gradients), and leave lt.memory() as it found it.
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import { expectEngineHealthy, mem } from './harness';

beforeAll(async () => { await lt.ready(); });

let before: ReturnType<typeof mem>;
beforeEach(() => { before = mem(); });
afterEach(({ task }) => {
  expect.soft(mem(), 'lt.memory() after the test').toEqual(before);
  expectEngineHealthy(task.name);
});

type T = lt.Tensor;
const X = [1, 2, 3];
const values = (t: T) => Array.from(t.dataSync());
/** Runs fn in tidy and returns the values of the tensor it gives. */
const run = (fn: () => T) => lt.tidy(() => values(fn()));
const close = (got: number[], want: number[]) => {
  expect(got.length).toBe(want.length);
  got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 4));
};

describe('reads and barriers inside a function being differentiated', () => {
  // tfjs records a tape eagerly, so reading a value inside f changes nothing. Here a read runs
  // the pending graph; it must not cut the path from x to f's result.





  it('an automatic cut inside f does not cut the gradient (AUTO_CUT_NODES small)', () => {
    const old = lt.env().get('AUTO_CUT_NODES');
    lt.env().set('AUTO_CUT_NODES', 8);
    try {
      const g = run(() => lt.grad((x: T) => {
        let y = x;
        for (let i = 0; i < 600; i++) y = y.mul(1.001);
        return y.sum();
      })(lt.tensor(X)));
      close(g, X.map(() => 1.001 ** 600));
    } finally {
      lt.env().set('AUTO_CUT_NODES', old);
    }
  });
});

describe('gradients inside gradients and inside gradFunc', () => {
  it('grad of a function that takes a grad (second order)', () => {
    close(run(() => lt.grad((x: T) => lt.grad((z: T) => z.pow(3).sum())(x).sum())(lt.tensor(X))), X.map((x) => 6 * x));
  });

  it('grad inside f, used with x', () => {
    close(run(() => lt.grad((x: T) => lt.grad((z: T) => z.square().sum())(x).mul(x).sum())(lt.tensor(X))), X.map((x) => 4 * x));
  });

  it('grad inside a customGrad gradFunc', () => {
    const sq = lt.customGrad((x: T, save: lt.GradSaveFunc) => {
      save([x]);
      return { value: x.square(), gradFunc: (dy: T, [s]: T[]) => dy.mul(lt.grad((z: T) => z.square())(s)) };
    });
    close(run(() => lt.grad((x: T) => sq(x).sum())(lt.tensor(X))), X.map((x) => 2 * x));
  });

  it('dataSync, markStep and tidy in tidy inside a gradFunc', () => {
    const sq = lt.customGrad((x: T, save: lt.GradSaveFunc) => {
      save([x]);
      return {
        value: x.square(),
        gradFunc: (dy: T, [s]: T[]) => {
          s.dataSync();
          dy.dataSync();
          const r = lt.tidy(() => lt.tidy(() => dy.mul(s)).mul(2));
          lt.markStep();
          return r;
        },
      };
    });
    close(run(() => lt.grad((x: T) => sq(x).sum())(lt.tensor(X))), X.map((x) => 2 * x));
  });

  it('a customGrad called inside another gradFunc', () => {
    const triple = lt.customGrad((x: T) => ({ value: x.mul(3), gradFunc: (dy: T) => dy.mul(3) }));
    const sq = lt.customGrad((x: T, save: lt.GradSaveFunc) => {
      save([x]);
      return { value: x.square(), gradFunc: (dy: T, [s]: T[]) => triple(dy.mul(s).mul(2)) };
    });
    close(run(() => lt.grad((x: T) => sq(x).sum())(lt.tensor(X))), X.map((x) => 6 * x));
  });

  it('a customGrad whose f calls another customGrad', () => {
    const double = lt.customGrad((x: T) => ({ value: x.mul(2), gradFunc: (dy: T) => dy.mul(2) }));
    const outer = lt.customGrad((x: T, save: lt.GradSaveFunc) => {
      save([x]);
      return { value: double(x).square(), gradFunc: (dy: T, [s]: T[]) => dy.mul(s).mul(8) };
    });
    close(run(() => lt.grad((x: T) => outer(x).sum())(lt.tensor(X))), X.map((x) => 8 * x));
  });

  it('gradFunc disposing dy and its saved tensors', () => {
    const sq = lt.customGrad((x: T, save: lt.GradSaveFunc) => {
      save([x.mul(1)]);
      return { value: x.square(), gradFunc: (dy: T, [s]: T[]) => { const r = dy.mul(s).mul(2); s.dispose(); dy.dispose(); return r; } };
    });
    close(run(() => lt.grad((x: T) => sq(x).sum())(lt.tensor(X))), X.map((x) => 2 * x));
  });

  it('a gradient taken twice from the same customGrad value', () => {
    const sq = lt.customGrad((x: T, save: lt.GradSaveFunc) => {
      save([x]);
      return { value: x.square(), gradFunc: (dy: T, [s]: T[]) => dy.mul(s).mul(2) };
    });
    const f = (x: T) => sq(x).sum();
    close(run(() => lt.grad(f)(lt.tensor(X))), X.map((x) => 2 * x));
    close(run(() => lt.grad(f)(lt.tensor(X))), X.map((x) => 2 * x));
  });
});

describe('scopes inside scopes', () => {
  it('tidy inside tidy inside f of grad', () => {
    close(run(() => lt.grad((x: T) => lt.tidy(() => lt.tidy(() => x.square()).sum()))(lt.tensor(X))), X.map((x) => 2 * x));
  });

  it('a throw three tidies deep releases every scope', () => {
    const inner = () => lt.tidy(() => { lt.tensor([1, 2]).add(1); throw new Error('inner'); });
    expect(() => lt.tidy(() => { lt.ones([3]).exp(); return lt.tidy(() => { lt.tensor([3]).neg(); inner(); return lt.tensor([0]); }); })).toThrow('inner');
  });

  it('markStep and sync inside tidy', () => {
    const r = lt.tidy(() => {
      const x = lt.tensor(X).add(1);
      lt.markStep();
      const y = x.mul(2);
      lt.sync(y);
      return values(y.sum());
    });
    expect(r).toEqual([18]);
  });

  it('keep inside nested tidies: the kept tensor survives both', () => {
    let kept: T | undefined;
    lt.tidy(() => lt.tidy(() => { kept = lt.keep(lt.tensor(X).mul(2)); lt.tensor([9]); }));
    expect(values(kept!)).toEqual([2, 4, 6]);
    kept!.dispose();
  });

  it('grad inside tidy inside a gradFunc inside tidy', () => {
    const sq = lt.customGrad((x: T, save: lt.GradSaveFunc) => {
      save([x]);
      return { value: x.square(), gradFunc: (dy: T, [s]: T[]) => lt.tidy(() => dy.mul(lt.tidy(() => lt.grad((z: T) => z.square())(s)))) };
    });
    close(lt.tidy(() => run(() => lt.grad((x: T) => sq(x).sum())(lt.tensor(X)))), X.map((x) => 2 * x));
  });
});

describe('optimizers used from inside their own loss', () => {
  it('minimize inside minimize updates twice, as tfjs does', () => {
    const v = lt.tidy(() => lt.variable(lt.tensor(X), true));
    const opt = lt.train.sgd(0.1);
    try {
      opt.minimize(() => { opt.minimize(() => v.sum(), false, [v]); return v.square().sum(); }, false, [v]);
      lt.markStep();
      // inner: v - 0.1; outer: the new v - 0.1 * 2 * (the new v)
      close(values(v), X.map((x) => (x - 0.1) * 0.8));
    } finally {
      v.dispose();
      opt.dispose();
    }
  });


  it('adam steps interleaved with reads, syncs and an unrelated gradient', () => {
    const w = lt.tidy(() => lt.variable(lt.tensor([[0.5, -0.5], [0.25, 1]]), true));
    const opt = lt.train.adam(0.05);
    try {
      const x = lt.tensor([[1, 2], [3, 4]]);
      const losses: number[] = [];
      for (let i = 0; i < 20; i++) {
        const cost = opt.minimize(() => x.matMul(w).square().mean(), true, [w])!;
        if (i % 3 === 0) lt.tidy(() => lt.grad((z: T) => z.square().sum())(lt.tensor([1, 2])).dataSync());
        losses.push(cost.dataSync()[0]);
        cost.dispose();
        lt.markStep();
      }
      x.dispose();
      expect(losses[19]).toBeLessThan(losses[0] / 4);
    } finally {
      w.dispose();
      opt.dispose();
    }
  });
});
