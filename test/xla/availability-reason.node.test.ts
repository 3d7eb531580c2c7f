// Issue 6, point 4: without a usable XLA addon, lt.backends() says why in plain words and
// setBackend('xla') refuses with that reason, in a fresh Node process over the built bundle
// (dist/lazytensor.mjs, as a consumer loads it): the addon missing, or a file that is no addon.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** lt.backends().xla and what setBackend('xla') throws, with LT_XLA_ADDON = addon. */
function probe(addon: string): { xla: { available: boolean; reason?: string }; refused: string } {
  const code = `
    import * as lt from './dist/lazytensor.mjs';
    await lt.ready();
    let refused = '';
    try { lt.setBackend('xla'); } catch (e) { refused = e.message; }
    console.log(JSON.stringify({ xla: lt.backends().xla, refused, y: Array.from(lt.tensor([1, 2]).add(1).dataSync()) }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { ...process.env, LT_XLA_ADDON: addon } });
  const r = JSON.parse(out.trim().split('\n').pop()!);
  expect(r.y, 'the interpreter still computes').toEqual([2, 3]);
  return r;
}

describe('XLA unavailable: a clear reason', () => {
  it('when the addon is not built', () => {
    const r = probe('/nonexistent/lazytensor_xla.node');
    expect(r.xla.available).toBe(false);
    expect(r.xla.reason).toMatch(/XLA addon is not built \(npm run build:native; looked for \/nonexistent\/lazytensor_xla.node\)/);
    expect(r.refused).toContain(r.xla.reason);
  });

  it('when the file is not a loadable addon', () => {
    const bad = join(mkdtempSync(join(tmpdir(), 'lt-xla-')), 'lazytensor_xla.node');
    writeFileSync(bad, 'not an ELF file');
    const r = probe(bad);
    expect(r.xla.available).toBe(false);
    expect(r.xla.reason).toMatch(/^the XLA addon failed to load: .*lazytensor_xla\.node/);
    expect(r.refused).toMatch(/not available: the XLA addon failed to load/);
  });
});
