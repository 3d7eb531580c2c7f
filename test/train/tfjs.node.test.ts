// Conformance with tfjs-core (cpu backend, a dev dependency): the optimizers' updates step by
// step from the same gradients, and the losses' values, on the same float32 inputs. (Node only:
// the browser project does not need a second tensor library. tfjs's gradient registry and
// chained methods are left out: importing them costs seconds, and finite differences check
// the gradients elsewhere.)
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import * as lt from '../../ts/index';
import * as R from '../reference';
import { setupBackend } from '../helpers';

beforeAll(async () => {
  await setupBackend();
  tf.env().set('IS_NODE', false);   // silences the cpu backend's "install tfjs-node" banner
  await tf.setBackend('cpu');
});

const rng = new R.Rng(42);
const rand = (shape: number[], lo = -1, hi = 1) => ({ shape, data: Float32Array.from(R.randRef(rng, shape, 'float32', { lo, hi }).data) });
const X = rand([6, 3]), TARGET = rand([6, 2]), W0 = rand([3, 2]), B0 = rand([2]);

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, what: string, rtol = 0, atol = 0): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    expect(Math.abs(got[i] - want[i]), `${what}[${i}]: lazytensor ${got[i]}, tfjs ${want[i]}`).toBeLessThanOrEqual(atol + rtol * Math.abs(want[i]));
  }
}

type Make<O> = (lib: { sgd: (lr: number) => O; momentum: (lr: number, m: number, n?: boolean) => O; adam: (lr?: number, b1?: number, b2?: number, eps?: number) => O }) => O;
const OPTIMIZERS: [string, Make<any>][] = [
  ['sgd', (t) => t.sgd(0.1)],
  ['momentum', (t) => t.momentum(0.1, 0.9)],
  ['momentum (Nesterov)', (t) => t.momentum(0.05, 0.8, true)],
  ['adam (defaults but the learning rate)', (t) => t.adam(0.05)],
  ['adam (every argument)', (t) => t.adam(0.02, 0.8, 0.99, 1e-4)],
];

describe('optimizers step by step as tfjs, from the same gradients, bit for bit', () => {
  for (const [name, make] of OPTIMIZERS) {
    it(name, () => {
      const tw = tf.variable(tf.tensor(W0.data, W0.shape)), tb = tf.variable(tf.tensor(B0.data, B0.shape));
      const lw = lt.variable(lt.tensor(W0.data, W0.shape)), lb = lt.variable(lt.tensor(B0.data, B0.shape));
      const topt = make(tf.train), lopt = make(lt.train);
      for (let step = 0; step < 6; step++) {
        const gw = rand(W0.shape, -2, 2), gb = rand(B0.shape, -2, 2);
        const tg = { [tw.name]: tf.tensor(gw.data, gw.shape), [tb.name]: tf.tensor(gb.data, gb.shape) };
        const lg = [{ name: lw.name, tensor: lt.tensor(gw.data, gw.shape) }, { name: lb.name, tensor: lt.tensor(gb.data, gb.shape) }];
        topt.applyGradients(tg);
        lopt.applyGradients(lg);
        lt.markStep();
        // the same float32 operations in the same order: bit for bit
        expectClose(lw.dataSync(), tw.dataSync(), `${name} step ${step} w`);
        expectClose(lb.dataSync(), tb.dataSync(), `${name} step ${step} b`);
        tf.dispose(Object.values(tg));
        lt.dispose(lg.map((g) => g.tensor));
      }
      expect(lopt.iterations).toBe(topt.iterations);
      topt.dispose();
      lopt.dispose();
      tf.dispose([tw, tb]);
      lt.dispose([lw, lb]);
    });
  }
});

describe('losses as tfjs', () => {
  const logits = rand([5, 4], -2, 2);
  const labels = { shape: [5, 4], data: Float32Array.from([1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0]) };
  const weights = { shape: [5], data: Float32Array.from([1, 0.5, 0, 2, 1]) };
  const weights2 = { shape: [5, 1], data: weights.data };
  const [NONE, MEAN, SUM] = [0, 1, 2];   // tfjs's Reduction numbering
  const CASES: [string, (L: any, lab: any, x: any, w: any, w2: any) => any][] = [
    ['softmaxCrossEntropy', (L, lab, x) => L.losses.softmaxCrossEntropy(lab, x)],
    ['softmaxCrossEntropy, weights and label smoothing', (L, lab, x, w) => L.losses.softmaxCrossEntropy(lab, x, w, 0.1)],
    ['softmaxCrossEntropy, no reduction', (L, lab, x) => L.losses.softmaxCrossEntropy(lab, x, undefined, 0, NONE)],
    ['softmaxCrossEntropy, weights, MEAN', (L, lab, x, w) => L.losses.softmaxCrossEntropy(lab, x, w, 0, MEAN)],
    ['meanSquaredError', (L, lab, x) => L.losses.meanSquaredError(lab, x)],
    ['meanSquaredError, weights', (L, lab, x, _w, w2) => L.losses.meanSquaredError(lab, x, w2)],
    ['meanSquaredError, weights, MEAN', (L, lab, x, _w, w2) => L.losses.meanSquaredError(lab, x, w2, MEAN)],
    ['meanSquaredError, weights, SUM', (L, lab, x, _w, w2) => L.losses.meanSquaredError(lab, x, w2, SUM)],
  ];
  for (const [name, loss] of CASES) {
    it(name, () => {
      const [tl, tx, tw, tw2] = [labels, logits, weights, weights2].map((v) => tf.tensor(v.data, v.shape));
      const [ll, lx, lw, lw2] = [labels, logits, weights, weights2].map((v) => lt.tensor(v.data, v.shape));
      const tv = loss(tf, tl, tx, tw, tw2) as tf.Tensor;
      const lv = loss(lt, ll, lx, lw, lw2) as lt.Tensor;
      expect(lv.shape).toEqual(tv.shape);
      expectClose(lv.dataSync(), tv.dataSync(), `${name} value`, 1e-6);   // sums in another order
      tf.dispose([tl, tx, tw, tw2, tv]);
      lt.dispose([ll, lx, lw, lw2, lv]);
    });
  }
});
