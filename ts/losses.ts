// lt.losses: tfjs's loss functions and reductions, composed from recorded ops (their
// gradients come from the op rules; softmax cross-entropy has tfjs's custom gradient).
import { Tensor } from './tensor';
import { tidy } from './memory';
import { tensor, ones } from './ops/creation';
import { cast, logSumExp } from './ops/math';
import { reshape } from './ops/shape';
import { mul, div, sub, neg, sum, exp, notEqual, squaredDifference, add } from './generated/elementwise';
import { customGrad } from './autodiff/custom';
import { scalarParam } from './autodiff/build';
import { fmtShape } from './engine/errors';
import type { TensorLike } from './convert';

type Arg = Tensor | TensorLike;

/** How a loss reduces its per-element values (tfjs's Reduction; same numbering). */
export enum Reduction { NONE, MEAN, SUM, SUM_BY_NONZERO_WEIGHTS }

const asTensor = (x: Arg): Tensor => (x instanceof Tensor ? x : tensor(x as TensorLike));

function sameShapes(name: string, a: Tensor, b: Tensor): void {
  const sa = a.shape, sb = b.shape;
  if (sa.length !== sb.length || sa.some((d, i) => d !== sb[i])) throw new Error(`Error in ${name}: Shapes ${fmtShape(a.shape)} and ${fmtShape(b.shape)} must match`);
}

/**
 * Applies weights to per-element losses and reduces them (tfjs's computeWeightedLoss).
 * @example
 * lt.losses.computeWeightedLoss(lt.tensor([1, 2, 3])).print(); // 2
 */
export function computeWeightedLoss(losses: Arg, weights?: Arg | null, reduction = Reduction.SUM_BY_NONZERO_WEIGHTS): Tensor {
  return tidy(() => {
    const l = asTensor(losses);
    const w = weights == null ? null : asTensor(weights);
    const weighted = w ? mul(l, w) : l;
    if (reduction === Reduction.NONE) return weighted === l ? reshape(l, l.shape) : weighted;
    if (reduction === Reduction.SUM) return sum(weighted);
    if (reduction === Reduction.MEAN) {
      if (!w) return div(sum(weighted), scalarParam(l.size));
      const result = div(sum(weighted), sum(w));
      const factor = l.size / w.size;
      return factor > 1 ? div(result, scalarParam(factor)) : result;
    }
    if (reduction === Reduction.SUM_BY_NONZERO_WEIGHTS) {
      if (!w) return div(sum(weighted), scalarParam(l.size));
      const nonZero = cast(sum(notEqual(mul(w, ones(l.shape)), 0)), 'float32');
      return div(sum(weighted), nonZero);
    }
    throw new Error(`Unknown reduction: ${reduction}`);
  });
}

/**
 * Mean squared error between labels and predictions (tfjs semantics and default reduction:
 * the mean for unweighted losses).
 * @example
 * lt.losses.meanSquaredError(lt.tensor([1, 2]), lt.tensor([1, 4])).print(); // 2
 */
export function meanSquaredError(labels: Arg, predictions: Arg, weights?: Arg | null, reduction = Reduction.SUM_BY_NONZERO_WEIGHTS): Tensor {
  return tidy(() => {
    const l = asTensor(labels), p = asTensor(predictions);
    sameShapes('meanSquaredError', l, p);
    return computeWeightedLoss(squaredDifference(l, p), weights, reduction);
  });
}

/** -sum(labels * logSoftmax(logits)) over the last axis, with a custom gradient as tfjs:
 *  dy * (softmax * sum(labels) - labels) for the logits (tfjs's dy * (softmax - labels) when
 *  labels sum to 1, exact otherwise) and -dy * logSoftmax for the labels (tfjs gives
 *  dy * (labels - softmax), which is not the derivative). */
const softmaxCrossEntropyWithLogits = customGrad((labels: Tensor, logits: Tensor, save: (ts: Tensor[]) => void) => {
  const dim = logits.rank - 1;
  const logResult = sub(cast(logits, 'float32'), logSumExp(logits, [dim], true));
  save([labels, logResult]);
  const value = sum(neg(mul(logResult, labels)), [dim]);
  const gradFunc = (dy: Tensor, [lab, logRes]: Tensor[]) => {
    const dyKept = reshape(dy, [...dy.shape, 1]);
    const l = cast(lab, 'float32');
    return [neg(mul(dyKept, logRes)), mul(dyKept, sub(mul(exp(logRes), sum(l, [-1], true)), l))];
  };
  return { value, gradFunc };
});

/**
 * Softmax cross-entropy between one-hot labels and logits over the last axis, with optional
 * weights and label smoothing (tfjs semantics and default reduction).
 * @example
 * lt.losses.softmaxCrossEntropy(lt.tensor([[0, 1]]), lt.tensor([[1, 3]])).print();
 */
export function softmaxCrossEntropy(onehotLabels: Arg, logits: Arg, weights?: Arg | null, labelSmoothing = 0, reduction = Reduction.SUM_BY_NONZERO_WEIGHTS): Tensor {
  return tidy(() => {
    let labels = asTensor(onehotLabels);
    const x = asTensor(logits);
    sameShapes('softmaxCrossEntropy', labels, x);
    if (labelSmoothing > 0) {
      const numClasses = labels.shape[labels.rank - 1];
      labels = add(mul(labels, scalarParam(1 - labelSmoothing)), scalarParam(labelSmoothing / numClasses));
    }
    return computeWeightedLoss(softmaxCrossEntropyWithLogits(cast(labels, 'float32'), x), weights, reduction);
  });
}
