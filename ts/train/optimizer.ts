// The optimizer base class (tfjs's Optimizer): minimize = variableGrads + applyGradients.
// Updates are recorded lazily like any op, so forward, backward and update run as one Program
// at the next lt.markStep(). Hyperparameters enter the graph as scalar parameters (changing
// the learning rate never recompiles) and optimizer state lives in non-trainable variables.
import { Tensor, Variable } from '../tensor';
import { tidy, dispose } from '../memory';
import { tensor } from '../ops/creation';
import { variableGrads, registeredVariable, type NamedTensorMap } from '../autodiff/index';
import { variable } from '../ops/creation';
import { scalarParam } from '../autodiff/build';

export interface NamedTensor { name: string; tensor: Tensor }
export type { NamedTensorMap };

/** A non-trainable variable of zeros; an uploaded buffer (a data leaf) rather than a lazy
 *  broadcast, so the first step's Program is the same as every later one's. */
export function zerosState(like: Tensor): Variable {
  const shape = like.shape;
  const init = shape.length === 0 ? scalarParam(0) : tensor(new Float32Array(like.size), shape);
  const v = variable(init, false);
  init.dispose();
  return v;
}

export abstract class Optimizer {
  private iterations_ = 0;

  constructor(public learningRate: number) {
    checkNumbers(new.target.name, { learningRate });
  }

  /** How many times applyGradients (or minimize) ran. */
  get iterations(): number { return this.iterations_; }

  /** Changes the learning rate; the next step uploads the new value (no recompilation). */
  setLearningRate(learningRate: number): void { this.learningRate = learningRate; }

  /**
   * Runs f, computes the gradients of its scalar result with respect to varList (default:
   * every trainable variable) and applies them. Returns the cost when returnCost is true.
   * @example
   * const w = lt.variable(lt.tensor([1, 2]));
   * const opt = lt.train.sgd(0.1);
   * opt.minimize(() => w.square().sum());
   * lt.markStep();
   */
  minimize(f: () => Tensor, returnCost = false, varList?: Variable[]): Tensor | null {
    const { value, grads } = this.computeGradients(f, varList);
    try {
      if (varList) this.apply(varList.map((v) => [v, grads[v.name] ?? null]));
      else this.applyGradients(grads);
    } catch (e) {
      value.dispose();
      throw e;
    } finally {
      dispose(grads);
    }
    if (returnCost) return value;
    value.dispose();
    return null;
  }

  /** The value of f and its gradients with respect to the variables (tfjs variableGrads). */
  computeGradients(f: () => Tensor, varList?: Variable[]): { value: Tensor; grads: NamedTensorMap } {
    return variableGrads(f, varList);
  }

  /**
   * Updates variables, found by name, from their gradients.
   * @example
   * opt.applyGradients({ [w.name]: lt.onesLike(w) });
   */
  applyGradients(variableGradients: NamedTensorMap | NamedTensor[]): void {
    const list = Array.isArray(variableGradients)
      ? variableGradients.map((g) => [g.name, g.tensor] as const)
      : Object.keys(variableGradients).map((name) => [name, variableGradients[name]] as const);
    this.apply(list.map(([name, g]) => {
      const v = registeredVariable(name);
      if (!v) throw new Error(`applyGradients: no variable named '${name}' is registered`);
      return [v, g];
    }));
  }

  private apply(pairs: Array<readonly [Variable, Tensor | null | undefined]>): void {
    const live = pairs.filter((p): p is readonly [Variable, Tensor] => p[1] != null);
    tidy(() => { this.update(live); });
    this.iterations_++;
  }

  /** Records the update of each variable from its gradient (inside a tidy scope). */
  protected abstract update(pairs: ReadonlyArray<readonly [Variable, Tensor]>): void;

  /** Disposes the optimizer's state variables. */
  dispose(): void {}
}

/** Optimizer hyperparameters must be numbers: a string or undefined would become NaN in the graph. */
export function checkNumbers(optimizer: string, values: Record<string, unknown>): void {
  for (const [name, v] of Object.entries(values)) {
    if (typeof v !== 'number' || Number.isNaN(v)) throw new Error(`${optimizer}: ${name} must be a number, got ${v === undefined ? 'undefined' : typeof v === 'string' ? `'${v}'` : typeof v}`);
  }
}
