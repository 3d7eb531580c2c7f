// The graph hash is the same in a separate Node process running the built bundle (split from
// hash.test.ts: it needs node:child_process, so only the node project runs it).
import { describe, it, expect, beforeAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import * as lt from '../../ts/index';

beforeAll(async () => { await lt.ready(); });

describe('graph hash', () => {
  it('is identical in a separate process (the built bundle)', () => {
    const script = `
      import * as lt from './dist/lazytensor.mjs';
      await lt.ready();
      const x = lt.tensor([[1, 2, 3], [4, 5, 6]]);
      const w = lt.tensor([[1], [2], [3]]);
      console.log(lt.debug.graphHash(x.matMul(w).relu().add(2.5).sum(0, true).exp()));`;
    const other = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trim();
    const here = lt.tidy(() => {
      const x = lt.tensor([[6, 5, 4], [3, 2, 1]]);
      const w = lt.tensor([[3], [2], [1]]);
      return lt.debug.graphHash(x.matMul(w).relu().add(7.5).sum(0, true).exp());
    });
    expect(other).toMatch(/^[0-9a-f]{16}$/);
    expect(here).toBe(other);
  });
});
