// Compares this environment's results for the fixed graphs (graphs.mjs) with Node's.
import { expect } from 'vitest';
import type { GraphResult } from './graphs.mjs';

/** Where the tests run: 'chromium <version>' or 'node <version>'. */
export function environment(): string {
  const nodeVersion = typeof process !== 'undefined' ? process.versions?.node : undefined;
  if (nodeVersion) return `node ${nodeVersion}`;
  const m = /(?:HeadlessChrome|Chrome|Chromium)\/([\d.]+)/.exec(globalThis.navigator?.userAgent ?? '');
  return m ? `chromium ${m[1]}` : `unknown (${globalThis.navigator?.userAgent})`;
}

export const inBrowser = (): boolean => environment().startsWith('chromium');

/** Same graphs, in the same order, with the same hash, Program text, shape, dtype and value
 *  bytes (bitwise). `what` names the two sides in messages. */
export function expectSameResults(here: GraphResult[], node: GraphResult[], what: string): void {
  expect(here.map((r) => r.name), `${what}: graphs`).toEqual(node.map((r) => r.name));
  for (let i = 0; i < node.length; i++) {
    const a = here[i], b = node[i];
    const label = `${what}: graph '${b.name}'`;
    expect(a.hash, `${label}: graphHash`).toMatch(/^[0-9a-f]{16}$/);
    expect(a.text, `${label}: graphText`).toBe(b.text);
    expect(a.hash, `${label}: graphHash`).toBe(b.hash);
    expect(a.shape, `${label}: shape`).toEqual(b.shape);
    expect(a.dtype, `${label}: dtype`).toBe(b.dtype);
    // values first (a readable diff), then their bytes (NaN payloads, -0)
    expect(a.values, `${label}: values`).toEqual(b.values);
    expect(a.bytes, `${label}: value bytes`).toBe(b.bytes);
  }
}
