// The memory plan (core-wasm/assembly/passes/analysis.ts): debug.graphStats's peakBytes is a
// prediction made without running anything; the WASM interpreter counts every tensor buffer it
// really allocates and frees while it runs the same Program. The two must agree to the byte,
// and on small graphs both must equal the figure worked out by hand.
import { describe, it, beforeAll, expect } from 'vitest';
import * as lt from '../../ts/index';
import fc from 'fast-check';
import { accelerator } from '../../ts/engine/runtime';
import * as core from '../../ts/engine/core';
import type { WasmAccelerator } from '../../accelerators/wasm/index';
import { build, evalLt, type Recipe } from '../reliability/programs';
import { toLt } from '../helpers';

beforeAll(async () => {
  await lt.ready();
  expect(lt.setBackend('wasm')).toBe(true); // the plan is the interpreter's
});

/** graphStats's peak for `ys`, and the peak the interpreter measured running them. */
function peaks(...ys: lt.Tensor[]): { predicted: number; measured: number } {
  const predicted = lt.debug.graphStats(...ys).peakBytes;
  lt.sync(...ys);
  return { predicted, measured: (accelerator() as WasmAccelerator).lastPeakBytes() };
}

const f32 = (n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i) * 2);

describe('peakBytes is what the interpreter allocates', () => {
  it('a fused chain materializes only its output (worked out by hand)', () => {
    lt.tidy(() => {
      const x = lt.tensor(f32(1000));
      let y = x.mul(1.5).add(0.5);
      y = lt.relu(y).mul(x).sub(0.25);
      y = lt.abs(y).add(x).mul(0.9);
      y = lt.tanh(y).add(1);
      // x 4000 + four user scalars 16 (params) + the const 1 (4) + the output 4000
      expect(peaks(y)).toEqual({ predicted: 8020, measured: 8020 });
    });
  });

  it('a group writes over a buffer that dies in it (worked out by hand)', () => {
    lt.tidy(() => {
      const x = lt.tensor(f32(1200), [30, 40]);
      const t = x.transpose();              // materialized: 4800
      const y = t.mul(3).exp().add(t);      // one group over t, written in place of t
      // x 4800 + the scalar 3 (4) + t 4800; the output reuses t's buffer
      expect(peaks(y)).toEqual({ predicted: 9604, measured: 9604 });
    });
  });

  it('an unfused reduction over axes that are not adjacent counts its transposed copy', () => {
    lt.tidy(() => {
      const x = lt.tensor(f32(3 * 5 * 7), [3, 5, 7]);
      const y = lt.sum(lt.transpose(x, [1, 0, 2]), [0, 2]);
      const p = peaks(y);
      // x 420, its transpose [5,3,7] 420, the copy with reduced axes last 420, the sum [3] 12
      expect(p).toEqual({ predicted: 1272, measured: 1272 });
    });
  });

  it('outputs that are params are copied, and several outputs all stay live', () => {
    lt.tidy(() => {
      const x = lt.tensor(f32(64), [8, 8]);
      const a = x.add(0);                    // simplified to x itself: a copied param
      const b = lt.matMul(x, x).mul(2);
      const c = lt.sum(b.square(), 1);
      const p = peaks(a, b, c);
      expect(p.measured).toBe(p.predicted);
      // x 256 + scalar 4, matMul 256 (b is written over it), c 32, the copy of x 256
      expect(p.predicted).toBe(256 + 4 + 256 + 32 + 256);
    });
  });
});

/** The MLP step in float64 (hand-written backward, as bench/suites/mlp.mjs): the new
 *  parameters [W1, W2, W3, b1, b2, b3] and the loss. Weights are [in, out], rows first. */
