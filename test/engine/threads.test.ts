// The WASM interpreter's threads (THREADS flag): large matMuls (plain, transposed, batched) on
// awkward shapes, large unary ops of awkward lengths, large fused elementwise groups, a
// Winograd conv2d with both its gradients, and the forward passes of depthwiseConv2d and
// pooling, against the float64 reference with 1
// and 2 threads, results byte-identical
// for every thread count, and the workers really taking parts. Runs in Node (worker_threads)
// and in Chromium (Web Workers; the test pages are cross-origin isolated, vitest.config.ts).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as lt from '../../ts/index';
import { accelerator, setAccelerator } from '../../ts/engine/runtime';
import { WasmAccelerator } from '../../accelerators/wasm';
import { matMul as refMatMul } from '../reference/linalg';
import { fromValues } from '../reference/core';
import { UNARY, UNARY_NAMES, unary as refUnary, type UnaryName } from '../reference/elementwise';
import { TOLERANCES } from '../tolerances';
import { seededValues, toLt } from '../helpers';
import * as R from '../reference';

let acc: WasmAccelerator;
const initialThreads = lt.env().get('THREADS');
beforeAll(async () => {
  await lt.ready();
  acc = accelerator() as unknown as WasmAccelerator;
});
afterAll(() => lt.env().set('THREADS', initialThreads));

const numel = (s: number[]) => s.reduce((a, b) => a * b, 1);

/** a and b (the outputs of 1 and 2 threads) hold the same bytes. */
function expectSameBytes(a: ArrayBufferView, b: ArrayBufferView, what = ''): void {
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength), y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  let diff = x.length === y.length ? -1 : Math.min(x.length, y.length);
  for (let i = 0; i < x.length && diff < 0; i++) if (x[i] !== y[i]) diff = i;
  expect(diff, `${what}first differing byte`).toBe(-1);
}

/** The workers take parts of what `run` executes with 2 threads: a worker slow to wake may
 *  leave every part to the main thread once, not 20 times. */
async function expectWorkersTakeParts(run: () => unknown): Promise<void> {
  lt.env().set('THREADS', 2);
  await acc.threadsReady();
  const before = acc.threads.partsByWorkers;
  for (let i = 0; i < 20 && acc.threads.partsByWorkers === before; i++) await run();
  expect(acc.threads.partsByWorkers).toBeGreaterThan(before);
}

/** [a shape, b shape, transposeA, transposeB]: sizes among 1, 3, 7, 33, 65, 257, 1029, each product
 *  large enough (>= 2^20 multiply-adds) that the interpreter shares it among threads. */
const CASES: [number[], number[], boolean, boolean][] = [
  [[257, 257], [257, 33], false, false],
  [[257, 33], [257, 257], true, false],   // X^T . dY, as in a backward pass
  [[33, 257], [257, 257], false, true],
  [[257, 257], [33, 257], true, true],
  [[7, 257], [257, 1029], false, false],  // few rows: tiles split the columns
  [[7, 33, 257], [7, 257, 33], false, false], // batched
  [[3, 1, 257, 33], [7, 257, 33], false, true], // broadcast batch dims
  [[1, 257, 33], [3, 257, 257], true, false],
  [[33, 1029], [1029, 257], false, false], // k over several blocks of b packed once for all threads
  [[65, 1029], [257, 1029], false, true],
];

/** The product on the interpreter with `threads` threads (workers ready first). */
async function product(threads: number, a: Float32Array, as: number[], b: Float32Array, bs: number[], tA: boolean, tB: boolean) {
  lt.env().set('THREADS', threads);
  await acc.threadsReady();
  const x = lt.tensor(a, as), y = lt.tensor(b, bs);
  const z = lt.matMul(x, y, tA, tB);
  const out = z.dataSync() as Float32Array;
  const shape = z.shape;
  x.dispose(); y.dispose(); z.dispose();
  return { out, shape };
}

