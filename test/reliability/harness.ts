// Shared by the reliability suites: a context that tracks what a case creates (tensors,
// variables, optimizers) so that it can be released whatever the case did, and the checks that
// the engine is still healthy afterwards. No Node-only imports: the suites can run in Chromium.
import { expect } from 'vitest';
import * as lt from '../../ts/index';

type Disposable = { dispose(): void };

/** What a case may create; everything is released by `cleanup`, throw or not. */
export class Ctx {
  private owned: Disposable[] = [];
  private static serial = 0;
  /** A unique variable name (a case that fails to clean up cannot collide with the next). */
  readonly prefix = `reliability${Ctx.serial++}_`;

  /** Tracks anything disposable (a Tensor, a Variable, an optimizer) or a container of tensors. */
  own<T>(x: T): T {
    if (x instanceof lt.Tensor) this.owned.push(x);
    else if (Array.isArray(x)) for (const v of x) this.own(v);
    else if (x && typeof x === 'object' && typeof (x as unknown as Disposable).dispose === 'function') this.owned.push(x as unknown as Disposable);
    else if (x && typeof x === 'object' && !ArrayBuffer.isView(x)) for (const v of Object.values(x)) this.own(v);
    return x;
  }

  /** lt.tensor, owned. */
  t(values: unknown, shape?: number[], dtype?: lt.DataType): lt.Tensor {
    return this.own((lt.tensor as (v: unknown, s?: number[], d?: lt.DataType) => lt.Tensor)(values, shape, dtype));
  }

  /** [[1, 2, 3], [4, 5, 6]], owned. */
  a23(): lt.Tensor { return this.t([[1, 2, 3], [4, 5, 6]]); }

  /** int32 indices, owned. */
  idx(values: number[], shape = [values.length]): lt.Tensor { return this.t(values, shape, 'int32'); }

  /** A trainable variable with a unique name, owned. */
  v(init?: lt.Tensor, name?: string): lt.Variable {
    return this.own(lt.variable(init ?? this.a23(), true, `${this.prefix}${name ?? 'v'}`));
  }

  /** The registered name of a variable made by `v(init, name)`. */
  vname(name = 'v'): string { return `${this.prefix}${name}`; }

  /** A tensor that has already been disposed. */
  disposed(values: unknown = [[1, 2, 3], [4, 5, 6]]): lt.Tensor {
    const x = this.t(values);
    x.dispose();
    return x;
  }

  cleanup(): void {
    for (const d of this.owned.reverse()) {
      try { d.dispose(); } catch { /* already gone */ }
    }
    this.owned = [];
  }
}

/** A short description of an unexpected value (for failure messages). */
export function describeValue(x: unknown): string {
  if (x instanceof lt.Tensor) return x.isDisposed ? 'a disposed Tensor' : `a Tensor ${JSON.stringify(x.shape)} ${x.dtype}`;
  if (Array.isArray(x)) return `[${x.map(describeValue).join(', ')}]`;
  if (x instanceof Promise) return 'a Promise';
  if (x === undefined) return 'undefined';
  if (typeof x === 'object' && x !== null) return `an object {${Object.keys(x).join(', ')}}`;
  return `${typeof x} ${String(x)}`;
}

/** lt.memory() as a plain object (numTensors, numBytes, numGraphNodes). */
export const mem = () => ({ ...lt.memory() });

/** Runs f; what it throws becomes its result (a message), so that checks go on. */
function attempt<T>(f: () => T): T | string {
  try {
    return f();
  } catch (e) {
    return `throws ${(e as Error)?.constructor?.name}: ${(e as Error)?.message}`;
  }
}

/** The engine still records, runs, reads and differentiates correctly (soft checks). */
export function expectEngineHealthy(what: string): void {
  const sum = attempt(() => lt.tidy(() => Array.from(lt.tensor([1, 2]).add(lt.tensor([3, 4])).dataSync())));
  expect.soft(sum, `${what}: a valid op afterwards`).toEqual([4, 6]);
  const mm = attempt(() => lt.tidy(() => Array.from(lt.matMul(lt.tensor([[1, 2], [3, 4]]), lt.tensor([[5], [6]])).relu().dataSync())));
  expect.soft(mm, `${what}: a valid graph afterwards`).toEqual([17, 39]);
  const g = attempt(() => lt.tidy(() => Array.from(lt.grad((x: lt.Tensor) => x.square().sum())(lt.tensor([3, -1])).dataSync())));
  expect.soft(g, `${what}: a valid gradient afterwards`).toEqual([6, -2]);
}
