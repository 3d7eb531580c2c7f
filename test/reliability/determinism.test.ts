// Issue 9: determinism. The same seed gives the same random tensors, and the same program the
// same results, bit for bit: run after run, in a fresh state, and in every environment.
//
// Node vs Chromium: test/browser/same-graph.test.ts (a browser-eligible suite) already compares
// the `seededRandom` graph of test/browser/graphs.mjs (randomNormal and randomUniform with
// seeds, a matMul, tanh, sigmoid, argMax) bit for bit with the values the Node process computed
// in the same run (test/browser/node-reference.ts). This file adds more seeded cases and a
// seeded training run, pinned to the bytes Node gives (FNV-1a of the values' bytes): it has no
// Node-only imports, so when its directory runs in the browser project (add 'reliability' to
// BROWSER_DIRS in vitest.config.ts) the same pins hold Chromium to Node's bytes.
// To re-pin after an intended change of the generators: LT_PRINT_PINS=1 npx vitest run
// test/reliability/determinism.test.ts prints the current values.
import { beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import * as R from '../reference';

beforeAll(async () => { await lt.ready(); });

function fnv1a(data: ArrayBufferView): string {
  const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** Seeded tensors, each read back as bytes. */
const CASES: Record<string, () => lt.Tensor> = {
  'randomUniform [1000] float32 seed 42': () => lt.randomUniform([1000], 0, 1, 'float32', 42),
  'randomUniform [10,10] [-5,5) int32 seed 7': () => lt.randomUniform([10, 10], -5, 5, 'int32', 7),
  'randomNormal [1000] float32 seed 42': () => lt.randomNormal([1000], 0, 1, 'float32', 42),
  'randomNormal [33] mean 3 std 0.5 seed 0': () => lt.randomNormal([33], 3, 0.5, 'float32', 0),
  'randomNormal [10,10] int32 seed 123456789': () => lt.randomNormal([10, 10], 0, 10, 'int32', 123456789),
  'randomUniform seed 2^32 - 1': () => lt.randomUniform([16], -1, 1, 'float32', 2 ** 32 - 1),
  'a seeded MLP forward pass': () => lt.tidy(() => {
    const x = lt.randomUniform([8, 16], -1, 1, 'float32', 1);
    const w1 = lt.randomNormal([16, 32], 0, 0.25, 'float32', 2);
    const w2 = lt.randomNormal([32, 4], 0, 0.25, 'float32', 3);
    return x.matMul(w1).relu().matMul(w2).softmax();
  }),
  '20 Adam steps of a seeded MLP (final weights)': () => {
    const w1 = lt.tidy(() => lt.variable(lt.randomNormal([16, 32], 0, 0.25, 'float32', 2), true));
    const w2 = lt.tidy(() => lt.variable(lt.randomNormal([32, 4], 0, 0.25, 'float32', 3), true));
    const opt = lt.train.adam(0.01);
    const x = lt.randomUniform([8, 16], -1, 1, 'float32', 1);
    const y = lt.tidy(() => lt.oneHot(lt.randomUniform([8], 0, 4, 'int32', 5), 4).cast('float32'));
    for (let i = 0; i < 20; i++) {
      opt.minimize(() => lt.losses.softmaxCrossEntropy(y, x.matMul(w1).tanh().matMul(w2)), false, [w1, w2]);
      lt.markStep();
    }
    const out = lt.concat([w1.reshape([-1]), w2.reshape([-1])]);
    lt.sync(out);
    lt.dispose([w1, w2, x, y]);
    opt.dispose();
    return out;
  },
};

/** FNV-1a of the bytes Node gives (Node 20, V8): the values every environment must reproduce. */
const PINS: Record<string, string> = {
  'randomUniform [1000] float32 seed 42': 'c41552a2',
  'randomUniform [10,10] [-5,5) int32 seed 7': 'fa6f4956',
  'randomNormal [1000] float32 seed 42': 'a610931f',
  'randomNormal [33] mean 3 std 0.5 seed 0': '4b8991cf',
  'randomNormal [10,10] int32 seed 123456789': '7a583708',
  'randomUniform seed 2^32 - 1': '87419162',
  'a seeded MLP forward pass': '14fb98f4',
  '20 Adam steps of a seeded MLP (final weights)': '62ebf98c',
};

const run = (make: () => lt.Tensor) => {
  const t = make();
  const d = t.dataSync();
  t.dispose();
  return d;
};

describe('determinism', () => {
  it('the same seed gives the same bytes, run after run; another seed others', () => {
    for (const [name, make] of Object.entries(CASES)) {
      const a = run(make), b = run(make);
      expect(fnv1a(b), `${name}: a second run`).toBe(fnv1a(a));
    }
    expect(fnv1a(run(() => lt.randomNormal([64], 0, 1, 'float32', 1)))).not.toBe(fnv1a(run(() => lt.randomNormal([64], 0, 1, 'float32', 2))));
  });

  it('randomUniform is mulberry32, exactly as the reference generator', () => {
    for (const seed of [0, 1, 42, 2 ** 31, 2 ** 32 - 1]) {
      const rng = new R.Rng(seed);
      const want = Float32Array.from({ length: 257 }, () => -2 + 5 * rng.next());
      expect(Array.from(run(() => lt.randomUniform([257], -2, 3, 'float32', seed))), `seed ${seed}`).toEqual(Array.from(want));
    }
  });

  it('randomNormal has the moments it was asked for (10^5 draws)', () => {
    const d = run(() => lt.randomNormal([100_000], 2, 3, 'float32', 9));
    let s = 0, s2 = 0;
    for (const v of d) { s += v; s2 += v * v; }
    const mean = s / d.length, sd = Math.sqrt(s2 / d.length - mean * mean);
    expect(Math.abs(mean - 2)).toBeLessThan(0.03);
    expect(Math.abs(sd - 3)).toBeLessThan(0.03);
  });

  it('the same bytes as Node gives (pinned)', () => {
    const got: Record<string, string> = {};
    for (const [name, make] of Object.entries(CASES)) got[name] = fnv1a(run(make));
    if (typeof process !== 'undefined' && process.env?.LT_PRINT_PINS) console.log(JSON.stringify(got, null, 2));
    expect(got).toEqual(PINS);
  });

  it('a fresh state gives the same results: after other work, cache evictions and flag changes', () => {
    const first = Object.fromEntries(Object.entries(CASES).map(([n, m]) => [n, fnv1a(run(m))]));
    const capacity = lt.env().get('CACHE_CAPACITY');
    lt.env().set('CACHE_CAPACITY', 2);
    try {
      for (let i = 0; i < 20; i++) lt.tidy(() => lt.ones([i + 1]).mul(i).sum().dataSync());
      const again = Object.fromEntries(Object.entries(CASES).map(([n, m]) => [n, fnv1a(run(m))]));
      expect(again).toEqual(first);
    } finally {
      lt.env().set('CACHE_CAPACITY', capacity);
    }
  });
});
