// The fallback's planning and execution (accelerators/xla/partition.ts), checked in every run,
// without the XLA addon: plan() on hand-built Programs, and whole plans executed with a second
// WASM interpreter standing on XLA's side (a real accelerator; it refuses any segment holding
// an op that should have fallen back). Buffers are counted on both sides, so a leak, a double
// free or a buffer freed by the wrong side fails. The same path on real XLA: fallback.xla.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import { parseProgram } from '../../accelerators/program';
import { plan, withoutLowering, needsFallback, lowerable, Partitions, type XlaSide } from '../../accelerators/xla/partition';
import { WasmAccelerator } from '../../accelerators/wasm/index';
import type { Accelerator, DataType, TypedArray } from '../../accelerators/accelerator';
import { ProgramBuilder, opcode } from '../interpreter/program';

beforeAll(async () => { await lt.ready(); });

/** A real accelerator whose live buffers are counted; `failNext` makes its next execute throw. */
class Counted implements XlaSide, Accelerator {
  readonly name = 'counted';
  readonly live = new Set<number>();
  failNext = false;
  constructor(readonly inner: Accelerator, private strict = false) {}
  compileLowered(program: Int32Array): number {
    if (this.strict) for (const r of parseProgram(program).records) if (!lowerable(r.op) && r.op !== opcode('param') && r.op !== opcode('const')) throw new Error(`op ${r.op} reached XLA's side`);
    return this.inner.compile(program);
  }
  compile(program: Int32Array): number { return this.inner.compile(program); }
  execute(exe: number, params: readonly number[]): number[] {
    for (const p of params) if (!this.live.has(p)) throw new Error(`execute: buffer ${p} is not live here`);
    if (this.failNext) { this.failNext = false; throw new Error('injected failure'); }
    const outs = this.inner.execute(exe, params);
    for (const o of outs) this.live.add(o);
    return outs;
  }
  release(exe: number): void { this.inner.release(exe); }
  upload(dtype: DataType, data: TypedArray, shape: readonly number[]): number { const h = this.inner.upload(dtype, data, shape); this.live.add(h); return h; }
  download(h: number, dtype: DataType, size: number): TypedArray {
    if (!this.live.has(h)) throw new Error(`download: buffer ${h} is not live here`);
    return this.inner.download(h, dtype, size);
  }
  free(h: number): void {
    if (!this.live.delete(h)) throw new Error(`free: buffer ${h} is not live here`);
    this.inner.free(h);
  }
}

/** x (param) -> mul by const 2 -> tanh -> add const 2 -> exp; outputs exp, x and the const. */
function chain(n: number): { words: Int32Array } {
  const b = new ProgramBuilder();
  const x = b.param('float32', [n]);
  const two = b.constant('float32', 2);
  const m = b.node('mul', 'float32', [n], [x, two]);
  const t = b.node('tanh', 'float32', [n], [m]);
  const a = b.node('add', 'float32', [n], [t, two]);
  const e = b.node('exp', 'float32', [n], [a]);
  return b.build([e, x, two]);
}

describe('fallback plan', () => {
  it('cuts at each op without a lowering; params become segment params, consts are copied', () => {
    const prog = parseProgram(chain(4).words);
    expect(needsFallback(prog)).toBe(false);
    withoutLowering(['tanh'], () => {
      expect(needsFallback(prog)).toBe(true);
      const segs = plan(prog);
      expect(segs.map((s) => s.kind)).toEqual(['xla', 'wasm', 'xla']);
      // 0: x, 2, x * 2 (the param and the const are outputs the caller wants: copied here)
      expect(segs.map((s) => s.sources)).toEqual([[0], [2], [3]]);
      expect(segs.map((s) => s.outputs)).toEqual([[0, 1, 2], [3], [5]]);
      expect(segs.map((s) => s.ops)).toEqual([1, 1, 2]);
      const last = parseProgram(segs[2].program);
      expect(last.records.map((r) => r.op)).toEqual(['param', 'const', 'add', 'exp'].map(opcode));
      for (const s of segs) expect(() => parseProgram(s.program)).not.toThrow();
    });
    expect(needsFallback(prog), 'restored').toBe(false);
  });

  it('groups independent ops of one kind into one segment, whatever their order', () => {
    // u = tanh(x), v = x + 1, w = tanh(v), out = u * w: tanh(x) precedes x + 1 in the Program,
    // yet both tanh share one interpreter segment (each record goes to the earliest segment of
    // its kind after its inputs'): v in 0, u and w in 1, out in 2
    const b = new ProgramBuilder();
    const x = b.param('float32', [3]);
    const u = b.node('tanh', 'float32', [3], [x]);
    const one = b.constant('float32', 1);
    const v = b.node('add', 'float32', [3], [x, one]);
    const w = b.node('tanh', 'float32', [3], [v]);
    const out = b.node('mul', 'float32', [3], [u, w]);
    const segs = withoutLowering(['tanh'], () => plan(parseProgram(b.build([out]).words)));
    expect(segs.map((s) => s.kind)).toEqual(['xla', 'wasm', 'xla']);
    expect(segs[1].ops).toBe(2);
    expect(segs[1].sources).toEqual([x, v]);
    expect(segs[1].outputs).toEqual([u, w]);
  });

  it('withoutLowering rejects an unknown op and restores after a throw or a rejected Promise', async () => {
    expect(() => withoutLowering(['nope' as 'tanh'], () => 0)).toThrow(/unknown op 'nope'/);
    expect(() => withoutLowering(['tanh'], () => { throw new Error('boom'); })).toThrow('boom');
    await expect(withoutLowering(['tanh'], async () => { expect(lowerable(opcode('tanh'))).toBe(false); throw new Error('later'); })).rejects.toThrow('later');
    expect(lowerable(opcode('tanh'))).toBe(true);
  });
});

