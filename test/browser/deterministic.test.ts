// Issue 9, determinism across engines: Chromium accepts relaxed SIMD, so its interpreter fuses
// the GEMM's multiply-adds (one rounding instead of two) and a big matMul's bytes differ from
// Node 20's, which runs the plain build. lt.env().set('DETERMINISTIC', true) selects the plain
// build everywhere: then the same seeds give the very bytes Node computed in the same run
// (node-reference.ts evaluates FMA_GRAPHS in the Node process that drives vitest). Runs in both
// projects; in Node it also checks that the flag switches builds and back without losing data.
import { afterAll, describe, expect, it, inject } from 'vitest';
import * as lt from '../../ts/index';
import { accelerator } from '../../ts/engine/runtime';
import { relaxedSimdSupported, type WasmAccelerator } from '../../accelerators/wasm';
import { evaluate, FMA_GRAPHS } from './graphs.mjs';
import { environment, expectSameResults } from './compare';

const build = () => (accelerator() as WasmAccelerator).build;

afterAll(async () => {
  lt.env().set('DETERMINISTIC', false);
  await lt.ready();
});

describe(`DETERMINISTIC: the same bytes as Node (here: ${environment()})`, () => {
  it('selects the plain SIMD build, and the default build is relaxed where the engine accepts it', async () => {
    await lt.ready();
    expect(build()).toBe(relaxedSimdSupported() ? 'relaxed-simd' : 'simd');
    lt.env().set('DETERMINISTIC', true);
    await lt.ready();
    expect(build()).toBe('simd');
    expect(lt.backends().wasm.build, 'lt.backends() names the loaded build').toBe('simd');
    lt.env().set('DETERMINISTIC', false);
    await lt.ready();
    expect(build()).toBe(relaxedSimdSupported() ? 'relaxed-simd' : 'simd');
  });

  it('seeded matMuls and an MLP gradient give Node\'s bytes under DETERMINISTIC', async () => {
    lt.env().set('DETERMINISTIC', true);
    await lt.ready();
    const ref = inject('nodeDeterministic');
    const before = lt.memory();
    expectSameResults(evaluate(lt, FMA_GRAPHS), ref.results, `${environment()} vs node ${ref.node}`);
    expect(lt.memory()).toEqual(before);
  });

  it('tensors made before a switch keep their values and are freed by their owner', async () => {
    lt.env().set('DETERMINISTIC', false);
    await lt.ready();
    const before = lt.memory();
    const x = lt.tensor([1.5, -2, 3]);
    const y = x.mul(2);
    lt.sync(y);
    lt.env().set('DETERMINISTIC', true);
    await lt.ready();
    expect(build()).toBe('simd');
    expect(lt.tidy(() => Array.from(y.add(x).dataSync()))).toEqual([4.5, -6, 9]);
    lt.dispose([x, y]);
    expect(lt.memory()).toEqual(before);
  });
});
