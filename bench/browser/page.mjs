// Runs inside Chromium (bench/browser.mjs serves and drives it): lazytensor's interpreter as a
// page gets it (the relaxed-SIMD build where the engine accepts it; Web Workers on shared
// memory, the page being cross-origin isolated), side by side with tfjs-wasm in the same page.
// Each case is checked against tfjs-wasm before it is timed; figures are medians.
import * as lt from '/dist/lazytensor.browser.mjs';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { uniform } from '/bench/data.mjs';
import { NAMES, initData, handWrittenModel, tfHandWrittenStep } from '/bench/mlp-model.mjs';

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

/** tfjs's hand-written MLP step: its variables, step and disposal. */
function tfMlp(data) {
  const v = {};
  for (const k of NAMES) v[k] = tf.variable(tf.tensor(data.params[k][0], data.params[k][1]));
  const x = tf.tensor(data.x[0], data.x[1]), y = tf.tensor(data.y[0], data.y[1]);
  return { v, step: tfHandWrittenStep(tf, v, x, y), dispose: () => tf.dispose([...Object.values(v), x, y]) };
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
      build: lt.backends().wasm.build, threads, tfjsThreads: false,
    },
  };
}
