// npm run demo: trains an MLP (784-256-256-10) on 8,000 real handwritten digits and tests it
// on the 2,000 held out. Each training step — forward, backward and the Adam update — is
// plain eager code recorded lazily and run as ONE cached graph at lt.markStep().
import { mkdirSync, writeFileSync } from 'node:fs';
import * as lt from 'lazytensor';
import { loadMnist, shiftImages, generator } from './mnist-data.mjs';
import { lossCurveSvg } from './plot.mjs';
import { createMlp } from './mlp.mjs';

await lt.ready();
const { train, test } = loadMnist();
const batch = 128, epochs = 15, sizes = [784, 256, 256, 10];
console.log(`MNIST: ${train.n} training and ${test.n} held-out digits; MLP ${sizes.join('-')}, batch ${batch}, Adam`);

const { model } = createMlp(lt, sizes);
const optimizer = lt.train.adam(0.001);
const random = generator(11);   // for the augmentation's shifts

function accuracy() {
  return lt.tidy(() => {
    const predicted = model(lt.tensor(test.x, [test.n, 784])).argMax(1).dataSync();
    let right = 0;
    for (let i = 0; i < test.n; i++) if (predicted[i] === test.labels[i]) right++;
    return right / test.n;
  });
}

const bar = (done, total, width = 30) => '█'.repeat(Math.round((done / total) * width)).padEnd(width, '·');
const losses = [];
const stepsPerEpoch = Math.floor(train.n / batch);
let traceMs = 0;
const start = performance.now();
lt.resetMetrics();
for (let epoch = 1; epoch <= epochs; epoch++) {
  // a step decay of the learning rate: a new scalar value, so nothing recompiles
  optimizer.setLearningRate(epoch <= 10 ? 0.001 : 0.0003);
  let epochLoss = 0;
  for (let s = 0; s < stepsPerEpoch; s++) {
    const t0 = performance.now();
    const loss = lt.tidy(() => {
      const pixels = train.x.subarray(s * batch * 784, (s + 1) * batch * 784);
      const x = lt.tensor(epoch > 1 ? shiftImages(pixels, batch, random) : pixels, [batch, 784]);
      const y = lt.tensor(train.y.subarray(s * batch * 10, (s + 1) * batch * 10), [batch, 10]);
      return optimizer.minimize(() => lt.losses.softmaxCrossEntropy(y, model(x)), true);
    });
    traceMs += performance.now() - t0;
    lt.markStep();                         // forward + backward + update: one graph
    const value = loss.dataSync()[0];
    loss.dispose();
    losses.push(value);
    epochLoss += value;
    if (s % 4 === 0 || s === stepsPerEpoch - 1) {
      process.stdout.write(`\repoch ${epoch}/${epochs} ${bar(s + 1, stepsPerEpoch)} loss ${value.toFixed(4)}`);
    }
  }
  process.stdout.write(`\repoch ${epoch}/${epochs} ${bar(1, 1)} loss ${(epochLoss / stepsPerEpoch).toFixed(4)}  held-out accuracy ${(accuracy() * 100).toFixed(2)}%\n`);
}
const seconds = (performance.now() - start) / 1000;
const steps = epochs * stepsPerEpoch;
const m = lt.metrics();
const acc = accuracy();

console.log(`\nheld-out accuracy ${(acc * 100).toFixed(2)}% after ${steps} steps in ${seconds.toFixed(1)} s`);
console.log(`per step: ${(seconds * 1000 / steps).toFixed(2)} ms (tracing ${(traceMs / steps).toFixed(3)} ms, executing ${(m.executeMs / m.graphsExecuted).toFixed(2)} ms)`);
console.log(`compiles ${m.cacheMisses}, cache hits ${m.cacheHits}, graphs ${m.graphsExecuted}\n`);
console.log(lt.metricsReport());
mkdirSync('examples/out', { recursive: true });
writeFileSync('examples/out/mnist-loss.svg', lossCurveSvg(losses, { title: `MNIST MLP training loss (held-out accuracy ${(acc * 100).toFixed(1)}%)` }));
console.log('\nloss curve: examples/out/mnist-loss.svg');
