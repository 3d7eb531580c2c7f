// The multilayer perceptron the demos and the soak test train: dense layers with ReLU between
// them, weights as trainable lt variables. Takes the library as an argument, so the Node demo
// (the package), the browser demo (the browser bundle) and the soak (the built package) share it.

/**
 * Creates an MLP of the given layer sizes, e.g. [784, 256, 10].
 * Weights are He-initialized from seeded random numbers (every run starts the same), biases are
 * zeros made from data, so the first training step records the same graph as every later one;
 * the initial values' own handles are disposed (tidy), so that step may already give their
 * buffers to the executable to overwrite (DONATE) and compiles the one program every step runs.
 * @returns {{ params: lt.Variable[], model: (x: lt.Tensor) => lt.Tensor }}
 */
export function createMlp(lt, sizes, { name = '' } = {}) {
  const params = [];
  for (let i = 0; i + 1 < sizes.length; i++) {
    const scale = Math.sqrt(2 / sizes[i]);
    params.push(lt.tidy(() => lt.variable(lt.randomNormal([sizes[i], sizes[i + 1]], 0, scale, 'float32', 1 + i), true, `${name}w${i}`)));
    params.push(lt.tidy(() => lt.variable(lt.tensor(new Float32Array(sizes[i + 1])), true, `${name}b${i}`)));
  }
  const model = (x) => {
    let h = x;
    for (let i = 0; i < params.length; i += 2) {
      h = h.matMul(params[i]).add(params[i + 1]);
      if (i + 2 < params.length) h = h.relu();
    }
    return h;
  };
  return { params, model };
}
