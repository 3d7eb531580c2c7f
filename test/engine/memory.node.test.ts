// The FinalizationRegistry safety net frees forgotten handles (split from memory.test.ts: it
// forces garbage collection through node:v8 and node:vm, so only the node project runs it).
import { describe, it, expect, beforeAll } from 'vitest';
import v8 from 'node:v8';
import vm from 'node:vm';
import * as lt from '../../ts/index';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

/** Collects garbage until the safety net has run (its callbacks come in later tasks). */
async function collectUntil(done: () => boolean): Promise<void> {
  for (let i = 0; i < 50 && !done(); i++) {
    gc();
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeAll(async () => { await lt.ready(); });

describe('memory', () => {
  it('releases the nodes and buffers of handles the program forgot (safety net)', async () => {
    let settled = 0;
    await collectUntil(() => ++settled > 5);   // let earlier tests' garbage go first
    const before = lt.memory();
    (() => {
      for (let i = 0; i < 100; i++) lt.tensor([1, 2, 3]).add(1).mul(lt.tensor([4, 5, 6]));
      const v = lt.variable(lt.tensor([1, 2]));
      for (let i = 0; i < 5; i++) v.assign(v.add(1));
      lt.markStep();
    })();
    await collectUntil(() => lt.memory().numTensors === before.numTensors);
    expect(lt.memory()).toEqual(before);
    expect(Array.from(lt.tensor([1, 2]).add(1).dataSync())).toEqual([2, 3]);
  });
});
