// (f) lazytensor on XLA (issue 6, points 3 and 5), run when the XLA addon is built
// (npm run build:native); otherwise the suite says why it is skipped.
//
// 1. The MLP training step 784-256-256-10 (relu, softmax cross-entropy, mean over the batch),
//    batch 128, SGD lr 0.1, gradients by autodiff, on 'xla' with lt.markStep() (cached after
//    the first step), side by side with the same model under jax.jit on the same machine
//    (bench/peers/jax_mlp.py, run with .venv-jax/bin/python or $LT_JAX_PYTHON; jax.grad, one
//    jit'd step). Both start from the same weights and batch; the check compares lazytensor's
//    parameters after two steps with JAX's. Target: lazytensor ≤ 1.15× jax.jit.
//    Seen on 2026-11-28, three runs alternating with the code before (shared machine, jax.jit
//    2.24–2.49 ms): 1.23, 1.34, 1.28× (before: 1.31, 1.23, 1.27×); trace 0.24–0.28 ms (before
//    0.30–0.35). Where the gap is, as measured that day: not in the program: the optimized HLO
//    of our lowered module is jax.jit's (the same 8 dots, 5 of them YNNPACK, the same fusions
//    but for 2 tiny ones: the labels' row sums and 1/N), and in jaxlib our module ran as fast
//    as jax.jit's step; the raw addon, executing it on chained buffers in blocks alternating
//    with jax.jit, took 0.98–1.05× jax.jit's step. The rest is host time: the trace (~0.25 ms,
//    2–4× its hot-cache time, since each execution evicts the JS working set), markStep's
//    bookkeeping (~0.06 ms) and an execution ~4% slower after a trace than back to back.
// 2. The same step with lt.markStepAsync(), tracing step n+1 while step n executes, against
//    the trace-only and execute-only times measured with lt.markStep(). Target: the async
//    step ≤ 1.10 × max(trace, execute).
// 3. Loop throughput, beside (never instead of) the per-step figure of 1: N steps without
//    waiting for each, one wait at the end; jax.jit dispatching asynchronously, lazytensor with
//    markStepAsync. Seen on 2026-11-28: 1.15–1.20× (on 2 cores the trace competes with XLA's
//    two threads: an execution on the launcher thread took 0.1–0.6 ms longer, mean against
//    median, than under markStep).
// 1 and 2 are timed step by step (one step = one sample), 3 by blocks, steady state, medians, in
// blocks that alternate between the two sides compared (lazytensor and JAX; markStep and
// markStepAsync), so that a drift in the machine's load (it is shared) weighs on both alike.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NAMES, initData, autodiffModel } from '../mlp-model.mjs';
import { median, mean, rme, now } from '../measure.mjs';

export const title = 'XLA: MLP training step vs jax.jit, and markStepAsync overlap';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MLP = 'MLP 784-256-256-10 SGD step, b128, autodiff';
const ASYNC = 'same step with markStepAsync (step n+1 traced while n runs)';
const LOOP = 'same step, loop throughput: N steps, one wait at the end';

/** Starts the jax.jit peer on the same data: `check` holds its parameters after two steps,
 *  `time(n)` times n steps there; `unavailable` says why it could not run. */
