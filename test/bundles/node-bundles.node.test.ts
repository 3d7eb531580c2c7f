// Issue 7: the built Node bundles import and compute in a bare Node process, the way a
// consumer loads them: ESM (`import 'lazytensor'` -> dist/lazytensor.mjs) and CJS
// (`require('lazytensor')` -> dist/lazytensor.cjs), through the package's own name and its
// "exports" map. Both give the graph hashes, Programs and values the globalSetup computed
// with dist/lazytensor.mjs (node-reference.ts), which the browser bundle is held to as well.
import { describe, it, expect, inject } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { GraphResult } from '../browser/graphs.mjs';
import { expectSameResults } from '../browser/compare';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const GRAPHS = new URL('../browser/graphs.mjs', import.meta.url).href;

interface ChildReport { resolved: string; results: GraphResult[] }

/** Runs `code` in a fresh `node` (no vitest, no vite) in the repository root. */
function runNode(inputType: 'module' | 'commonjs', code: string): ChildReport {
  try {
    const out = execFileSync(process.execPath, [`--input-type=${inputType}`, '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
    return JSON.parse(out.trim().split('\n').pop()!) as ChildReport;
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string; message: string };
    throw new Error(`node --input-type=${inputType} failed: ${err.message}\n${err.stderr ?? ''}${err.stdout ?? ''}`);
  }
}

function distReference(): { node: string; results: GraphResult[] } {
  const ref = inject('nodeDist');
  if ('error' in ref) expect.fail(ref.error);
  return ref;
}

describe('dist bundles in Node', () => {
  it('ESM: import "lazytensor" loads dist/lazytensor.mjs and computes', () => {
    const report = runNode('module', `
      import * as lt from 'lazytensor';
      import { evaluate } from ${JSON.stringify(GRAPHS)};
      await lt.ready();
      const y = lt.tensor([[1, 2, 3], [4, 5, 6]]).matMul(lt.tensor([[1], [0], [-1]])).abs();
      if (JSON.stringify(y.arraySync()) !== '[[2],[2]]') throw new Error('wrong value ' + JSON.stringify(y.arraySync()));
      console.log(JSON.stringify({ resolved: import.meta.resolve('lazytensor'), results: evaluate(lt) }));`);
    expect(report.resolved).toMatch(/\/dist\/lazytensor\.mjs$/);
    const ref = distReference();
    expectSameResults(report.results, ref.results, `Node ESM bundle (child process) vs node ${ref.node}`);
  });

  it('CJS: require("lazytensor") loads dist/lazytensor.cjs and computes without ready()', () => {
    const report = runNode('commonjs', `
      const lt = require('lazytensor');
      const resolved = require.resolve('lazytensor');
      if (!require.cache[resolved]) throw new Error('not loaded as CommonJS');
      const y = lt.tensor([[1, 2, 3], [4, 5, 6]]).matMul(lt.tensor([[1], [0], [-1]])).abs();
      if (JSON.stringify(y.arraySync()) !== '[[2],[2]]') throw new Error('wrong value ' + JSON.stringify(y.arraySync()));
      import(${JSON.stringify(GRAPHS)}).then(({ evaluate }) => {
        console.log(JSON.stringify({ resolved, results: evaluate(lt) }));
      });`);
    expect(report.resolved).toMatch(/\/dist\/lazytensor\.cjs$/);
    const ref = distReference();
    expectSameResults(report.results, ref.results, `Node CJS bundle (child process) vs node ${ref.node}`);
  });
});
