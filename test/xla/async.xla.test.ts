// lt.markStepAsync() on XLA: the step runs on the addon's launcher thread while the caller goes
// on; values match the float64 reference and the synchronous path; reads wait for a step in
// flight; a failing step rejects, its tensors' reads throw, and the process goes on.
// Runs with LT_REQUIRE_XLA=1 after `npm run build:native`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import * as R from '../reference';
import { accelerator, setAccelerator } from '../../ts/engine/runtime';
import type { Accelerator } from '../../accelerators/accelerator';
import { XlaAccelerator, type XlaAddon } from '../../accelerators/xla/index';
import { expectClose, seededValues } from '../helpers';

let xla: XlaAccelerator;
let addon: Required<XlaAddon>; // the CPU addon has the async calls
let before: Accelerator;

beforeAll(async () => {
  await lt.ready();
  before = accelerator();
  xla = XlaAccelerator.create();
  addon = (xla as unknown as { addon: Required<XlaAddon> }).addon;
  setAccelerator(xla);
});
afterAll(() => setAccelerator(before));

/** A graph that takes XLA tens of milliseconds: a chain of 1024² matmuls. */
function heavy(seed: number): lt.Tensor {
  let m = lt.tensor(seededValues(1024 * 1024, seed), [1024, 1024]).mul(1 / 32);
  for (let i = 0; i < 6; i++) m = m.matMul(m).tanh();
  return m.sum();
}

