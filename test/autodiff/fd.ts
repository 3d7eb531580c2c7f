// Gradient checking: lt's reverse-mode gradient (float32, one lazy graph) against central finite
// differences of an independent float64 forward (test/reference). For a random cotangent w, the
// objective is L(x) = sum(f(x) * w), so lt.grads(f)(xs, w) must equal dL/dx.
import { expect } from 'vitest';
import * as lt from '../../ts/index';
import * as R from '../reference';
import { toLt } from '../helpers';

export interface Input {
  shape: number[];
  opts?: R.RandOpts;
  /** A fixed value instead of a random one. */
  values?: number[];
}

export interface GradCase {
  name: string;
  inputs: Input[];
  lt: (...xs: lt.Tensor[]) => lt.Tensor;
  ref: (...xs: R.Ref[]) => R.Ref;
  /** Relative tolerance (default 2e-3) and absolute tolerance as a fraction of the largest
   *  gradient (default 2e-4). */
  rtol?: number;
  atol?: number;
}

/** A deterministic seed per case name. */
function seedOf(name: string): number {
  let h = 2166136261;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
  return h >>> 0;
}

function objective(c: GradCase, xs: R.Ref[], w: R.Ref): number {
  const y = c.ref(...xs);
  if (y.data.length !== w.data.length) throw new Error(`${c.name}: reference output has ${y.data.length} values, cotangent ${w.data.length}`);
  let s = 0;
  for (let i = 0; i < y.data.length; i++) s += y.data[i] * w.data[i];
  return s;
}

/** Central differences in float64, one element at a time. */
export function finiteDifferences(c: GradCase, xs: R.Ref[], w: R.Ref): Float64Array[] {
  return xs.map((x, i) => {
    const g = new Float64Array(x.data.length);
    for (let j = 0; j < x.data.length; j++) {
      const h = 1e-4 * Math.max(1, Math.abs(x.data[j]));
      const at = (v: number) => {
        const data = Float64Array.from(x.data);
        data[j] = v;
        const args = xs.slice();
        args[i] = { shape: x.shape, dtype: 'float32', data };
        return objective(c, args, w);
      };
      g[j] = (at(x.data[j] + h) - at(x.data[j] - h)) / (2 * h);
    }
    return g;
  });
}

/** Checks lt's gradients of the case against finite differences, and that nothing leaks. */
export function checkGradients(c: GradCase): void {
  const rng = new R.Rng(seedOf(c.name));
  const xs = c.inputs.map((inp) => (inp.values ? R.fromValues(inp.values, inp.shape, 'float32') : R.randRef(rng, inp.shape, 'float32', inp.opts)));
  const y = c.ref(...xs);
  const w = R.randRef(rng, y.shape, 'float32', { lo: -1, hi: 1 });
  const fd = finiteDifferences(c, xs, w);

  const before = lt.memory();
  const tensors = xs.map((x) => toLt(x));
  const dy = toLt(w);
  const grads = lt.grads(c.lt)(tensors, dy);
  expect(grads.length).toBe(xs.length);
  const got = grads.map((g) => g.dataSync());
  grads.forEach((g, i) => {
    expect(g.shape, `${c.name}: gradient ${i} shape`).toEqual(xs[i].shape);
    expect(g.dtype).toBe('float32');
  });
  lt.dispose([...grads, ...tensors, dy]);
  expect(lt.memory(), `${c.name}: memory after disposing`).toEqual(before);

  const rtol = c.rtol ?? 2e-3;
  for (let i = 0; i < xs.length; i++) {
    const scale = Math.max(1, ...Array.from(fd[i], Math.abs));
    const atol = (c.atol ?? 2e-4) * scale;
    const bad: string[] = [];
    for (let j = 0; j < fd[i].length; j++) {
      if (Math.abs(got[i][j] - fd[i][j]) > atol + rtol * Math.abs(fd[i][j])) bad.push(`[${j}] got ${got[i][j]} want ${fd[i][j]}`);
    }
    if (bad.length) expect.fail(`${c.name}: gradient of input ${i} (shape [${xs[i].shape}]) differs in ${bad.length} of ${fd[i].length}:\n  ${bad.slice(0, 8).join('\n  ')}`);
  }
}