async function startJax(data) {
  const python = process.env.LT_JAX_PYTHON ?? join(ROOT, '.venv-jax', 'bin', 'python');
  if (!existsSync(python)) return { unavailable: `no Python with jax at ${python} (set LT_JAX_PYTHON)` };
  const dir = mkdtempSync(join(tmpdir(), 'lt-bench-xla-'));
  for (const k of NAMES) writeFileSync(join(dir, `${k}.bin`), data.params[k][0]);
  writeFileSync(join(dir, 'x.bin'), data.x[0]);
  writeFileSync(join(dir, 'y.bin'), data.y[0]);
  const proc = spawn(python, [join(ROOT, 'bench', 'peers', 'jax_mlp.py'), dir, '20'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  proc.stderr.on('data', (b) => { stderr = (stderr + b).slice(-2000); });
  const lines = [], waiters = [];
  let exited = null;
  const why = () => `jax_mlp.py exited (${exited}): ${stderr.trim().split('\n').pop()}`;
  createInterface({ input: proc.stdout }).on('line', (l) => (waiters.length ? waiters.shift().resolve(l) : lines.push(l)));
  proc.on('error', (e) => { exited = e.message; for (const w of waiters.splice(0)) w.reject(new Error(why())); });
  proc.on('exit', (code, sig) => { exited = code ?? sig; for (const w of waiters.splice(0)) w.reject(new Error(why())); });
  const next = () => (lines.length ? Promise.resolve(lines.shift())
    : exited !== null ? Promise.reject(new Error(why())) : new Promise((resolve, reject) => waiters.push({ resolve, reject })));
  const close = () => { proc.stdin.end(); rmSync(dir, { recursive: true, force: true }); };
  try {
    const info = JSON.parse(await next());
    const flat = new Float32Array(readFileSync(join(dir, 'jax_check.bin')).buffer.slice(0));
    const check = [];
    let at = 0;
    for (const k of NAMES) {
      const n = data.params[k][0].length;
      check.push(flat.slice(at, at + n));
      at += n;
    }
    const time = async (n) => { proc.stdin.write(`${n}\n`); return JSON.parse(await next()).samplesMs; };
    const loop = async (n) => { proc.stdin.write(`loop ${n}\n`); return JSON.parse(await next()).loopMs; };
    return { ...info, check, time, loop, close };
  } catch (e) {
    close();
    return { unavailable: e.message };
  }
}

/** The lazytensor model on 'xla': `trace()` records one training step (no execution). */
function model(lt, data) {
  lt.setBackend('xla');
  const m = autodiffModel(lt, data);
  return { trace: m.trace, params: () => NAMES.map((k) => m.v[k].dataSync()), dispose: m.dispose };
}

/** The model stepped with markStepAsync, as a training loop keeps it: `launch()` traces a step
 *  and queues it behind the running one, then awaits the one before (so the launcher thread
 *  always has the next step); `drain()` awaits the last; `check()` runs two steps. */
function pipelinedModel(lt, data) {
  const m = model(lt, data);
  let previous = Promise.resolve();
  const launch = async () => {
    m.trace();
    const current = lt.markStepAsync();
    await previous;
    previous = current;
  };
  const drain = () => previous;
  return { ...m, launch, drain, async check() { await launch(); await launch(); await drain(); return m.params(); } };
}

const stats = (samples, method) => ({ samples, median: median(samples), mean: mean(samples), rme: rme(samples), method });

export function cases({ lt, ltBackends, quick }) {
  if (!ltBackends.includes('xla')) {
    console.log(`  xla suite skipped: ${lt.backends().xla?.reason ?? 'no xla backend'}`);
    return [];
  }
  let data, jax;
  const D = () => (data ??= initData());
  const J = async () => (jax ??= await startJax(D()));
  const rounds = quick ? 3 : 6, block = quick ? 20 : 50;   // steps = rounds × block per side

  const mlp = {
    name: 'lazytensor[xla]',
    async setup() {
      const m = model(lt, D());
      const step = () => { m.trace(); lt.markStep(); };
      return {
        check() { step(); step(); return m.params(); },
        async custom() {
          const j = await J();
          for (let i = 0; i < 20; i++) step();
          const m0 = lt.metrics();
          const samples = [], jaxSamples = [];
          for (let r = 0; r < rounds; r++) {
            for (let i = 0; i < block; i++) {
              const t = now();
              step();
              samples.push(now() - t);
            }
            if (j.time) jaxSamples.push(...await j.time(block));
          }
          const m1 = lt.metrics();
          const n = samples.length;
          const res = stats(samples, `${n} steps timed one by one after 20 warm, in ${rounds} blocks alternating with jax.jit's`);
          const misses = m1.cacheMisses - m0.cacheMisses;
          res.extras = [{ label: 'execute (lt.metrics().executeMs, mean)', value: (m1.executeMs - m0.executeMs) / n, unit: 'ms', key: 'execute' }];
          if (jaxSamples.length) {
            const jm = median(jaxSamples);
            res.extras.push({ label: `jax.jit step (Python, jax ${j.jax}, ${j.device})`, value: jm, unit: 'ms', key: 'jax' });
            res.extras.push({ label: 'lazytensor[xla] ÷ jax.jit', value: res.median / jm, unit: '×', key: 'vsJax' });
            res.detail = `jax.jit: ${jaxSamples.length} steps, first step (trace + compile) ${j.firstStepMs.toFixed(0)} ms, min step ${Math.min(...jaxSamples).toFixed(2)} ms (lazytensor min ${Math.min(...samples).toFixed(2)} ms)`;
          }
          res.problems = [
            ...(misses ? [`xla mlp: ${misses} compile-cache misses in ${n} identical steps`] : []),
            ...(j.unavailable ? [`xla mlp: jax.jit peer not run: ${j.unavailable}`] : []),
          ];
          return res;
        },
        teardown() { m.dispose(); },
      };
    },
  };

  const overlap = {
    name: 'lazytensor[xla]',
    async setup() {
      const m = pipelinedModel(lt, D());
      const { launch, drain } = m;
      return {
        check: m.check,
        isAsync: true,
        async custom() {
          const trace = [], exec = [], mark = [], sync = [], samples = [];
          let workerMs = 0;
          for (let i = 0; i < 20; i++) { m.trace(); lt.markStep(); }
          for (let i = 0; i < 20; i++) await launch();
          await drain();
          for (let r = 0; r < rounds; r++) {
            // markStep: the parts of each step.
            for (let i = 0; i < block; i++) {
              const t0 = now();
              m.trace();
              const t1 = now(), e0 = lt.metrics().executeMs;
              lt.markStep();
              const t2 = now();
              trace.push(t1 - t0); mark.push(t2 - t1); sync.push(t2 - t0); exec.push(lt.metrics().executeMs - e0);
            }
            // markStepAsync: the time between the ends of successive steps.
            const e0 = lt.metrics().executeMs;
            let last = now();
            for (let i = 0; i < block; i++) {
              await launch();
              const t = now();
              samples.push(t - last);
              last = t;
            }
            await drain();
            workerMs += lt.metrics().executeMs - e0;
          }
          const res = stats(samples, `${samples.length} steps in ${rounds} blocks alternating with markStep's`);
          const tr = median(trace), ex = median(exec);
          res.extras = [
            { label: 'markStep step (trace + markStep)', value: median(sync), unit: 'ms', key: 'sync' },
            { label: 'trace only (the step\'s ops and autodiff, recorded)', value: tr, unit: 'ms', key: 'trace' },
            { label: 'execute only (markStep\'s accelerator.execute)', value: ex, unit: 'ms', key: 'execute' },
            { label: 'markStep (cut + lookup + execute)', value: median(mark), unit: 'ms', key: 'mark' },
            { label: 'execute on the launcher thread, async loop (mean)', value: workerMs / samples.length, unit: 'ms', key: 'workerExecute' },
            { label: 'async step ÷ max(trace, execute)', value: res.median / Math.max(tr, ex), unit: '×', key: 'overlap' },
            { label: 'async step ÷ markStep step', value: res.median / median(sync), unit: '×', key: 'vsSync' },
          ];
          return res;
        },
        teardown() { m.dispose(); },
      };
    },
  };

  // Loop throughput, a second measure beside the per-step one above (never instead of it): both
  // sides run N steps without waiting for each and wait once at the end, as a training loop
  // does (jax.jit dispatches asynchronously; lazytensor with markStepAsync, tracing step n+1
  // while step n runs). One sample = one block's ms per step; blocks alternate with jax.jit's.
  const loop = {
    name: 'lazytensor[xla]',
    async setup() {
      const m = pipelinedModel(lt, D());
      const { launch, drain } = m;
      return {
        check: m.check,
        isAsync: true,
        async custom() {
          const j = await J();
          for (let i = 0; i < 20; i++) await launch();
          await drain();
          const samples = [], jaxSamples = [];
          for (let r = 0; r < rounds; r++) {
            const t = now();
            for (let i = 0; i < block; i++) await launch();
            await drain();
            samples.push((now() - t) / block);
            if (j.loop) jaxSamples.push(await j.loop(block));
          }
          const res = stats(samples, `${rounds} blocks of ${block} steps (one wait per block), alternating with jax.jit's`);
          res.extras = [];
          if (jaxSamples.length) {
            const jm = median(jaxSamples);
            res.extras.push({ label: `jax.jit, ${block} steps then block_until_ready (ms per step)`, value: jm, unit: 'ms', key: 'jaxLoop' });
            res.extras.push({ label: 'lazytensor[xla] ÷ jax.jit, loop throughput', value: res.median / jm, unit: '×', key: 'vsJaxLoop' });
          }
          res.problems = j.unavailable ? [`xla loop: jax.jit peer not run: ${j.unavailable}`] : [];
          return res;
        },
        teardown() { m.dispose(); },
      };
    },
  };

  // The checks compare two steps from the initial weights with jax.jit's (when it ran). Each
  // case ends the peer's process (a --filter may run either one alone): a live child would keep
  // Node from exiting.
  const reference = async () => (await J()).check ?? null;
  const release = () => { jax?.close?.(); data = undefined; jax = undefined; };
  return [
    { suite: 'xla', name: MLP, unit: 'ms', value: (ms) => ms, tol: 1e-4, reference, referenceName: 'jax.jit', impls: [mlp], release },
    { suite: 'xla', name: ASYNC, unit: 'ms', value: (ms) => ms, tol: 1e-4, reference, referenceName: 'jax.jit', impls: [overlap], release },
    { suite: 'xla', name: LOOP, unit: 'ms', value: (ms) => ms, tol: 1e-4, reference, referenceName: 'jax.jit', impls: [loop], release },
  ];
}

/** The targets for this suite, from the finished cases. */
export function targets(cases) {
  const extra = (name, key) => cases.find((c) => c.suite === 'xla' && c.name === name)?.results['lazytensor[xla]']?.extras?.find((e) => e.key === key)?.value;
  const out = [];
  const vs = extra(MLP, 'vsJax');
  if (vs != null) out.push({ what: 'lazytensor[xla] MLP training step ≤ 1.15× jax.jit (issue 6.3)', measured: `${vs.toFixed(3)}×`, met: vs <= 1.15 });
  const ov = extra(ASYNC, 'overlap');
  if (ov != null) out.push({ what: 'markStepAsync step ≤ 1.10 × max(trace, execute) (issue 6.5)', measured: `${ov.toFixed(3)}×`, met: ov <= 1.1 });
  return out;
}