describe('fallback execution (a second interpreter on XLA\'s side)', () => {
  const x = new Float32Array([-1, 0, 0.5, 2, -3]);
  const want = Array.from(x, (v) => Math.exp(Math.tanh(2 * v) + 2));

  function setup() {
    const xla = new Counted(WasmAccelerator.createSync(false), true);
    const interp = new Counted(WasmAccelerator.createSync(false));
    return { xla, interp, parts: new Partitions(xla, () => interp) };
  }

  it('runs the segments in order, moves each crossing value once, frees everything but the results', () => {
    const { xla, interp, parts } = setup();
    const exe = withoutLowering(['tanh'], () => parts.compile(parseProgram(chain(5).words)));
    const px = xla.upload('float32', x, [x.length]);
    const m0 = lt.metrics();
    for (let run = 0; run < 3; run++) {
      const outs = parts.execute(exe, [px]);
      expect(outs.length).toBe(3);
      const e = xla.download(outs[0], 'float32', 5);
      want.forEach((v, i) => expect(Math.abs(e[i] - v), `exp(tanh(2x) + 2) at ${i}`).toBeLessThanOrEqual(1e-5 * v));
      expect(Array.from(xla.download(outs[1], 'float32', 5)), 'x, copied').toEqual(Array.from(x));
      expect(Array.from(xla.download(outs[2], 'float32', 1)), 'the const').toEqual([2]);
      expect(new Set(outs).has(px), 'a returned param is a copy').toBe(false);
      for (const o of outs) xla.free(o);
      expect([...xla.live], 'only the param is live on XLA\'s side').toEqual([px]);
      expect(interp.live.size, 'nothing left on the interpreter').toBe(0);
    }
    const m1 = lt.metrics();
    expect([m1.fallbackOps - m0.fallbackOps, m1.transfersFromDevice - m0.transfersFromDevice, m1.transfersToDevice - m0.transfersToDevice]).toEqual([3, 3, 3]);
    expect(parts.has(exe)).toBe(true);
    parts.release(exe);
    expect(parts.has(exe)).toBe(false);
    expect(() => parts.execute(exe, [px])).toThrow(/unknown executable/);
  });

  it('a segment that fails frees what the run made and throws; the plan still runs afterwards', () => {
    const { xla, interp, parts } = setup();
    const exe = withoutLowering(['tanh'], () => parts.compile(parseProgram(chain(5).words)));
    const px = xla.upload('float32', x, [x.length]);
    for (const side of [interp, xla]) {
      side.failNext = true;
      expect(() => parts.execute(exe, [px])).toThrow('injected failure');
      expect([...xla.live]).toEqual([px]);
      expect(interp.live.size).toBe(0);
    }
    const outs = parts.execute(exe, [px]);
    expect(xla.download(outs[0], 'float32', 5)[3]).toBeCloseTo(want[3], 4);
  });

  it('a param read only by the interpreter, and an interpreter result the caller wants, cross once each', () => {
    const { xla, interp, parts } = setup();
    const b = new ProgramBuilder();
    const p = b.param('float32', [5]);
    const t = b.node('tanh', 'float32', [5], [p]);
    const exe = withoutLowering(['tanh'], () => parts.compile(parseProgram(b.build([t]).words)));
    const px = xla.upload('float32', x, [x.length]);
    const m0 = lt.metrics();
    const [out] = parts.execute(exe, [px]);
    const m1 = lt.metrics();
    expect([m1.transfersFromDevice - m0.transfersFromDevice, m1.transfersToDevice - m0.transfersToDevice]).toEqual([1, 1]);
    const got = xla.download(out, 'float32', 5);
    x.forEach((v, i) => expect(Math.abs(got[i] - Math.tanh(v))).toBeLessThanOrEqual(1e-6));
    expect(interp.live.size).toBe(0);
    expect(xla.live.size).toBe(2);
  });
});
