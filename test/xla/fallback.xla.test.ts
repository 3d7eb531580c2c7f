// Fallback on XLA (issue 6): a graph with an op that XLA cannot lower runs its lowerable parts
// on XLA and the rest on the WASM interpreter (accelerators/xla/partition.ts). Every op of the
// table has a lowering today, so `withoutLowering` withholds some to exercise the path. Results
// are checked against the float64 reference; the counters against the transfers and fallback
// ops the plan implies; the addon's live buffers and executables against leaks.
// Needs `npm run build:native`; runs with LT_REQUIRE_XLA=1.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as lt from '../../ts/index';
import { accelerator, compileCache } from '../../ts/engine/runtime';
import type { XlaAccelerator } from '../../accelerators/xla/index';
import { withoutLowering } from '../../accelerators/xla/partition';
import type { OpName } from '../../accelerators/xla/lower';
import * as R from '../reference';
import { expectClose, toLt } from '../helpers';
import { CLASS } from '../tolerances';

let xla: XlaAccelerator;
let before = '';
const addonStats = () => (xla as unknown as { addon: { stats(): { buffers: number; executables: number } } }).addon.stats();

beforeAll(async () => {
  await lt.ready();
  before = lt.getBackend();
  lt.setBackend('xla');
  xla = accelerator() as XlaAccelerator;
});
afterAll(() => { lt.setBackend(before); });

/** The counters a run moves: transfers both ways, fallback ops, XLA executables compiled. */
function delta(f: () => void): { to: number; from: number; fallback: number; xlaModules: number } {
  const m0 = lt.metrics(), n0 = xla.modules.size;
  f();
  const m1 = lt.metrics();
  return { to: m1.transfersToDevice - m0.transfersToDevice, from: m1.transfersFromDevice - m0.transfersFromDevice, fallback: m1.fallbackOps - m0.fallbackOps, xlaModules: xla.modules.size - n0 };
}

/** Runs `g` over a fresh [n] input twice, without and with `ops` withheld (new shapes each time,
 *  so both compile), and returns the second (cached) run's counters of each and its result. */
function compare(ops: OpName[], n: number, g: (x: lt.Tensor) => lt.Tensor): { plain: ReturnType<typeof delta>; fallback: ReturnType<typeof delta>; compiled: ReturnType<typeof delta>; x: R.Ref; out: Float32Array } {
  const rng = new R.Rng(n);
  const run = (xr: R.Ref) => { const t = toLt(xr); const y = g(t); const d = y.dataSync(); t.dispose(); y.dispose(); return d as Float32Array; };
  const plainX = R.randRef(rng, [n + 1000], 'float32', { lo: -2, hi: 2 });
  run(plainX);
  const plain = delta(() => run(plainX));
  const x = R.randRef(rng, [n], 'float32', { lo: -2, hi: 2 });
  let out!: Float32Array;
  const compiled = withoutLowering(ops, () => delta(() => run(x)));
  const fallback = withoutLowering(ops, () => delta(() => { out = run(x); }));
  return { plain, fallback, compiled, x, out };
}

const TOL = CLASS.transcendental;

