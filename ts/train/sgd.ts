// Stochastic gradient descent: v <- v + (-lr) * g (tfjs's SGDOptimizer, same operation order).
import type { Tensor, Variable } from '../tensor';
import { scalarParam } from '../autodiff/build';
import { Optimizer } from './optimizer';

export class SGDOptimizer extends Optimizer {
  protected update(pairs: ReadonlyArray<readonly [Variable, Tensor]>): void {
    const c = scalarParam(-this.learningRate);
    for (const [v, g] of pairs) v.assign(c.mul(g).add(v));
  }
}
