// (e) One SGD training step of an MLP 784-256-256-10 (relu, softmax cross-entropy), batch 128,
// lr 0.1, same data and initial weights everywhere, two ways:
// 1. gradients by each library's autodiff: lt.train.sgd(...).minimize of the softmax
//    cross-entropy (mean over the batch); jax-js: jax.grad of the same loss inside the step
//    function (jit'd in the jit column); no tfjs column (NO_TF_GRADIENTS);
// 2. the backward pass written by hand, the very same math for every library (no autodiff),
//    so every column does identical work:
//   h1 = relu(x W1 + b1); h2 = relu(h1 W2 + b2); logits = h2 W3 + b3
//   dlogits = (softmax(logits) - y) / B
//   dW3 = h2ᵀ dlogits; db3 = Σ₀ dlogits; dz2 = (dlogits W3ᵀ) ⊙ [h2 > 0]; dW2 = h1ᵀ dz2; ...
//   W ← W - lr dW
// lazytensor: variables updated with assign inside lt.tidy, then lt.markStep() (one graph per
// step). tfjs: tf.variable + assign in tf.tidy. jax-js: a pure step function over a params
// object (eager, and jit), then blockUntilReady. The check runs two steps from the initial
// weights on each implementation and compares all six parameters with tfjs-cpu's.
import { useTf } from '../peers.mjs';
import { B, LR, NAMES, initData, handWrittenModel, autodiffModel, tfHandWrittenStep } from '../mlp-model.mjs';

export const title = 'MLP 784-256-256-10 SGD training step, batch 128';

