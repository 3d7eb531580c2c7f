// The MLP of the training-step benchmarks (784-256-256-10, relu, softmax cross-entropy, batch
// 128, SGD lr 0.1): its seeded data, and lazytensor's step two ways: with the backward pass
// written by hand (what the peers run too), and with gradients by autodiff; and the same
// hand-written step for tfjs (given the library, as the browser page has it from a URL). Shared by bench/suites/mlp.mjs, bench/suites/xla.mjs and
// bench/gpu/mlp-step.mjs; needs nothing from node_modules (a GPU machine may lack them).
import { uniform, rng } from './data.mjs';

export const B = 128, LR = 0.1;
export const SIZES = [[784, 256], [256, 256], [256, 10]];
export const NAMES = ['W1', 'b1', 'W2', 'b2', 'W3', 'b3'];

/** Glorot-uniform weights, zero biases, a uniform batch and one-hot labels, each as
 *  [values, shape]. */
export function initData() {
  const params = {};
  SIZES.forEach(([fin, fout], i) => {
    const a = Math.sqrt(6 / (fin + fout));
    params[`W${i + 1}`] = [uniform(fin * fout, -a, a, 100 + i), [fin, fout]];
    params[`b${i + 1}`] = [new Float32Array(fout), [fout]];
  });
  const x = [uniform(B * 784, 0, 1, 200), [B, 784]];
  const r = rng(201);
  const y = new Float32Array(B * 10);
  for (let i = 0; i < B; i++) y[i * 10 + Math.floor(r() * 10)] = 1;
  return { params, x, y: [y, [B, 10]] };
}

/** The variables (each made in tidy, so no other handle keeps its first buffer and the first
 *  step compiles the program every step runs) and the batch, realized on the current backend. */
function realized(lt, data) {
  const v = {};
  for (const k of NAMES) v[k] = lt.tidy(() => lt.variable(lt.tensor(data.params[k][0].slice(), data.params[k][1])));
  const x = lt.tensor(data.x[0], data.x[1]);
  const y = lt.tensor(data.y[0], data.y[1]);
  lt.markStep();
  return { v, x, y };
}

/** Variables and inputs on the current backend (realized), and `step()`: one hand-written SGD
 *  step as one graph (assign inside lt.tidy, then lt.markStep()). */
export function handWrittenModel(lt, data) {
  const { v, x, y } = realized(lt, data);
  const step = () => {
    lt.tidy(() => {
      const h1 = lt.relu(lt.matMul(x, v.W1).add(v.b1));
      const h2 = lt.relu(lt.matMul(h1, v.W2).add(v.b2));
      const logits = lt.matMul(h2, v.W3).add(v.b3);
      const dlog = lt.softmax(logits).sub(y).mul(1 / B);
      const gW3 = lt.matMul(h2, dlog, true, false), gb3 = lt.sum(dlog, 0);
      const dz2 = lt.matMul(dlog, v.W3, false, true).mul(lt.cast(lt.greater(h2, 0), 'float32'));
      const gW2 = lt.matMul(h1, dz2, true, false), gb2 = lt.sum(dz2, 0);
      const dz1 = lt.matMul(dz2, v.W2, false, true).mul(lt.cast(lt.greater(h1, 0), 'float32'));
      const gW1 = lt.matMul(x, dz1, true, false), gb1 = lt.sum(dz1, 0);
      const g = { W1: gW1, b1: gb1, W2: gW2, b2: gb2, W3: gW3, b3: gb3 };
      for (const k of NAMES) v[k].assign(v[k].sub(g[k].mul(LR)));
    });
    lt.markStep();
  };
  return { v, step, dispose: () => lt.dispose([...Object.values(v), x, y]) };
}

/** The same model with gradients by autodiff: `trace()` records one step (optimizer.minimize
 *  of the softmax cross-entropy, the mean over the batch), `step()` traces it inside lt.tidy
 *  and runs it with lt.markStep(). */
export function autodiffModel(lt, data) {
  const { v, x, y } = realized(lt, data);
  const opt = lt.train.sgd(LR);
  const vars = NAMES.map((k) => v[k]);
  const loss = () => {
    const h1 = lt.relu(lt.matMul(x, v.W1).add(v.b1));
    const h2 = lt.relu(lt.matMul(h1, v.W2).add(v.b2));
    return lt.losses.softmaxCrossEntropy(y, lt.matMul(h2, v.W3).add(v.b3));
  };
  const trace = () => { opt.minimize(loss, false, vars); };
  const step = () => {
    lt.tidy(trace);
    lt.markStep();
  };
  return { v, trace, step, dispose() { opt.dispose(); lt.dispose([...vars, x, y]); } };
}

/** The hand-written step (handWrittenModel's math) for tfjs, over its variables `v` and batch
 *  x, y: one tf.tidy that assigns the six updated parameters. */
export function tfHandWrittenStep(tf, v, x, y) {
  return () => tf.tidy(() => {
    const h1 = tf.relu(tf.add(tf.matMul(x, v.W1), v.b1));
    const h2 = tf.relu(tf.add(tf.matMul(h1, v.W2), v.b2));
    const logits = tf.add(tf.matMul(h2, v.W3), v.b3);
    const dlog = tf.mul(tf.sub(tf.softmax(logits), y), 1 / B);
    const gW3 = tf.matMul(h2, dlog, true, false), gb3 = tf.sum(dlog, 0);
    const dz2 = tf.mul(tf.matMul(dlog, v.W3, false, true), tf.cast(tf.greater(h2, 0), 'float32'));
    const gW2 = tf.matMul(h1, dz2, true, false), gb2 = tf.sum(dz2, 0);
    const dz1 = tf.mul(tf.matMul(dz2, v.W2, false, true), tf.cast(tf.greater(h1, 0), 'float32'));
    const gW1 = tf.matMul(x, dz1, true, false), gb1 = tf.sum(dz1, 0);
    const g = { W1: gW1, b1: gb1, W2: gW2, b2: gb2, W3: gW3, b3: gb3 };
    for (const k of NAMES) v[k].assign(tf.sub(v[k], tf.mul(g[k], LR)));
  });
}
