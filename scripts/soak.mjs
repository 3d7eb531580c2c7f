// npm run soak (issue 9): long runs that must not grow. Uses the built package (`import
// 'lazytensor'` resolves to dist/: run `npm run build` first).
//
//   1. 10,000 training steps of an MLP with Adam, lt.markStep() per step, a fresh uploaded
//      batch each step. After a warm-up (the first quarter), resident memory
//      (process.memoryUsage().rss), the library's two WebAssembly heaps and lt.memory()
//      (numTensors, numBytes, numGraphNodes) must not grow by more than 5% (the median of the
//      last 10 samples against the median of the first 10 after the warm-up; 100 samples,
//      each after a full GC), with one compile for the whole run.
//   2. 100,000 random small ops over a pool of live tensors, lt.markStep() every 100 ops and a
//      read every 1,000: a new graph (a compile) at almost every sync, so the compile cache's
//      eviction is soaked as well. The same flatness is required.
//
// Options: --steps N (default 10000), --ops N (default 100000), --warmup F (fraction of the
// run, default 0.25), --tolerance F (default 0.05), --yield-every N (default 100; 0 = never).
// Exit code 1 when something grows.
import v8 from 'node:v8';
import vm from 'node:vm';
import { createMlp } from '../examples/mlp.mjs';

// The WebAssembly memories of the library (the core's, then the interpreter's), to report
// their sizes: wrap the constructors before the library instantiates its modules.
const heaps = [];
const keep = (instance) => { if (instance?.exports?.memory) heaps.push(instance.exports.memory); return instance; };
WebAssembly.Instance = new Proxy(WebAssembly.Instance, { construct: (target, args) => keep(Reflect.construct(target, args)) });
const instantiate = WebAssembly.instantiate;
WebAssembly.instantiate = async (...args) => { const r = await instantiate(...args); keep(r.instance ?? r); return r; };
const lt = await import('lazytensor');

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
};
const STEPS = arg('steps', 10_000);
const OPS = arg('ops', 100_000);
const WARMUP = arg('warmup', 0.25);
const TOL = arg('tolerance', 0.05);
/** Yield to the event loop every this many steps (0: never), as an application does between
 *  batches: FinalizationRegistry callbacks (the safety net of tensors made outside tidy) only
 *  run in a task of their own, so a loop that never yields keeps their records. */
const YIELD_EVERY = arg('yield-every', 100);
const breathe = (i) => (YIELD_EVERY > 0 && i % YIELD_EVERY === 0 ? new Promise((r) => setImmediate(r)) : null);

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');

await lt.ready();

const MB = (b) => (b / 2 ** 20).toFixed(1);
/** One sample of everything that must stay flat (after a full GC, so rss is comparable). */
function sample(step, extra = {}) {
  gc();
  const m = lt.memory();
  const metrics = lt.metrics();
  return {
    step, rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed,
    numTensors: m.numTensors, numBytes: m.numBytes, numGraphNodes: m.numGraphNodes,
    cacheMisses: metrics.cacheMisses, graphsExecuted: metrics.graphsExecuted,
    coreHeap: heaps[0]?.buffer.byteLength ?? 0, interpreterHeap: heaps[1]?.buffer.byteLength ?? 0, ...extra,
  };
}

/** The median of a list of numbers. */
const median = (xs) => { const v = [...xs].sort((a, b) => a - b); return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2; };

/** Flatness of each quantity after the warm-up: its level at the end (the median of the last
 *  10 samples, so a GC pause or a page the allocator has not returned yet does not count)
 *  against its level right after the warm-up (the median of the first 10 samples there).
 *  Growth above the tolerance fails; the single largest sample is shown as well. */
function flatness(samples, keys, warmupStep) {
  const after = samples.filter((s) => s.step >= warmupStep);
  const w = Math.max(1, Math.min(10, Math.floor(after.length / 4)));
  return keys.map((key) => {
    const values = after.map((s) => s[key]);
    const base = median(values.slice(0, w)), end = median(values.slice(-w));
    const min = Math.min(...values), max = Math.max(...values);
    const drift = Math.max(0, end - base) / Math.max(Math.abs(base), 1);
    const info = key === 'heapUsed';   // the JS heap: shown, not judged (the engine's state is rss, its WASM heaps and lt.memory())
    return { key, start: samples[0][key], base, min, max, last: end, drift, exact: min === max, ok: info || drift <= TOL, info };
  });
}

