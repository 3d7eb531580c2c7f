// passes/analysis.ts: which records the plan fuses (kernels, graphDot's clusters) and where
// it stops: a value read twice, a shape change, a reduction over axes that are not adjacent,
// the group size limit. Values are checked against hand-computed results.
import { describe, it, beforeAll, expect } from 'vitest';
import * as lt from '../../ts/index';
import { setupBackend } from '../helpers';

beforeAll(setupBackend);

const kernels = (...ys: lt.Tensor[]) => lt.debug.graphStats(...ys).kernels;

describe('fusion groups', () => {
  it('a chain with scalar, same-shape and broadcast inputs is one kernel', () => {
    lt.tidy(() => {
      const x = lt.tensor([[1, 2, 3], [4, 5, 6]]), bias = lt.tensor([10, 20, 30]), col = lt.tensor([[1], [-1]]);
      const y = lt.relu(x.add(bias).mul(col)).sub(x).mul(2);
      expect(kernels(y)).toBe(1);
      expect(Array.from(y.dataSync())).toEqual([(11 - 1) * 2, (22 - 2) * 2, (33 - 3) * 2, (0 - 4) * 2, (0 - 5) * 2, (0 - 6) * 2]);
    });
  });

  it('a value read twice inside one group stays fused; read by two groups it is materialized', () => {
    lt.tidy(() => {
      const x = lt.tensor([1, -2, 3]);
      const t = x.mul(3);
      const y = t.add(1).mul(t).add(t.square());
      expect(kernels(y)).toBe(1);
      expect(Array.from(y.dataSync())).toEqual([4 * 3 + 9, -5 * -6 + 36, 10 * 9 + 81]);
      const a = t.add(1), b = t.mul(2); // two outputs: t feeds two groups
      expect(kernels(a, b)).toBe(3);
      expect([...a.dataSync(), ...b.dataSync()]).toEqual([4, -5, 10, 6, -12, 18]);
    });
  });

  it('an elementwise record feeding a broadcast to a larger shape starts a new group', () => {
    lt.tidy(() => {
      const a = lt.tensor([1, 2]).mul(2);              // [2]
      const y = lt.tensor([[1, 1], [2, 2]]).mul(a).add(1); // a is broadcast: not a member
      expect(kernels(y)).toBe(2);
      expect(Array.from(y.dataSync())).toEqual([3, 5, 5, 9]);
    });
  });

  it('a chain feeds a reduction over adjacent axes, not one over split axes', () => {
    lt.tidy(() => {
      const x = lt.tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
      const adjacent = lt.sum(x.mul(2).add(1), [1, 2]);
      const split = lt.sum(x.mul(2).add(1), [0, 2]);
      expect(kernels(adjacent)).toBe(1);
      expect(kernels(split)).toBe(2);
      expect(Array.from(adjacent.dataSync())).toEqual([24, 56]);
      // 2x + 1 summed over axes 0 and 2: x[:, 0, :] = 1 2 5 6, x[:, 1, :] = 3 4 7 8
      expect(Array.from(split.dataSync())).toEqual([2 * (1 + 2 + 5 + 6) + 4, 2 * (3 + 4 + 7 + 8) + 4]);
    });
  });

  it('a group holds at most 32 records: a 40-op chain is two kernels', () => {
    lt.tidy(() => {
      let y = lt.tensor([1, 2, 3]);
      for (let i = 0; i < 40; i++) y = i % 2 ? y.add(1) : lt.abs(y);
      expect(kernels(y)).toBe(2);
      expect(Array.from(y.dataSync())).toEqual([21, 22, 23]);
    });
  });

  it('graphDot draws a fused group as one cluster', () => {
    lt.tidy(() => {
      const x = lt.tensor([1, 2, 3]);
      const dot = lt.debug.graphDot(lt.exp(x.mul(2)).sum());
      expect(dot.match(/subgraph cluster_/g)?.length).toBe(1);
    });
  });
});
