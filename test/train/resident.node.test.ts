// The process's resident memory stays flat over 2,000 training steps (Node only: it reads
// process.memoryUsage). The WASM heaps grow to their working size in the first steps, then
// every step reuses them.
import { it, expect } from 'vitest';
import * as lt from '../../ts/index';

it('resident memory stays flat over 2,000 Adam steps of an MLP', async () => {
  await lt.ready();
  const x = lt.randomNormal([64, 32], 0, 1, 'float32', 1);
  const y = lt.oneHot(lt.tensor(Array.from({ length: 64 }, (_, i) => i % 10), [64], 'int32'), 10).cast('float32');
  const w1 = lt.variable(lt.randomNormal([32, 64], 0, 0.1, 'float32', 2));
  const w2 = lt.variable(lt.randomNormal([64, 10], 0, 0.1, 'float32', 3));
  const opt = lt.train.adam(0.01);
  const step = () => {
    opt.minimize(() => lt.losses.softmaxCrossEntropy(y, x.matMul(w1).relu().matMul(w2)), false, [w1, w2]);
    lt.markStep();
  };
  for (let i = 0; i < 200; i++) step();
  const before = { rss: process.memoryUsage().rss, lt: lt.memory() };
  for (let i = 0; i < 2000; i++) step();
  const after = { rss: process.memoryUsage().rss, lt: lt.memory() };
  expect(after.lt).toEqual(before.lt);
  // bound: 16 MB of drift for V8's own heap and JIT; a leak of one 64x64 buffer a step would be 32 MB
  expect(after.rss - before.rss).toBeLessThan(16 * 2 ** 20);
  opt.dispose();
  lt.dispose([x, y, w1, w2]);
});
