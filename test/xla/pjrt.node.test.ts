// The PJRT plugin route without any plugin: a path that is not there makes 'xla' unavailable
// with a reason naming it (whether or not the PJRT addon is built), setBackend refuses it and
// changes nothing, and the library keeps running. The real plugin tests: pjrt.xla.test.ts.
import { describe, it, expect } from 'vitest';
import * as lt from '../../ts/index';
import { xlaStatus } from '../../accelerators/xla/index';

const MISSING = '/nonexistent/lazytensor-test/pjrt_plugin.so';

describe('PJRT plugin availability', () => {
  it('backends({ plugin }) explains a missing plugin; the default stays the CPU addon', () => {
    const x = lt.backends({ plugin: MISSING }).xla;
    expect(x.available).toBe(false);
    expect(x.plugin).toBe(MISSING);
    // Built addon: dlopen's reason with the path. Not built: how to build it.
    expect(x.reason).toMatch(/cannot load plugin \/nonexistent\/lazytensor-test\/pjrt_plugin\.so|PJRT addon is not built/);
    if (!process.env.LT_PJRT_PLUGIN) expect(lt.backends().xla).toEqual(xlaStatus());
  });

  it('setBackend refuses it with that reason, changes nothing, and work goes on', async () => {
    await lt.ready();
    const before = lt.getBackend();
    expect(() => lt.setBackend('xla', { plugin: MISSING })).toThrow(/backend 'xla' on plugin \/nonexistent\/.* is not available: /);
    expect(lt.getBackend()).toBe(before);
    expect(Array.from(await lt.tensor([1, 2, 3]).mul(2).data())).toEqual([2, 4, 6]);
  });
});