describe('markStepAsync on xla', () => {
  it('values equal the float64 reference', async () => {
    const a = seededValues(6 * 5, 1), b = seededValues(5 * 4, 2);
    const ta = lt.tensor(a, [6, 5]), tb = lt.tensor(b, [5, 4]);
    const y = ta.matMul(tb).mul(2).add(1).tanh();
    const s = ta.exp().sum(1);
    await lt.markStepAsync();
    const mm = R.matMul({ shape: [6, 5], dtype: 'float32', data: Float64Array.from(a) }, { shape: [5, 4], dtype: 'float32', data: Float64Array.from(b) });
    const ref = { shape: [6, 4], dtype: 'float32' as const, data: mm.data.map((v) => Math.tanh(2 * v + 1)) };
    await expectClose(y, ref, 'matMul');
    const sref = new Float64Array(6);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 5; j++) sref[i] += Math.exp(a[i * 5 + j]);
    await expectClose(s, { shape: [6], dtype: 'float32', data: sref }, 'sum');
    lt.dispose([ta, tb, y, s]);
  });

  it('returns before the step has run; dataSync blocks until it has, data() awaits it', async () => {
    const y = heavy(3);
    const z = heavy(3);
    const t0 = performance.now();
    const p = lt.markStepAsync();
    const returnedMs = performance.now() - t0;
    let settled = false;
    void p.then(() => { settled = true; });
    expect(addon.stats().queued).toBeGreaterThan(0); // still on the launcher thread
    const got = y.dataSync()[0];                         // blocks on the launcher thread's result
    expect(Number.isFinite(got)).toBe(true);
    const gotAsync = (await z.data())[0];
    await p;
    expect(settled).toBe(true);
    // the same graph under markStep (synchronous) gives the same bits
    const w = heavy(3);
    const t1 = performance.now();
    lt.markStep();
    const syncMs = performance.now() - t1;
    expect(got).toBe(w.dataSync()[0]);
    expect(gotAsync).toBe(got);
    expect(returnedMs).toBeLessThan(syncMs);
    lt.dispose([y, z, w]);
  });

  it('a step traced while the previous one runs uses its results (FIFO on the launcher thread)', async () => {
    const x = lt.variable(lt.tensor(seededValues(64, 4), [8, 8]));
    const ref = Float64Array.from(x.dataSync());
    const steps: Promise<void>[] = [];
    for (let i = 0; i < 10; i++) {
      x.assign(x.mul(0.5).add(1));
      steps.push(lt.markStepAsync());
      for (let k = 0; k < 64; k++) ref[k] = Math.fround(Math.fround(ref[k] * 0.5) + 1);
    }
    await Promise.all(steps);
    const got = x.dataSync();
    for (let k = 0; k < 64; k++) expect(got[k]).toBe(ref[k]);
    x.dispose();
  });

  it('a training loop gives the same parameters as with markStep, and as the interpreter', async () => {
    const train = async (mode: 'sync' | 'async') => {
      const x = lt.tensor(seededValues(32 * 16, 5), [32, 16]);
      const y = lt.oneHot(lt.tensor(Array.from({ length: 32 }, (_, i) => i % 4), [32], 'int32'), 4).cast('float32');
      const w1 = lt.variable(lt.tensor(seededValues(16 * 24, 6), [16, 24]).mul(0.3));
      const w2 = lt.variable(lt.tensor(seededValues(24 * 4, 7), [24, 4]).mul(0.3));
      const opt = lt.train.sgd(0.1);
      let previous = Promise.resolve();
      for (let i = 0; i < 20; i++) {
        opt.minimize(() => lt.losses.softmaxCrossEntropy(y, x.matMul(w1).relu().matMul(w2)), false, [w1, w2]);
        if (mode === 'sync') lt.markStep();
        else {
          const current = lt.markStepAsync();   // queued behind the previous step
          await previous;
          previous = current;
        }
      }
      await previous;
      const out = [await w1.data(), await w2.data()];
      opt.dispose();
      lt.dispose([x, y, w1, w2]);
      return out;
    };
    const sync = await train('sync');
    const async = await train('async');
    for (let p = 0; p < 2; p++) {
      expect(async[p].length).toBe(sync[p].length);
      for (let i = 0; i < sync[p].length; i++) expect(async[p][i]).toBe(sync[p][i]);
    }
    setAccelerator(before);
    try {
      const interp = await train('async');   // the interpreter: markStepAsync runs at once
      for (let p = 0; p < 2; p++) for (let i = 0; i < sync[p].length; i++) expect(Math.abs(interp[p][i] - sync[p][i])).toBeLessThan(1e-4);
    } finally {
      setAccelerator(xla);
    }
  });

  it('disposing a step\'s tensors while it runs is safe and leaks no device buffer', async () => {
    const a = lt.tensor(seededValues(256 * 256, 9), [256, 256]);
    await lt.markStepAsync();
    const buffers = addon.stats().buffers;
    const steps: Promise<void>[] = [];
    for (let i = 0; i < 5; i++) {
      const b = lt.tidy(() => a.matMul(a).tanh());   // the matMul's handle goes with the tidy
      steps.push(lt.markStepAsync());
      b.dispose();                      // its buffer is still being computed
    }
    await Promise.all(steps);
    expect(addon.stats()).toMatchObject({ buffers, queued: 0 });
    a.dispose();
  });

  it('counts transfers in metrics()', async () => {
    const a = lt.tensor([1, 2, 3]);
    lt.resetMetrics();
    const b = a.mul(3);
    const c = a.add(1);
    await lt.markStepAsync();
    expect(lt.metrics().graphsExecuted).toBe(1);
    expect(lt.metrics().executeMs).toBeGreaterThan(0);
    expect(Array.from(await b.data())).toEqual([3, 6, 9]);
    expect(Array.from(c.dataSync())).toEqual([2, 3, 4]);
    expect(lt.metrics().transfersFromDevice).toBe(2);
    lt.resetMetrics();
    const d = lt.tensor([5, 6]);
    await lt.markStepAsync();           // nothing pending: no graph
    expect(lt.metrics().transfersToDevice).toBe(1);
    expect(lt.metrics().graphsExecuted).toBe(0);
    lt.dispose([a, b, c, d]);
  });

  it('a failing step rejects, its tensors\' reads throw, later steps on them reject, and the process goes on', async () => {
    // Fault injection at the accelerator boundary: XLA itself rejects the argument (a buffer of
    // the wrong size), on the launcher thread, as it would any execution failure.
    const x = lt.tensor(seededValues(16, 8), [4, 4]);
    const real = xla.executeAsync!;
    xla.executeAsync = (exe: number, params: readonly number[]) => {
      const wrong = xla.upload('float32', new Float32Array(7), [7]);
      const r = real.call(xla, exe, [wrong, ...params.slice(1)]);
      xla.free(wrong);
      return r;
    };
    let y: lt.Tensor;
    let failed: Promise<void>;
    try {
      y = x.matMul(x).add(1);
      failed = lt.markStepAsync();
    } finally {
      xla.executeAsync = real;
    }
    await expect(failed).rejects.toThrow(/^markStepAsync: xla: execute: /);
    expect(() => y.dataSync()).toThrow(/dataSync: .*never computed/);
    await expect(y.data()).rejects.toThrow(/data: .*never computed/);
    const z = y.mul(2);
    await expect(lt.markStepAsync()).rejects.toThrow(/markStepAsync: .*never computed/);
    expect(() => z.dataSync()).toThrow(/never computed/);
    // a failing step whose Promise nobody awaits is no unhandled rejection (vitest would fail on one)
    const w = y.add(3);
    void lt.markStepAsync();
    await new Promise((r) => setTimeout(r, 100));
    expect(() => w.dataSync()).toThrow(/never computed/);
    // the process and the accelerator go on
    const ok = x.add(1);
    await lt.markStepAsync();
    expect(Array.from(ok.dataSync())).toEqual(Array.from(seededValues(16, 8), (v) => Math.fround(v + 1)));
    lt.dispose([x, y!, z, w, ok]);
  });
});

