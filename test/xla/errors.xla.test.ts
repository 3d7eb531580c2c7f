// Issue 6, point 4: on XLA, a malformed Program, bad StableHLO, a buffer of the wrong size or the
// wrong number of buffers is a JS exception naming XLA, for plain executables and for fallback
// plans alike, and the next graph runs (accelerator.xla.test.ts has the malformed Program and
// the bad handles). Not caught: a buffer of the right byte size but another dtype (the addon
// checks sizes only; see the report of the fallback branch).
import { beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import { XlaAccelerator } from '../../accelerators/xla/index';
import { withoutLowering } from '../../accelerators/xla/partition';
import * as R from '../reference';
import { expectClose } from '../helpers';
import { ProgramBuilder } from '../interpreter/program';

let xla: XlaAccelerator;
beforeAll(async () => {
  await lt.ready();
  xla = XlaAccelerator.create();
});

/** exp(x) * 2 over a float32 [4]; tanh in the middle when `cut` (a fallback plan). */
function program(cut: boolean): Int32Array {
  const b = new ProgramBuilder();
  const x = b.param('float32', [4]);
  let y = b.node('exp', 'float32', [4], [x]);
  if (cut) y = b.node('tanh', 'float32', [4], [y]);
  y = b.node('mul', 'float32', [4], [y, b.constant('float32', 2)]);
  return b.build([y]).words;
}

describe('XLA: bad input is a JS exception, and the process goes on', () => {
  for (const cut of [false, true]) {
    it(`${cut ? 'a fallback plan' : 'an executable'}: buffers of the wrong size or count`, async () => {
      const exe = withoutLowering(['tanh'], () => xla.compile(program(cut)));
      expect(exe < 0, 'a plan has a negative handle').toBe(cut);
      const small = xla.upload('float32', new Float32Array(3), [3]), ok = xla.upload('float32', new Float32Array([0, 1, -1, 2]), [4]);
      expect(() => xla.execute(exe, [small])).toThrow(/^xla: execute: .*size/);
      expect(() => xla.execute(exe, [])).toThrow(/^xla: execute: .*(supplied 0 buffers|0 buffers supplied)/);
      expect(() => xla.execute(exe, [ok, ok])).toThrow(/^xla: execute: .*(supplied 2 buffers|2 buffers supplied)/);
      expect(() => xla.execute(exe, [123456789])).toThrow(/^xla: .*unknown buffer/);
      const [out] = xla.execute(exe, [ok]);
      const got = xla.download(out, 'float32', 4) as Float32Array;
      const want = [0, 1, -1, 2].map((v) => (cut ? Math.tanh(Math.exp(v)) : Math.exp(v)) * 2);
      want.forEach((w, i) => expect(Math.abs(got[i] - w)).toBeLessThanOrEqual(1e-5 * Math.abs(w)));
      for (const h of [small, ok, out]) xla.free(h);
      xla.release(exe);
      expect(() => xla.execute(exe, [])).toThrow(/unknown executable/);
      expect(() => xla.release(exe)).toThrow(/unknown executable/);
    });
  }

  it('a shape mismatch at the API throws naming the op, on the xla backend too', async () => {
    const before = lt.getBackend();
    lt.setBackend('xla');
    try {
      expect(() => lt.tensor([[1, 2, 3]]).matMul(lt.tensor([[1, 2]]))).toThrow(/matMul/);
      expect(() => lt.tensor([1, 2, 3]).add(lt.tensor([1, 2]))).toThrow(/add/);
      await expectClose(lt.tensor([1, 2]).mul(3), R.fromValues([3, 6], [2], 'float32'), 'mul');
    } finally {
      lt.setBackend(before);
    }
  });
});
