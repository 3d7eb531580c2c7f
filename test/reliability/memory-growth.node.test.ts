// Issue 9: long loops must not grow memory that lt.memory() does not show: the WebAssembly
// heaps of the core and of the interpreter, and the JS heap. (npm run soak measures the same
// over 10,000 training steps and 100,000 ops; these are the quick, focused versions.)
// Node only: it forces garbage collection through node:v8 and node:vm, and it wraps the
// WebAssembly constructors before the library loads to see its memories.
import { beforeAll, describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import vm from 'node:vm';
import type * as LT from '../../ts/index';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

// the library's memories, in instantiation order: the core's, then the interpreter's
const heaps: WebAssembly.Memory[] = [];
const keep = (instance: WebAssembly.Instance) => {
  const m = instance?.exports?.memory;
  if (m instanceof WebAssembly.Memory) heaps.push(m);
  return instance;
};
const Instance = WebAssembly.Instance;
const instantiate = WebAssembly.instantiate;
let lt: typeof LT;

beforeAll(async () => {
  WebAssembly.Instance = new Proxy(Instance, { construct: (target, args) => keep(Reflect.construct(target, args) as WebAssembly.Instance) });
  WebAssembly.instantiate = (async (...args: Parameters<typeof instantiate>) => {
    const r = await instantiate(...args);
    keep((r as unknown as WebAssembly.WebAssemblyInstantiatedSource).instance ?? (r as unknown as WebAssembly.Instance));
    return r;
  }) as typeof instantiate;
  try {
    lt = await import('../../ts/index');
    await lt.ready();
  } finally {
    WebAssembly.Instance = Instance;
    WebAssembly.instantiate = instantiate;
  }
});

const coreBytes = () => heaps[0].buffer.byteLength;
const interpreterBytes = () => heaps[1].buffer.byteLength;

describe('memory that lt.memory() does not count stays flat', () => {
  it('sees the two WebAssembly memories of the library', () => {
    expect(heaps.length).toBeGreaterThanOrEqual(2);
  });

  it('the core heap does not grow over 40,000 lt.markStep() calls of the same step', () => {
    const w = lt.tidy(() => lt.variable(lt.tensor([1, 2, 3, 4]), true));
    const step = () => {
      lt.tidy(() => { w.assign(w.mul(0.999).add(0.001)); });
      lt.markStep();
    };
    for (let i = 0; i < 2_000; i++) step();
    const core0 = coreBytes(), interp0 = interpreterBytes();
    for (let i = 0; i < 40_000; i++) step();
    const grewCore = coreBytes() - core0, grewInterp = interpreterBytes() - interp0;
    w.dispose();
    // a leak of a few dozen bytes per step doubles the core's memory (64 KiB pages) several times
    expect(grewCore, `core heap ${core0} -> ${coreBytes()} bytes over 40,000 markSteps`).toBe(0);
    expect(grewInterp, `interpreter heap ${interp0} -> ${interpreterBytes()} bytes`).toBe(0);
  }, 120_000);

  it('the core and interpreter heaps do not grow over 40,000 lt.sync() / dataSync() reads', () => {
    const x = lt.tensor([1, 2, 3, 4]);
    const read = () => lt.tidy(() => x.mul(2).sum().dataSync()[0]);
    for (let i = 0; i < 2_000; i++) read();
    const core0 = coreBytes(), interp0 = interpreterBytes();
    for (let i = 0; i < 40_000; i++) read();
    x.dispose();
    expect(coreBytes() - core0, 'core heap growth').toBe(0);
    expect(interpreterBytes() - interp0, 'interpreter heap growth').toBe(0);
  }, 120_000);

  it('the heaps stop growing once the compile cache is full (misses and evictions)', () => {
    const capacity = lt.env().get('CACHE_CAPACITY');
    const run = (n: number) => lt.tidy(() => lt.ones([n]).mul(lt.scalar(2.5)).sum().dataSync()[0]);
    for (let i = 0; i < 3 * capacity; i++) run(1 + (i % (2 * capacity)));   // fill it, evict
    const core0 = coreBytes(), interp0 = interpreterBytes();
    for (let i = 0; i < 10 * capacity; i++) run(1 + (i % (2 * capacity)));  // every run a miss
    expect(coreBytes() - core0, 'core heap growth').toBe(0);
    expect(interpreterBytes() - interp0, 'interpreter heap growth').toBe(0);
  }, 120_000);

});
