// explainLastMiss names what changed; oversized pending graphs are cut automatically.
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import * as lt from '../../ts/index';

beforeAll(async () => { await lt.ready(); });
afterEach(() => lt.env().reset());

const step = (x: lt.Tensor, w: lt.Tensor) => lt.tidy(() => x.matMul(w).relu().sum().dataSync());

describe('explainLastMiss', () => {
  it('names the changed input and both shapes when the batch size changes', () => {
    lt.tidy(() => {
      const w = lt.randomNormal([3, 2], 0, 1, 'float32', 1);
      step(lt.randomNormal([4, 3], 0, 1, 'float32', 2), w);
      step(lt.randomNormal([4, 3], 0, 1, 'float32', 3), w);
      step(lt.randomNormal([8, 3], 0, 1, 'float32', 4), w);
      expect(lt.debug.explainLastMiss()).toMatch(/^input %0 \(param slot 0\): shape \[4,3\] -> \[8,3\]/);
    });
  });

  it('names the op when the structure changes, and where it was recorded when asked', () => {
    lt.env().set('DEBUG_STACKS', true);
    lt.tidy(() => {
      const x = lt.ones([2, 3]).add(lt.tensor([1, 2, 3]));
      lt.tidy(() => x.exp().sum().dataSync());
      lt.tidy(() => x.tanh().sum().dataSync());
      const why = lt.debug.explainLastMiss();
      expect(why).toMatch(/structure changed at %\d+: exp\(%\d+\) -> tanh\(%\d+\)/);
      expect(why).toContain('explain.test.ts');
    });
  });

  it('says when a constant changed', () => {
    lt.tidy(() => {
      const x = lt.tensor([1, 2, 3]);
      lt.tidy(() => lt.softmax(x).dataSync());
      lt.tidy(() => lt.mean(x).dataSync());
      lt.tidy(() => lt.mean(lt.tensor([1, 2, 3, 4])).dataSync());
      expect(lt.debug.explainLastMiss()).toMatch(/shape \[3\] -> \[4\]/);
    });
  });
});

describe('automatic cut', () => {
  it('runs 100,000 pending ops in bounded graphs', () => {
    lt.markStep();
    lt.resetMetrics();
    const before = lt.memory();
    const value = lt.tidy(() => {
      let y = lt.tensor([0, 1, 2]);
      for (let i = 0; i < 100_000; i++) y = y.add(1);
      return y.dataSync();
    });
    expect(Array.from(value)).toEqual([100_000, 100_001, 100_002]);
    const m = lt.metrics();
    expect(m.autoCuts).toBeGreaterThanOrEqual(9);
    expect(m.graphsExecuted).toBe(m.autoCuts + 1);
    expect(lt.memory()).toEqual(before);
  });

  it('cuts at the configured size', () => {
    lt.env().set('AUTO_CUT_NODES', 1000);
    lt.resetMetrics();
    lt.tidy(() => {
      let y = lt.tensor([1]);
      for (let i = 0; i < 5000; i++) y = y.mul(1.0001);
      y.dataSync();
    });
    expect(lt.metrics().autoCuts).toBeGreaterThanOrEqual(4);
  });
});
