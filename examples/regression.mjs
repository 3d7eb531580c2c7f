// npm run demo: least-squares regression by gradient descent, written as plain eager code.
// Each step's forward pass, gradient and update are recorded lazily and run as one graph at
// lt.markStep(): compiled once, then found in the compile cache every step after.
import * as lt from 'lazytensor';

await lt.ready();

const n = 512, features = 8, steps = 200;
const trueW = lt.tensor([[1.5], [-2], [0.5], [3], [-1], [0.25], [2], [-0.75]]);
const X = lt.randomNormal([n, features], 0, 1, 'float32', 1);
const y = lt.tidy(() => X.matMul(trueW).add(lt.randomNormal([n, 1], 0, 0.1, 'float32', 2)));
const w = lt.tidy(() => lt.variable(lt.zeros([features, 1]))); // the zeros' own handle goes
lt.markStep(); // data and weights computed now: every step below records the same graph

const t0 = performance.now();
for (let step = 1; step <= steps; step++) {
  const lr = step < 100 ? 0.1 : 0.02;                 // a new learning rate: no recompilation
  const loss = lt.tidy(() => {
    const err = X.matMul(w).sub(y);                   // forward
    const grad = X.matMul(err, true, false).mul(2 / n); // d(mean squared error)/dw, by hand
    w.assign(w.sub(grad.mul(lr)));                    // update, recorded into the same graph
    return lt.keep(err.square().mean());
  });
  lt.markStep();                                      // one graph per step
  if (step === 1 || step % 50 === 0) console.log(`step ${String(step).padStart(3)}  loss ${loss.dataSync()[0].toFixed(5)}`);
  loss.dispose();
}
const ms = performance.now() - t0;

const learned = Array.from(w.dataSync(), (v) => v.toFixed(3));
console.log(`\nlearned w: [${learned.join(', ')}]`);
console.log(`true    w: [${Array.from(trueW.dataSync(), (v) => v.toFixed(3)).join(', ')}]`);
console.log(`${steps} steps in ${ms.toFixed(1)} ms (${(ms / steps).toFixed(3)} ms per step)\n`);
console.log(lt.metricsReport());
