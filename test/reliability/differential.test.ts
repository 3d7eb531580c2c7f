// Issue 9: randomized differential testing. fast-check generates random programs over the
// first-wave ops and their gradients (programs.ts) and shrinks a failure to a minimal program,
// printed as code. Each forward program runs through the public API as one lazy graph (with
// every value as a root), and every op is checked against the float64 reference on the
// engine's own inputs under test/tolerances.ts; the result is also synced alone (one program in
// four compiled under a random subset of the optimization passes) and must be the same; the
// same graph runs again with other input values (a compile-cache hit); lt.memory() must come
// back to where it was. Gradient programs: lt.grads against central differences of the
// reference program (Richardson-extrapolated) under the tolerances of test/autodiff/fd.ts.
//
// Runs: 2,000 forward + 1,000 gradient programs in Node, with a fixed seed (CI is
// reproducible; ~6 s), 300 + 150 in a browser. To explore: LT_FUZZ_SEED=random (or a number),
// LT_FUZZ_RUNS (forward runs; half as many gradient runs), LT_FUZZ_STEPS (most steps, 10), e.g.
//   LT_FUZZ_SEED=random LT_FUZZ_RUNS=20000 LT_FUZZ_STEPS=16 npx vitest run test/reliability/differential.test.ts
//
// On XLA too, where it is available (lt.backends(); with LT_REQUIRE_XLA=1 it must be): the same
// checks on LT_FUZZ_XLA_RUNS forward programs (default 200, ~60 s) and half as many gradient programs
// on the 'xla' backend; one program in three runs with a random quarter of the table's ops
// withheld from XLA, so that it is cut between XLA and the interpreter (the fallback,
// accelerators/xla/partition.ts), and enough of them must really have fallen back.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import * as lt from '../../ts/index';
import { withoutLowering } from '../../accelerators/xla/partition';
import type { OpName } from '../../accelerators/xla/lower';
import { Op } from '../../ts/generated/ops';
import { build, checkForward, checkGradients, sameStructure, show, OP_TABLE, type Recipe } from './programs';

const env = (typeof process !== 'undefined' ? process.env : {}) as Record<string, string | undefined>;
const inNode = typeof process !== 'undefined' && !!process.versions?.node;
const FORWARD_RUNS = Number(env.LT_FUZZ_RUNS ?? (inNode ? 2000 : 300));
const GRAD_RUNS = Math.ceil(FORWARD_RUNS / 2);
const SEED = env.LT_FUZZ_SEED === 'random' ? (Date.now() ^ (Math.random() * 2 ** 31)) | 0 : Number(env.LT_FUZZ_SEED ?? 20240609);

beforeAll(async () => { await lt.ready(); });

const XLA_RUNS = Number(env.LT_FUZZ_XLA_RUNS ?? 200);
const XLA_WANTED = inNode && (env.LT_REQUIRE_XLA === '1' || (env.LT_XLA !== '0' && lt.backends().xla.available));

const rawStep = fc.record({ op: fc.nat(999), a: fc.nat(99), b: fc.nat(99), c: fc.nat(99), p: fc.nat(9999), q: fc.nat(9999) });
const rawInput = fc.record({
  rank: fc.nat(3),
  dims: fc.array(fc.nat(8), { minLength: 3, maxLength: 3 }),
  dtype: fc.nat(7),
  values: fc.nat(5),
  form: fc.nat(3),
});
const recipe = (maxSteps: number): fc.Arbitrary<Recipe> => fc.record({
  seed: fc.nat(),
  inputs: fc.array(rawInput, { minLength: 1, maxLength: 4 }),
  steps: fc.array(rawStep, { minLength: 1, maxLength: maxSteps }),
});

/** fc.assert, with the (shrunk) failure's own message first: the program as code. */
function check<T>(prop: fc.IProperty<T>, params: fc.Parameters<T>): void {
  const out = fc.check(prop, params);
  if (!out.failed) return;
  const err = out.errorInstance instanceof Error ? out.errorInstance.message : String(out.errorInstance);
  throw new Error(`${err}\n\n(fast-check: failed after ${out.numRuns} runs, shrunk ${out.numShrinks} times; replay with { seed: ${out.seed}, path: "${out.counterexamplePath}" }; recipe ${JSON.stringify(out.counterexample)})`);
}

const PASS_NAMES = ['cse', 'fold', 'simplify', 'matmulTranspose', 'dce'];

