// Programs through the PJRT plugin transport (native/pjrt_plugin.cc) on a CPU-only machine: the
// plugin is the test fixture test/xla/pjrt-cpu-plugin.cc (the C API over XLA's real CPU client,
// `node scripts/build-native.mjs pjrt-cpu-test`), since no CPU PJRT plugin ships here. Every
// oracle case runs through the whole engine on it and matches the float64 reference under the
// tolerance table; compile, execute and handle errors come back as JS exceptions with a code.
// The fixture shares this file's reading of the C API, so a GPU or TPU plugin is the real
// proof (bench/gpu/pjrt-gpu.sh); this checks the transport's plumbing, events and errors.
import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import * as lt from '../../ts/index';
import { setAccelerator } from '../../ts/engine/runtime';
import { XlaAccelerator } from '../../accelerators/xla/index';
import { openPjrtPlugin, type PjrtPlugin } from '../../accelerators/xla/pjrt';
import { expectClose, errorOf } from '../helpers';
import { CASES } from './cases';
import { expectShapedUploads } from './shaped-upload';

const FIXTURE = process.env.LT_TEST_CPU_PLUGIN ?? join(__dirname, '..', '..', 'native', 'build', 'pjrt_cpu_test_plugin.so');

describe('XLA through a PJRT plugin (CPU test fixture)', () => {
  let plugin: PjrtPlugin;
  let xla: XlaAccelerator;
  beforeAll(async () => {
    await lt.ready();
    if (!existsSync(FIXTURE)) throw new Error(`${FIXTURE} not built: node scripts/build-native.mjs pjrt-cpu-test`);
    const r = openPjrtPlugin(FIXTURE);
    if (!r.plugin) throw new Error(`opening ${FIXTURE}: ${r.reason}`);
    plugin = r.plugin;
    xla = new XlaAccelerator(plugin);
    setAccelerator(xla);
  });

  it('opens: platform and API version as the plugin reports them', () => {
    expect(plugin.platform).toBe('cpu-test-fixture');
    expect(plugin.apiVersion.major).toBe(0);
  });

  for (const c of CASES) {
    it(c.name, async () => {
      const { out, ref } = c.build();
      await expectClose(out, ref, c.tol);
    });
  }

  it('the cases above were compiled by the plugin', () => {
    expect(plugin.stats().executables).toBeGreaterThan(0);
  });

  it('two results of one program, and buffers freed by handle', () => {
    const text = `module @m {
  func.func public @main(%a: tensor<3xf32>, %b: tensor<3xf32>) -> (tensor<3xf32>, tensor<3xi1>) {
    %s = stablehlo.add %a, %b : tensor<3xf32>
    %c = stablehlo.compare GT, %a, %b : (tensor<3xf32>, tensor<3xf32>) -> tensor<3xi1>
    return %s, %c : tensor<3xf32>, tensor<3xi1>
  }
}`;
    const before = plugin.stats();
    const exe = plugin.compile(text);
    const a = plugin.upload(0, new Float32Array([1, 5, -2])), b = plugin.upload(0, new Float32Array([2, 3, -2]));
    const [s, c] = plugin.execute(exe, [a, b]);
    expect(Array.from(new Float32Array(plugin.download(s).slice().buffer))).toEqual([3, 8, -4]);
    expect(Array.from(plugin.download(c))).toEqual([0, 1, 0]);
    expect(plugin.stats()).toEqual({ buffers: before.buffers + 4, executables: before.executables + 1 });
    for (const h of [a, b, s, c]) plugin.free(h);
    plugin.release(exe);
    expect(plugin.stats()).toEqual(before);
  });

  it('uploads take the tensor shape; dims that disagree with the data throw', () => {
    expectShapedUploads(plugin, 'pjrt');
  });

  it("the plugin's errors are JS exceptions with a code, and the process goes on", async () => {
    const bad = errorOf(() => plugin.compile('module { func.func @main( }'));
    expect(bad.message).toMatch(/^pjrt: compiling: /);
    expect(bad.code).toMatch(/^[A-Z_]+$/);
    const exe = plugin.compile('module @m { func.func public @main(%a: tensor<2xf32>) -> tensor<2xf32> { return %a : tensor<2xf32> } }');
    const wrong = errorOf(() => plugin.execute(exe, []));
    expect(wrong.message).toMatch(/^pjrt: execute: .*\((INVALID_ARGUMENT|FAILED_PRECONDITION)\)$/s);
    expect(() => plugin.execute(987654, [])).toThrow(/unknown executable 987654/);
    expect(() => plugin.free(987654)).toThrow(/unknown buffer/);
    expect(() => plugin.upload(7, new Float32Array(1))).toThrow(/dtype must be/);
    expect(() => plugin.upload(0, new Uint8Array(4))).toThrow(/element size/);
    const buf = xla.upload('float32', new Float32Array([1, 2]), [2]);
    expect(() => xla.download(buf, 'float32', 3)).toThrow(/bytes/);
    xla.free(buf);
    plugin.release(exe);
    await expectClose(lt.tensor([1, 2]).add(1), { shape: [2], dtype: 'float32', data: new Float64Array([2, 3]) }, 'add');
  });

  it("lt.setBackend('xla', { plugin }) runs on it, and backends() names its platform", async () => {
    expect(lt.setBackend('xla', { plugin: FIXTURE })).toBe(true);
    expect(lt.backends({ plugin: FIXTURE }).xla).toEqual({ available: true, plugin: FIXTURE, platform: 'cpu-test-fixture' });
    const m = lt.tensor([[1, 2], [3, 4]]);
    expect(Array.from(await lt.matMul(m, m).data())).toEqual([7, 10, 15, 22]);
    lt.resetMetrics();
    expect(Array.from(await lt.matMul(m, m).sum().data())).toEqual([54]);
    lt.setBackend('wasm');
  });
});
