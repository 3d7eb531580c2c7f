// lt.losses against the float64 reference: values under every reduction, with weights and label
// smoothing, and gradients (with respect to predictions or logits, and labels) against finite
// differences.
import { beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import * as R from '../reference';
import { setupBackend, toLt } from '../helpers';
import { checkGradients } from '../autodiff/fd';

type T = lt.Tensor;
const { Reduction } = lt.losses;
beforeAll(setupBackend);

/** tfjs's computeWeightedLoss, in float64 on reference values. */
function weighted(losses: R.Ref, weights: R.Ref | null, reduction: number): R.Ref {
  const w = weights ? R.binary('mul', losses, weights) : losses;
  if (reduction === Reduction.NONE) return w;
  if (reduction === Reduction.SUM) return R.sum(w);
  if (reduction === Reduction.MEAN) {
    if (!weights) return R.mean(w);
    const r = R.binary('div', R.sum(w), R.sum(weights));
    const factor = losses.data.length / weights.data.length;
    return factor > 1 ? R.binary('div', r, factor) : r;
  }
  if (!weights) return R.binary('div', R.sum(w), losses.data.length);
  const nonZero = R.sum(R.cast(R.binary('notEqual', R.broadcastTo(weights, losses.shape), 0), 'float32'));
  return R.binary('div', R.sum(w), nonZero);
}

const mseRef = (l: R.Ref, p: R.Ref, w: R.Ref | null, red: number) => weighted(R.binary('squaredDifference', l, p), w, red);

function sceRef(labels: R.Ref, logits: R.Ref, w: R.Ref | null, smoothing: number, red: number): R.Ref {
  let lab = labels;
  if (smoothing > 0) {
    const n = labels.shape[labels.shape.length - 1];
    lab = R.binary('add', R.binary('mul', labels, 1 - smoothing), smoothing / n);
  }
  const per = R.unary('neg', R.sum(R.binary('mul', lab, R.logSoftmax(logits)), -1));
  return weighted(per, w, red);
}

function expectValue(t: T, r: R.Ref, tol = 2e-5): void {
  expect(t.shape).toEqual(r.shape);
  const got = t.dataSync();
  r.data.forEach((v, i) => expect(Math.abs(got[i] - v), `[${i}] got ${got[i]} want ${v}`).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(v))));
}

const rng = new R.Rng(7);
const labels = R.randRef(rng, [4, 3], 'float32', { lo: 0, hi: 1 });
const preds = R.randRef(rng, [4, 3]);
const oneHot = R.fromValues([1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1], [4, 3], 'float32');
const W: [string, R.Ref | null][] = [
  ['no weights', null],
  ['per-example weights [4, 1] with a zero', R.fromValues([0.5, 0, 2, 1], [4, 1], 'float32')],
  ['full weights', R.randRef(rng, [4, 3], 'float32', { lo: 0, hi: 2 })],
];
const SCE_W: [string, R.Ref | null][] = [['no weights', null], ['per-example weights [4] with a zero', R.fromValues([0.5, 0, 2, 1], [4], 'float32')]];
const REDUCTIONS = [Reduction.NONE, Reduction.MEAN, Reduction.SUM, Reduction.SUM_BY_NONZERO_WEIGHTS];

describe('meanSquaredError', () => {
  for (const [what, w] of W) for (const red of REDUCTIONS) {
    it(`${what}, reduction ${Reduction[red]}`, () => {
      const l = toLt(labels), p = toLt(preds), wt = w ? toLt(w) : null;
      const loss = lt.losses.meanSquaredError(l, p, wt, red);
      expectValue(loss, mseRef(labels, preds, w, red));
      lt.dispose([l, p, wt, loss]);
    });
  }
  it('defaults to the mean for unweighted losses', () => {
    const loss = lt.losses.meanSquaredError([1, 2], [1, 4]);
    expect(loss.dataSync()[0]).toBe(2);
    loss.dispose();
  });
  it('checks shapes', () => {
    expect(() => lt.losses.meanSquaredError([1, 2], [1, 2, 3])).toThrow('Error in meanSquaredError: Shapes [2] and [3] must match');
  });
  it('gradient (predictions, labels) against finite differences, weighted', () => checkGradients({
    name: 'meanSquaredError weighted', inputs: [{ shape: [4, 3] }, { shape: [4, 3] }],
    lt: (l: T, p: T) => lt.losses.meanSquaredError(l, p, lt.tensor([0.5, 0, 2, 1], [4, 1])),
    ref: (l, p) => mseRef(l, p, W[1][1], Reduction.SUM_BY_NONZERO_WEIGHTS),
  }));
});

describe('softmaxCrossEntropy', () => {
  for (const [what, w] of SCE_W) for (const smoothing of [0, 0.1]) for (const red of REDUCTIONS) {
    it(`${what}, label smoothing ${smoothing}, reduction ${Reduction[red]}`, () => {
      const l = toLt(oneHot), x = toLt(preds), wt = w ? toLt(w) : null;
      const loss = lt.losses.softmaxCrossEntropy(l, x, wt, smoothing, red);
      expectValue(loss, sceRef(oneHot, preds, w, smoothing, red));
      lt.dispose([l, x, wt, loss]);
    });
  }
  it('checks shapes', () => {
    expect(() => lt.losses.softmaxCrossEntropy([[0, 1]], [[1, 2, 3]])).toThrow('Error in softmaxCrossEntropy: Shapes [1,2] and [1,3] must match');
  });
  it('gradient (logits, labels) against finite differences', () => checkGradients({
    name: 'softmaxCrossEntropy', inputs: [{ shape: [4, 3], opts: { lo: 0, hi: 1 } }, { shape: [4, 3] }],
    lt: (l: T, x: T) => lt.losses.softmaxCrossEntropy(l, x),
    ref: (l, x) => sceRef(l, x, null, 0, Reduction.SUM_BY_NONZERO_WEIGHTS),
  }));
  it('gradient with weights, label smoothing and no reduction', () => checkGradients({
    name: 'softmaxCrossEntropy weighted', inputs: [{ shape: [4, 3], opts: { lo: 0, hi: 1 } }, { shape: [4, 3] }],
    lt: (l: T, x: T) => lt.losses.softmaxCrossEntropy(l, x, lt.tensor([0.5, 0, 2, 1]), 0.2, Reduction.NONE),
    ref: (l, x) => sceRef(l, x, SCE_W[1][1], 0.2, Reduction.NONE),
  }));
  it('rank 3 logits (the last axis is the class axis)', () => checkGradients({
    name: 'softmaxCrossEntropy rank 3', inputs: [{ shape: [2, 2, 3], opts: { lo: 0, hi: 1 } }, { shape: [2, 2, 3] }],
    lt: (l: T, x: T) => lt.losses.softmaxCrossEntropy(l, x),
    ref: (l, x) => sceRef(l, x, null, 0, Reduction.SUM_BY_NONZERO_WEIGHTS),
  }));
});
