// Issue 9: a read (dataSync, arraySync, data), lt.sync or lt.markStep inside a function being
// differentiated must not cut the gradient: tfjs differentiates through it. And a variable
// rebound with assign inside the loss, after the loss used it, is differentiated at the value
// the loss used. Expected values are worked by hand (comments); lt.memory() must come back.
import { beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';

beforeAll(async () => { await lt.ready(); });

const close = (got: ArrayLike<number>, want: number[], what: string) => {
  expect(got.length, what).toBe(want.length);
  want.forEach((w, i) => expect(got[i], `${what} [${i}]`).toBeCloseTo(w, 5));
};

/** Each way of observing an intermediate value inside f. */
const OBSERVE: Record<string, (t: lt.Tensor) => unknown> = {
  dataSync: (t) => t.dataSync(),
  arraySync: (t) => t.arraySync(),
  'data (not awaited)': (t) => { void t.data(); },
  'lt.sync': (t) => lt.sync(t),
  'tensor.sync': (t) => t.sync(),
  'lt.markStep': () => lt.markStep(),
};

describe('a read inside f does not cut the gradient', () => {
  for (const [how, observe] of Object.entries(OBSERVE)) {
    it(`grad through ${how}`, () => {
      const before = lt.memory();
      const x = lt.tensor([1, 2, 3]);
      let seen: number[] = [];
      // f(x) = sum(x^2 * x) = sum(x^3); f'(x) = 3x^2 = [3, 12, 27]
      const g = lt.grad((t: lt.Tensor) => {
        const y = t.square();
        observe(y);
        seen = Array.from(y.dataSync());
        return y.mul(t).sum();
      })(x);
      expect(seen, 'the value read inside f').toEqual([1, 4, 9]);
      close(g.dataSync(), [3, 12, 27], `grad through ${how}`);
      lt.dispose([x, g]);
      expect(lt.memory(), 'lt.memory() afterwards').toEqual(before);
    });
  }

  it('valueAndGrads with a read of an intermediate that both operands reach', () => {
    const before = lt.memory();
    const a = lt.tensor([2, -1]), b = lt.tensor([3, 4]);
    // f = sum((a*b) * a) = sum(a^2 b): df/da = 2ab = [12, -8], df/db = a^2 = [4, 1]; value 12 + 4 = 16
    const { value, grads } = lt.valueAndGrads((p: lt.Tensor, q: lt.Tensor) => {
      const m = p.mul(q);
      expect(Array.from(m.dataSync())).toEqual([6, -4]);
      return m.mul(p).sum();
    })([a, b]);
    expect(value.dataSync()[0]).toBeCloseTo(16, 5);
    close(grads[0].dataSync(), [12, -8], 'da');
    close(grads[1].dataSync(), [4, 1], 'db');
    lt.dispose([a, b, value, ...grads]);
    expect(lt.memory()).toEqual(before);
  });

  it('optimizer.minimize with lt.markStep and a read inside the loss', () => {
    const before = lt.memory();
    const w = lt.tidy(() => lt.variable(lt.tensor([1, 2]), true, 'gradThroughReads_w'));
    const opt = lt.train.sgd(0.1);
    // loss = sum((3w)^2) = 9 sum(w^2); dloss/dw = 18w; w - 0.1 * 18w = -0.8w = [-0.8, -1.6]
    const loss = opt.minimize(() => {
      const h = w.mul(3);
      lt.markStep();
      expect(Array.from(h.dataSync())).toEqual([3, 6]);
      return h.square().sum();
    }, true);
    expect(loss!.dataSync()[0]).toBeCloseTo(45, 5);
    close(w.dataSync(), [-0.8, -1.6], 'w after one step');
    lt.dispose([loss!, w]);
    opt.dispose();
    expect(lt.memory()).toEqual(before);
  });
});

describe('assign inside the loss', () => {
  it('after the loss used the variable: the gradient is at the value used, the variable keeps the new value', () => {
    const before = lt.memory();
    const v = lt.tidy(() => lt.variable(lt.tensor([1, 2, 3]), true, 'gradThroughReads_v'));
    // loss = sum(v^2) at v = [1, 2, 3]: 14, d/dv = 2v = [2, 4, 6]; then v := v + 1
    const { value, grads } = lt.variableGrads(() => {
      const loss = v.square().sum();
      v.assign(v.add(1));
      return loss;
    }, [v]);
    expect(value.dataSync()[0]).toBeCloseTo(14, 5);
    close(grads[v.name].dataSync(), [2, 4, 6], 'dloss/dv');
    close(v.dataSync(), [2, 3, 4], 'v after the assign');
    lt.dispose([value, grads[v.name], v]);
    expect(lt.memory()).toEqual(before);
  });
});