function mlpStepF64(x: Float32Array, y: Float32Array, B: number, sizes: number[][], p: Float32Array[], lr: number) {
  const mm = (a: ArrayLike<number>, b: ArrayLike<number>, n: number, k: number, m: number, tA = false, tB = false) => {
    const o = new Float64Array(n * m);
    for (let i = 0; i < n; i++) for (let q = 0; q < k; q++) {
      const av = tA ? a[q * n + i] : a[i * k + q];
      if (av === 0) continue;
      for (let j = 0; j < m; j++) o[i * m + j] += av * (tB ? b[j * k + q] : b[q * m + j]);
    }
    return o;
  };
  const W = p.slice(0, 3), bias = p.slice(3);
  const acts: Float64Array[] = [Float64Array.from(x)];
  let h: Float64Array = acts[0];
  for (let l = 0; l < 3; l++) {
    const [fin, fout] = sizes[l];
    const z = mm(h, W[l], B, fin, fout);
    for (let i = 0; i < z.length; i++) z[i] += bias[l][i % fout];
    h = l < 2 ? z.map((v) => Math.max(v, 0)) : z;
    acts.push(h);
  }
  const C = sizes[2][1];
  let d = new Float64Array(B * C), loss = 0;
  for (let i = 0; i < B; i++) {
    const row = h.subarray(i * C, i * C + C);
    const mx = Math.max(...row);
    const lse = mx + Math.log(row.reduce((s, v) => s + Math.exp(v - mx), 0));
    for (let j = 0; j < C; j++) {
      loss -= y[i * C + j] * (row[j] - lse) / B;
      d[i * C + j] = (Math.exp(row[j] - lse) - y[i * C + j]) / B;
    }
  }
  const next: Float64Array[] = [];
  for (let l = 2; l >= 0; l--) {
    const [fin, fout] = sizes[l];
    const gW = mm(acts[l], d, fin, B, fout, true);
    const gb = new Float64Array(fout);
    for (let i = 0; i < d.length; i++) gb[i % fout] += d[i];
    next[l] = W[l].map((v, i) => v - lr * gW[i]) as unknown as Float64Array;
    next[l + 3] = bias[l].map((v, i) => v - lr * gb[i]) as unknown as Float64Array;
    if (l > 0) {
      const dh = mm(d, W[l], B, fout, fin, false, true);
      d = dh.map((v, i) => (acts[l][i] > 0 ? v : 0));
    }
  }
  return { params: next, loss };
}

describe('the MLP training step (784-256-256-10, batch 128, softmax cross-entropy, SGD)', () => {
  const B = 128, SIZES = [[784, 256], [256, 256], [256, 10]];
  const init = (n: number, s: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 12.9898 + s) * 0.05);
  const xData = init(B * 784, 9).map(Math.abs);
  const labels = new Float32Array(B * 10);
  for (let i = 0; i < B; i++) labels[i * 10 + ((i * 7) % 10)] = 1;
  const start = [...SIZES.map(([a, b], i) => init(a * b, i)), ...SIZES.map(([, b]) => new Float32Array(b))];

  /** One step as a training loop writes it: the step recorded in tidy, the loss kept, then
   *  synced with the variables (gradients and temporaries disposed: nothing reads the old
   *  weights after the step, so their buffers are donated). */
  function step(optimizer = false): { p: { predicted: number; measured: number }; vars: lt.Variable[]; loss: lt.Tensor; x: lt.Tensor; y: lt.Tensor } {
    const vars = start.map((d, i) => lt.tidy(() => lt.variable(lt.tensor(d, i < 3 ? SIZES[i] : [SIZES[i - 3][1]]))));
    const x = lt.tensor(xData, [B, 784]);
    const y = lt.tensor(labels, [B, 10]);
    const f = (...p: lt.Tensor[]) => {
      const [W1, W2, W3, b1, b2, b3] = p;
      const h1 = lt.relu(lt.matMul(x, W1).add(b1));
      const h2 = lt.relu(lt.matMul(h1, W2).add(b2));
      return lt.losses.softmaxCrossEntropy(y, lt.matMul(h2, W3).add(b3));
    };
    const loss = optimizer
      ? lt.train.sgd(0.1).minimize(() => f(...vars), true, vars)!    // v + (-lr) * g, tfjs's order
      : lt.tidy(() => {
        const { value, grads } = lt.valueAndGrads(f)(vars);
        vars.forEach((v, i) => v.assign(v.sub(grads[i].mul(0.1))));
        return value;
      });
    return { p: peaks(loss, ...vars), vars, loss, x, y };
  }

  it.each([['written out', false], ['through lt.train.sgd', true]])('%s: peak <= 1.3 x (params + inputs + two largest activations), measured exactly, values as float64', (_, optimizer) => {
    const { p, vars, loss, x, y } = step(optimizer as boolean);
    expect(p.measured).toBe(p.predicted);
    const paramBytes = vars.reduce((s, v) => s + v.size * 4, 0);
    const inputBytes = (x.size + y.size) * 4;
    const activations = 2 * B * 256 * 4; // h1 and h2, the two largest
    // The old weights' buffers are donated: the updates W - lr * (Xᵀ·dY) accumulate in place
    // into them (no gradient buffer, no second copy of the weights).
    expect(p.predicted / (paramBytes + inputBytes + activations)).toBeLessThanOrEqual(1.3);
    const want = mlpStepF64(xData, labels, B, SIZES, start, 0.1);
    expect(loss.dataSync()[0]).toBeCloseTo(want.loss, 5);
    vars.forEach((v, i) => {
      const got = v.dataSync();
      let worst = 0;
      for (let k = 0; k < got.length; k++) worst = Math.max(worst, Math.abs(got[k] - want.params[i][k]));
      expect(worst, `parameter ${i}: max |float32 - float64|`).toBeLessThan(2e-6);
    });
    lt.dispose([...vars, loss, x, y]);
  });

  it('with DONATE off the old weights stay the caller\'s: the peak holds them twice, still measured exactly', () => {
    lt.env().set('DONATE', false);
    try {
      const { p, vars, loss, x, y } = step();
      expect(p.measured).toBe(p.predicted);
      const paramBytes = vars.reduce((s, v) => s + v.size * 4, 0);
      expect(p.predicted).toBeGreaterThanOrEqual(2 * paramBytes + (x.size + y.size) * 4);
      lt.dispose([...vars, loss, x, y]);
    } finally {
      lt.env().set('DONATE', true);
    }
  });
});

