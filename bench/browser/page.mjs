// Runs inside Chromium (bench/browser.mjs serves and drives it): lazytensor's interpreter as a
// page gets it (the relaxed-SIMD build where the engine accepts it; Web Workers on shared
// memory, the page being cross-origin isolated), side by side with tfjs-wasm in the same page.
// Each case is checked against tfjs-wasm before it is timed; figures are medians.
import * as lt from '/dist/lazytensor.browser.mjs';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { uniform } from '/bench/data.mjs';
import { B, LR, NAMES, initData, handWrittenModel } from '/bench/mlp-model.mjs';

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };

/** Median ms of `reps` calls of fn after two warm-up calls. */
function time(fn, reps) {
  fn(); fn();
  const ts = [];
  for (let i = 0; i < reps; i++) { const t = performance.now(); fn(); ts.push(performance.now() - t); }
  return median(ts);
}

function maxRelDiff(a, b) {
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / (1 + Math.abs(b[i])));
  return worst;
}

// The one function of this module is f32x4.relaxed_madd: valid where relaxed SIMD runs.
const RELAXED_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 1, 96, 3, 123, 123, 123, 1, 123,
  3, 2, 1, 0, 10, 13, 1, 11, 0, 32, 0, 32, 1, 32, 2, 253, 133, 2, 11]);

/** tfjs's hand-written MLP step (the math of bench/mlp-model.mjs's handWrittenModel). */
function tfMlp(data) {
  const v = {};
  for (const k of NAMES) v[k] = tf.variable(tf.tensor(data.params[k][0], data.params[k][1]));
  const x = tf.tensor(data.x[0], data.x[1]), y = tf.tensor(data.y[0], data.y[1]);
  const step = () => tf.tidy(() => {
    const h1 = tf.relu(tf.add(tf.matMul(x, v.W1), v.b1));
    const h2 = tf.relu(tf.add(tf.matMul(h1, v.W2), v.b2));
    const dlog = tf.mul(tf.sub(tf.softmax(tf.add(tf.matMul(h2, v.W3), v.b3)), y), 1 / B);
    const dz2 = tf.mul(tf.matMul(dlog, v.W3, false, true), tf.cast(tf.greater(h2, 0), 'float32'));
    const dz1 = tf.mul(tf.matMul(dz2, v.W2, false, true), tf.cast(tf.greater(h1, 0), 'float32'));
    const g = {
      W1: tf.matMul(x, dz1, true, false), b1: tf.sum(dz1, 0), W2: tf.matMul(h1, dz2, true, false), b2: tf.sum(dz2, 0),
      W3: tf.matMul(h2, dlog, true, false), b3: tf.sum(dlog, 0),
    };
    for (const k of NAMES) v[k].assign(tf.sub(v[k], tf.mul(g[k], LR)));
  });
  return { v, step, dispose: () => tf.dispose([...Object.values(v), x, y]) };
}

/** A page's workers start only while its main thread is free: after a large kernel asked for
 *  them, give them the event loop for a moment (a real page yields between frames). */
async function workersUp() {
  lt.tidy(() => { lt.matMul(lt.ones([256, 256]), lt.ones([256, 256])).dataSync(); });
  await new Promise((r) => setTimeout(r, 300));
}

/** Every figure of the page, as { rows, env }. `threads`: lazytensor's multi-threaded row. */
export async function run({ threads = 2, reps = 15 } = {}) {
  setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false); // single-threaded XNNPACK, as in Node
  await tf.setBackend('wasm');
  await lt.ready();
  const rows = [];
  const n = 1024, flops = 2 * n ** 3;
  const a = uniform(n * n, -1, 1, 1), b = uniform(n * n, -1, 1, 2);
  const ta = tf.tensor(a, [n, n]), tb = tf.tensor(b, [n, n]);
  const tfOnce = () => { const c = tf.matMul(ta, tb); const out = c.dataSync(); c.dispose(); return out; };
  const ref = tfOnce();
  const la = lt.tensor(a, [n, n]), lb = lt.tensor(b, [n, n]);
  const ltOnce = () => { let out; lt.tidy(() => { out = lt.matMul(la, lb).dataSync(); }); return out; };
  const tfMs = time(tfOnce, reps);
  const ltMs = {};
  for (const t of [1, threads]) {
    lt.env().set('THREADS', t);
    await workersUp();
    const diff = maxRelDiff(ltOnce(), ref);
    if (diff > 1e-4) throw new Error(`matmul ${n}: lazytensor (${t} threads) differs from tfjs-wasm by ${diff}`);
    ltMs[t] = time(ltOnce, reps);
  }
  rows.push({ name: `matmul ${n}`, unit: 'GFLOP/s', lt1: flops / ltMs[1] / 1e6, ltN: flops / ltMs[threads] / 1e6, tf: flops / tfMs / 1e6 });
  tf.dispose([ta, tb]); lt.dispose([la, lb]);

  const data = initData();
  const T = tfMlp(data);
  const ltMlpMs = {};
  for (const t of [1, threads]) {
    lt.env().set('THREADS', t);
    await workersUp();
    const L = handWrittenModel(lt, data);
    L.step(); L.step();
    if (t === 1) {
      T.step(); T.step();
      const diff = Math.max(...NAMES.map((k) => maxRelDiff(L.v[k].dataSync(), T.v[k].dataSync())));
      if (diff > 1e-4) throw new Error(`MLP step: lazytensor differs from tfjs-wasm by ${diff} after two steps`);
    }
    ltMlpMs[t] = time(L.step, reps * 3);
    L.dispose();
  }
  const tfMlpMs = time(T.step, reps);
  T.dispose();
  rows.push({ name: 'MLP 784-256-256-10 SGD step, b128 (hand-written backward)', unit: 'ms', lt1: ltMlpMs[1], ltN: ltMlpMs[threads], tf: tfMlpMs });
  return {
    rows,
    env: {
      userAgent: navigator.userAgent, crossOriginIsolated: globalThis.crossOriginIsolated,
      relaxedSimd: WebAssembly.validate(RELAXED_PROBE), threads, tfjsThreads: false,
    },
  };
}
