// Training loops: forward, backward and the optimizer update of a step run as one cached
// Program per lt.markStep(); memory stays flat; hyperparameters are Program parameters.
import { beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import { setupBackend } from '../helpers';

type T = lt.Tensor;
beforeAll(setupBackend);

/** Synthetic 3-class data: the label is the argmax of a fixed linear map of x. */
function makeData(n: number, seed: number): { x: T; y: T } {
  return lt.tidy(() => {
    const x = lt.randomNormal([n, 4], 0, 1, 'float32', seed);
    const truth = lt.tensor([[1, -1, 0.5], [-0.5, 1, 1], [1, 0.5, -1], [0, -1, 1]]);
    const y = lt.oneHot(x.matMul(truth).argMax(1), 3, 1, 0, 'float32');
    lt.sync(x, y);
    return { x, y };
  });
}

/** A 4-16-3 MLP with zero biases. */
function makeModel(seed: number) {
  const vars = lt.tidy(() => [   // variables outlive tidy; their initial tensors do not
    lt.variable(lt.randomNormal([4, 16], 0, 0.5, 'float32', seed)),
    lt.variable(lt.zeros([16])),
    lt.variable(lt.randomNormal([16, 3], 0, 0.5, 'float32', seed + 1)),
    lt.variable(lt.zeros([3])),
  ]);
  const [w1, b1, w2, b2] = vars;
  const loss = (x: T, y: T) => () => lt.losses.softmaxCrossEntropy(y, x.matMul(w1).add(b1).relu().matMul(w2).add(b2));
  return { vars, loss };
}

/** One training step; returns the cost (read after the step's Program ran). */
function step(opt: lt.train.Optimizer, f: () => T, varList?: lt.Variable[]): number {
  const cost = opt.minimize(f, true, varList)!;
  lt.markStep();
  const v = cost.dataSync()[0];
  cost.dispose();
  return v;
}

describe('training loop', () => {
  it('200 steps of Adam: one Program per step, at most 2 compilations, the loss falls', () => {
    const { x, y } = makeData(64, 1);
    const { vars, loss } = makeModel(10);
    const opt = lt.train.adam(0.05);
    const f = loss(x, y);
    lt.markStep();   // materialize the initial values
    lt.resetMetrics();
    const losses: number[] = [];
    for (let i = 0; i < 200; i++) losses.push(step(opt, f, vars));
    const m = lt.metrics();
    expect(m.graphsExecuted).toBe(200);
    expect(m.cacheMisses).toBeLessThanOrEqual(2);
    expect(m.cacheHits).toBe(200 - m.cacheMisses);
    expect(losses[199]).toBeLessThan(losses[0] * 0.3);
    expect(opt.iterations).toBe(200);
    opt.dispose();
    lt.dispose([x, y, ...vars]);
  });

  it('the default varList is every trainable variable; SGD, momentum and Nesterov all train', () => {
    for (const make of [() => lt.train.sgd(0.5), () => lt.train.momentum(0.2, 0.9), () => lt.train.momentum(0.2, 0.9, true)]) {
      const { x, y } = makeData(32, 2);
      const { vars, loss } = makeModel(20);
      const opt = make();
      const f = loss(x, y);
      lt.markStep();
      lt.resetMetrics();
      const first = step(opt, f);
      let last = first;
      for (let i = 0; i < 60; i++) last = step(opt, f);
      expect(lt.metrics().cacheMisses).toBeLessThanOrEqual(2);
      expect(lt.metrics().graphsExecuted).toBe(61);
      expect(last).toBeLessThan(first * 0.5);
      opt.dispose();
      lt.dispose([x, y, ...vars]);
    }
  });

  it('memory stays flat over 2,000 steps', () => {
    const { x, y } = makeData(16, 3);
    const start = lt.memory();
    const { vars, loss } = makeModel(30);
    const opt = lt.train.adam(0.01);
    const f = loss(x, y);
    for (let i = 0; i < 10; i++) step(opt, f, vars);
    const before = lt.memory();
    for (let i = 0; i < 2000; i++) {
      opt.minimize(f, false, vars);
      lt.markStep();
    }
    const after = lt.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numGraphNodes).toBe(before.numGraphNodes);
    expect(after.numBytes).toBe(before.numBytes);
    // bounded: the 4 variables, their Adam moments (2 each) and the powers of beta
    expect(after.numGraphNodes - start.numGraphNodes).toBe(4 + 8 + 1);
    expect(after.numTensors - start.numTensors).toBe(4 + 8 + 1);
    opt.dispose();
    lt.dispose([x, y, ...vars]);
  });

  it('changing the learning rate between steps compiles nothing new', () => {
    const { x, y } = makeData(16, 4);
    for (const opt of [lt.train.sgd(0.1), lt.train.momentum(0.1, 0.5), lt.train.adam(0.01)]) {
      const { vars, loss } = makeModel(40);
      const f = loss(x, y);
      for (let i = 0; i < 3; i++) step(opt, f, vars);
      const misses = lt.metrics().cacheMisses;
      for (const lr of [0.2, 1, 0, 0.05, -1, 0.3]) {
        opt.setLearningRate(lr);
        step(opt, f, vars);
        opt.learningRate = lr / 2;   // the field, as tfjs users set it
        step(opt, f, vars);
      }
      expect(lt.metrics().cacheMisses).toBe(misses);
      // the value is really used: with a learning rate of 0 nothing moves (SGD, Adam)
      if (!(opt instanceof lt.train.MomentumOptimizer)) {
        opt.setLearningRate(0);
        const w = Array.from(vars[0].dataSync());
        step(opt, f, vars);
        expect(Array.from(vars[0].dataSync())).toEqual(w);
      }
      opt.dispose();
      lt.dispose(vars);
    }
    lt.dispose([x, y]);
  });

  it('steps recorded without a markStep between them chain into one graph, with the same result', () => {
    const { x, y } = makeData(16, 5);
    const run = (barrier: boolean) => {
      const { vars, loss } = makeModel(50);
      const opt = lt.train.momentum(0.1, 0.9);
      const f = loss(x, y);
      lt.markStep();
      lt.resetMetrics();
      for (let i = 0; i < 4; i++) {
        opt.minimize(f, false, vars);
        if (barrier) lt.markStep();
      }
      lt.markStep();
      const out = { graphs: lt.metrics().graphsExecuted, w: vars.map((v) => Array.from(v.dataSync())) };
      opt.dispose();
      lt.dispose(vars);
      return out;
    };
    const stepwise = run(true), chained = run(false);
    expect(stepwise.graphs).toBe(4);
    expect(chained.graphs).toBe(1);
    chained.w.forEach((w, i) => w.forEach((v, j) => expect(v).toBeCloseTo(stepwise.w[i][j], 5)));
    lt.dispose([x, y]);
  });

  it('applyGradients by name (map and list forms), and minimize with a varList', () => {
    const a = lt.variable(lt.tensor([1, 2]), true, 'ag-a');
    const b = lt.variable(lt.tensor([3]), true, 'ag-b');
    const opt = lt.train.sgd(0.5);
    const g = lt.tensor([2, 4]);
    opt.applyGradients({ 'ag-a': g });
    expect(Array.from(a.dataSync())).toEqual([0, 0]);
    opt.applyGradients([{ name: 'ag-a', tensor: g }]);
    expect(Array.from(a.dataSync())).toEqual([-1, -2]);
    expect(() => opt.applyGradients({ nope: g })).toThrow("no variable named 'nope'");
    opt.minimize(() => a.sum().mul(b.sum()), false, [b]);   // only b moves
    expect(Array.from(a.dataSync())).toEqual([-1, -2]);
    expect(Array.from(b.dataSync())).toEqual([3 - 0.5 * -3]);
    expect(opt.iterations).toBe(3);
    lt.dispose([a, b, g]);
  });

  it('dispose frees the optimizer state', () => {
    const before = lt.memory();
    const init = lt.tensor([1, 2, 3]);
    const w = lt.variable(init);
    init.dispose();
    const opt = lt.train.adam(0.1);
    opt.minimize(() => w.square().sum(), false, [w]);
    lt.markStep();
    expect(lt.memory().numTensors).toBe(before.numTensors + 4);   // w, its 2 moments, the powers
    opt.dispose();
    w.dispose();
    expect(lt.memory()).toEqual(before);
  });
});