export function cases({ lt, peers, ltBackends }) {
  const { tf, jax } = peers;
  let data;
  const D = () => (data ??= initData());

  const ltImpl = (model) => (b) => ({
    name: `lazytensor[${b}]`,
    async setup() {
      lt.setBackend(b);
      const { v, step, dispose } = model(lt, D());
      let m0;
      return {
        check() {
          step(); step();
          return NAMES.map((k) => v[k].dataSync());
        },
        fn: step,
        beforeTiming() { m0 = lt.metrics(); },
        afterTiming() {
          const m = lt.metrics();
          const steps = m.graphsExecuted - m0.graphsExecuted;
          const misses = m.cacheMisses - m0.cacheMisses;
          const exec = (m.executeMs - m0.executeMs) / Math.max(1, steps);
          const compile = (m.compileMs - m0.compileMs) / Math.max(1, misses);
          const problems = misses > 0
            ? [`mlp: ${misses} compile-cache misses in ${steps} identical steps with lt.markStep() (compile ${compile.toFixed(2)} ms each)`]
            : [];
          return {
            detail: `${steps} steps: ${m.cacheHits - m0.cacheHits} cache hits, ${misses} misses; execute ${exec.toFixed(1)} ms/step`,
            extras: [{ label: 'execute (interpreter, lt.metrics().executeMs)', value: exec, unit: 'ms', key: 'execute' }],
            problems,
          };
        },
        teardown: dispose,
      };
    },
  });

  // tfjs: variables and the batch, and a step function over them.
  const tfImpl = (makeStep) => (be) => ({
    name: `tfjs-${be}`,
    unavailable: makeStep ? undefined : NO_TF_GRADIENTS,
    async setup() {
      await useTf(tf, be);
      const { params, x: xd, y: yd } = D();
      const v = {};
      for (const k of NAMES) v[k] = tf.variable(tf.tensor(params[k][0], params[k][1]));
      const x = tf.tensor(xd[0], xd[1]);
      const y = tf.tensor(yd[0], yd[1]);
      const step = makeStep(v, x, y);
      return {
        check() { step(); step(); return NAMES.map((k) => v[k].dataSync()); },
        fn: step,
        teardown() { tf.dispose([...Object.values(v), x, y]); },
      };
    },
  });

  // tfjs-core's Node build registers no gradients (the @tensorflow/tfjs bundle does, with its
  // own copy of the registry), so tfjs has no autodiff column here: see the hand-written row.
  const NO_TF_GRADIENTS = 'tfjs-core alone registers no gradients in Node (they come with the @tensorflow/tfjs bundle, not installed)';

  const tfHandStep = (v, x, y) => tfHandWrittenStep(tf, v, x, y);

  // Pure steps over a params object; every argument is consumed (jax-js ownership rules).
  function jaxLoss(p, x, y) {
    const np = jax.numpy, nn = jax.nn;
    const h1 = nn.relu(np.matmul(x, p.W1).add(p.b1));
    const h2 = nn.relu(np.matmul(h1, p.W2).add(p.b2));
    const logits = np.matmul(h2, p.W3).add(p.b3);
    return np.sum(y.mul(nn.logSoftmax(logits, -1))).mul(-1 / B);
  }
  function jaxAutodiffStep(p, x, y) {
    const g = jax.grad(jaxLoss)(jax.tree.ref(p), x, y);
    const out = {};
    for (const k of NAMES) out[k] = p[k].sub(g[k].mul(LR));
    return out;
  }
  function jaxHandStep(p, x, y) {
    const np = jax.numpy, nn = jax.nn;
    const f32 = (a) => a.astype(np.float32);
    const h1 = nn.relu(np.matmul(x.ref, p.W1.ref).add(p.b1.ref));
    const h2 = nn.relu(np.matmul(h1.ref, p.W2.ref).add(p.b2.ref));
    const logits = np.matmul(h2.ref, p.W3.ref).add(p.b3.ref);
    const dlog = nn.softmax(logits, -1).sub(y).mul(1 / B);
    const gW3 = np.matmul(np.transpose(h2.ref), dlog.ref), gb3 = np.sum(dlog.ref, 0);
    const dz2 = np.matmul(dlog, np.transpose(p.W3.ref)).mul(f32(np.greater(h2, 0)));
    const gW2 = np.matmul(np.transpose(h1.ref), dz2.ref), gb2 = np.sum(dz2.ref, 0);
    const dz1 = np.matmul(dz2, np.transpose(p.W2.ref)).mul(f32(np.greater(h1, 0)));
    const gW1 = np.matmul(np.transpose(x), dz1.ref), gb1 = np.sum(dz1, 0);
    const g = { W1: gW1, b1: gb1, W2: gW2, b2: gb2, W3: gW3, b3: gb3 };
    const out = {};
    for (const k of NAMES) out[k] = p[k].sub(g[k].mul(LR));
    return out;
  }

  const jaxImpl = (jaxStep) => (mode) => ({
    name: `jax-js ${mode}`,
    async setup() {
      const np = jax.numpy;
      const { params, x: xd, y: yd } = D();
      let p = {};
      for (const k of NAMES) p[k] = np.array(params[k][0].slice()).reshape(params[k][1]);
      const x = np.array(xd[0]).reshape(xd[1]);
      const y = np.array(yd[0]).reshape(yd[1]);
      const f = mode === 'jit' ? jax.jit(jaxStep) : jaxStep;
      const step = async () => {
        p = f(p, x.ref, y.ref);
        await jax.blockUntilReady(p);
      };
      return {
        async check() { await step(); await step(); return NAMES.map((k) => p[k].ref.dataSync()); },
        fn: step,
        isAsync: true,
        teardown() { for (const k of NAMES) p[k].dispose(); x.dispose(); y.dispose(); if (mode === 'jit') f.dispose?.(); },
      };
    },
  });

  const row = (name, ltModel, tfStep, jaxStep) => ({
    suite: 'mlp',
    name,
    unit: 'ms',
    value: (ms) => ms,
    tol: 1e-4,
    release() { data = undefined; },
    impls: [...ltBackends.map(ltImpl(ltModel)), ...['cpu', 'wasm'].map(tfImpl(tfStep)), ...['eager', 'jit'].map(jaxImpl(jaxStep))],
  });
  return [
    row('SGD step 784-256-256-10, b128, autodiff', autodiffModel, null, jaxAutodiffStep),
    row('SGD step 784-256-256-10, b128, hand-written backward', handWrittenModel, tfHandStep, jaxHandStep),
  ];
}
