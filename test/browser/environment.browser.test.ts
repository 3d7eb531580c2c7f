// The browser project's page: real headless Chromium, served cross-origin isolated (COOP/COEP
// from vitest.config.ts), which a threaded build will need; the single-threaded library does not.
import { describe, it, expect } from 'vitest';
import * as lt from '../../ts/index';
import { environment } from './compare';

describe('browser environment', () => {
  it('is Chromium, not Node', () => {
    expect(environment()).toMatch(/^chromium \d+/);
    expect(typeof process === 'undefined' || !process.versions?.node).toBe(true);
  });

  it('is cross-origin isolated (SharedArrayBuffer available for a future threaded build)', () => {
    expect(globalThis.crossOriginIsolated).toBe(true);
    expect(typeof SharedArrayBuffer).toBe('function');
  });

  it('computes after await lt.ready()', async () => {
    await lt.ready();
    const y = lt.tensor([[1, 2], [3, 4]]).matMul(lt.tensor([[1], [1]])).relu();
    expect(Array.from(await y.data())).toEqual([3, 7]);
    expect(y.arraySync()).toEqual([[3], [7]]);
  });
});
