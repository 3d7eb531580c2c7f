// Adam (tfjs's AdamOptimizer, same formulas and operation order). The powers beta1^t and
// beta2^t live in one [2] variable updated in the same graph, so the step count never enters
// the Program. (One root, not two rank-0 ones: markStep orders roots by structural hash, and
// two equal-hash roots may swap places from one step to the next, giving a second Program.)
import type { Tensor, Variable } from '../tensor';
import { dispose } from '../memory';
import { sub } from '../generated/elementwise';
import { stack, slice, reshape } from '../ops/shape';
import { tensor } from '../ops/creation';
import { scalarParam } from '../autodiff/build';
import { variable } from '../ops/creation';
import { checkNumbers, Optimizer, zerosState } from './optimizer';

export class AdamOptimizer extends Optimizer {
  private readonly moments = new Map<Variable, { m: Variable; v: Variable }>();
  /** [beta1^t, beta2^t] for the coming step t (tfjs's accBeta1, accBeta2). */
  private readonly accBetas: Variable;

  constructor(learningRate: number, public beta1: number, public beta2: number, public epsilon = 1e-7) {
    super(learningRate);
    checkNumbers('AdamOptimizer', { beta1, beta2, epsilon });
    const init = tensor(Float32Array.of(beta1, beta2));   // data, like every later value
    this.accBetas = variable(init, false);
    init.dispose();
  }

  protected update(pairs: ReadonlyArray<readonly [Variable, Tensor]>): void {
    const b1 = scalarParam(this.beta1), b2 = scalarParam(this.beta2);
    const oneMinusB1 = scalarParam(1 - this.beta1), oneMinusB2 = scalarParam(1 - this.beta2);
    const eps = scalarParam(this.epsilon), negLr = scalarParam(-this.learningRate);
    const oneMinusAcc = sub(1, this.accBetas);
    const oneMinusAccBeta1 = reshape(slice(oneMinusAcc, [0], [1]), []), oneMinusAccBeta2 = reshape(slice(oneMinusAcc, [1], [1]), []);
    for (const [value, g] of pairs) {
      let s = this.moments.get(value);
      if (!s) this.moments.set(value, (s = { m: zerosState(value), v: zerosState(value) }));
      const newM = s.m.mul(b1).add(g.mul(oneMinusB1));
      const newV = s.v.mul(b2).add(g.square().mul(oneMinusB2));
      const mHat = newM.div(oneMinusAccBeta1), vHat = newV.div(oneMinusAccBeta2);
      s.m.assign(newM);
      s.v.assign(newV);
      value.assign(mHat.div(vHat.sqrt().add(eps)).mul(negLr).add(value));
    }
    this.accBetas.assign(this.accBetas.mul(stack([b1, b2])));
  }

  override dispose(): void {
    dispose([this.accBetas, ...[...this.moments.values()].flatMap((s) => [s.m, s.v])]);
    this.moments.clear();
  }
}