const stats = { rerun: 0, forward: 0, ops: 0, skippedOps: 0, grad: 0, gradSteps: 0, forwardMs: 0, gradMs: 0 };
const seenForward = new Set<string>();
const seenGrad = new Set<string>();

afterAll(() => {
  // one line for the CI log: how much was checked
  console.log(`differential (seed ${SEED}): ${stats.forward} forward programs, ${stats.ops} op results checked`
    + ` (${stats.skippedOps} accumulations skipped for order-dependent float32 overflow), ${stats.forward ? (stats.forwardMs / stats.forward).toFixed(2) : 0} ms each;`
    + ` ${stats.rerun} rerun with other inputs; ${stats.grad} gradient programs (${stats.gradSteps} steps), ${stats.grad ? (stats.gradMs / stats.grad).toFixed(2) : 0} ms each`);
});

describe(`random programs vs the float64 reference (seed ${SEED})`, () => {
  it(`${FORWARD_RUNS} forward programs: every op within its tolerance, nothing left behind, every op used`, () => {
    check(fc.property(recipe(Number(env.LT_FUZZ_STEPS ?? 10)), (r) => {
      const p = build(r, 'forward');
      fc.pre(p !== null);
      const t0 = performance.now();
      // one program in four compiles its result under a random subset of the passes
      const passes = r.seed % 4 === 0 ? PASS_NAMES.filter((_, k) => (r.seed >> (2 + k)) & 1) : undefined;
      const res = checkForward(p!, passes);
      stats.forwardMs += performance.now() - t0;
      stats.forward++;
      stats.ops += res.checked;
      stats.skippedOps += res.skipped;
      for (const s of p!.steps) seenForward.add(s.op.name);
      if (res.mismatch) throw new Error(`${res.mismatch}\nprogram:\n${show(p!)}`);
      // the same graph with other input values (a compile-cache hit, new parameter buffers)
      const q = build({ ...r, seed: (r.seed ^ 0x5bd1e995) >>> 0 }, 'forward');
      if (q && sameStructure(p!, q)) {
        const again = checkForward(q);
        stats.rerun++;
        if (again.mismatch) throw new Error(`on a second run of the same graph with other inputs: ${again.mismatch}\nprogram:\n${show(q)}`);
      }
    }), { numRuns: FORWARD_RUNS, seed: SEED, maxSkipsPerRun: 1000 });
    // every op of the table was exercised
    const missing = OP_TABLE.map((o) => o.name).filter((n) => !seenForward.has(n));
    expect(missing, 'ops no forward program used').toEqual([]);
  }, 600_000);

  it(`${GRAD_RUNS} gradient programs: lt.grads within the tolerances of test/autodiff/fd.ts of central differences, every differentiable op used`, () => {
    check(fc.property(recipe(6), fc.nat(), (r, wseed) => {
      const p = build(r, 'grad');
      fc.pre(p !== null);
      const t0 = performance.now();
      const m = checkGradients(p!, wseed);
      stats.gradMs += performance.now() - t0;
      stats.grad++;
      stats.gradSteps += p!.steps.length;
      for (const s of p!.steps) seenGrad.add(s.op.name);
      if (m) throw new Error(`${m}\nprogram:\n${show(p!)}`);
    }), { numRuns: GRAD_RUNS, seed: SEED + 1, maxSkipsPerRun: 1000 });
    const missing = OP_TABLE.filter((o) => o.grad).map((o) => o.name).filter((n) => !seenGrad.has(n));
    expect(missing, 'differentiable ops no gradient program used').toEqual([]);
  }, 600_000);
});

/** Table ops that a program may withhold from XLA (not the leaves). */
const WITHHOLDABLE = (Object.keys(Op) as OpName[]).filter((n) => !['param', 'const', 'data', 'scalar'].includes(n));

/** For one program in three (by its seed), a quarter of the table's ops, picked by the seed. */
function withheldFor(seed: number): OpName[] {
  if (seed % 3 !== 0) return [];
  let h = (seed ^ 0x9e3779b9) >>> 0;
  return WITHHOLDABLE.filter(() => {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = (h ^ (h + Math.imul(h ^ (h >>> 7), 0x297a2d39))) >>> 0;
    return (h >>> 24) < 64;
  });
}

