// Fixed graphs evaluated the same way in every environment (Node from source, the Node ESM
// and CJS bundles, Chromium from source and the browser bundle): each gives its graph hash,
// its graph text and its values' bytes, which must be identical everywhere.
// Plain JavaScript so that a bare `node` (ESM or CJS, no TypeScript) can run it too.

/** name -> builds the graph from the library module `lt` (inside a tidy). */
export const GRAPHS = {
  mlp: (lt) => {
    const x = lt.tensor([[1, 2, 3], [4, 5, 6]]);
    const w = lt.tensor([[1], [2], [3]]);
    return x.matMul(w).relu().add(2.5).sum(0, true).exp();
  },
  softmaxLogSumExp: (lt) => {
    const x = lt.tensor([[0.5, -1, 2, 3.25], [1e-3, 40, -40, 0]]);
    return lt.concat([x.softmax(), lt.logSumExp(x, 1, true), x.leakyRelu(0.1).mean(1, true)], 1);
  },
  shapes: (lt) => {
    const x = lt.range(0, 24, 1, 'float32').reshape([2, 3, 4]);
    const y = lt.pad(x.transpose([2, 0, 1]).slice([1, 0, 0], [2, 2, 3]), [[0, 1], [1, 0], [0, 0]], -1);
    return lt.stridedSlice(y.cumsum(2), [0, 0, 0], [3, 3, 3], [1, 2, 1]).square();
  },
  intsAndBools: (lt) => {
    const i = lt.tensor([3, -7, 12, 0, 5], [5], 'int32');
    const b = i.greater(lt.scalar(2, 'int32'));
    const oh = lt.oneHot(lt.tensor([2, 0, 1], [3], 'int32'), 4);
    return lt.where(b, i.mul(lt.scalar(3, 'int32')), i.floorDiv(lt.scalar(2, 'int32')))
      .cast('float32').expandDims(0).matMul(lt.gather(oh.cast('float32').pad([[1, 1], [0, 1]]), [0, 1, 2, 3, 4]));
  },
  seededRandom: (lt) => {
    const w = lt.randomNormal([8, 4], 0, 0.5, 'float32', 42);
    const x = lt.randomUniform([3, 8], -1, 1, 'float32', 7);
    return x.matMul(w).tanh().sigmoid().argMax(1).cast('float32').add(x.matMul(w).sum(1));
  },
};

/** Graphs whose float rounding depends on the interpreter build: matMuls big enough for the
 *  packed GEMM's micro-kernel, where relaxed SIMD fuses each multiply-add (one rounding, not
 *  two). Equal to Node 20's bytes only under lt.env().set('DETERMINISTIC', true). */
export const FMA_GRAPHS = {
  seededMatMul: (lt) => {
    const a = lt.randomNormal([64, 128], 0, 1, 'float32', 11);
    const b = lt.randomNormal([128, 96], 0, 1, 'float32', 12);
    return a.matMul(b);
  },
  seededMlpStep: (lt) => {
    const x = lt.randomUniform([32, 64], -1, 1, 'float32', 13);
    const w1 = lt.randomNormal([64, 48], 0, 0.2, 'float32', 14);
    const w2 = lt.randomNormal([48, 8], 0, 0.2, 'float32', 15);
    const h = x.matMul(w1).tanh();
    const dy = h.matMul(w2).softmax().sub(0.125);
    return lt.concat([x.transpose().matMul(dy.matMul(w2.transpose()).mul(h.square().neg().add(1))).reshape([-1]), dy.reshape([-1])]);
  },
};

function hex(bytes) {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Evaluates every graph of GRAPHS with `lt` (a loaded library module, after `ready()`). */
export function evaluate(lt, graphs = GRAPHS) {
  return Object.entries(graphs).map(([name, build]) => lt.tidy(() => {
    const t = build(lt);
    const hash = lt.debug.graphHash(t);
    const text = lt.debug.graphText(t);
    const data = t.dataSync();
    return {
      name, hash, text, shape: [...t.shape], dtype: t.dtype,
      bytes: hex(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)),
      values: Array.from(data, (v) => (Number.isFinite(v) ? v : String(v))),
    };
  }));
}