describe('the addon\'s async calls', () => {
  const MODULE = `module @m { func.func public @main(%a: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xf32>) {
    %0 = stablehlo.add %a, %a : tensor<3xf32>
    %1 = stablehlo.multiply %a, %a : tensor<3xf32>
    return %0, %1 : tensor<3xf32>, tensor<3xf32> } }`;

  it('compileAsync gives an executable; bad StableHLO rejects', async () => {
    const exe = await addon.compileAsync(MODULE);
    const a = addon.upload(0, new Float32Array([1, 2, 3]));
    const [s, p] = addon.execute(exe, [a]);
    expect(Array.from(new Float32Array(addon.download(p).buffer))).toEqual([1, 4, 9]);
    await expect(addon.compileAsync('module { func.func @main( }')).rejects.toThrow(/xla: compile: parsing StableHLO/);
    expect(() => addon.compileAsync(42 as unknown as string)).toThrow(/compileAsync\(mlirText/);
    for (const h of [a, s, p]) addon.free(h);
    addon.release(exe);
  });

  it('executeAsync chains without waiting, bounds its queue, and frees in-flight buffers safely', async () => {
    const exe = addon.compile(MODULE);
    let a = addon.upload(0, new Float32Array([1, 2, 3]));
    const dones: Promise<number>[] = [];
    let maxQueued = 0;
    for (let i = 0; i < 20; i++) {
      const { outputs, done } = addon.executeAsync(exe, [a]);
      maxQueued = Math.max(maxQueued, addon.stats().queued!);
      addon.free(a);            // still an argument of the queued job: it must stay alive for it
      addon.free(outputs[1]);   // dropped before it is computed
      a = outputs[0];
      dones.push(done);
    }
    expect(maxQueued).toBeLessThanOrEqual(2);
    const got = new Float32Array((await addon.downloadAsync(a)).buffer);
    expect(Array.from(got)).toEqual([1, 2, 3].map((v) => v * 2 ** 20));
    for (const ms of await Promise.all(dones)) expect(ms).toBeGreaterThanOrEqual(0);
    expect(() => addon.executeAsync(987654, [])).toThrow(/executeAsync: unknown executable/);
    expect(() => addon.executeAsync(exe, [987654])).toThrow(/executeAsync: unknown buffer/);
    const wrong = addon.upload(0, new Float32Array(2));
    const bad = addon.executeAsync(exe, [wrong]);
    await expect(bad.done).rejects.toThrow(/xla: execute/);
    expect(() => addon.download(bad.outputs[0])).toThrow(/never computed/);
    await expect(addon.downloadAsync(bad.outputs[1])).rejects.toThrow(/never computed/);
    for (const h of [a, wrong, ...bad.outputs]) addon.free(h);
    addon.release(exe);
  });
});