/** XLA fuses the graph of every value and the graph of the result alone differently (an FMA
 *  here; a fused erf(-inf) a few ulps above -1, which asin then turns into 6e-4): the result
 *  alone must agree within this loose bound, which catches a wrong value or a wrong plan but
 *  not an ulp. XLA's CPU backend also flushes subnormals to zero (`flushesSubnormals`). */
const XLA_ALONE = { atol: 1e-3, rtol: 1e-3 };

const xstats = { forward: 0, ops: 0, grad: 0, withheld: 0, fellBack: 0, ms: 0 };

describe.runIf(XLA_WANTED)(`random programs on XLA vs the float64 reference (seed ${SEED})`, () => {
  let backend = 'wasm';
  beforeAll(() => {
    expect(lt.backends().xla, 'XLA is required (LT_REQUIRE_XLA=1): npm run build:native').toEqual({ available: true });
    backend = lt.getBackend();
    lt.setBackend('xla');
    // the fallback reports each withheld op once: expected here, not worth a log line each
    vi.spyOn(console, 'warn').mockImplementation((...a: unknown[]) => { if (!String(a[0]).includes('has no XLA lowering')) process.stderr.write(`${a.join(' ')}\n`); });
  });
  afterAll(() => {
    vi.restoreAllMocks();
    lt.setBackend(backend);
    console.log(`differential on XLA (seed ${SEED}): ${xstats.forward} forward programs (${xstats.ops} op results), ${xstats.grad} gradient programs;`
      + ` ${xstats.withheld} runs with ops withheld from XLA, ${xstats.fellBack} of them cut between XLA and the interpreter; ${(xstats.ms / 1000).toFixed(1)} s`);
  });

  /** Runs f with the program's withheld ops; counts whether it fell back. */
  function onXla<T>(seed: number, f: () => T): T {
    const ops = withheldFor(seed);
    if (!ops.length) return f();
    xstats.withheld++;
    const before = lt.metrics().fallbackOps;
    const out = withoutLowering(ops, f);
    if (lt.metrics().fallbackOps > before) xstats.fellBack++;
    return out;
  }

  it(`${XLA_RUNS} forward programs: every op within its tolerance, some cut by the fallback`, () => {
    const t0 = performance.now();
    check(fc.property(recipe(Number(env.LT_FUZZ_STEPS ?? 10)), (r) => {
      const p = build(r, 'forward');
      fc.pre(p !== null);
      const where = `on XLA${withheldFor(r.seed).length ? ` (withheld from XLA: ${withheldFor(r.seed).join(' ')})` : ''}`;
      const res = onXla(r.seed, () => checkForward(p!, undefined, XLA_ALONE, true));
      xstats.forward++;
      xstats.ops += res.checked;
      if (res.mismatch) throw new Error(`${where}: ${res.mismatch}\nprogram:\n${show(p!)}`);
      // the same graph with other input values: the cached executable (or plan) runs again
      const q = build({ ...r, seed: (r.seed ^ 0x5bd1e995) >>> 0 }, 'forward');
      if (q && sameStructure(p!, q)) {
        const again = onXla(r.seed, () => checkForward(q, undefined, XLA_ALONE, true));
        if (again.mismatch) throw new Error(`${where}, on a second run of the same graph with other inputs: ${again.mismatch}\nprogram:\n${show(q)}`);
      }
    }), { numRuns: XLA_RUNS, seed: SEED + 2, maxSkipsPerRun: 1000 });
    xstats.ms += performance.now() - t0;
    expect(xstats.fellBack, 'programs that really ran partly on the interpreter').toBeGreaterThanOrEqual(Math.floor(XLA_RUNS / 10));
  }, 600_000);

  it(`${Math.ceil(XLA_RUNS / 2)} gradient programs: lt.grads within the tolerances of central differences`, () => {
    const t0 = performance.now();
    check(fc.property(recipe(6), fc.nat(), (r, wseed) => {
      const p = build(r, 'grad');
      fc.pre(p !== null);
      const m = onXla(r.seed, () => checkGradients(p!, wseed));
      xstats.grad++;
      if (m) throw new Error(`on XLA${withheldFor(r.seed).length ? ` (withheld from XLA: ${withheldFor(r.seed).join(' ')})` : ''}: ${m}\nprogram:\n${show(p!)}`);
    }), { numRuns: Math.ceil(XLA_RUNS / 2), seed: SEED + 3, maxSkipsPerRun: 1000 });
    xstats.ms += performance.now() - t0;
  }, 600_000);
});
