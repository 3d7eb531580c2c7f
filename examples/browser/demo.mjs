// The browser demo: trains an MLP (784-64-10) on 8,000 real handwritten digits in the page,
// drawing the loss after every step, then tests it on the 2,000 held out and shows its
// predictions for a few of them. Each training step (forward, backward and the Adam update) is
// plain eager code recorded lazily and run as ONE cached graph at lt.markStep().
//
// index.html calls runDemo() and publishes its promise as window.demoDone (the browser test
// waits on it).
import * as lt from '../../dist/lazytensor.browser.mjs';
import { loadMnist } from './mnist-data.mjs';
import { createMlp } from '../mlp.mjs';

export const CONFIG = { sizes: [784, 64, 10], batch: 128, epochs: 3, learningRate: 0.005 };

/** Lets the page paint: the next animation frame, or 50 ms where frames are throttled. */
const nextFrame = () => new Promise((resolve) => {
  const timer = setTimeout(resolve, 50);
  requestAnimationFrame(() => { clearTimeout(timer); resolve(); });
});

/** The loss chart on a <canvas>: every step's training loss, x scaled to the whole run so the
 *  curve grows from left to right as the steps run. */
class LossChart {
  constructor(canvas, totalSteps, stepsPerEpoch) {
    this.canvas = canvas;
    this.totalSteps = totalSteps;
    this.stepsPerEpoch = stepsPerEpoch;
    this.losses = [];
    const dpr = window.devicePixelRatio || 1;
    this.width = canvas.clientWidth || canvas.width;
    this.height = canvas.clientHeight || canvas.height;
    canvas.width = Math.round(this.width * dpr);
    canvas.height = Math.round(this.height * dpr);
    this.ctx = canvas.getContext('2d');
    this.ctx.scale(dpr, dpr);
    this.draw();
  }

  push(loss) {
    this.losses.push(loss);
    this.canvas.dataset.points = String(this.losses.length);
    this.draw();
  }

  draw() {
    const { ctx, width, height, losses } = this;
    const pad = { left: 44, right: 12, top: 22, bottom: 24 };
    const w = width - pad.left - pad.right, h = height - pad.top - pad.bottom;
    // y from 0 to a round number above the largest loss, in at most 5 ticks
    const top = Math.max(0.5, ...losses.filter(Number.isFinite));
    const tick = [0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10, 20, 50].find((t) => top / t <= 5) ?? 100;
    const max = Math.ceil(top / tick) * tick;
    const x = (i) => pad.left + (i / Math.max(1, this.totalSteps - 1)) * w;
    const y = (v) => pad.top + h - (Math.min(v, max) / max) * h;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.font = '11px system-ui, sans-serif';
    ctx.lineWidth = 1;
    ctx.fillStyle = '#333';
    ctx.textAlign = 'left';
    ctx.textBaseline = 'top';
    ctx.fillText('training loss (softmax cross-entropy) per step', pad.left, 5);
    // grid and y labels
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let v = 0; v <= max + 1e-9; v += tick) {
      ctx.strokeStyle = '#eee';
      ctx.beginPath(); ctx.moveTo(pad.left, y(v)); ctx.lineTo(pad.left + w, y(v)); ctx.stroke();
      ctx.fillStyle = '#555';
      ctx.fillText(String(+v.toFixed(2)), pad.left - 6, y(v));
    }
    // epochs
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (let s = 0; s < this.totalSteps; s += this.stepsPerEpoch) {
      ctx.strokeStyle = '#ddd';
      ctx.beginPath(); ctx.moveTo(x(s), pad.top); ctx.lineTo(x(s), pad.top + h); ctx.stroke();
      ctx.fillStyle = '#777';
      ctx.fillText(`epoch ${s / this.stepsPerEpoch + 1}`, x(s + this.stepsPerEpoch / 2), pad.top + h + 5);
    }
    // axes
    ctx.strokeStyle = '#000';
    ctx.beginPath(); ctx.moveTo(pad.left, pad.top); ctx.lineTo(pad.left, pad.top + h); ctx.lineTo(pad.left + w, pad.top + h); ctx.stroke();
    // the curve
    if (losses.length) {
      ctx.strokeStyle = '#1f77b4';
      ctx.lineWidth = 1.5;
      ctx.lineJoin = 'round';
      ctx.beginPath();
      losses.forEach((v, i) => (i ? ctx.lineTo(x(i), y(v)) : ctx.moveTo(x(i), y(v))));
      ctx.stroke();
    }
  }
}