describe('XLA fallback: ops without a lowering run on the interpreter, the rest on XLA', () => {
  it('a chain cut by one op: XLA, interpreter, XLA; one transfer each way per run', async () => {
    const g = (x: lt.Tensor) => x.mul(2).tanh().add(1).exp();
    const r = compare(['tanh'], 11, g);
    const ref = R.unary('exp', R.binary('add', R.unary('tanh', R.binary('mul', r.x, 2)), 1));
    await expectClose({ shape: [11], dtype: 'float32', data: async () => r.out }, ref, TOL);
    expect(r.compiled.xlaModules, 'XLA executables compiled: before and after the cut').toBe(2);
    expect(r.fallback.xlaModules).toBe(0);
    expect(r.fallback.fallback).toBe(1);
    expect(r.fallback.to - r.plain.to, 'tanh\'s result back to XLA').toBe(1);
    expect(r.fallback.from - r.plain.from, 'x * 2 to the interpreter').toBe(1);
  });

  it('a value read on both sides is transferred once; two withheld ops in a row are one interpreter segment', async () => {
    // a = 3x stays on XLA and also goes to the interpreter once; tanh(a) and exp(tanh(a)) run there
    const g = (x: lt.Tensor) => { const a = x.mul(3); return a.add(a.tanh().exp()).sub(a.tanh()); };
    const r = compare(['tanh', 'exp'], 12, g);
    const a = R.binary('mul', r.x, 3), t = R.unary('tanh', a);
    const ref = R.binary('sub', R.binary('add', a, R.unary('exp', t)), t);
    await expectClose({ shape: [12], dtype: 'float32', data: async () => r.out }, ref, TOL);
    expect(r.compiled.xlaModules).toBe(2);
    expect(r.fallback.fallback).toBe(2);
    expect(r.fallback.from - r.plain.from).toBe(1);
    // tanh(a) and exp(tanh(a)) both go back (tanh(a) is read by sub on XLA)
    expect(r.fallback.to - r.plain.to).toBe(2);
  });

  it('alternating cuts: five segments, two transfers each way', async () => {
    const g = (x: lt.Tensor) => x.mul(0.5).tanh().add(0.25).tanh().mul(2);
    const r = compare(['tanh'], 13, g);
    const ref = R.binary('mul', R.unary('tanh', R.binary('add', R.unary('tanh', R.binary('mul', r.x, 0.5)), 0.25)), 2);
    await expectClose({ shape: [13], dtype: 'float32', data: async () => r.out }, ref, TOL);
    expect(r.compiled.xlaModules).toBe(3);
    expect(r.fallback.fallback).toBe(2);
    expect([r.fallback.to - r.plain.to, r.fallback.from - r.plain.from]).toEqual([2, 2]);
  });

  it('a withheld op on a param and as the result: the interpreter reads the param and returns to XLA', async () => {
    const r = compare(['sin'], 14, (x) => x.sin());
    await expectClose({ shape: [14], dtype: 'float32', data: async () => r.out }, R.unary('sin', r.x), CLASS.transcendental);
    expect(r.compiled.xlaModules).toBe(0);
    expect([r.fallback.fallback, r.fallback.to - r.plain.to, r.fallback.from - r.plain.from]).toEqual([1, 1, 1]);
  });

  it('several outputs, int32 and bool values crossing the cut', async () => {
    const rng = new R.Rng(7);
    const xr = R.randRef(rng, [3, 5], 'float32', { lo: -4, hi: 4 });
    const ir = R.randRef(rng, [3, 5], 'int32', { lo: -9, hi: 9 });
    const [x, i] = [toLt(xr), toLt(ir)];
    const outs = withoutLowering(['floorDiv', 'greater'], () => lt.tidy(() => {
      const q = i.floorDiv(lt.scalar(2, 'int32')).add(lt.scalar(1, 'int32'));  // int32 via the interpreter
      const pos = x.greater(0);                                               // bool via the interpreter
      const y = lt.where(pos, x.mul(q.cast('float32')), x.neg());
      const both = [q, pos, y, x.sum()];
      lt.sync(...both);
      return both;
    }));
    const qr = R.binary('add', R.binary('floorDiv', ir, R.scalarRef(2, 'int32')), R.scalarRef(1, 'int32'));
    const pr = R.binary('greater', xr, 0);
    await expectClose(outs[0], qr, CLASS.exact);
    await expectClose(outs[1], pr, CLASS.exact);
    await expectClose(outs[2], R.where(pr, R.binary('mul', xr, R.cast(qr, 'float32')), R.unary('neg', xr)), CLASS.arith);
    await expectClose(outs[3], R.sum(xr), CLASS.accum);
    lt.dispose([...outs, x, i]);
  });

  it('a training step with matMul on the interpreter matches the float64 reference', async () => {
    const rng = new R.Rng(11);
    const xr = R.randRef(rng, [4, 3], 'float32', { lo: -1, hi: 1 }), wr = R.randRef(rng, [3, 2], 'float32', { lo: -1, hi: 1 });
    const x = toLt(xr), w = lt.variable(toLt(wr), true, 'fallback_w');
    // loss = mean(relu(x w)^2); dL/dw = x^T (2 relu(xw) [xw > 0]) / n
    withoutLowering(['matMul'], () => {
      for (let step = 0; step < 2; step++) {
        lt.tidy(() => {
          const { grads } = lt.variableGrads(() => x.matMul(w).relu().square().mean());
          w.assign(w.sub(grads.fallback_w.mul(0.1)));
        });
        lt.markStep();
      }
    });
    let wRef = wr;
    for (let step = 0; step < 2; step++) {
      const z = R.matMul(xr, wRef), h = R.unary('relu', z);
      const dz = R.where(R.binary('greater', z, 0), R.binary('mul', h, 2 / 8), 0);
      wRef = R.binary('sub', wRef, R.binary('mul', R.matMul(xr, dz, true), 0.1));
    }
    await expectClose(w, wRef, CLASS.accum);
    lt.dispose([x, w]);
  });

  it('reports each op once (console.warn), counts every run', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const fallback = withoutLowering(['cos'], () => delta(() => {
        for (const n of [21, 22]) for (let k = 0; k < 2; k++) lt.tidy(() => lt.ones([n]).mul(lt.scalar(k)).cos().dataSync());
      })).fallback;
      expect(fallback).toBe(4);
      const about = warn.mock.calls.filter((c) => String(c[0]).includes("'cos'"));
      expect(about.length).toBe(1);
      expect(String(about[0][0])).toMatch(/no XLA lowering.*interpreter/);
    } finally {
      warn.mockRestore();
    }
  });

  it('leaves no buffer behind; evicting a plan releases its segments', () => {
    const g = () => lt.tidy(() => lt.range(0, 30).reshape([5, 6]).tanh().sum(1).exp().dataSync());
    withoutLowering(['tanh'], g); // compiled
    const s0 = addonStats();
    for (let k = 0; k < 5; k++) withoutLowering(['tanh'], g);
    expect(addonStats().buffers).toBe(s0.buffers);
    compileCache().clear();
    expect(addonStats().executables).toBe(0);
  });

  it('a malformed Program is still a JS exception, and the next graph runs', async () => {
    expect(() => withoutLowering(['tanh'], () => xla.compile(new Int32Array([1, 2, 3])))).toThrow(/not a Program/);
    const y = withoutLowering(['tanh'], () => { const t = lt.tensor([0.5, -1, 3]).tanh(); lt.sync(t); return t; });
    await expectClose(y, R.unary('tanh', R.fromValues([0.5, -1, 3], [3], 'float32')), TOL);
  });
});
