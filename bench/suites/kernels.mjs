// (d) Kernels, each as "compute and read the result back to JS" on every implementation
// (single-threaded; the interpreter's row under it with the default thread count):
// matmul 128/512/1024 (GFLOP/s), the 10-op elementwise chain over 1M floats, conv2d (issue 3's
// shape: batch 16, 32x32x64 input, 3x3x64x64 filter, same padding), and reductions. Before
// timing, each implementation's first result is checked against the reference (tfjs-cpu, else the first peer available).
import { useTf } from '../peers.mjs';
import { uniform, permute } from '../data.mjs';

export const title = 'Kernels (compute + read back)';

// One definition per kernel: inputs (row-major Float32Array + shape), then the same
// computation spelled for each library. jax builds take ownership of their arguments.
function chainLt(lt, x) {
  let y = x.mul(1.5).add(0.5);
  y = lt.relu(y).mul(x).sub(0.25);
  y = lt.abs(y).add(x).mul(0.9);
  return lt.tanh(y).add(1);
}
function chainTf(tf, x) {
  let y = tf.add(tf.mul(x, 1.5), 0.5);
  y = tf.sub(tf.mul(tf.relu(y), x), 0.25);
  y = tf.mul(tf.add(tf.abs(y), x), 0.9);
  return tf.add(tf.tanh(y), 1);
}
function chainJax(jax, x) {
  const np = jax.numpy;
  let y = x.ref.mul(1.5).add(0.5);
  y = jax.nn.relu(y).mul(x.ref).sub(0.25);
  y = np.abs(y).add(x).mul(0.9);
  return np.tanh(y).add(1);
}

const CONV = { n: 16, h: 32, w: 32, cin: 64, cout: 64, k: 3 };