describe('donation never overwrites a buffer something still reads', () => {
  const w0 = [1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12, 13, -14, 15, -16];
  const m4 = (v: number[]) => [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => v[i * 4 + j]));
  /** w · w for the 4 x 4 row-major w, by hand. */
  const square = (v: number[]) => v.map((_, k) => [0, 1, 2, 3].reduce((s, q) => s + v[Math.floor(k / 4) * 4 + q] * v[q * 4 + (k % 4)], 0));
  const fresh = () => lt.tidy(() => lt.variable(lt.tensor(w0, [4, 4])));

  it('a value the user still holds: the old weights are read after the step', () => {
    const held = lt.tensor(w0, [4, 4]);
    const v = lt.variable(held);                 // the same node: the handle `held` reads it
    lt.tidy(() => v.assign(v.sub(1)));
    const p = peaks(v);
    expect(p.measured).toBe(p.predicted);
    expect(Array.from(v.dataSync())).toEqual(w0.map((x) => x - 1));
    expect(Array.from(held.dataSync())).toEqual(w0);
    lt.dispose([held, v]);
  });

  it('a pending tensor that reads the old value outlives the step', () => {
    const v = fresh();
    const twice = v.mul(2);                      // not synced with v: reads the old value later
    lt.tidy(() => v.assign(v.sub(1)));
    lt.sync(v);
    expect(Array.from(v.dataSync())).toEqual(w0.map((x) => x - 1));
    expect(Array.from(twice.dataSync())).toEqual(w0.map((x) => 2 * x));
    lt.dispose([twice, v]);
  });

  it('a donated buffer read twice, and as both operands of the product added to it', () => {
    const v = fresh(), u = fresh();
    // w - 0.5 (w · w): the product reads w while the update would write over it, so it may not
    // accumulate into w's buffer; u + sum(u) reads u twice, in two groups
    lt.tidy(() => { v.assign(v.sub(lt.matMul(v, v).mul(0.5))); u.assign(u.add(u.sum())); });
    const p = peaks(v, u);
    expect(p.measured).toBe(p.predicted);
    const sq = square(w0);
    expect(v.arraySync()).toEqual(m4(w0.map((x, k) => x - 0.5 * sq[k])));
    expect(Array.from(u.dataSync())).toEqual(w0.map((x) => x - 8));
    lt.dispose([v, u]);
  });

  it('an update that accumulates a product into the donated weights (and one into a kept copy)', () => {
    const a = lt.tensor(Float32Array.from({ length: 64 * 16 }, (_, i) => ((i * 7) % 13) - 6), [64, 16]);
    const b = lt.tensor(Float32Array.from({ length: 64 * 16 }, (_, i) => ((i * 5) % 11) - 5), [64, 16]);
    const start = Float32Array.from({ length: 256 }, (_, i) => (i % 17) - 8);
    const v = lt.tidy(() => lt.variable(lt.tensor(start, [16, 16])));
    const keep = lt.tensor(start, [16, 16]);
    const kv = lt.variable(keep);                // shares keep's node: its buffer is not donated
    lt.tidy(() => {
      v.assign(v.sub(lt.matMul(a, b, true, false).mul(0.25)));
      kv.assign(lt.matMul(b, a, true, false).mul(0.25).add(kv));
    });
    expect(lt.debug.graphStats(v, kv).kernels, 'each update one GEMM').toBe(2);
    const p = peaks(v, kv);
    // a, b 4096 each, v and keep 1024 each, the two scalars 0.25; v's update is written over
    // v's buffer, kv's into a new buffer of 1024 (keep is still read): no product materialized
    expect(p).toEqual({ predicted: 11272, measured: 11272 });
    const ad = a.dataSync(), bd = b.dataSync();
    const want = Array.from(start, (s, k) => {
      const i = Math.floor(k / 16), j = k % 16;
      let ab = 0, ba = 0;
      for (let q = 0; q < 64; q++) { ab += ad[q * 16 + i] * bd[q * 16 + j]; ba += bd[q * 16 + i] * ad[q * 16 + j]; }
      return [s - 0.25 * ab, s + 0.25 * ba];
    });
    expect(Array.from(v.dataSync())).toEqual(want.map((w) => w[0]));
    expect(Array.from(kv.dataSync())).toEqual(want.map((w) => w[1]));
    expect(Array.from(keep.dataSync())).toEqual(Array.from(start));
    lt.dispose([a, b, v, keep, kv]);
  });

  it('a root that a kept pending tensor reads inside the same step: its input is still donated', () => {
    const x = lt.tensor(w0, [4, 4]);
    const r = x.mul(2);
    const later = r.add(1);                      // kept, not synced: reads r, a data leaf after
    const r2 = later.mul(3);
    x.dispose();                                 // only r reads x now
    // x 64 and the scalars 2, 1, 3 (12); r is written over x's buffer; r2 64 (later fused in)
    expect(peaks(r, r2)).toEqual({ predicted: 140, measured: 140 });
    expect(Array.from(later.dataSync())).toEqual(w0.map((v) => 2 * v + 1));
    expect(Array.from(r2.dataSync())).toEqual(w0.map((v) => 6 * v + 3));
    expect(Array.from(r.dataSync())).toEqual(w0.map((v) => 2 * v));
    lt.dispose([r, later, r2]);
  });

  it('a step whose input becomes donatable compiles once more, and explainLastMiss says why', () => {
    const held = lt.tensor(w0, [2, 8]);
    const v = lt.variable(held);
    lt.tidy(() => v.assign(v.mul(3)));
    lt.markStep();                               // held reads the old value: nothing donated
    held.dispose();
    const misses = lt.metrics().cacheMisses;
    lt.tidy(() => v.assign(v.mul(3)));
    lt.markStep();                               // nothing reads v's old value: donated
    expect(lt.metrics().cacheMisses - misses).toBe(1);
    expect(lt.debug.explainLastMiss()).toMatch(/other inputs were donated.*param slots none -> 0/);
    lt.tidy(() => v.assign(v.mul(3)));
    lt.markStep();
    expect(lt.metrics().cacheMisses - misses).toBe(1);
    expect(Array.from(v.dataSync())).toEqual(w0.map((x) => 27 * x));
    v.dispose();
  });

  it('a step that fails after its inputs were donated: a clear Error on reading them; DONATE off keeps them', () => {
    const a = accelerator();
    const before = lt.memory();
    for (const donate of [true, false]) {
      lt.env().set('DONATE', donate);
      const v = fresh();
      lt.tidy(() => v.assign(v.mul(2)));
      const execute = a.execute;
      a.execute = () => { throw new Error('wasm: out of memory (injected)'); }; // the failure, injected
      try {
        expect(() => lt.sync(v)).toThrow(/injected/);
      } finally {
        a.execute = execute;
        lt.env().set('DONATE', true);
      }
      if (donate) expect(() => v.dataSync()).toThrow(/buffer to overwrite.*value is lost/);
      else expect(Array.from(v.dataSync())).toEqual(w0.map((x) => 2 * x));
      v.dispose();
      expect(lt.memory()).toEqual(before);
    }
  });

  it('an output that is a donated param is returned as is, and memory() stays exact', () => {
    const before = lt.memory();
    const v = fresh();
    lt.tidy(() => v.assign(v.add(0)));           // simplified to the param itself
    const p = peaks(v);
    expect(p).toEqual({ predicted: 64, measured: 64 }); // no copy
    expect(Array.from(v.dataSync())).toEqual(w0);
    expect(lt.memory().numBytes - before.numBytes).toBe(64);
    v.dispose();
    expect(lt.memory()).toEqual(before);
  });
});

