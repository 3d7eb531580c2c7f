// Issue 9: running out of memory in the WASM interpreter's heap (at most 4 GiB, and no buffer
// over 1 GiB) is caught, reported with a clear Error, and survived: the tensors computed before
// keep their values, lt.memory() stays exact, disposing gives the memory back (a computation as
// large as the ones that succeeded runs again), and small ops keep working throughout.
//
// Node only (*.node.test.ts): it needs ~5 GB of resident memory, which a browser tab may not
// get. Each tensor here is 10^9 bytes; the tests fill the heap until it refuses one.
import { beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import { expectEngineHealthy, mem } from './harness';

beforeAll(async () => { await lt.ready(); });

const N = 250_000_000;          // float32 elements: 10^9 bytes, under the 1 GiB buffer limit
const MAX_TENSORS = 8;          // 8 * 10^9 bytes: far more than the 4 GiB heap can hold

/** The value at flat index i of a rank-1 tensor, read through a small slice (the message of
 *  the error instead, if reading throws). */
const at = (t: lt.Tensor, i: number): number | string => {
  try {
    return lt.tidy(() => t.slice([i], [1]).dataSync()[0]);
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
};

describe('out of memory in the interpreter heap', () => {
  it('a tensor larger than the largest buffer (1 GiB): a clear Error before computing, nothing left behind', () => {
    const before = mem();
    const t0 = performance.now();
    let message = '';
    try {
      lt.tidy(() => lt.ones([300_000_000]).dataSync());
    } catch (e) {
      message = (e as Error).message;
    }
    expect.soft(message, 'reading a 1.2 GB tensor').toMatch(/^(dataSync|ones):/);
    expect.soft(message, 'reading a 1.2 GB tensor').toMatch(/out of memory|too large/i);
    expect.soft(performance.now() - t0, 'ms until the error').toBeLessThan(2000);
    expect.soft(mem()).toEqual(before);
    expectEngineHealthy('after a 1.2 GB read');
  }, 60_000);

  it('more than 2 GiB of live tensors: every one can be read (buffer offsets past 2^31)', () => {
    const before = mem();
    const held: lt.Tensor[] = [];
    try {
      for (let i = 0; i < 3; i++) {   // 3 * 10^9 bytes: past 2^31, well under 4 GiB
        const t = lt.fill([N], i + 2);
        held.push(t);
        lt.sync(t);
      }
      expectEngineHealthy('with 3 GB live');
      held.forEach((t, i) => {
        expect.soft(`${at(t, 0)} | ${at(t, N - 1)}`, `tensor ${i}: first | last`).toBe(`${i + 2} | ${i + 2}`);
      });
      const small = lt.tensor([5, 6, 7]);
      expect.soft(Array.from(small.dataSync()), 'a small upload with 3 GB live').toEqual([5, 6, 7]);
      small.dispose();
    } finally {
      lt.dispose(held);
    }
    expect(mem()).toEqual(before);
    expectEngineHealthy('after disposing 3 GB');
  }, 300_000);

  it('the heap fills while computing: a clear Error naming the call, then dispose and carry on exactly', () => {
    const before = mem();
    heapFullWhileComputing(before, []);
  }, 300_000);

  it('the heap fills while uploading: a clear Error naming the call, then dispose and carry on exactly', () => {
    const before = mem();
    heapFullWhileUploading(before, []);
  }, 300_000);
});

function heapFullWhileComputing(before: ReturnType<typeof mem>, held: lt.Tensor[]): void {
  let error: unknown;
  const t0 = performance.now();
  for (let i = 0; i < MAX_TENSORS && error === undefined; i++) {
    const t = lt.fill([N], i + 2);    // a scalar parameter: never interned, a buffer each
    held.push(t);
    try {
      lt.sync(t);
    } catch (e) {
      error = e;
    }
  }
  const ms = performance.now() - t0;
  const message = error instanceof Error ? error.message : String(error);
  console.log(`heap full while computing after ${held.length - 1} tensors of 10^9 bytes (${ms.toFixed(0)} ms): ${message}`);
  expect(error, `${MAX_TENSORS} buffers of 10^9 bytes all fitted in a 4 GiB heap?`).toBeInstanceOf(Error);
  expect.soft(message, 'the error message').toMatch(/out of memory/i);
  expect.soft(message, 'the error message names the call').toMatch(/^sync:/);
  expect.soft(held.length - 1, 'tensors computed before the heap was full').toBeGreaterThanOrEqual(3);

  // the engine still computes small things, and the tensors computed before are intact
  expectEngineHealthy('with the heap full');
  held.slice(0, -1).forEach((t, i) => {
    expect.soft(`${at(t, 0)} | ${at(t, N - 1)}`, `tensor ${i} after the error: first | last`).toBe(`${i + 2} | ${i + 2}`);
  });
  // lt.memory() counts exactly the buffers that exist: the failed tensor has none
  expect.soft(mem().numBytes - before.numBytes, 'numBytes with the heap full').toBe((held.length - 1) * 4 * N);
  expect.soft(mem().numTensors - before.numTensors, 'numTensors with the heap full').toBe(held.length);

  lt.dispose(held);
  expect.soft(mem(), 'lt.memory() after disposing').toEqual(before);
  expectEngineHealthy('after disposing');
  // the memory came back: as many large tensors as fitted before fit again
  const again: lt.Tensor[] = [];
  try {
    for (let i = 0; i < held.length - 1; i++) {
      const t = lt.fill([N], 100 + i);
      again.push(t);
      lt.sync(t);
    }
    expect(again.map((t) => at(t, N - 1)).join(' | '), 'as many tensors as fitted before, again').toBe(again.map((_, i) => 100 + i).join(' | '));
  } finally {
    lt.dispose(again);
  }
  expect(mem()).toEqual(before);
}

function heapFullWhileUploading(before: ReturnType<typeof mem>, held: lt.Tensor[]): void {
  const host = new Float32Array(N);
  host[0] = 1;
  host[N - 1] = 2;
  let error: unknown;
  const t0 = performance.now();
  for (let i = 0; i < MAX_TENSORS && error === undefined; i++) {
    try {
      held.push(lt.tensor(host));
    } catch (e) {
      error = e;
    }
  }
  const ms = performance.now() - t0;
  const message = error instanceof Error ? error.message : String(error);
  console.log(`heap full while uploading after ${held.length} tensors of 10^9 bytes (${ms.toFixed(0)} ms): ${message}`);
  expect(error, `${MAX_TENSORS} uploads of 10^9 bytes all fitted in a 4 GiB heap?`).toBeInstanceOf(Error);
  expect.soft(message, 'the error message').toMatch(/^tensor:/);
  expect.soft(message, 'the error message').toMatch(/out of memory/i);
  expect.soft(held.length, 'tensors uploaded before the heap was full').toBeGreaterThanOrEqual(3);

  expectEngineHealthy('with the heap full');
  held.forEach((t, i) => {
    expect.soft(`${at(t, 0)} | ${at(t, 1)} | ${at(t, N - 1)}`, `tensor ${i} after the error: [0] | [1] | last`).toBe('1 | 0 | 2');
  });
  expect.soft(mem().numBytes - before.numBytes, 'numBytes with the heap full').toBe(held.length * 4 * N);
  expect.soft(mem().numTensors - before.numTensors, 'numTensors with the heap full').toBe(held.length);

  lt.dispose(held);
  expect.soft(mem(), 'lt.memory() after disposing').toEqual(before);
  expectEngineHealthy('after disposing');
  const again: lt.Tensor[] = [];
  try {
    for (let i = 0; i < held.length; i++) again.push(lt.tensor(host));
    expect(again.map((t) => at(t, N - 1)).join(' | '), 'as many uploads as fitted before, again').toBe(again.map(() => 2).join(' | '));
  } finally {
    lt.dispose(again);
  }
  expect(mem()).toEqual(before);
}