function kernelDefs() {
  const defs = [];
  for (const n of [128, 512, 1024]) {
    defs.push({
      name: `matmul ${n}`,
      unit: 'GFLOP/s',
      flops: 2 * n ** 3,
      tol: 1e-4,
      inputs: () => [[uniform(n * n, -1, 1, 11), [n, n]], [uniform(n * n, -1, 1, 12), [n, n]]],
      lt: (lt, a, b) => lt.matMul(a, b),
      tf: (tf, a, b) => tf.matMul(a, b),
      jax: (jax, a, b) => jax.numpy.matmul(a, b),
    });
  }
  defs.push({
    name: '10-op chain, 1M floats',
    unit: 'ms',
    tol: 1e-4,
    detail: '*1.5, +.5, relu, *x, -.25, abs, +x, *.9, tanh, +1',
    inputs: () => [[uniform(1 << 20, -2, 2, 21), [1 << 20]]],
    reference: ([[x]]) => {
      const out = new Float32Array(x.length);
      for (let i = 0; i < x.length; i++) {
        const v = x[i];
        let y = Math.max(v * 1.5 + 0.5, 0) * v - 0.25;
        y = (Math.abs(y) + v) * 0.9;
        out[i] = Math.tanh(y) + 1;
      }
      return out;
    },
    lt: chainLt,
    tf: chainTf,
    jax: chainJax,
  });
  const { n, h, w, cin, cout, k } = CONV;
  defs.push({
    name: `conv2d ${n}×${h}×${w}×${cin} * ${k}×${k}×${cin}×${cout}, same`,
    unit: 'GFLOP/s',
    flops: 2 * n * h * w * cout * k * k * cin,
    tol: 1e-4,
    // NHWC input and HWIO filter (tfjs's layout); jax-js wants NCHW and OIHW, so its inputs
    // are permuted on the host (untimed) and its NCHW output permuted back for the check.
    inputs: () => [[uniform(n * h * w * cin, -1, 1, 31), [n, h, w, cin]], [uniform(k * k * cin * cout, -0.25, 0.25, 32), [k, k, cin, cout]]],
    jaxInputs: ([[x, xs], [f, fs]]) => [[permute(x, xs, [0, 3, 1, 2]), [n, cin, h, w]], [permute(f, fs, [3, 2, 0, 1]), [cout, cin, k, k]]],
    jaxOutput: (out) => permute(out, [n, cout, h, w], [0, 2, 3, 1]),
    lt: (lt, x, f) => lt.conv2d(x, f, 1, 'same'),
    tf: (tf, x, f) => tf.conv2d(x, f, 1, 'same'),
    jax: (jax, x, f) => jax.lax.conv(x, f, [1, 1], 'SAME'),
  });
  // A MobileNet-sized depthwise layer and a pooling layer (both shared by output rows among
  // threads); jax-js runs the depthwise conv as a grouped conv in NCHW / OIHW, and has no
  // padded pooling.
  const DW = { n: 16, h: 56, w: 56, c: 64 };
  defs.push({
    name: `depthwiseConv2d ${DW.n}×${DW.h}×${DW.w}×${DW.c} * 3×3×${DW.c}×1, same`,
    unit: 'GFLOP/s',
    flops: 2 * DW.n * DW.h * DW.w * DW.c * 9,
    tol: 1e-4,
    inputs: () => [[uniform(DW.n * DW.h * DW.w * DW.c, -1, 1, 51), [DW.n, DW.h, DW.w, DW.c]], [uniform(9 * DW.c, -0.5, 0.5, 52), [3, 3, DW.c, 1]]],
    jaxInputs: ([[x, xs], [f, fs]]) => [[permute(x, xs, [0, 3, 1, 2]), [DW.n, DW.c, DW.h, DW.w]], [permute(f, fs, [2, 3, 0, 1]), [DW.c, 1, 3, 3]]],
    jaxOutput: (out) => permute(out, [DW.n, DW.c, DW.h, DW.w], [0, 2, 3, 1]),
    lt: (lt, x, f) => lt.depthwiseConv2d(x, f, 1, 'same'),
    tf: (tf, x, f) => tf.depthwiseConv2d(x, f, 1, 'same'),
    jax: (jax, x, f) => jax.lax.convGeneralDilated(x, f, [1, 1], 'SAME', { featureGroupCount: DW.c }),
  });
  defs.push({
    name: `maxPool 3×3 stride 2, same, ${DW.n}×${DW.h}×${DW.w}×${DW.c}`,
    unit: 'ms',
    tol: 0,
    jaxMissing: 'jax-js has no padded pooling',
    inputs: () => [[uniform(DW.n * DW.h * DW.w * DW.c, -1, 1, 53), [DW.n, DW.h, DW.w, DW.c]]],
    lt: (lt, x) => lt.maxPool(x, 3, 2, 'same'),
    tf: (tf, x) => tf.maxPool(x, 3, 2, 'same'),
  });
  defs.push({
    name: 'sum of 1M',
    unit: 'ms',
    // Plain float32 accumulation of 1M values in [0, 1) is off by ~1e-5 relative; allow 1e-4.
    tol: 1e-4,
    inputs: () => [[uniform(1 << 20, 0, 1, 41), [1 << 20]]],
    reference: ([[x]]) => {
      let s = 0;
      for (let i = 0; i < x.length; i++) s += x[i];
      return Float32Array.of(s);
    },
    lt: (lt, x) => lt.sum(x),
    tf: (tf, x) => tf.sum(x),
    jax: (jax, x) => jax.numpy.sum(x),
  });
  defs.push({
    name: 'sum over axis 1 of 1024×1024',
    unit: 'ms',
    tol: 1e-4,
    inputs: () => [[uniform(1024 * 1024, 0, 1, 42), [1024, 1024]]],
    reference: ([[x]]) => {
      const out = new Float32Array(1024);
      for (let r = 0; r < 1024; r++) {
        let s = 0;
        for (let c = 0; c < 1024; c++) s += x[r * 1024 + c];
        out[r] = s;
      }
      return out;
    },
    lt: (lt, x) => lt.sum(x, 1),
    tf: (tf, x) => tf.sum(x, 1),
    jax: (jax, x) => jax.numpy.sum(x, 1),
  });
  return defs;
}

