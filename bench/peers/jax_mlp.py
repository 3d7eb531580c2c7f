"""The MLP training step of bench/suites/xla.mjs under jax.jit, for a side-by-side figure.

784-256-256-10, relu, batch 128, softmax cross-entropy (mean over the batch), SGD lr 0.1,
gradients by jax.grad, the whole step one jax.jit function (no buffer donation, as a plain
user would write it). Reads the initial parameters and the batch that the Node side wrote
(raw little-endian float32, one file each), runs two steps from them, writes the six
parameters (concatenated) to DATA_DIR/jax_check.bin for the check, runs WARMUP more steps and
prints one JSON line (firstStepMs, versions). Then, for each line "N" read from stdin, times N
single steps (each ended by block_until_ready) and prints {"samplesMs": [...]}; so the Node side
can interleave its own blocks of steps with JAX's, and a machine whose load drifts affects both
alike. For a line "loop N" it dispatches N steps back to back (jax.jit returns before the step
has run) and waits once at the end, and prints {"loopMs": total ms / N}: the loop throughput.
Exits at end of input.

usage: jax_mlp.py DATA_DIR WARMUP
"""
import json
import os
import sys
import time

os.environ.setdefault("JAX_PLATFORMS", "cpu")
import numpy as np  # noqa: E402
import jax  # noqa: E402
import jax.numpy as jnp  # noqa: E402

B, LR = 128, 0.1
SHAPES = {"W1": (784, 256), "b1": (256,), "W2": (256, 256), "b2": (256,), "W3": (256, 10), "b3": (10,)}
NAMES = list(SHAPES)


def load(d, name, shape):
    return jnp.asarray(np.fromfile(os.path.join(d, name + ".bin"), dtype="<f4").reshape(shape))


def loss(p, x, y):
    h1 = jax.nn.relu(x @ p["W1"] + p["b1"])
    h2 = jax.nn.relu(h1 @ p["W2"] + p["b2"])
    logits = h2 @ p["W3"] + p["b3"]
    return jnp.mean(-jnp.sum(y * jax.nn.log_softmax(logits, axis=-1), axis=-1))


@jax.jit
def step(p, x, y):
    g = jax.grad(loss)(p, x, y)
    return {k: p[k] - LR * g[k] for k in p}


def main():
    d, warmup = sys.argv[1], int(sys.argv[2])
    p0 = {k: load(d, k, s) for k, s in SHAPES.items()}
    x, y = load(d, "x", (B, 784)), load(d, "y", (B, 10))
    t0 = time.perf_counter()
    p = jax.block_until_ready(step(p0, x, y))
    first_ms = (time.perf_counter() - t0) * 1e3
    p = jax.block_until_ready(step(p, x, y))
    np.concatenate([np.asarray(p[k]).ravel() for k in NAMES]).astype("<f4").tofile(os.path.join(d, "jax_check.bin"))
    for _ in range(warmup):
        p = jax.block_until_ready(step(p, x, y))
    print(json.dumps({"firstStepMs": first_ms, "jax": jax.__version__, "device": str(jax.devices()[0])}), flush=True)
    for line in sys.stdin:
        if line.startswith("loop"):
            n = int(line.split()[1])
            t = time.perf_counter()
            for _ in range(n):
                p = step(p, x, y)
            p = jax.block_until_ready(p)
            print(json.dumps({"loopMs": (time.perf_counter() - t) * 1e3 / n}), flush=True)
            continue
        samples = []
        for _ in range(int(line)):
            t = time.perf_counter()
            p = jax.block_until_ready(step(p, x, y))
            samples.append((time.perf_counter() - t) * 1e3)
        print(json.dumps({"samplesMs": samples}), flush=True)


if __name__ == "__main__":
    main()