function table(title, rows) {
  const fmt = (key, v) => (['rss', 'heapUsed', 'coreHeap', 'interpreterHeap'].includes(key) ? `${MB(v)} MB` : String(v));
  console.log(`\n${title}`);
  console.log('  quantity          at start      after warm-up       min            max            at end         growth    flat');
  for (const r of rows) {
    console.log(`  ${r.key.padEnd(16)}  ${fmt(r.key, r.start).padEnd(12)}  ${fmt(r.key, r.base).padEnd(18)}  ${fmt(r.key, r.min).padEnd(13)}  ${fmt(r.key, r.max).padEnd(13)}  ${fmt(r.key, r.last).padEnd(13)}  ${(r.drift * 100).toFixed(2).padStart(6)}%   ${r.info ? '(info)' : r.ok ? (r.exact ? 'yes (exact)' : 'yes') : 'NO'}`);
  }
}

/** What must stay flat (heapUsed, the JS heap, is shown too but not judged). */
const KEYS = ['rss', 'coreHeap', 'interpreterHeap', 'numTensors', 'numBytes', 'numGraphNodes', 'heapUsed'];
let failed = false;

// ------------------------------------------------------------------ 1. MLP with Adam
{
  console.log(`soak 1: ${STEPS} training steps of an MLP 32-64-64-8 with Adam, markStep per step`);
  const sizes = [32, 64, 64, 8];
  const batch = 64;
  const { params, model } = createMlp(lt, sizes, { name: 'soak_' });
  // a fixed teacher: labels are the argmax of a random linear map, so the loss can fall
  const teacher = lt.randomNormal([32, 8], 0, 1, 'float32', 99);
  const batches = Array.from({ length: 16 }, (_, b) => lt.tidy(() => {
    const x = lt.randomUniform([batch, 32], -1, 1, 'float32', 1000 + b);
    const y = lt.oneHot(x.matMul(teacher).argMax(1), 8).cast('float32');
    return { x: x.dataSync(), y: y.dataSync() };
  }));
  teacher.dispose();
  const optimizer = lt.train.adam(0.003);
  lt.resetMetrics();

  const samples = [];
  const every = Math.max(1, Math.floor(STEPS / 100));
  const t0 = performance.now();
  let loss = NaN;
  for (let step = 0; step < STEPS; step++) {
    await breathe(step);
    const { x: xs, y: ys } = batches[step % batches.length];
    const cost = lt.tidy(() => {
      const x = lt.tensor(xs, [batch, 32]);   // uploaded every step, freed by tidy
      const y = lt.tensor(ys, [batch, 8]);
      return optimizer.minimize(() => lt.losses.softmaxCrossEntropy(y, model(x)), true);
    });
    lt.markStep();
    if ((step + 1) % every === 0) {
      loss = cost.dataSync()[0];
      cost.dispose();
      samples.push(sample(step + 1, { loss }));
    } else cost.dispose();
    if ((step + 1) % Math.max(1, Math.floor(STEPS / 10)) === 0) {
      const s = samples[samples.length - 1];
      const ms = (performance.now() - t0) / (step + 1);
      console.log(`  step ${String(step + 1).padStart(6)}  loss ${loss.toFixed(4)}  rss ${MB(s.rss)} MB  wasm ${MB(s.coreHeap)}/${MB(s.interpreterHeap)} MB  tensors ${s.numTensors}  bytes ${s.numBytes}  nodes ${s.numGraphNodes}  compiles ${s.cacheMisses}  ${ms.toFixed(2)} ms/step`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const rows = flatness(samples, KEYS, Math.floor(STEPS * WARMUP));
  table(`soak 1 summary: ${STEPS} steps in ${seconds.toFixed(1)} s (${(seconds * 1000 / STEPS).toFixed(2)} ms/step), loss ${samples[0].loss.toFixed(4)} -> ${loss.toFixed(4)}, compiles ${lt.metrics().cacheMisses}, graphs ${lt.metrics().graphsExecuted}; warm-up ${Math.floor(STEPS * WARMUP)} steps, tolerance ${TOL * 100}%`, rows);
  if (rows.some((r) => !r.ok)) failed = true;
  if (lt.metrics().cacheMisses > 1) {
    console.log(`  FAIL: ${lt.metrics().cacheMisses} compiles for one training step (expected 1)`);
    failed = true;
  }
  if (!(loss < samples[0].loss)) {
    console.log(`  FAIL: the loss did not fall (${samples[0].loss} -> ${loss})`);
    failed = true;
  }
  optimizer.dispose();
  lt.dispose(params);
}

// ------------------------------------------------------------------ 2. random small ops
{
  console.log(`\nsoak 2: ${OPS} random small ops over 16 live [8,8] tensors, markStep every 100 ops, a read every 1,000`);
  // mulberry32, seeded: the same run every time
  let seed = 12345;
  const rand = () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const S = [8, 8];
  // every op maps [8,8] float32 tensors to one [8,8] float32 tensor (so numBytes stays flat)
  const OPS_LIST = [
    (a) => a.tanh(), (a) => a.sigmoid(), (a) => a.neg(), (a) => a.abs().sqrt(), (a) => a.sin(), (a) => a.relu(),
    (a) => a.square().add(1).log(), (a) => a.exp().clipByValue(-5, 5), (a) => a.transpose(), (a) => a.reverse(0),
    (a) => a.softmax(), (a) => a.logSoftmax().clipByValue(-5, 0), (a) => a.cumsum(1).mul(0.1), (a) => a.round(),
    (a, b) => a.add(b), (a, b) => a.sub(b), (a, b) => a.mul(b).clipByValue(-5, 5), (a, b) => a.div(b.abs().add(1)),
    (a, b) => a.maximum(b), (a, b) => lt.where(a.greater(b), a, b.mul(0.5)), (a, b) => a.matMul(b).mul(0.125),
    (a, b) => a.matMul(b, false, true).tanh(), (a, b) => a.squaredDifference(b).sqrt(), (a, b) => lt.atan2(a, b),
    (a) => a.sum(1, true).broadcastTo(S).mul(0.125), (a) => a.max(0, true).broadcastTo(S), (a) => a.mean().add(a),
    (a) => lt.pad(a.slice([1, 1], [6, 6]), [[1, 1], [1, 1]], 0.5), (a) => lt.concat([a.slice([0, 0], [4, 8]), a.slice([4, 0], [4, 8]).neg()], 0),
    (a) => lt.tile(a.slice([0, 0], [4, 4]), [2, 2]), (a) => a.cast('int32').cast('float32'), (a) => a.reshape([64]).reverse().reshape(S),
    (a) => lt.stack([a.sum(0), a.sum(1)]).tile([4, 1]).mul(0.1), (a, b) => lt.gather(a, lt.tensor([7, 6, 5, 4, 3, 2, 1, 0], [8], 'int32')).add(b),
    (a) => lt.oneHot(a.argMax(1), 8).cast('float32').add(a), (a, b) => lt.dot(a, b).mul(0.1), (a) => a.add(rand() * 2 - 1),
  ];
  const pool = Array.from({ length: 16 }, (_, i) => lt.randomUniform(S, -1, 1, 'float32', 500 + i));
  lt.markStep();
  lt.resetMetrics();
  const samples = [];
  const t0 = performance.now();
  let checksum = 0;
  for (let i = 0; i < OPS; i++) {
    await breathe(i);
    const f = pick(OPS_LIST);
    const a = pick(pool), b = pick(pool);
    const out = lt.tidy(() => f(a, b));
    const slot = Math.floor(rand() * pool.length);
    pool[slot].dispose();
    pool[slot] = out;
    if ((i + 1) % 100 === 0) lt.markStep();
    if ((i + 1) % 1000 === 0) {
      const v = pool[slot].dataSync();
      checksum += Number.isFinite(v[0]) ? v[0] : 0;
      samples.push(sample(i + 1));
    }
    if ((i + 1) % Math.max(1, Math.floor(OPS / 10)) === 0 && samples.length) {   // short runs: after the first sample
      const s = samples[samples.length - 1];
      console.log(`  op ${String(i + 1).padStart(7)}  rss ${MB(s.rss)} MB  wasm ${MB(s.coreHeap)}/${MB(s.interpreterHeap)} MB  tensors ${s.numTensors}  bytes ${s.numBytes}  nodes ${s.numGraphNodes}  compiles ${s.cacheMisses}  graphs ${s.graphsExecuted}  ${((performance.now() - t0) / (i + 1) * 1000).toFixed(1)} µs/op`);
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const rows = flatness(samples, KEYS, Math.floor(OPS * WARMUP));
  table(`soak 2 summary: ${OPS} ops in ${seconds.toFixed(1)} s (${(seconds * 1e6 / OPS).toFixed(1)} µs/op), ${lt.metrics().graphsExecuted} graphs, ${lt.metrics().cacheMisses} compiles, checksum ${checksum.toFixed(3)}; warm-up ${Math.floor(OPS * WARMUP)} ops, tolerance ${TOL * 100}%`, rows);
  if (rows.some((r) => !r.ok)) failed = true;
  lt.dispose(pool);
  const end = lt.memory();
  console.log(`\nafter disposing everything: lt.memory() = ${JSON.stringify(end)}`);
  if (end.numTensors !== 0 || end.numBytes !== 0) {
    console.log('  FAIL: tensors or bytes left after disposing everything');
    failed = true;
  }
}

console.log(failed ? '\nsoak: FAILED (see the rows marked NO)' : '\nsoak: OK, flat');
process.exit(failed ? 1 : 0);
