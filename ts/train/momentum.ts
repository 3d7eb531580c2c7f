// Momentum (tfjs's MomentumOptimizer): acc <- m * acc + g; v <- v + (-lr) * acc, or with
// Nesterov v <- v + (-lr) * (g + m * acc). The accumulators are non-trainable variables.
import type { Tensor, Variable } from '../tensor';
import { dispose } from '../memory';
import { scalarParam } from '../autodiff/build';
import { checkNumbers, Optimizer, zerosState } from './optimizer';

export class MomentumOptimizer extends Optimizer {
  private readonly accumulations = new Map<Variable, Variable>();

  constructor(learningRate: number, public momentum: number, public useNesterov = false) {
    super(learningRate);
    checkNumbers('MomentumOptimizer', { momentum });
  }

  protected update(pairs: ReadonlyArray<readonly [Variable, Tensor]>): void {
    const c = scalarParam(-this.learningRate), m = scalarParam(this.momentum);
    for (const [v, g] of pairs) {
      let acc = this.accumulations.get(v);
      if (!acc) this.accumulations.set(v, (acc = zerosState(v)));
      const newAcc = m.mul(acc).add(g);
      const newValue = this.useNesterov ? c.mul(g.add(newAcc.mul(m))).add(v) : c.mul(newAcc).add(v);
      acc.assign(newAcc);
      v.assign(newValue);
    }
  }

  override dispose(): void {
    dispose([...this.accumulations.values()]);
    this.accumulations.clear();
  }
}
