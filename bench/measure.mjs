// Timing one implementation of one case. Fast cases (under ~300 ms a call) go through
// benchmark.js with a sample count and time cap chosen from a warm call; slow ones (a matmul
// 1024 on an interpreter can take seconds) are timed with a few plain calls, so the whole
// run stays within its budget. Everything is reported in milliseconds per call.
import Benchmark from 'benchmark';

export const now = () => performance.now();

export function median(xs) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function mean(xs) {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Relative margin of error (95%, Student t approximated by 1.96 for n > 30) in percent. */
export function rme(xs) {
  if (xs.length < 2) return null;
  const m = mean(xs);
  const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
  const t = xs.length > 30 ? 1.96 : [12.71, 4.30, 3.18, 2.78, 2.57, 2.45, 2.36, 2.31, 2.26, 2.23, 2.20, 2.18, 2.16, 2.14, 2.13, 2.12, 2.11, 2.10, 2.09, 2.09, 2.08, 2.07, 2.07, 2.06, 2.06, 2.06, 2.05, 2.05, 2.05][xs.length - 2];
  return (t * Math.sqrt(v / xs.length) / m) * 100;
}

/** The sampling policy; `quick` trades precision for time. */
export function policy(quick) {
  return quick
    ? { slowMs: 300, slowBudgetMs: 1200, maxSlowSamples: 3, maxTime: 0.3, minSamples: [8, 4, 3] }
    : { slowMs: 300, slowBudgetMs: 3000, maxSlowSamples: 5, maxTime: 1.0, minSamples: [20, 8, 4] };
}

function runBenchmarkJs(fn, isAsync, minSamples, maxTime) {
  return new Promise((resolve, reject) => {
    const options = isAsync
      ? { defer: true, fn: (deferred) => { fn().then(() => deferred.resolve(), (e) => { deferred.benchmark.error = e; deferred.resolve(); }); } }
      : { fn };
    const bench = new Benchmark({ ...options, minSamples, maxTime, initCount: 1, async: false });
    bench.on('complete', () => {
      if (bench.error) reject(bench.error);
      else resolve(bench);
    });
    bench.on('error', () => reject(bench.error));
    bench.run();
  });
}

/**
 * Times fn (already called once by the caller, which also checked its result).
 * Returns { samples (ms per call), median, mean, rme, method }.
 */
export async function measure(fn, { isAsync = false, quick = false } = {}) {
  const p = policy(quick);
  // One warm call, timed, picks the method.
  const t0 = now();
  if (isAsync) await fn(); else fn();
  const warm = now() - t0;

  if (warm >= p.slowMs) {
    const n = Math.max(1, Math.min(p.maxSlowSamples, Math.floor(p.slowBudgetMs / warm)));
    const samples = [warm]; // the warm call is already a steady-state call
    for (let i = 1; i < n; i++) {
      const t = now();
      if (isAsync) await fn(); else fn();
      samples.push(now() - t);
    }
    return { samples, median: median(samples), mean: mean(samples), rme: rme(samples), method: `plain calls ×${samples.length}` };
  }

  const minSamples = warm < 1 ? p.minSamples[0] : warm < 20 ? p.minSamples[1] : p.minSamples[2];
  const maxTime = warm < 20 ? p.maxTime : p.maxTime * 1.5;
  const bench = await runBenchmarkJs(fn, isAsync, minSamples, maxTime);
  const samples = bench.stats.sample.map((s) => s * 1e3);
  return {
    samples,
    median: median(samples),
    mean: bench.stats.mean * 1e3,
    rme: bench.stats.rme,
    method: `benchmark.js ${samples.length} samples × ${bench.count} calls`,
  };
}

/**
 * Runs `iteration` (which returns an object of named numbers, in ms) repeatedly for about
 * maxTime seconds and at least minIters times, after `warmup` untimed calls; returns the
 * median of each named number. For cases that need timings from inside one iteration.
 */
export function measureParts(iteration, { quick = false, warmup = 3, minIters = 10 } = {}) {
  const p = policy(quick);
  for (let i = 0; i < warmup; i++) iteration();
  const parts = {};
  const t0 = now();
  let n = 0;
  while (n < minIters || now() - t0 < p.maxTime * 1e3) {
    const r = iteration();
    for (const k in r) (parts[k] ??= []).push(r[k]);
    n++;
    if (n > 100000) break;
  }
  const out = { iterations: n };
  for (const k in parts) out[k] = { median: median(parts[k]), mean: mean(parts[k]), rme: rme(parts[k]), samples: parts[k] };
  return out;
}

/**
 * Compares outputs (one typed array or a list) with the reference: the largest |a - b|
 * divided by max(1, max |ref|) over each output, so one tolerance fits values of any size.
 * Returns { err, where } (err is Infinity for a length mismatch or a NaN where the reference has none).
 */
export function compare(out, ref) {
  const outs = Array.isArray(out) ? out : [out];
  const refs = Array.isArray(ref) ? ref : [ref];
  if (outs.length !== refs.length) return { err: Infinity, where: `${outs.length} outputs, expected ${refs.length}` };
  let worst = 0, where = '';
  for (let k = 0; k < outs.length; k++) {
    const a = outs[k], b = refs[k];
    if (!a || a.length !== b.length) return { err: Infinity, where: `output ${k} has ${a ? a.length : 'no'} elements, expected ${b.length}` };
    let scale = 1;
    for (let i = 0; i < b.length; i++) if (Math.abs(b[i]) > scale) scale = Math.abs(b[i]);
    for (let i = 0; i < b.length; i++) {
      let d = Math.abs(a[i] - b[i]) / scale;
      if (Number.isNaN(d)) d = Number.isNaN(b[i]) && Number.isNaN(a[i]) ? 0 : Infinity;
      if (d > worst) {
        worst = d;
        where = `${outs.length > 1 ? `output ${k} ` : ''}[${i}]: got ${a[i]}, expected ${b[i]}`;
      }
    }
  }
  return { err: worst, where };
}