/** One digit on a small canvas (28x28 pixels, scaled up), white on black. */
function drawDigit(canvas, pixels) {
  canvas.width = 28;
  canvas.height = 28;
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(28, 28);
  for (let i = 0; i < 784; i++) {
    const v = Math.round(255 * pixels[i]);
    image.data.set([v, v, v, 255], i * 4);
  }
  ctx.putImageData(image, 0, 0);
}

/** Runs the whole demo in `root` (the page's document); resolves to its results. */
export async function runDemo(root = document, config = CONFIG) {
  const $ = (id) => root.getElementById(id);
  const status = $('status');
  const say = (text) => { status.textContent = text; };
  try {
    say('loading the WebAssembly core…');
    await lt.ready();
    say('loading 10,000 MNIST digits…');
    await nextFrame();
    const loadStart = performance.now();
    const { train, test } = await loadMnist();
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const { sizes, batch, epochs, learningRate } = config;
    const stepsPerEpoch = Math.floor(train.n / batch);
    const totalSteps = epochs * stepsPerEpoch;
    $('setup').textContent = `${train.n} training and ${test.n} held-out digits · MLP ${sizes.join('-')} · batch ${batch} · ${epochs} epochs · Adam (${learningRate})`;

    const { model } = createMlp(lt, sizes);
    const optimizer = lt.train.adam(learningRate);
    const chart = new LossChart($('loss-chart'), totalSteps, stepsPerEpoch);

    // One held-out digit of each class (the held-out set is in class order: the fifth of its
    // class), each on its own canvas.
    const shown = Array.from({ length: 10 }, (_, d) => test.labels.indexOf(d) + 4);
    const cells = shown.map((index) => {
      const cell = document.createElement('figure');
      const canvas = document.createElement('canvas');
      const caption = document.createElement('figcaption');
      drawDigit(canvas, test.x.subarray(index * 784, (index + 1) * 784));
      caption.textContent = '?';
      cell.append(canvas, caption);
      $('digits').append(cell);
      return { index, cell, caption };
    });

    // Held-out accuracy, and the predictions for the digits shown.
    const evaluate = () => lt.tidy(() => {
      const predicted = model(lt.tensor(test.x, [test.n, 784])).argMax(1).dataSync();
      let right = 0;
      for (let i = 0; i < test.n; i++) if (predicted[i] === test.labels[i]) right++;
      for (const { index, cell, caption } of cells) {
        const ok = predicted[index] === test.labels[index];
        caption.textContent = `${predicted[index]} ${ok ? '✓' : `✗ (${test.labels[index]})`}`;
        cell.className = ok ? 'right' : 'wrong';
      }
      return right / test.n;
    });

    const start = performance.now();
    lt.resetMetrics();
    let accuracy = 0;
    for (let epoch = 1; epoch <= epochs; epoch++) {
      for (let s = 0; s < stepsPerEpoch; s++) {
        const loss = lt.tidy(() => {
          const x = lt.tensor(train.x.subarray(s * batch * 784, (s + 1) * batch * 784), [batch, 784]);
          const y = lt.tensor(train.y.subarray(s * batch * 10, (s + 1) * batch * 10), [batch, 10]);
          return optimizer.minimize(() => lt.losses.softmaxCrossEntropy(y, model(x)), true);
        });
        lt.markStep(); // forward + backward + Adam update: one graph, compiled once
        const value = (await loss.data())[0];
        loss.dispose();
        chart.push(value);
        say(`epoch ${epoch}/${epochs} · step ${chart.losses.length}/${totalSteps} · loss ${value.toFixed(4)}`);
        await nextFrame(); // let the page paint the chart
      }
      accuracy = evaluate();
      $('accuracy').textContent = `held-out accuracy after epoch ${epoch}: ${(accuracy * 100).toFixed(2)}%`;
      await nextFrame();
    }
    const seconds = (performance.now() - start) / 1000;
    const m = lt.metrics();
    say(`done: ${totalSteps} steps in ${seconds.toFixed(1)} s · ${m.cacheMisses} compiles, ${m.cacheHits} cache hits`);
    root.body.dataset.state = 'done';
    return { accuracy, seconds, loadSeconds, steps: totalSteps, losses: chart.losses.slice(), compiles: m.cacheMisses, cacheHits: m.cacheHits };
  } catch (error) {
    say(`failed: ${error?.message ?? error}`);
    root.body.dataset.state = 'failed';
    throw error;
  }
}
