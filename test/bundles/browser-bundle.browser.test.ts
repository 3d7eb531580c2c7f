// Issue 7: the browser build dist/lazytensor.browser.mjs imports and computes in Chromium, with
// the same graph hashes, Programs and values as the Node ESM bundle computes in Node.
import { describe, it, expect, inject } from 'vitest';
import { direct, bySelfReference } from './browser-imports.mjs';
import { evaluate } from '../browser/graphs.mjs';
import { environment, expectSameResults } from '../browser/compare';

describe('dist/lazytensor.browser.mjs in Chromium', () => {
  it('is what `import "lazytensor"` resolves to in a browser', () => {
    expect(environment()).toMatch(/^chromium /);
    expect(bySelfReference.ready).toBe(direct.ready);
  });

  it('computes after await ready()', async () => {
    await direct.ready();
    const y = direct.tensor([[1, 2, 3], [4, 5, 6]]).matMul(direct.tensor([[1], [0], [-1]])).abs();
    expect(await y.array()).toEqual([[2], [2]]);
  });

  it('gives the same graphHash, Program and values as dist/lazytensor.mjs in Node', async () => {
    const ref = inject('nodeDist');
    if ('error' in ref) expect.fail(ref.error);
    await direct.ready();
    expectSameResults(evaluate(direct), ref.results, `browser bundle in ${environment()} vs Node ESM bundle in node ${ref.node}`);
  });
});
