// Buffers remember the accelerator that holds them: after a switch, a graph moves its inputs
// to the new accelerator, and a buffer is always freed by its owner.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as lt from '../../ts/index';
import { setAccelerator, accelerator } from '../../ts/engine/runtime';
import { WasmAccelerator } from '../../accelerators/wasm';
import type { Accelerator } from '../../accelerators/accelerator';

let original: Accelerator;
beforeAll(async () => { await lt.ready(); original = accelerator(); });
afterAll(() => setAccelerator(original));

describe('buffers across accelerators', () => {
  it('moves inputs to the current accelerator and frees each buffer on its owner', async () => {
    const other = await WasmAccelerator.create();
    const freed: string[] = [];
    const watch = (a: Accelerator, name: string): Accelerator => new Proxy(a, {
      get: (t, k) => (k === 'free' ? (h: number) => { freed.push(name); t.free(h); } : Reflect.get(t, k)),
    });
    const first = watch(original, 'first'), second = watch(other, 'second');
    setAccelerator(first);
    const before = lt.memory();
    const x = lt.tensor([1, 2, 3]);
    setAccelerator(second);
    lt.resetMetrics();
    const y = x.mul(2);
    expect(Array.from(y.dataSync())).toEqual([2, 4, 6]);
    expect(lt.metrics().transfersFromDevice).toBe(2);   // x moved over, y read back
    x.dispose();
    y.dispose();
    expect(freed.filter((n) => n === 'first')).toHaveLength(1);   // x's old buffer, freed by its owner at the move
    expect(freed.filter((n) => n === 'second')).toHaveLength(2);   // x and y: the run's scalar 2
    // stays with its cached executable, for the next run, until the executable is evicted
    lt.env().set('PASSES', lt.env().get('PASSES'));   // clears the compile caches
    expect(freed.filter((n) => n === 'second')).toHaveLength(3);
    const z = lt.tensor([4, 5]);
    setAccelerator(first);
    z.dispose();
    expect(freed.at(-1)).toBe('second');
    expect(lt.memory()).toEqual(before);
  });
});
