// npm run bench [-- --filter <text|/regex/>] [--quick] [--slow-peers] [--peers a,b] [--out <dir>]
//
// Runs every suite (tracing, cache + passes, kernels, mlp, and xla when the addon is built) on every available lazytensor
// backend and on the peers (tfjs cpu + wasm, jax-js eager + jit), in one process, with the same
// shapes and data; checks each kernel's result against the reference before timing it; writes
// bench/results/latest.json and latest.md and prints the markdown. Exits 1 if any result did
// not match its reference or a lazytensor case failed.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import * as lt from 'lazytensor';
import { setupPeers, installedVersion } from './peers.mjs';
import { measure, compare } from './measure.mjs';
import { renderMarkdown, writeResults, fmt, PEERS } from './report.mjs';
import * as tracing from './suites/tracing.mjs';
import * as cache from './suites/cache.mjs';
import * as kernels from './suites/kernels.mjs';
import * as mlp from './suites/mlp.mjs';
import * as xla from './suites/xla.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REFERENCE_ORDER = ['tfjs-cpu', 'tfjs-wasm', 'jax-js eager', 'jax-js jit'];
const DEFAULT_TOL = 1e-4;

function parseArgs(argv) {
  const o = { filters: [], quick: false, slowPeers: false, peers: null, out: join(HERE, 'results') };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--slow-peers') o.slowPeers = true;
    else if (a.startsWith('--filter')) o.filters.push(val());
    else if (a.startsWith('--peers')) o.peers = val().split(',').map((s) => s.trim()).filter(Boolean);
    else if (a.startsWith('--out')) o.out = val();
    else if (a === '--help' || a === '-h') {
      console.log('usage: npm run bench -- [--filter <text|/regex/>]... [--quick] [--slow-peers] [--peers tfjs-cpu,tfjs-wasm,jax-js eager,jax-js jit] [--out dir]');
      process.exit(0);
    } else if (!a.startsWith('-')) o.filters.push(a);
    else throw new Error(`unknown option ${a} (try --help)`);
  }
  return o;
}

function matches(filters, text) {
  if (filters.length === 0) return true;
  return filters.some((f) => {
    const m = /^\/(.*)\/([a-z]*)$/.exec(f);
    return m ? new RegExp(m[1], m[2] || 'i').test(text) : text.toLowerCase().includes(f.toLowerCase());
  });
}