describe('threads', () => {
  it('are available where SharedArrayBuffer is (Node; cross-origin-isolated pages)', async () => {
    const isolated = (globalThis as any).crossOriginIsolated !== false && typeof SharedArrayBuffer === 'function';
    expect(isolated, 'Node, and the test pages (COOP + COEP), can share memory').toBe(true);
    expect(acc.threads.possible).toBe(isolated);
    lt.env().set('THREADS', 2);
    expect(await acc.threadsReady()).toBe(isolated ? 2 : 1);
    lt.env().set('THREADS', 1);
    expect(await acc.threadsReady()).toBe(1);
  });

  it('small kernels start no worker', async () => {
    const fresh = await WasmAccelerator.create();
    setAccelerator(fresh);
    try {
      lt.env().set('THREADS', 2);
      const y = lt.tidy(() => lt.matMul(lt.ones([64, 64]), lt.ones([64, 64])).exp().sum().dataSync());
      expect(Math.abs(y[0] / (64 * 64 * Math.exp(64)) - 1)).toBeLessThan(1e-5);
      expect(fresh.threads.workers).toBe(0);
    } finally {
      setAccelerator(acc);
    }
  });

  it('THREADS must be a positive integer', () => {
    expect(() => lt.env().set('THREADS', 0)).toThrow(/THREADS/);
    expect(() => lt.env().set('THREADS', 1.5)).toThrow(/THREADS/);
    expect(lt.env().get('THREADS')).toBeGreaterThanOrEqual(1);
  });

  for (const [as, bs, tA, tB] of CASES) {
    it(`matMul ${JSON.stringify(as)}${tA ? 'ᵀ' : ''} x ${JSON.stringify(bs)}${tB ? 'ᵀ' : ''}: reference with 1 and 2 threads, identical bytes`, async () => {
      const a = seededValues(numel(as), 1 + as.length * 7 + numel(as)), b = seededValues(numel(bs), 5 + numel(bs));
      const ref = refMatMul(fromValues(a, as, 'float32'), fromValues(b, bs, 'float32'), tA, tB);
      // |error| of a float32 sum of k products is at most (k + 2) eps sum |a_i b_i|
      const abs = refMatMul(fromValues(a.map(Math.abs), as, 'float32'), fromValues(b.map(Math.abs), bs, 'float32'), tA, tB);
      const k = tA ? as[as.length - 2] : as[as.length - 1];
      const one = await product(1, a, as, b, bs, tA, tB);
      const two = await product(2, a, as, b, bs, tA, tB);
      expect(one.shape).toEqual(ref.shape);
      expect(two.shape).toEqual(ref.shape);
      let bad = 0, firstBad = '';
      for (let i = 0; i < ref.data.length; i++) {
        const tol = (k + 2) * 2 ** -23 * abs.data[i] + 1e-30;
        for (const got of [one.out[i], two.out[i]]) {
          if (!(Math.abs(got - ref.data[i]) <= tol)) { if (!bad++) firstBad = `[${i}] ${got} vs ${ref.data[i]} (tol ${tol})`; }
        }
      }
      expect(bad, firstBad).toBe(0);
      expectSameBytes(one.out, two.out);
    });
  }

  // 257 * 256 + 1 elements (a partial last vector) and 3 * 7 * 33 * 257 + 2: above the
  // interpreter's 2^16 threshold, cut into parts of 2^14
  for (const n of [257 * 256 + 1, 3 * 7 * 33 * 257 + 2]) {
    const names = UNARY_NAMES.filter((u) => ['same', 'float'].includes(UNARY[u].rule));
    it(`unary ops over ${n} elements: reference with 1 and 2 threads, identical bytes (${names.length} ops, float32 and int32)`, async () => {
      const f = seededValues(n, n).map((v) => v * 3);
      const i = Int32Array.from(f, (v) => Math.round(v * 1000));
      const failures: string[] = [];
      for (const name of names) {
        for (const [dtype, data] of [['float32', f], ['int32', i]] as const) {
          if (dtype === 'int32' && UNARY[name].rule !== 'same') continue;
          const ref = refUnary(name as UnaryName, fromValues(data, [n], dtype));
          const outs = [];
          for (const threads of [1, 2]) {
            lt.env().set('THREADS', threads);
            await acc.threadsReady();
            const x = lt.tensor(data, [n], dtype);
            const y = (lt as any)[name](x);
            outs.push(y.dataSync() as Float32Array | Int32Array);
            x.dispose(); y.dispose();
          }
          const tol = TOLERANCES[name as keyof typeof TOLERANCES];
          for (const out of outs) {
            for (let k = 0; k < n; k++) {
              const got = out[k], want = ref.data[k];
              const ok = dtype === 'int32' ? got === want
                : got === Math.fround(want) || (Number.isNaN(got) && Number.isNaN(want)) || Math.abs(got - want) <= tol.atol + tol.rtol * Math.abs(want);
              if (!ok) { failures.push(`${name} ${dtype} [${k}]: ${got} vs ${want}`); break; }
            }
          }
          const [a, b] = outs.map((o) => new Uint8Array(o.buffer, o.byteOffset, o.byteLength));
          for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) { failures.push(`${name} ${dtype}: 1 and 2 threads differ at byte ${k}`); break; }
        }
      }
      expect(failures).toEqual([]);
    });
  }

  // Fused groups over [3, 7, 33, 257] (above the 2^16 threshold, a short last tile) with every
  // kind of member: unary, binary with a scalar, with a broadcast row and with an operand
  // broadcast along inner and outer axes (gathered per tile), a compare feeding a select, casts,
  // and a bool result (1-byte tiles)
  const xs = [3, 7, 33, 257];
  const xv = seededValues(numel(xs), 21).map((v) => v * 3);
  const GROUPS: { name: string; ys: number[]; f: (x: lt.Tensor, y: lt.Tensor) => lt.Tensor; want: (i: number, y: Float32Array) => number }[] = [
    {
      name: 'float32, a broadcast row, select and casts',
      ys: [33, 257],
      f: (x, y) => lt.tanh(lt.where(x.greater(y), x.mul(1.5).add(y), lt.abs(x).sub(0.25))).mul(x.add(1).cast('int32').cast('float32')),
      want: (i, y) => {
        const x = xv[i], yi = y[i % (33 * 257)];
        return Math.tanh(x > yi ? Math.fround(x * 1.5) + yi : Math.abs(x) - 0.25) * Math.trunc(Math.fround(x + 1));
      },
    },
    {
      name: 'bool, an operand broadcast along inner and outer axes',
      ys: [3, 1, 33, 1],
      f: (x, y) => lt.logicalAnd(x.greater(y), lt.logicalNot(x.mul(y).less(-1))),
      want: (i, y) => {
        const x = xv[i], yi = y[Math.floor(i / (7 * 33 * 257)) * 33 + (Math.floor(i / 257) % 33)];
        return x > yi && !(Math.fround(x * yi) < -1) ? 1 : 0;
      },
    },
  ];
  for (const g of GROUPS) {
    it(`a fused elementwise group (${g.name}): reference with 1 and 2 threads, identical bytes, workers take parts`, async () => {
      const yv = seededValues(numel(g.ys), 22);
      const outs: (Float32Array | Uint8Array)[] = [];
      for (const threads of [1, 2]) {
        lt.env().set('THREADS', threads);
        await acc.threadsReady();
        const x = lt.tensor(xv, xs), y = lt.tensor(yv, g.ys);
        const z = g.f(x, y);
        const stats = lt.debug.graphStats(z);
        expect(stats.kernels, 'the group runs fused').toBe(1);
        outs.push(z.dataSync() as Float32Array | Uint8Array);
        lt.dispose([x, y, z]);
      }
      let bad = 0, first = '';
      for (let i = 0; i < xv.length; i++) {
        const want = g.want(i, yv);
        for (const out of outs) {
          if (!(Math.abs(out[i] - want) <= 1e-5 * (1 + Math.abs(want)))) { if (!bad++) first = `[${i}] ${out[i]} vs ${want}`; }
        }
      }
      expect(bad, first).toBe(0);
      expectSameBytes(outs[0], outs[1]);
      if (!acc.threads.possible) return;
      const x = lt.tensor(xv, xs), y = lt.tensor(yv, g.ys);
      await expectWorkersTakeParts(() => lt.tidy(() => { g.f(x, y).dataSync(); }));
      lt.dispose([x, y]);
    });
  }

  // conv2d 3 x 3 at stride 1 takes Winograd's blocks of tiles, which threads share; its input
  // gradient runs as such a conv too, and its filter gradient shares runs of blocks
  // ([4, 96, 96, 8]: 9 blocks of 1024 tiles, so a run of the filter gradient sums two)
  for (const [xs, fs] of [[[2, 17, 17, 64], [3, 3, 64, 64]], [[4, 96, 96, 8], [3, 3, 8, 8]]]) {
  it(`conv2d [${xs}] * [${fs}] by Winograd and both its gradients: reference with 1 and 2 threads, identical bytes, workers take parts`, async () => {
    const rng = new R.Rng(31);
    const x = R.randRef(rng, xs, 'float32', { lo: -1, hi: 1 }), f = R.randRef(rng, fs, 'float32', { lo: -1, hi: 1 });
    const dy = R.randRef(rng, [...xs.slice(0, 3), fs[3]], 'float32', { lo: -1, hi: 1 });
    const want = R.conv2d(x, f, 1, 'same'), { dx: wantDx, df: wantDf } = R.convGrads(x, f, dy, 1, 'same');
    const outs: Float32Array[][] = [];
    for (const threads of [1, 2]) {
      lt.env().set('THREADS', threads);
      await acc.threadsReady();
      const [tx, tf, tdy] = [x, f, dy].map((r) => toLt(r));
      const y = lt.conv2d(tx, tf, 1, 'same');
      const dx = lt.grad((t: lt.Tensor) => lt.conv2d(t, tf, 1, 'same'))(tx, tdy);
      const df = lt.grad((w: lt.Tensor) => lt.conv2d(tx, w, 1, 'same'))(tf, tdy);
      outs.push([y, dx, df].map((t) => t.dataSync() as Float32Array));
      lt.dispose([tx, tf, tdy, y, dx, df]);
    }
    for (const [k, ref] of [want, wantDx, wantDf].entries()) {
      const name = ['y', 'dx', 'df'][k];
      // float32 sums of hundreds (y, dx) to tens of thousands (df) of products of values in
      // [-1, 1] (Winograd's transforms add a few roundings)
      let bad = 0, first = '';
      for (let i = 0; i < ref.data.length; i++) {
        const tol = 1e-4 * (24 + Math.abs(ref.data[i]));
        for (const out of outs) if (!(Math.abs(out[k][i] - ref.data[i]) <= tol)) { if (!bad++) first = `${name}[${i}] ${out[k][i]} vs ${ref.data[i]}`; }
      }
      expect(bad, first).toBe(0);
      expectSameBytes(outs[0][k], outs[1][k], `${name}: `);
    }
    if (!acc.threads.possible) return;
    const [tx, tf] = [x, f].map((r) => toLt(r));
    await expectWorkersTakeParts(() => lt.tidy(() => { lt.conv2d(tx, tf, 1, 'same').dataSync(); }));
    lt.dispose([tx, tf]);
  });
  }

  // The forward passes of depthwiseConv2d and pooling share output rows: awkward sizes (33
  // channels leave a scalar tail after the vectors; a multiplier of 3 takes the walker; clipped
  // windows at 'same' borders), each above the 2^18 taps x channels threshold
  const WINDOW: { name: string; xs: number[]; fs?: number[]; op: (x: lt.Tensor, f: lt.Tensor) => lt.Tensor; ref: (x: R.Ref, f: R.Ref) => R.Ref; tol: keyof typeof TOLERANCES }[] = [
    { name: 'depthwiseConv2d 3 x 3, multiplier 1', xs: [3, 33, 37, 33], fs: [3, 3, 33, 1], op: (x, f) => lt.depthwiseConv2d(x, f, 1, 'same'), ref: (x, f) => R.depthwiseConv2d(x, f, 1, 'same'), tol: 'depthwiseConv2d' },
    { name: 'depthwiseConv2d 3 x 3, multiplier 3, stride 2', xs: [4, 65, 33, 7], fs: [3, 3, 7, 3], op: (x, f) => lt.depthwiseConv2d(x, f, 2, 'same'), ref: (x, f) => R.depthwiseConv2d(x, f, 2, 'same'), tol: 'depthwiseConv2d' },
    { name: 'maxPool 3 x 3, stride 2', xs: [3, 65, 33, 33], op: (x) => lt.maxPool(x, 3, 2, 'same'), ref: (x) => R.maxPool(x, 3, 2, 'same'), tol: 'maxPool' },
    { name: 'avgPool 3 x 3, stride 1', xs: [2, 33, 33, 33], op: (x) => lt.avgPool(x, 3, 1, 'same'), ref: (x) => R.avgPool(x, 3, 1, 'same'), tol: 'avgPool' },
  ];
  for (const c of WINDOW) {
    it(`${c.name} [${c.xs}]: reference with 1 and 2 threads, identical bytes, workers take parts`, async () => {
      const rng = new R.Rng(41);
      const x = R.randRef(rng, c.xs, 'float32', { lo: -1, hi: 1 });
      const f = R.randRef(rng, c.fs ?? [1], 'float32', { lo: -1, hi: 1 });
      const want = c.ref(x, f), tol = TOLERANCES[c.tol];
      const outs: Float32Array[] = [];
      for (const threads of [1, 2]) {
        lt.env().set('THREADS', threads);
        await acc.threadsReady();
        // NaN in the memory the output will likely take: a row no part writes cannot pass
        // for a result left there by the run before
        lt.tidy(() => { lt.fill(want.shape, NaN).dataSync(); });
        const [tx, tf] = [x, f].map((r) => toLt(r));
        const y = c.op(tx, tf);
        expect(y.shape).toEqual(want.shape);
        outs.push(y.dataSync() as Float32Array);
        lt.dispose([tx, tf, y]);
      }
      let bad = 0, first = '';
      for (const out of outs) {
        for (let i = 0; i < want.data.length; i++) {
          const got = out[i], w = want.data[i];
          if (!(got === Math.fround(w) || Math.abs(got - w) <= tol.atol + tol.rtol * Math.abs(w))) { if (!bad++) first = `[${i}] ${got} vs ${w}`; }
        }
      }
      expect(bad, first).toBe(0);
      expectSameBytes(outs[0], outs[1]);
      if (!acc.threads.possible) return;
      const [tx, tf] = [x, f].map((r) => toLt(r));
      await expectWorkersTakeParts(() => lt.tidy(() => { c.op(tx, tf).dataSync(); }));
      lt.dispose([tx, tf]);
    });
  }

  it('the workers take parts of a large product', async () => {
    if (!acc.threads.possible) return; // single-threaded here: nothing to share (checked above)
    const n = 512;
    const a = seededValues(n * n, 3), b = seededValues(n * n, 4);
    await expectWorkersTakeParts(() => product(2, a, [n, n], b, [n, n], false, false));
  });

  it('the workers take parts of a large unary op', async () => {
    if (!acc.threads.possible) return;
    const n = 1 << 20;
    const x = lt.tensor(seededValues(n, 9), [n]);
    await expectWorkersTakeParts(() => lt.tidy(() => { lt.tanh(x).dataSync(); }));
    x.dispose();
  });
});
