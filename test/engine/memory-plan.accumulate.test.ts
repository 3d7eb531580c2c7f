// A group `C ± M * s` over a matMul M runs as one GEMM adding ±s·(A·B) into C's buffer
// (core-wasm/assembly/passes/accumulate.ts, the interpreter's matmul.ts): on awkward shapes,
// transposes, several k blocks (k > 512), against the float64 reference, with 1 and 2 threads
// and with C donated (written in place) or still held (written into a copy), all identical bytes.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as lt from '../../ts/index';
import { accelerator } from '../../ts/engine/runtime';
import type { WasmAccelerator } from '../../accelerators/wasm';
import { matMul as refMatMul } from '../reference/linalg';
import { fromValues } from '../reference/core';
import { seededValues } from '../helpers';

const initialThreads = lt.env().get('THREADS');
beforeAll(async () => {
  await lt.ready();
  expect(lt.setBackend('wasm')).toBe(true);
});
afterAll(() => lt.env().set('THREADS', initialThreads));

/** [m, n, k, transposeA, transposeB]: C is m x n; each product >= 2^20 multiply-adds, so two
 *  threads share it. */
const SHAPES: [number, number, number, boolean, boolean][] = [
  [257, 33, 1029, true, false],   // Xᵀ·dY, three k blocks
  [33, 257, 257, false, true],
  [257, 257, 33, false, false],
  [7, 1029, 257, true, true],
];
/** The update forms, with the sign and scale of the product in each. */
const FORMS: [string, (c: lt.Tensor, m: lt.Tensor) => lt.Tensor, number][] = [
  ['c - m * 0.375', (c, m) => c.sub(m.mul(0.375)), -0.375],
  ['m * -1.5 + c', (c, m) => m.mul(-1.5).add(c), -1.5],
  ['c + m', (c, m) => c.add(m), 1],
];

describe('a matMul accumulated into the buffer it is added to', () => {
  for (const [m, n, k, tA, tB] of SHAPES) {
    for (const [name, form, scale] of FORMS) {
      it(`${name}, [${m}, ${n}] from k = ${k}${tA ? ', Aᵀ' : ''}${tB ? ', Bᵀ' : ''}: reference; 1 and 2 threads, donated or not, identical bytes`, async () => {
        const as = tA ? [k, m] : [m, k], bs = tB ? [n, k] : [k, n];
        const a = seededValues(k * m, m + 3 * k), b = seededValues(k * n, n + 7 * k), c = seededValues(m * n, 11 + m);
        const run = async (threads: number, donate: boolean) => {
          lt.env().set('THREADS', threads);
          await (accelerator() as unknown as WasmAccelerator).threadsReady();
          const ta = lt.tensor(a, as), tb = lt.tensor(b, bs), init = lt.tensor(c, [m, n]);
          const v = lt.variable(init);
          if (donate) init.dispose();           // else init's handle still reads the old value
          lt.tidy(() => v.assign(form(v, lt.matMul(ta, tb, tA, tB))));
          const kernels = lt.debug.graphStats(v).kernels;
          const out = v.dataSync() as Float32Array;
          lt.dispose([ta, tb, v, init]);
          return { out, kernels };
        };
        const runs = [await run(1, true), await run(2, true), await run(1, false), await run(2, false)];
        for (const r of runs) expect(r.kernels, 'one GEMM, no product materialized').toBe(1);
        const ref = refMatMul(fromValues(a, as, 'float32'), fromValues(b, bs, 'float32'), tA, tB);
        const abs = refMatMul(fromValues(a.map(Math.abs), as, 'float32'), fromValues(b.map(Math.abs), bs, 'float32'), tA, tB);
        let bad = 0, first = '';
        const got = runs[0].out;
        for (let i = 0; i < m * n; i++) {
          const want = c[i] + scale * ref.data[i];
          // a float32 sum of k products, scaled, plus c: (k + 4) eps of the magnitudes
          const tol = (k + 4) * 2 ** -23 * (Math.abs(c[i]) + Math.abs(scale) * abs.data[i]) + 1e-30;
          if (!(Math.abs(got[i] - want) <= tol) && !bad++) first = `[${i}] ${got[i]} vs ${want} (tol ${tol})`;
        }
        expect(bad, first).toBe(0);
        const bytes = (x: Float32Array) => new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
        for (const r of runs.slice(1)) expect(bytes(r.out)).toEqual(bytes(got));
      });
    }
  }
});
