// lt.train: optimizers with tfjs's constructors and update formulas.
import { SGDOptimizer } from './sgd';
import { MomentumOptimizer } from './momentum';
import { AdamOptimizer } from './adam';

export { Optimizer, type NamedTensor, type NamedTensorMap } from './optimizer';
export { SGDOptimizer, MomentumOptimizer, AdamOptimizer };

/**
 * Stochastic gradient descent.
 * @example
 * const opt = lt.train.sgd(0.1);
 * opt.minimize(() => loss());
 * lt.markStep();
 */
export const sgd = (learningRate: number): SGDOptimizer => new SGDOptimizer(learningRate);

/**
 * Gradient descent with momentum (optionally Nesterov's).
 * @example
 * const opt = lt.train.momentum(0.1, 0.9);
 */
export const momentum = (learningRate: number, momentum: number, useNesterov = false): MomentumOptimizer =>
  new MomentumOptimizer(learningRate, momentum, useNesterov);

/**
 * Adam (Kingma and Ba, 2014); epsilon defaults to 1e-7, as tfjs's float32 backends.
 * @example
 * const opt = lt.train.adam(0.01);
 */
export const adam = (learningRate = 0.001, beta1 = 0.9, beta2 = 0.999, epsilon?: number | null): AdamOptimizer =>
  new AdamOptimizer(learningRate, beta1, beta2, epsilon ?? 1e-7);
