// Laziness and caching, observed through lt.metrics(): recording runs nothing, a read runs one
// graph, and a repeated step compiles once.
import { describe, it, expect, beforeAll } from 'vitest';
import * as lt from '../../ts/index';

beforeAll(async () => { await lt.ready(); });

describe('laziness', () => {
  it('recording ops raises opsTraced but executes nothing', () => {
    lt.resetMetrics();
    const x = lt.tensor([1, 2, 3]);
    const y = x.mul(2).add(1).exp();
    const m = lt.metrics();
    expect(m.opsTraced).toBe(3);
    expect(m.graphsExecuted).toBe(0);
    lt.dispose([x, y]);
  });

  it('one read of a 100-op chain executes exactly one graph', () => {
    lt.resetMetrics();
    const x = lt.tensor([0.5, -0.25, 2]);
    const ref = [0.5, -0.25, 2];
    let y = x;
    for (let i = 0; i < 100; i++) {
      y = i % 2 ? y.mul(0.5) : y.add(1);
      for (let k = 0; k < 3; k++) ref[k] = i % 2 ? ref[k] * 0.5 : ref[k] + 1;
    }
    const v = y.dataSync();
    expect(lt.metrics().graphsExecuted).toBe(1);
    for (let k = 0; k < 3; k++) expect(v[k]).toBeCloseTo(ref[k], 5);
  });

  it('a value read mid-step is not recomputed by the next sync', () => {
    const x = lt.tensor([1, 2]);
    const a = x.exp();
    const b = a.add(1);
    a.dataSync();
    lt.resetMetrics();
    const text = lt.debug.graphText(b);
    expect(text).not.toContain('exp');
    const v = b.dataSync();
    expect(v[0]).toBeCloseTo(Math.exp(1) + 1, 5);
    expect(v[1]).toBeCloseTo(Math.exp(2) + 1, 5);
    expect(lt.metrics().graphsExecuted).toBe(1);
  });

  it('markStep materializes every pending tensor as one graph', () => {
    const x = lt.tensor([1, 2]);
    const a = x.add(1), b = x.mul(3), c = a.sub(b);
    lt.resetMetrics();
    lt.markStep();
    expect(lt.metrics().graphsExecuted).toBe(1);
    lt.resetMetrics();
    expect(Array.from(c.dataSync())).toEqual([-1, -3]);
    expect(Array.from(a.dataSync())).toEqual([2, 3]);
    expect(lt.metrics().graphsExecuted).toBe(0);
    lt.markStep();
    expect(lt.metrics().graphsExecuted).toBe(0);
  });

  it('sync materializes exactly the given tensors', () => {
    const x = lt.tensor([4, 9]);
    const a = x.sqrt(), b = x.neg();
    lt.resetMetrics();
    lt.sync(a);
    expect(lt.metrics().graphsExecuted).toBe(1);
    expect(lt.debug.graphStats(b).kernels).toBe(1);
    expect(lt.debug.graphStats(a).kernels).toBe(0);
  });
});

describe('compile cache', () => {
  const step = (x: lt.Tensor, w: lt.Tensor, lr: number) =>
    lt.tidy(() => x.matMul(w).relu().mul(lr).sum().dataSync()[0]);

  it('compiles a repeated step once; a new scalar adds no miss; a new shape adds one', () => {
    const w = lt.tensor([[1, -1], [0.5, 2], [-3, 1]]);
    lt.resetMetrics();
    for (let i = 0; i < 10; i++) {
      const x = lt.tensor([[i, 1, 2], [3, -i, 5]]);
      const got = step(x, w, 0.1);
      // hand-computed reference: relu(x @ w) * 0.1, summed
      let ref = 0;
      const xs = [[i, 1, 2], [3, -i, 5]], ws = [[1, -1], [0.5, 2], [-3, 1]];
      for (const row of xs) for (let j = 0; j < 2; j++) ref += Math.max(0, row[0] * ws[0][j] + row[1] * ws[1][j] + row[2] * ws[2][j]) * 0.1;
      expect(got).toBeCloseTo(ref, 4);
      x.dispose();
    }
    expect(lt.metrics().cacheMisses).toBe(1);
    expect(lt.metrics().cacheHits).toBe(9);

    const x = lt.tensor([[1, 2, 3], [4, 5, 6]]);
    step(x, w, 0.01);
    step(x, w, 0.5);
    expect(lt.metrics().cacheMisses).toBe(1);

    const x3 = lt.tensor([[1, 2, 3], [4, 5, 6], [7, 8, 9]]);
    step(x3, w, 0.5);
    step(x3, w, 0.25);
    expect(lt.metrics().cacheMisses).toBe(2);
    lt.dispose([x, x3, w]);
  });

  it('SCALARS_AS_CONSTANTS records user scalars as constants: each new value compiles, and folds', () => {
    const w = lt.tensor([[1, -1], [0.5, 2], [-3, 1]]);
    const x = lt.tensor([[1, 2, 3], [4, 5, 6]]);
    lt.env().set('SCALARS_AS_CONSTANTS', true);
    try {
      lt.resetMetrics();
      // hand-computed: relu(x @ w) = [[0, 6], [0, 12]], summed 18, times lr
      expect(step(x, w, 0.5)).toBeCloseTo(9, 5);
      expect(step(x, w, 0.25)).toBeCloseTo(4.5, 5);
      expect(step(x, w, 0.25)).toBeCloseTo(4.5, 5);
      expect(lt.metrics().cacheMisses).toBe(2);
      expect(lt.metrics().cacheHits).toBe(1);
      // 2 * 3 folds into 6 when both are constants; as parameters they stay two of them
      const stats = () => lt.tidy(() => lt.debug.graphStats(x.add(lt.scalar(2).mul(3))));
      expect(stats()).toMatchObject({ parameters: 1, constants: 1 });
      lt.env().set('SCALARS_AS_CONSTANTS', false);
      expect(stats()).toMatchObject({ parameters: 3, constants: 0 });
    } finally {
      lt.env().set('SCALARS_AS_CONSTANTS', false);
      lt.dispose([x, w]);
    }
  });

  it('markStep gives the same Program whatever order the pending tensors were made in', () => {
    const x = lt.tensor([1, 2, 3]);
    lt.markStep();
    lt.resetMetrics();
    for (let i = 0; i < 6; i++) {
      const e = i % 2 ? x.exp() : undefined;
      const m = x.mul(2.5);
      const e2 = e ?? x.exp();
      lt.markStep();
      expect(m.dataSync()[2]).toBe(7.5);
      expect(e2.dataSync()[0]).toBeCloseTo(Math.E, 5);
      lt.dispose([e2, m]);
    }
    expect(lt.metrics().cacheMisses).toBe(1);
    x.dispose();
  });
});
