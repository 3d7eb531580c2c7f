// The XLA accelerator (accelerators/xla/index.ts on the native addon) runs every oracle case
// through the whole engine and matches the float64 reference under the tolerance table; bad
// programs and bad handles are JS exceptions. Needs `npm run build:native`; runs with
// LT_REQUIRE_XLA=1 (vitest.config.ts), where a missing addon is a failure.
import { beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import { setAccelerator } from '../../ts/engine/runtime';
import { XlaAccelerator, xlaStatus, type XlaAddon } from '../../accelerators/xla/index';
import { expectClose } from '../helpers';
import { CASES } from './cases';
import { expectShapedUploads } from './shaped-upload';

describe('XLA accelerator', () => {
  it('is available', () => {
    expect(xlaStatus(), 'the XLA addon is unavailable: run npm run build:native').toEqual({ available: true });
  });

  let xla: XlaAccelerator;
  beforeAll(async () => {
    await lt.ready();
    xla = XlaAccelerator.create();
    setAccelerator(xla);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const { out, ref } = c.build();
      await expectClose(out, ref, c.tol);
    });
  }

  it('caches: a second run of the same graph compiles nothing', async () => {
    const f = (x: lt.Tensor) => x.mul(2).add(1).exp().sum();
    await f(lt.tensor([1, 2, 3])).data();
    lt.resetMetrics();
    await f(lt.tensor([4, 5, 6])).data();
    expect(lt.metrics().cacheMisses).toBe(0);
  });

  it('uploads take the tensor shape; dims that disagree with the data throw', () => {
    expectShapedUploads((xla as unknown as { addon: XlaAddon }).addon, 'xla');
  });

  it('a malformed program, bad StableHLO or a bad handle is a JS exception, and the process goes on', async () => {
    expect(() => xla.compile(new Int32Array([1, 2, 3]))).toThrow(/not a Program/);
    const addon = (xla as unknown as { addon: { compile(s: string): number } }).addon;
    expect(() => addon.compile('module { func.func @main( }')).toThrow(/xla: compile: parsing StableHLO/);
    expect(() => xla.execute(987654, [])).toThrow(/unknown executable/);
    expect(() => xla.free(987654)).toThrow(/unknown buffer/);
    const buf = xla.upload('float32', new Float32Array([1, 2]), [2]);
    expect(() => xla.download(buf, 'float32', 3)).toThrow(/bytes/);
    xla.free(buf);
    await expectClose(lt.tensor([1, 2]).add(1), { shape: [2], dtype: 'float32', data: new Float64Array([2, 3]) }, 'add');
  });
});
