// Issue 7: the same graph has the same debug.graphHash (and Program, and values) in Node and in
// Chromium. Runs in both projects: Node's results come from the globalSetup
// (node-reference.ts), computed in the Node process that drives vitest, from the same source.
import { describe, it, expect, beforeAll, inject } from 'vitest';
import * as lt from '../../ts/index';
import { evaluate } from './graphs.mjs';
import { environment, expectSameResults } from './compare';

beforeAll(async () => { await lt.ready(); });

describe(`same graph as in Node (here: ${environment()})`, () => {
  it('runs where its project says', ({ task }) => {
    // a browser project that silently ran in Node would prove nothing
    const project = task.file.projectName;
    expect(project).toMatch(/^(node|browser \(chromium\))$/);
    expect(environment()).toMatch(project === 'node' ? /^node / : /^chromium /);
  });

  it('gives the same graphHash, Program and values as Node', () => {
    const ref = inject('nodeSource');
    expectSameResults(evaluate(lt), ref.results, `${environment()} vs node ${ref.node}`);
  });

  it('hashes a graph the same whatever the data, here as in Node', () => {
    const ref = inject('nodeSource').results.find((r) => r.name === 'mlp')!;
    const h = lt.tidy(() => {
      const x = lt.tensor([[6, 5, 4], [3, 2, 1]]);
      const w = lt.tensor([[3], [2], [1]]);
      return lt.debug.graphHash(x.matMul(w).relu().add(7.5).sum(0, true).exp());
    });
    expect(h).toBe(ref.hash);
  });
});
