// Turns the results of a run into bench/results/latest.json (everything, samples included) and
// bench/results/latest.md (a markdown table per suite: medians, and lazytensor's speed ratio
// against each peer), which run.mjs also prints.
import { mkdirSync, writeFileSync } from 'node:fs';

export const PEERS = ['tfjs-cpu', 'tfjs-wasm', 'jax-js eager', 'jax-js jit'];

/** 3 significant digits, no exponent for the ranges used here. */
export function fmt(v) {
  if (v == null || Number.isNaN(v)) return '–';
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en-US');
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  if (a >= 0.01) return v.toFixed(3);
  return v.toPrecision(2);
}

const esc = (s) => String(s).replace(/\|/g, '\\|');

/** The ratio cell: peer time / lazytensor time (> 1: lazytensor is faster). */
function ratio(ltRes, peerRes) {
  if (!ltRes || !peerRes || ltRes.medianMs == null || peerRes.medianMs == null) return '–';
  const r = peerRes.medianMs / ltRes.medianMs;
  return `${r >= 10 ? r.toFixed(0) : r >= 1 ? r.toFixed(1) : r.toFixed(2)}×`;
}

function cell(res, notes) {
  if (!res) return '–';
  if (res.unavailable) return notes(res.unavailable, 'n/a');
  if (res.mismatch) return notes(res.error, '**MISMATCH**');
  if (res.error) return notes(res.error, '**error**');
  return fmt(res.value);
}

/**
 * meta: { machine, cores, node, date, ... }; cases: [{ suite, name, unit, results: {impl: res} }];
 * ltCols: the lazytensor implementation names; titles: suite -> heading; problems: strings.
 */
export function renderMarkdown({ meta, cases, ltCols, titles, problems, targets }) {
  const out = [];
  out.push('# lazytensor benchmarks');
  out.push('');
  out.push(`Machine: ${meta.machine}, ${meta.cores} cores · Node ${meta.node} · ${meta.date} · load average at start ${meta.loadStart}, at end ${meta.loadEnd} · total wall time ${meta.wallS.toFixed(0)} s${meta.quick ? ' · --quick' : ''}${meta.filter ? ` · --filter ${meta.filter}` : ''}`);
  const busiest = Math.max(parseFloat(meta.loadStart), parseFloat(meta.loadEnd));
  if (busiest > meta.cores * 0.75) {
    out.push('');
    out.push(`**Warning: the machine was busy (1-minute load average ${busiest.toFixed(1)} on ${meta.cores} cores): other processes competed for the CPUs, so times are inflated and noisy; compare columns within this run only.**`);
  }
  out.push('');
  out.push(`Versions: ${Object.entries(meta.versions).map(([k, v]) => `${k} ${v}`).join(', ')}.`);
  if (meta.peerNotes.length) out.push(`Peers: ${meta.peerNotes.join('; ')}.`);
  if (meta.ltUnavailable.length) out.push(`lazytensor backends not available here: ${meta.ltUnavailable.join('; ')}.`);
  out.push('');
  out.push('Cells are medians. "vs X" = X\'s median time ÷ lazytensor\'s (above 1×: lazytensor is faster). ' +
    'Rows marked ↳ are parts of the row above, lazytensor only. n/a = not run (reason in the notes).');

  const footnotes = [];
  const notes = (text, mark) => {
    let i = footnotes.indexOf(text);
    if (i < 0) { footnotes.push(text); i = footnotes.length - 1; }
    return `${mark}[${i + 1}]`;
  };

  const peers = PEERS;
  const ratioCols = ltCols.length === 1 ? peers.map((p) => ({ lt: ltCols[0], peer: p, label: `vs ${p}` }))
    : ltCols.flatMap((l) => peers.map((p) => ({ lt: l, peer: p, label: `${l} vs ${p}` })));
  const suites = [...new Set(cases.map((c) => c.suite))];
  for (const suite of suites) {
    out.push('');
    out.push(`## ${titles[suite] ?? suite}`);
    out.push('');
    const header = ['case', 'unit', ...ltCols, ...peers, ...ratioCols.map((r) => r.label)];
    out.push(`| ${header.join(' | ')} |`);
    out.push(`|${header.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`);
    for (const c of cases.filter((x) => x.suite === suite)) {
      const row = [esc(c.name) + (c.detail ? ` (${esc(c.detail)})` : ''), c.unit + (c.higherIsBetter ? ' ↑' : ''),
        ...ltCols.map((l) => cell(c.results[l], notes)),
        ...peers.map((p) => cell(c.results[p], notes)),
        ...ratioCols.map((r) => ratio(c.results[r.lt], c.results[r.peer]))];
      out.push(`| ${row.join(' | ')} |`);
      // Extra rows (parts of lazytensor's number), one per label, lazytensor columns only.
      const labels = [];
      for (const l of ltCols) for (const e of c.results[l]?.extras ?? []) if (!labels.includes(e.label)) labels.push(e.label);
      for (const label of labels) {
        const cells = ltCols.map((l) => {
          const e = (c.results[l]?.extras ?? []).find((x) => x.label === label);
          return e ? fmt(e.value) : '–';
        });
        const unit = ltCols.map((l) => (c.results[l]?.extras ?? []).find((x) => x.label === label)?.unit).find(Boolean);
        out.push(`| ↳ ${esc(label)} | ${unit} | ${cells.join(' | ')} |${' |'.repeat(peers.length + ratioCols.length)}`);
      }
    }
    // Per-implementation details of this suite (how it was timed, what ran).
    const details = [];
    for (const c of cases.filter((x) => x.suite === suite)) {
      for (const [impl, r] of Object.entries(c.results)) {
        if (r.detail) details.push(`${c.name} · ${impl}: ${r.detail}`);
      }
    }
    if (details.length) {
      out.push('');
      out.push('<details><summary>details</summary>');
      out.push('');
      for (const d of details) out.push(`- ${esc(d)}`);
      out.push('');
      out.push('</details>');
    }
  }

  if (targets.length) {
    out.push('');
    out.push('## Targets');
    out.push('');
    out.push('| target | measured | met |');
    out.push('|---|---:|:---:|');
    for (const t of targets) out.push(`| ${esc(t.what)} | ${t.measured} | ${t.met == null ? '–' : t.met ? 'yes' : '**no**'} |`);
  }

  if (footnotes.length) {
    out.push('');
    out.push('## Notes');
    out.push('');
    footnotes.forEach((f, i) => out.push(`${i + 1}. ${esc(f)}`));
  }
  if (problems.length) {
    out.push('');
    out.push('## Problems seen in this run');
    out.push('');
    for (const p of problems) out.push(`- ${esc(p)}`);
  }
  out.push('');
  return out.join('\n');
}

export function writeResults(dir, json, md) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/latest.json`, JSON.stringify(json, null, 1) + '\n');
  writeFileSync(`${dir}/latest.md`, md);
  return [`${dir}/latest.json`, `${dir}/latest.md`];
}

