// The interpreter in Chromium, side by side with tfjs-wasm in the same page: matmul 1024 and
// the hand-written MLP step, single-threaded and with THREADS=2 (Web Workers), with the build
// the page picks (relaxed SIMD where Chromium accepts it, which Node 20 does not without a
// flag). Serves the repository's dist/, bench/ and the tfjs files cross-origin isolated (COOP +
// COEP, for shared memory) on a local port, drives Debian's Chromium through playwright
// (scripts/chromium.mjs, as the browser tests do), prints a table and writes
// bench/results/browser.md. Nothing is fetched from outside the machine.
//
// usage: npm run bench:browser [-- --reps N]
import { createServer } from 'node:http';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { chromiumPath } from '../scripts/chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVED = ['dist/', 'bench/', 'node_modules/@tensorflow/'];
const TYPES = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.map': 'application/json' };
const PAGE = `<!doctype html><script type="importmap">${JSON.stringify({
  imports: {
    '@tensorflow/tfjs-core': '/node_modules/@tensorflow/tfjs-core/dist/tf-core.fesm.js',
    '@tensorflow/tfjs-backend-wasm': '/node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.fesm.js',
    // Node built-ins the tfjs-wasm bundle imports for its Node path, unused in a page
    ...Object.fromEntries(['fs', 'path', 'perf_hooks', 'os'].map((m) => [m, 'data:text/javascript,export default {}'])),
  },
})}</script><body></body>`;

function serve() {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname)).replace(/^\/+/, '');
    const headers = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
    if (path === '') { res.writeHead(200, { ...headers, 'Content-Type': 'text/html' }); res.end(PAGE); return; }
    if (!SERVED.some((p) => path.startsWith(p))) { res.writeHead(404, headers); res.end(); return; }
    try {
      const body = await readFile(join(ROOT, path));
      res.writeHead(200, { ...headers, 'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, headers);
      res.end();
    }
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));

async function main() {
  const at = process.argv.indexOf('--reps');
  const reps = at > 0 ? Number(process.argv[at + 1]) : 15;
  if (!existsSync(join(ROOT, 'dist', 'lazytensor.browser.mjs'))) throw new Error('no dist/lazytensor.browser.mjs: run npm run build first');
  const server = await serve();
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--disable-gpu', '--disable-quic', '--no-proxy-server'] });
  try {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    console.log(`Chromium ${browser.version()}: running (about a minute)…`);
    const { rows, env } = await page.evaluate(async (r) => (await import('/bench/browser/page.mjs')).run({ reps: r }), reps);
    const lines = [
      '# lazytensor in Chromium',
      '',
      `${new Date().toISOString()} · Chromium ${browser.version()} · cross-origin isolated: ${env.crossOriginIsolated} · ` +
        `lazytensor's interpreter build: ${env.build} · tfjs-wasm: SIMD, single-threaded XNNPACK · medians`,
      '',
      `| case | unit | lazytensor, 1 thread | lazytensor, ${env.threads} threads | tfjs-wasm | 1 thread vs tfjs-wasm | ${env.threads} threads ÷ 1 thread |`,
      '|---|---|---:|---:|---:|---:|---:|',
      ...rows.map((r) => {
        const up = r.unit === 'ms' ? (a, b) => b / a : (a, b) => a / b; // above 1: lazytensor faster / threads help
        return `| ${r.name} | ${r.unit} | ${fmt(r.lt1)} | ${fmt(r.ltN)} | ${fmt(r.tf)} | ${up(r.lt1, r.tf).toFixed(2)}× | ${up(r.ltN, r.lt1).toFixed(2)}× |`;
      }),
      '',
    ];
    console.log(lines.join('\n'));
    await mkdir(join(ROOT, 'bench', 'results'), { recursive: true });
    await writeFile(join(ROOT, 'bench', 'results', 'browser.md'), lines.join('\n'));
    console.log('wrote bench/results/browser.md');
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
