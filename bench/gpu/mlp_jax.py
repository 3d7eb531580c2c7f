"""The same MLP step as bench/gpu/mlp-step.mjs (784-256-256-10, batch 128, the hand-written
backward, SGD lr 0.1) under jax.jit on JAX's default device (the GPU where jax-cuda13 is
installed), for a side-by-side figure. Random data of the same shapes (timing only; the
correctness check of the lazytensor step is against its own interpreter). Prints JSON."""
import json, sys, time
import jax, jax.numpy as jnp
import numpy as np

B, LR, STEPS = 128, 0.1, int(sys.argv[1]) if len(sys.argv) > 1 else 200
rs = np.random.default_rng(0)
def glorot(fi, fo):
    a = (6 / (fi + fo)) ** 0.5
    return jnp.asarray(rs.uniform(-a, a, (fi, fo)).astype(np.float32))
p = {'W1': glorot(784, 256), 'b1': jnp.zeros(256), 'W2': glorot(256, 256), 'b2': jnp.zeros(256),
     'W3': glorot(256, 10), 'b3': jnp.zeros(10)}
x = jnp.asarray(rs.uniform(0, 1, (B, 784)).astype(np.float32))
y = jax.nn.one_hot(rs.integers(0, 10, B), 10, dtype=jnp.float32)

@jax.jit
def step(p, x, y):
    h1 = jax.nn.relu(x @ p['W1'] + p['b1']); h2 = jax.nn.relu(h1 @ p['W2'] + p['b2'])
    dlog = (jax.nn.softmax(h2 @ p['W3'] + p['b3'], -1) - y) / B
    dz2 = (dlog @ p['W3'].T) * (h2 > 0); dz1 = (dz2 @ p['W2'].T) * (h1 > 0)
    g = {'W3': h2.T @ dlog, 'b3': dlog.sum(0), 'W2': h1.T @ dz2, 'b2': dz2.sum(0), 'W1': x.T @ dz1, 'b1': dz1.sum(0)}
    return {k: p[k] - LR * g[k] for k in p}

t0 = time.perf_counter(); p = jax.block_until_ready(step(p, x, y)); first = (time.perf_counter() - t0) * 1e3
for _ in range(10): p = step(p, x, y)
jax.block_until_ready(p)
ts = []
for _ in range(STEPS):  # synchronous per step, as lazytensor's markStep on the PJRT transport
    t0 = time.perf_counter(); p = jax.block_until_ready(step(p, x, y)); ts.append((time.perf_counter() - t0) * 1e3)
ts.sort()
print(json.dumps({'backend': 'jax.jit', 'device': str(jax.devices()[0]), 'firstStepMs': round(first, 2), 'steps': STEPS,
                  'stepMsMedian': round(ts[STEPS // 2], 3), 'stepMsP10': round(ts[STEPS // 10], 3), 'stepMsP90': round(ts[STEPS * 9 // 10], 3)}, indent=1))
