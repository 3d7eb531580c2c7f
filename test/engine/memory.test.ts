// Lifetimes: tidy, dispose and realized data leave nothing behind over many steps.
import { describe, it, expect, beforeAll } from 'vitest';
import * as lt from '../../ts/index';

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
});

