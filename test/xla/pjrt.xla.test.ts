// The PJRT plugin transport (native/pjrt_plugin.cc via accelerators/xla/pjrt.ts) on real shared
// objects: libtpu's plugin (scripts/install-libtpu.sh; or LT_TEST_TPU_PLUGIN) loads, passes the
// API version check and fails client creation with the plugin's own NOT_FOUND; a missing path,
// a file that is not a library, a library without GetPjrtApi (libc) and plugins of another API
// major version (tiny .so files compiled here) all give clear errors; the process goes on.
// Programs run through the transport in pjrt-cpu.xla.test.ts (a CPU test-fixture plugin) and on a
// GPU with bench/gpu/pjrt-gpu.sh. Runs with LT_REQUIRE_XLA=1 after build:native.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as lt from '../../ts/index';
import { loadPjrtAddon, openPjrtPlugin, type PjrtAddon } from '../../accelerators/xla/pjrt';
import { errorOf } from '../helpers';

const ROOT = join(__dirname, '..', '..');

// <venv>/lib/python3.X/site-packages/<rest> under the repository, if there (Node 20 has no globSync).
function inVenv(venv: string, rest: string): string | undefined {
  const lib = join(ROOT, venv, 'lib');
  if (!existsSync(lib)) return undefined;
  return readdirSync(lib).map((py) => join(lib, py, 'site-packages', rest)).find((p) => existsSync(p));
}

function findLibtpu(): string | undefined {
  return process.env.LT_TEST_TPU_PLUGIN || inVenv('.venv-tpu', 'libtpu/libtpu.so');
}

/** The folder holding xla/pjrt/c/pjrt_c_api.h, looked for as build-native.mjs does. */
function headerInclude(): string | undefined {
  const dirs = [process.env.LT_PJRT_INCLUDE, process.env.LT_TENSORFLOW_DIR && join(process.env.LT_TENSORFLOW_DIR, 'include'),
    inVenv('.venv-tf', 'tensorflow/include')];
  return dirs.find((d): d is string => !!d && existsSync(join(d, 'xla/pjrt/c/pjrt_c_api.h')));
}

/** The version in the C API header the addon is built from (the independent reference). */
function headerVersion(): { major: number; minor: number } | undefined {
  const inc = headerInclude();
  if (!inc) return undefined;
  const text = readFileSync(join(inc, 'xla/pjrt/c/pjrt_c_api.h'), 'utf8');
  const num = (name: string): number => {
    const m = new RegExp('#define ' + name + ' (\\d+)').exec(text);
    if (!m) throw new Error(`pjrt_c_api.h defines no ${name}`);
    return Number(m[1]);
  };
  return { major: num('PJRT_API_MAJOR'), minor: num('PJRT_API_MINOR') };
}

/** A fake plugin whose GetPjrtApi returns only the version prefix of a PJRT_Api (struct_size,
 *  extension_start, PJRT_Api_Version): enough to exercise the version check, nothing more. */
function fakePlugin(dir: string, name: string, major: number, minor: number): string {
  const src = join(dir, `${name}.c`), so = join(dir, `${name}.so`);
  writeFileSync(src, `#include <stddef.h>
struct V { size_t struct_size; void* ext; int major; int minor; };
struct A { size_t struct_size; void* ext; struct V version; };
static struct A api = { sizeof(struct A), 0, { sizeof(struct V), 0, ${major}, ${minor} } };
const struct A* GetPjrtApi(void) { return &api; }
`);
  execFileSync(process.env.CC ?? 'cc', ['-shared', '-fPIC', '-o', so, src]);
  return so;
}

/** A fake plugin of an older minor version, built with the real header: its PJRT_Api ends right
 *  after PJRT_Event_Await, so PJRT_Client_Create lies beyond its struct_size. The member is set
 *  anyway, to a function that aborts: reading past struct_size would crash the test. */