describe('on random programs', () => {
  // the differential test's generator (test/reliability/programs.ts), barriers dropped so that
  // every value is one graph's root
  const rawStep = fc.record({ op: fc.nat(999), a: fc.nat(99), b: fc.nat(99), c: fc.nat(99), p: fc.nat(9999), q: fc.nat(9999) });
  const rawInput = fc.record({
    rank: fc.nat(3), dims: fc.array(fc.nat(8), { minLength: 3, maxLength: 3 }), dtype: fc.nat(7), values: fc.nat(5), form: fc.nat(3),
  });
  const recipe: fc.Arbitrary<Recipe> = fc.record({
    seed: fc.nat(), inputs: fc.array(rawInput, { minLength: 1, maxLength: 4 }), steps: fc.array(rawStep, { minLength: 1, maxLength: 12 }),
  });
  const LEAF_OPS = 3; // param 0, const 1, data 2, scalar 3: nothing to run

  it('graphStats predicts the interpreter\'s peak to the byte', () => {
    let compared = 0;
    fc.assert(fc.property(recipe, (r) => {
      const p = build(r, 'forward');
      fc.pre(p !== null);
      p!.steps.forEach((s) => { s.barrier = false; });
      lt.tidy(() => {
        const values = evalLt(p!, p!.inputs.map((x) => toLt(x)));
        const roots = [...new Set(values.slice(p!.inputs.length))].filter((t) => core.nodeOp(t.live('test')) > LEAF_OPS);
        if (roots.length === 0) return;
        const got = peaks(...roots);
        expect(got.measured, 'measured').toBe(got.predicted);
        compared++;
      });
    }), { numRuns: 300, seed: 20261128 });
    expect(compared, 'programs compared (the rest had nothing to run)').toBeGreaterThan(200);
  });

  it('with the inputs donated (no handle holds them): to the byte, and the values as without', () => {
    let compared = 0, donatedRuns = 0;
    const env = lt.env();
    /** Runs the program with its inputs disposed before the sync; peaks and the outputs' bytes. */
    const run = (p: NonNullable<ReturnType<typeof build>>) => {
      const roots = lt.tidy(() => {
        const values = evalLt(p, p.inputs.map((x) => toLt(x)));
        return [...new Set(values.slice(p.inputs.length))].filter((t) => core.nodeOp(t.live('test')) > LEAF_OPS);
      });
      if (roots.length === 0) return null;
      const misses = lt.metrics().cacheMisses;
      const got = peaks(...roots);
      const bytes = roots.map((t) => Array.from(new Uint8Array(t.dataSync().buffer)));
      lt.dispose(roots);
      return { got, bytes, compiled: lt.metrics().cacheMisses > misses };
    };
    fc.assert(fc.property(recipe, (r) => {
      const p = build(r, 'forward');
      fc.pre(p !== null);
      p!.steps.forEach((s) => { s.barrier = false; });
      const on = run(p!);
      if (!on) return;
      expect(on.got.measured, 'measured').toBe(on.got.predicted);
      env.set('DONATE', false);
      let off;
      try { off = run(p!)!; } finally { env.set('DONATE', true); }
      expect(off.got.measured).toBe(off.got.predicted);
      expect(on.bytes, 'outputs with donation').toEqual(off.bytes);
      compared++;
      if (on.got.predicted < off.got.predicted || off.compiled) donatedRuns++;
    }), { numRuns: 200, seed: 20261129 });
    expect(compared).toBeGreaterThan(120);
    expect(donatedRuns, 'programs where donation changed the executable').toBeGreaterThan(50);
  });
});