const firstLine = (e) => (e && e.message ? `${e.name && e.name !== 'Error' ? e.name + ': ' : ''}${e.message.split('\n')[0]}` : String(e));
const isTTY = process.stdout.isTTY;
const red = (s) => (isTTY ? `\x1b[31m${s}\x1b[0m` : s);

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const loadStart = os.loadavg().map((x) => x.toFixed(2)).join(' ');

  await lt.ready();
  // Figures are single-threaded unless a row says otherwise (issue 3): the kernels suite adds
  // a "↳ N threads" row for the interpreter, N = the THREADS default (the number of cores).
  const threads = lt.env().get('THREADS');
  lt.env().set('THREADS', 1);
  const bk = lt.backends();
  const ltBackends = Object.keys(bk).filter((b) => bk[b].available);
  const ltUnavailable = Object.keys(bk).filter((b) => !bk[b].available).map((b) => `${b} (${bk[b].reason})`);

  const peers = await setupPeers();
  const available = { ...peers.available };
  if (opts.peers) for (const p of PEERS) if (!opts.peers.includes(p) && available[p] === true) available[p] = 'excluded by --peers';

  const ctx = { lt, peers, ltBackends, quick: opts.quick, slowPeers: opts.slowPeers, threads };
  const suites = [tracing, cache, kernels, mlp, xla];
  const titles = { tracing: tracing.title, cache: cache.title, passes: cache.passesTitle, kernels: kernels.title, mlp: mlp.title, xla: xla.title };
  const all = suites.flatMap((s) => s.cases(ctx));
  const cases = all.filter((c) => matches(opts.filters, `${c.suite} ${c.name}`));
  if (cases.length === 0) throw new Error(`--filter ${opts.filters.join(' ')} matches no case; cases: ${all.map((c) => `${c.suite} ${c.name}`).join('; ')}`);

  console.log(`lazytensor bench: ${cases.length} cases · lazytensor backends [${ltBackends.join(', ')}] · ` +
    `peers ${PEERS.map((p) => `${p}${available[p] === true ? '' : ' (unavailable)'}`).join(', ')} · ` +
    `${os.cpus()[0].model}, ${os.cpus().length} cores · load ${loadStart}`);
  for (const p of PEERS) if (available[p] !== true) console.log(`  ${p} not run: ${available[p]}`);
  for (const n of peers.notes) console.log(`  ${n}`);

  const failures = [];
  const problems = [];
  for (const p of PEERS) if (available[p] !== true && available[p] !== 'excluded by --peers') problems.push(`peer ${p} could not run: ${available[p]}`);

  for (let ci = 0; ci < cases.length; ci++) {
    const c = cases[ci];
    const tc = performance.now();
    const tag = `[${String(ci + 1).padStart(2)}/${cases.length}] ${c.suite} · ${c.name}:`;
    process.stdout.write(tag);
    c.results = {};
    const order = [...c.impls].sort((a, b) => {
      const ra = REFERENCE_ORDER.indexOf(a.name), rb = REFERENCE_ORDER.indexOf(b.name);
      return (ra < 0 ? 99 : ra) - (rb < 0 ? 99 : rb);
    });
    // A case may bring its own reference (a float64 JS computation); otherwise the first
    // implementation to run (tfjs-cpu when available) provides it.
    let reference = null, referenceName = null;
    if (c.reference) {
      reference = await c.reference();
      referenceName = c.referenceName ?? 'the float64 JS reference';
    }
    const parts = [];
    for (const impl of order) {
      const isLt = impl.name.startsWith('lazytensor');
      const peerState = isLt ? true : available[impl.name];
      if (peerState !== true || impl.unavailable) {
        c.results[impl.name] = { unavailable: impl.unavailable || `${impl.name}: ${peerState}` };
        parts.push(`${impl.name} n/a`);
        continue;
      }
      let h;
      const res = {};
      try {
        h = await impl.setup();
        let out = null;
        if (h.check) out = await h.check();
        else if (h.isAsync) await h.fn(); else h.fn();
        if (out != null) {
          if (reference == null) {
            reference = out;
            referenceName = impl.name;
            res.detail = 'reference for the check';
          } else {
            const { err, where } = compare(out, reference);
            res.checkErr = err;
            const tol = c.tol ?? DEFAULT_TOL;
            if (!(err <= tol)) {
              const e = new Error(`MISMATCH vs ${referenceName}: max error ${fmt(err)} (relative to max |ref|) > tolerance ${tol}, at ${where}`);
              e.mismatch = true;
              throw e;
            }
            res.detail = `matches ${referenceName} within ${err.toExponential(1)}`;
          }
        }
        h.beforeTiming?.();
        const m = h.custom ? await h.custom() : await measure(h.fn, { isAsync: !!h.isAsync, quick: opts.quick });
        const after = h.afterTiming?.() ?? {};
        const extras = [...(m.extras ?? []), ...(after.extras ?? []), ...(h.extras ? h.extras() : [])];
        Object.assign(res, {
          medianMs: m.median,
          meanMs: m.mean,
          minMs: Math.min(...m.samples),
          rme: m.rme,
          value: c.value(m.median),
          method: m.method,
          samplesMs: m.samples.slice(0, 1000),
          extras,
        });
        const details = [res.detail, h.detail, m.detail, after.detail, m.method].filter(Boolean);
        res.detail = details.join('; ');
        for (const p of [...(m.problems ?? []), ...(after.problems ?? [])]) problems.push(p);
        parts.push(`${impl.name} ${fmt(res.value)}`);
      } catch (e) {
        res.error = firstLine(e);
        if (e.mismatch) res.mismatch = true;
        if (e.mismatch || isLt) {
          failures.push(`${c.suite} · ${c.name} · ${impl.name}: ${res.error}`);
          parts.push(red(`${impl.name} ${e.mismatch ? '✗ MISMATCH' : '✗ ERROR'}`));
          console.error(red(`\n  ✗ ${impl.name}: ${res.error}`) + (isLt && !e.mismatch ? `\n${String(e.stack).split('\n').slice(1, 4).join('\n')}` : ''));
        } else {
          parts.push(`${impl.name} error`);
          problems.push(`${c.suite} · ${c.name} · ${impl.name} (peer) failed: ${res.error}`);
        }
      } finally {
        try { h?.teardown?.(); } catch (e) { problems.push(`${c.suite} · ${c.name} · ${impl.name}: teardown failed: ${firstLine(e)}`); }
      }
      c.results[impl.name] = res;
    }
    c.release?.();
    // Display order: lazytensor first, then the peers.
    const shown = parts.sort((a, b) => (b.startsWith('lazytensor') ? 1 : 0) - (a.startsWith('lazytensor') ? 1 : 0));
    process.stdout.write(` ${shown.join(' · ')} ${c.unit}  (${((performance.now() - tc) / 1e3).toFixed(1)} s)\n`);
  }

  // Targets from the issue, and lazytensor's slow spots relative to the peers.
  const ltCols = ltBackends.map((b) => `lazytensor[${b}]`);
  const targets = [];
  const get = (suite, name) => cases.find((c) => c.suite === suite && c.name === name);
  for (const l of ltCols) {
    for (const name of ['chain of 1k adds', 'chain of 10k adds']) {
      const r = get('tracing', name)?.results[l];
      if (!r || r.value == null) continue;
      const rec = r.extras.find((e) => e.label === 'record only')?.value;
      targets.push({ what: `${l} tracing, ${name}: record + dispose ≤ 0.3 µs/op`, measured: `${r.value.toPrecision(3)} µs/op`, met: r.value <= 0.3 });
      if (rec != null) targets.push({ what: `${l} tracing, ${name}: record only ≤ 0.3 µs/op`, measured: `${rec.toPrecision(3)} µs/op`, met: rec <= 0.3 });
    }
    const r = get('cache', '1k-node graph, trace + sync')?.results[l];
    const ov = r?.extras?.find((e) => e.key === 'overhead')?.value;
    if (ov != null) targets.push({ what: `${l} cached sync of 1,000 nodes, excluding execute ≤ 50 µs`, measured: `${fmt(ov)} µs`, met: ov <= 50 });
  }
  for (const s of suites) if (s.targets) targets.push(...s.targets(cases));
  for (const t of targets) if (t.met === false) problems.push(`target missed: ${t.what} (measured ${t.measured})`);
  for (const c of cases) {
    for (const l of ltCols) {
      const r = c.results[l];
      if (!r || r.medianMs == null || c.suite === 'passes') continue;
      // Flag only clear gaps (more than 5%), not noise.
      const faster = PEERS.filter((p) => c.results[p]?.medianMs != null && c.results[p].medianMs * 1.05 < r.medianMs);
      if (faster.length) {
        const best = faster.reduce((a, b) => (c.results[a].medianMs < c.results[b].medianMs ? a : b));
        problems.push(`${c.suite} · ${c.name}: ${l} ${fmt(r.value)} ${c.unit} is ${(r.medianMs / c.results[best].medianMs).toFixed(1)}× slower than ${best} (${fmt(c.results[best].value)} ${c.unit}); also slower than: ${faster.filter((p) => p !== best).join(', ') || 'none'}`);
      }
    }
  }
  for (const f of failures) problems.unshift(`FAILED: ${f}`);

  const wallS = (performance.now() - t0) / 1e3;
  const meta = {
    machine: os.cpus()[0].model,
    cores: os.cpus().length,
    node: process.version,
    date: new Date().toISOString(),
    loadStart,
    loadEnd: os.loadavg().map((x) => x.toFixed(2)).join(' '),
    wallS,
    quick: opts.quick,
    filter: opts.filters.join(' '),
    versions: {
      lazytensor: installedVersion('lazytensor'),
      ...peers.versions,
      benchmark: installedVersion('benchmark'),
    },
    peerNotes: peers.notes,
    ltBackends,
    ltUnavailable,
    peersAvailable: available,
  };
  const md = renderMarkdown({ meta, cases, ltCols, titles, problems, targets });
  const json = {
    meta,
    targets,
    problems,
    failures,
    cases: cases.map((c) => ({ suite: c.suite, name: c.name, unit: c.unit, higherIsBetter: !!c.higherIsBetter, detail: c.detail, results: c.results })),
  };
  const files = writeResults(opts.out, json, md);
  console.log('\n' + md);
  console.log(`wrote ${files.join(', ')} · total wall time ${wallS.toFixed(1)} s`);
  if (failures.length) {
    console.error(red(`\n${failures.length} FAILURE(S):\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`));
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
