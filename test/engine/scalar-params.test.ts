// Scalars from user code are Program params: a cached executable keeps one device buffer per
// scalar slot and uploads it again only when that slot's value changed (runtime.ts
// scalarArg). A changed value must never run with the stale one: checked bit for bit here,
// -0 and NaN included, with the uploads counted.
import { beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';

beforeAll(async () => { await lt.ready(); });

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length), (u) => u.toString(16));

describe('scalar params of a cached executable', () => {
  it('are uploaded when their value changes, reused when it does not, and always current', () => {
    const x = lt.tensor([1, -2]);
    const run = (s: number) => lt.tidy(() => {
      const before = lt.metrics();
      const y = x.mul(s).dataSync() as Float32Array;
      const after = lt.metrics();
      return { y: bits(y), uploads: after.transfersToDevice - before.transfersToDevice, misses: after.cacheMisses - before.cacheMisses };
    });
    const f = (...v: number[]) => bits(Float32Array.from(v));
    const first = run(3);
    expect(first.y).toEqual(f(3, -6));
    const cases: [number, string[], number][] = [
      [3, f(3, -6), 0],          // same value: the buffer kept with the executable is reused
      [-0, f(-0, 0), 1],         // -0 is not 0 (0 itself is a constant, another graph)
      [-0, f(-0, 0), 0],
      [NaN, f(NaN, NaN), 1],
      [NaN, f(NaN, NaN), 0],
      [2.5, f(2.5, -5), 1],
      [3, f(3, -6), 1],
    ];
    for (const [s, want, uploads] of cases) {
      const r = run(s);
      expect(r.y, `x * ${Object.is(s, -0) ? '-0' : s}`).toEqual(want);
      expect(r.uploads, `uploads for x * ${s}`).toBe(uploads);
      expect(r.misses, 'compile-cache misses').toBe(0);
    }
    x.dispose();
  });
});