function shortApiPlugin(dir: string, include: string): string {
  const src = join(dir, 'short_api.c'), so = join(dir, 'short_api.so');
  writeFileSync(src, `#include <stddef.h>
#include <stdlib.h>
#include "xla/pjrt/c/pjrt_c_api.h"
static void destroy(PJRT_Error_Destroy_Args* a) { (void)a; }
static void message(PJRT_Error_Message_Args* a) { a->message = ""; a->message_size = 0; }
static PJRT_Error* code(PJRT_Error_GetCode_Args* a) { a->code = PJRT_Error_Code_OK; return NULL; }
static PJRT_Error* init(PJRT_Plugin_Initialize_Args* a) { (void)a; return NULL; }
static PJRT_Error* await_(PJRT_Event_Await_Args* a) { (void)a; return NULL; }
static PJRT_Error* create(PJRT_Client_Create_Args* a) { (void)a; abort(); }
static PJRT_Api api;
const PJRT_Api* GetPjrtApi(void) {
  api.struct_size = offsetof(PJRT_Api, PJRT_Event_Await) + sizeof(void*);
  api.pjrt_api_version.struct_size = PJRT_Api_Version_STRUCT_SIZE;
  api.pjrt_api_version.major_version = PJRT_API_MAJOR;
  api.pjrt_api_version.minor_version = 1;
  api.PJRT_Error_Destroy = destroy;
  api.PJRT_Error_Message = message;
  api.PJRT_Error_GetCode = code;
  api.PJRT_Plugin_Initialize = init;
  api.PJRT_Event_Await = await_;
  api.PJRT_Client_Create = create;
  return &api;
}
`);
  execFileSync(process.env.CC ?? 'cc', ['-shared', '-fPIC', `-I${include}`, '-o', so, src]);
  return so;
}

