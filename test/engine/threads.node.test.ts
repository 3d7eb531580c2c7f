// Threads in Node, where a process and worker_threads can be checked directly: workers never
// keep a process alive (ESM and CJS bundles), and an interpreter whose workers cannot be
// created computes the same results on one thread.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as lt from '../../ts/index';
import { accelerator, setAccelerator } from '../../ts/engine/runtime';
import { WasmAccelerator } from '../../accelerators/wasm';
import type { Accelerator } from '../../accelerators/accelerator';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let original: Accelerator;
const initialThreads = lt.env().get('THREADS');
beforeAll(async () => { await lt.ready(); original = accelerator(); });
afterAll(() => { setAccelerator(original); lt.env().set('THREADS', initialThreads); });

/** A 300 x 300 product of known values (above the threading threshold): sum_k (i + k)(k - j). */
function product(): { out: Float32Array; want: Float64Array } {
  const n = 300;
  const a = new Float32Array(n * n), b = new Float32Array(n * n), want = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) { a[i * n + k] = (i + k) % 7; b[i * n + k] = (i - k) % 5; }
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
    want[i * n + j] = s;
  }
  const out = lt.tidy(() => lt.matMul(lt.tensor(a, [n, n]), lt.tensor(b, [n, n])).dataSync()) as Float32Array;
  return { out, want };
}

describe('threads in Node', () => {
  for (const [kind, load] of [
    ['ESM', `import * as lt from 'lazytensor';`],
    ['CJS', `const lt = require('lazytensor');`],
  ] as const) {
    it(`${kind}: a process that used 2 threads exits by itself`, () => {
      const code = `${load}
        (async () => {
          await lt.ready();
          lt.env().set('THREADS', 2);
          const n = 512, a = new Float32Array(n * n).fill(1);
          for (let i = 0; i < 20; i++) lt.tidy(() => lt.matMul(lt.tensor(a, [n, n]), lt.tensor(a, [n, n])).dataSync());
          const v = lt.tidy(() => lt.matMul(lt.tensor(a, [n, n]), lt.tensor(a, [n, n])).dataSync()[0]);
          console.log('done ' + v);
        })();`;
      const t0 = Date.now();
      const out = execFileSync(process.execPath, [`--input-type=${kind === 'ESM' ? 'module' : 'commonjs'}`, '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
      expect(out.trim()).toBe('done 512');
      expect(Date.now() - t0).toBeLessThan(30_000);
    });
  }

  it('computes on one thread when workers cannot be created', async () => {
    const wt = (process as any).getBuiltinModule('worker_threads');
    const Worker = wt.Worker;
    wt.Worker = class { constructor() { throw new Error('no workers here'); } };
    try {
      const other = await WasmAccelerator.create();
      setAccelerator(other);
      lt.env().set('THREADS', 2);
      const { out, want } = product();
      for (let i = 0; i < want.length; i++) if (out[i] !== want[i]) expect.fail(`[${i}] ${out[i]} vs ${want[i]}`);
      expect(other.threads).toMatchObject({ possible: false, active: 1, workers: 0 });
    } finally {
      wt.Worker = Worker;
      setAccelerator(original);
    }
  });
});
