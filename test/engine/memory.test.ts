// Lifetimes: tidy, dispose and realized data leave nothing behind over many steps.
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
  it('does not grow over 1,000 steps run inside tidy', () => {
    const w = lt.variable(lt.randomNormal([16, 8], 0, 0.1, 'float32', 1));
    const step = () => lt.tidy(() => {
      const x = lt.randomUniform([4, 16], -1, 1, 'float32', 7);
      const loss = x.matMul(w).tanh().square().mean();
      w.assign(w.sub(x.transpose().matMul(x.matMul(w)).mul(0.001)));
      return loss.dataSync()[0];
    });
    for (let i = 0; i < 20; i++) step();
    lt.markStep();
    const before = lt.memory();
    for (let i = 0; i < 1000; i++) {
      step();
      lt.markStep();
    }
    const after = lt.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
    expect(after.numGraphNodes).toBe(before.numGraphNodes);
    w.dispose();
  });

  it('counts tensors, bytes and nodes exactly, and frees them on dispose', () => {
    const before = lt.memory();
    const a = lt.tensor(new Float32Array(100));
    const b = lt.tensor(new Int32Array(10));
    const c = a.add(1);
    expect(lt.memory().numTensors - before.numTensors).toBe(3);
    expect(lt.memory().numBytes - before.numBytes).toBe(440);
    c.dataSync();
    expect(lt.memory().numBytes - before.numBytes).toBe(840);
    lt.dispose([a, b, c]);
    expect(lt.memory()).toEqual(before);
  });

  it('keeps tensors returned from tidy and kept ones, disposes the rest', () => {
    const before = lt.memory().numTensors;
    let kept: lt.Tensor | undefined;
    const out = lt.tidy(() => {
      const x = lt.tensor([1, 2, 3]);
      kept = lt.keep(x.mul(2));
      x.add(1);
      return { y: x.sum() };
    });
    expect(lt.memory().numTensors - before).toBe(2);
    expect(out.y.dataSync()[0]).toBe(6);
    expect(Array.from(kept!.dataSync())).toEqual([2, 4, 6]);
    lt.dispose([out.y, kept!]);
    expect(lt.memory().numTensors).toBe(before);
  });

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