describe('PJRT plugin transport', () => {
  let addon: PjrtAddon;
  const tpu = findLibtpu();
  beforeAll(async () => {
    process.env.TPU_SKIP_MDS_QUERY = '1';   // libtpu: no GCE metadata queries (no network waits)
    await lt.ready();
    const l = loadPjrtAddon();
    if (!l.addon) throw new Error(`${l.reason}`);
    addon = l.addon;
  });

  it('is built against the C API header it says', () => {
    const want = headerVersion();
    expect(want, 'pjrt_c_api.h not found (set LT_PJRT_INCLUDE)').toBeDefined();
    expect(addon.headerVersion).toEqual(want);
  });

  it("libtpu's plugin loads and passes the version check", () => {
    expect(tpu, 'libtpu not installed: run scripts/install-libtpu.sh (or set LT_TEST_TPU_PLUGIN)').toBeDefined();
    const v = addon.probe(tpu!);
    expect(v.major).toBe(addon.headerVersion.major);
    expect(Number.isInteger(v.minor)).toBe(true);
  });

  it('libtpu fails client creation with a clear NOT_FOUND (no TPU here), everywhere it is asked', () => {
    const e = errorOf(() => new addon.Plugin(tpu!));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toMatch(/^pjrt: creating the client of plugin .*libtpu\.so \(PJRT C API 0\.\d+\): .*TPU.* \(NOT_FOUND\)$/s);
    const status = lt.backends({ plugin: tpu }).xla;
    expect(status).toMatchObject({ available: false, plugin: tpu });
    expect(status.reason).toMatch(/creating the client .*\(NOT_FOUND\)/s);
    expect(openPjrtPlugin(tpu!).code).toBe('NOT_FOUND');
    expect(() => lt.setBackend('xla', { plugin: tpu })).toThrow(/on plugin .*libtpu\.so is not available: pjrt: creating the client/s);
    expect(lt.getBackend()).toBe('wasm');
  });

  it('LT_PJRT_PLUGIN names the plugin that backends() reports on', () => {
    process.env.LT_PJRT_PLUGIN = tpu;
    try {
      expect(lt.backends().xla).toMatchObject({ available: false, plugin: tpu });
      expect(() => lt.setBackend('xla')).toThrow(/libtpu\.so is not available/);
    } finally {
      delete process.env.LT_PJRT_PLUGIN;
    }
  });

  it('a missing path, a non-library and a library without GetPjrtApi give clear errors', () => {
    const missing = errorOf(() => addon.probe('/nonexistent/dir/xla_plugin.so'));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.message).toMatch(/^pjrt: cannot load plugin \/nonexistent\/dir\/xla_plugin\.so: .*No such file/);
    const text = errorOf(() => new addon.Plugin(join(ROOT, 'package.json')));
    expect(text.message).toMatch(/cannot load plugin .*package\.json: .*(invalid ELF header|too short)/);
    const libc = errorOf(() => new addon.Plugin('libc.so.6'));
    expect(libc.code).toBe('INVALID_ARGUMENT');
    expect(libc.message).toBe('pjrt: libc.so.6 is not a PJRT plugin: it does not export GetPjrtApi');
  });

  it('a plugin of another major API version, or one too old to report errors, is refused before any call', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lt-pjrt-'));
    const { major, minor } = addon.headerVersion;
    const newer = fakePlugin(dir, 'major_plus_one', major + 1, 3);
    const e = errorOf(() => new addon.Plugin(newer));
    expect(e.code).toBe('FAILED_PRECONDITION');
    expect(e.message).toBe(`pjrt: ${newer} implements PJRT C API ${major + 1}.3, but lazytensor was built against ${major}.${minor}: ` +
      'the major versions must match (rebuild with a matching header, or use a matching plugin)');
    // Same major, but its PJRT_Api ends after the version: no error functions to call.
    const versionOnly = fakePlugin(dir, 'version_only', major, minor);
    expect(errorOf(() => addon.probe(versionOnly)).message).toMatch(/its PJRT_Api lacks the error\/event functions/);
  });

  it('an older minor version is accepted, and a function beyond its PJRT_Api is never called', () => {
    const include = headerInclude();
    expect(include, 'pjrt_c_api.h not found (set LT_PJRT_INCLUDE)').toBeDefined();
    const old = shortApiPlugin(mkdtempSync(join(tmpdir(), 'lt-pjrt-')), include!);
    expect(addon.probe(old)).toEqual({ major: addon.headerVersion.major, minor: 1 });
    const e = errorOf(() => new addon.Plugin(old));
    expect(e.code).toBe('UNIMPLEMENTED');
    expect(e.message).toBe(`pjrt: plugin ${old} lacks PJRT_Client_Create (PJRT API too old)`);
  });

  it("with LT_PJRT_PLUGIN set, { plugin: '' } still selects XLA's CPU client (the addon built beside it)", async () => {
    process.env.LT_PJRT_PLUGIN = tpu;
    try {
      expect(lt.setBackend('xla', { plugin: '' })).toBe(true);
      expect(lt.getBackend()).toBe('xla');
      expect(Array.from(await lt.tensor([1, 2, 3]).mul(3).data())).toEqual([3, 6, 9]);
      expect(lt.backends().xla).toEqual({ available: true });   // reports the transport in use
    } finally {
      delete process.env.LT_PJRT_PLUGIN;
      lt.setBackend('wasm');
    }
  });

  it('bad arguments are TypeErrors, and the process keeps running afterwards', async () => {
    expect(() => new (addon.Plugin as unknown as new (x: number) => unknown)(42)).toThrow(TypeError);
    expect(() => (addon.probe as unknown as () => unknown)()).toThrow(/probe\(path: string\)/);
    expect(() => new addon.Plugin(tpu!, { bad: {} as unknown as string })).toThrow(/create option 'bad'/);
    expect(Array.from(await lt.tensor([1, 2, 3]).add(1).data())).toEqual([2, 3, 4]);
  });
});
