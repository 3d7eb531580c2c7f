// The train/held-out split of the MNIST demos, shared by the Node loader (./mnist-data.mjs) and
// the browser one (./browser/mnist-data.mjs): per digit, the first 80% train and the rest are
// held out; the training order is shuffled by a seeded generator, so every run sees the same data.

/** A seeded generator of floats in [0, 1). */
export function generator(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
}

function shuffle(items, seed) {
  const next = generator(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/** Splits `classes` (classes[d]: the 784-pixel images of digit d) into
 *  { train: { x, y, labels, n }, test: { ... } }: x Float32Array [n*784], y one-hot [n*10]. */
export function splitDigits(classes, trainFraction = 0.8) {
  const train = [], test = [];
  classes.forEach((images, d) => {
    images.forEach((pixels, i) => (i < images.length * trainFraction ? train : test).push([pixels, d]));
  });
  const pack = (samples) => {
    const x = new Float32Array(samples.length * 784), y = new Float32Array(samples.length * 10);
    const labels = new Int32Array(samples.length);
    samples.forEach(([pixels, d], i) => { x.set(pixels, i * 784); y[i * 10 + d] = 1; labels[i] = d; });
    return { x, y, labels, n: samples.length };
  };
  return { train: pack(shuffle(train, 7)), test: pack(test) };
}