/** Median ms of `reps` runs of fn after two warm-up runs. */
function medianMs(fn, reps) {
  fn(); fn();
  const ts = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  ts.sort((a, b) => a - b);
  return ts[reps >> 1];
}

/** The interpreter with `threads` threads (THREADS flag), for the "↳ N threads" row: timed
 *  after the single-threaded figure, in the same process on the same inputs. The workers are
 *  started at setup, so they are ready by then. */
function threadedRow(lt, d, threads, once) {
  if (threads <= 1) return {};
  return {
    start() { lt.env().set('THREADS', threads); once(); lt.env().set('THREADS', 1); },
    afterTiming() {
      lt.env().set('THREADS', threads);
      try {
        const ms = medianMs(once, 9);
        const value = d.flops ? d.flops / (ms * 1e6) : ms;
        return { extras: [{ label: `${threads} threads (THREADS=${threads})`, value, unit: d.unit, key: 'threads' }], detail: `${threads} threads: median of 9 runs` };
      } finally {
        lt.env().set('THREADS', 1);
      }
    },
  };
}

export function cases({ lt, peers, ltBackends, threads = 1 }) {
  const { tf, jax } = peers;
  return kernelDefs().map((d) => {
    let data;
    const inputs = () => (data ??= d.inputs());
    const missing = d.ltMissing?.(lt);
    return {
      suite: 'kernels',
      name: d.name,
      unit: d.unit,
      detail: d.detail,
      value: d.flops ? (ms) => d.flops / (ms * 1e6) : (ms) => ms,
      higherIsBetter: !!d.flops,
      tol: d.tol,
      reference: d.reference ? () => d.reference(inputs()) : undefined,
      release() { data = undefined; },
      impls: [
        ...ltBackends.map((b) => ({
          name: `lazytensor[${b}]`,
          unavailable: missing,
          async setup() {
            lt.setBackend(b);
            const ts = inputs().map(([v, s]) => lt.tensor(v, s));
            for (const t of ts) t.dataSync();
            const once = () => {
              let out;
              lt.tidy(() => { out = d.lt(lt, ...ts).dataSync(); });
              return out;
            };
            const row = b === 'wasm' ? threadedRow(lt, d, threads, once) : {};
            row.start?.();
            return {
              afterTiming: row.afterTiming,
              check() {
                const m0 = lt.metrics().graphsExecuted;
                const out = once();
                if (lt.metrics().graphsExecuted !== m0 + 1) throw new Error(`expected one graph to run, ${lt.metrics().graphsExecuted - m0} ran`);
                return out;
              },
              fn: once,
              teardown() { lt.dispose(ts); },
            };
          },
        })),
        ...['cpu', 'wasm'].map((be) => ({
          name: `tfjs-${be}`,
          async setup() {
            await useTf(tf, be);
            const ts = inputs().map(([v, s]) => tf.tensor(v, s));
            const once = () => {
              const r = tf.tidy(() => d.tf(tf, ...ts)); // a tensor, never a typed array, out of tidy
              const out = r.dataSync();
              r.dispose();
              return out;
            };
            return { check: once, fn: once, teardown() { tf.dispose(ts); } };
          },
        })),
        ...['eager', 'jit'].map((mode) => ({
          name: `jax-js ${mode}`,
          unavailable: d.jaxMissing,
          async setup() {
            const np = peers.np;
            const ins = d.jaxInputs ? d.jaxInputs(inputs()) : inputs();
            const arrs = ins.map(([v, s]) => np.array(v).reshape(s));
            const f = mode === 'jit' ? jax.jit((...a) => d.jax(jax, ...a)) : (...a) => d.jax(jax, ...a);
            const once = () => f(...arrs.map((a) => a.ref)).dataSync();
            return {
              check: () => (d.jaxOutput ? d.jaxOutput(once()) : once()),
              fn: once,
              teardown() { for (const a of arrs) a.dispose(); if (mode === 'jit') f.dispose?.(); },
            };
          },
        })),
      ],
    };
  });
}
