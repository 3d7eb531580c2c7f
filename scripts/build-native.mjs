// npm run build:native: builds the native transports into native/build/:
//   lazytensor_xla.node   the XLA addon (native/xla_addon.cc) against XLA as TensorFlow's pip
//                         wheel ships it (tensorflow-cpu 2.21.0: libtensorflow_cc.so.2 + headers)
//   lazytensor_pjrt.node  the PJRT plugin transport (native/pjrt_plugin.cc): needs only the C
//                         header xla/pjrt/c/pjrt_c_api.h (same wheel) and links no XLA library
// `node scripts/build-native.mjs pjrt` (or `xla`) builds one of them; `pjrt-check` builds and runs
// native/pjrt_compile_options_check.cc (the plugin transport's hand-encoded CompileOptionsProto
// against XLA's own proto code; needs what xla needs); `pjrt-cpu-test` builds the test fixture
// native/build/pjrt_cpu_test_plugin.so (test/xla/pjrt-cpu-plugin.cc: the C API over XLA's CPU
// client, so CI runs programs through the plugin transport). Optional: `npm install`
// never runs this; without what a target needs it explains what is missing and fails.
//
// Where things are looked for:
//   TensorFlow  $LT_TENSORFLOW_DIR, else .venv-tf/ (`python3 -m venv .venv-tf &&
//               .venv-tf/bin/pip install --no-deps tensorflow-cpu==2.21.0`), else python3's
//   PJRT header $LT_PJRT_INCLUDE (a folder holding xla/pjrt/c/pjrt_c_api.h), else TensorFlow's include/
//   LLVM        $LT_LLVM_INCLUDE, else /usr/lib/llvm-22/include (Debian: apt-get install
//               llvm-22-dev): XLA's PJRT headers include MLIR, which needs LLVM's headers (xla only)
//   Node        the running node's prefix/include/node; node-addon-api from node_modules
// xla: one translation unit, ~90 s and ~2 GB of memory. pjrt: a few seconds.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = join(ROOT, 'native', 'build');
const cxx = process.env.CXX ?? 'g++';

function die(msg) {
  console.error(`build:native: ${msg}`);
  process.exit(1);
}

/** TensorFlow's package folder; `need` is a file inside it that must exist. */
function findTensorflow(need) {
  const cands = [];
  if (process.env.LT_TENSORFLOW_DIR) cands.push(process.env.LT_TENSORFLOW_DIR);
  const lib = join(ROOT, '.venv-tf', 'lib');
  if (existsSync(lib)) for (const py of readdirSync(lib)) cands.push(join(lib, py, 'site-packages', 'tensorflow'));
  try {
    const sp = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    cands.push(join(sp, 'tensorflow'));
  } catch { /* no python3 */ }
  return cands.find((d) => need.every((f) => existsSync(join(d, f))));
}

function nodeIncludes() {
  const nodeInc = join(dirname(dirname(process.execPath)), 'include', 'node');
  if (!existsSync(join(nodeInc, 'node_api.h'))) die(`Node's headers not found at ${nodeInc}`);
  const napiInc = join(ROOT, 'node_modules', 'node-addon-api');
  if (!existsSync(join(napiInc, 'napi.h'))) die('node-addon-api not installed (npm install)');
  return [`-I${nodeInc}`, `-I${napiInc}`];
}

function compile(label, src, out, args, note) {
  mkdirSync(BUILD, { recursive: true });
  console.log(`build:native: ${cxx} ${src} ${note}`);
  const t0 = Date.now();
  const r = spawnSync(cxx, [...args, join(ROOT, src), '-o', out, ...(args.link ?? [])], { stdio: 'inherit' });
  if (r.status !== 0) die(`${label}: ${cxx} failed (${r.status ?? r.signal})`);
  console.log(`build:native: wrote ${out} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** Compiler and linker flags for a translation unit with XLA's C++ headers. */
function xlaFlags() {
  const tf = findTensorflow(['libtensorflow_cc.so.2', join('include', 'xla', 'pjrt', 'pjrt_client.h')]);
  if (!tf) die('TensorFlow (libtensorflow_cc.so.2 and its XLA headers) not found: python3 -m venv .venv-tf && .venv-tf/bin/pip install --no-deps tensorflow-cpu==2.21.0, or set LT_TENSORFLOW_DIR');
  const llvm = process.env.LT_LLVM_INCLUDE ?? '/usr/lib/llvm-22/include';
  if (!existsSync(join(llvm, 'llvm', 'ADT', 'StringRef.h'))) die(`LLVM 22 headers not found at ${llvm}: apt-get install llvm-22-dev, or set LT_LLVM_INCLUDE`);
  const inc = join(tf, 'include');
  const args = [
    '-std=c++17', '-O2', '-fPIC', '-shared', '-D_GLIBCXX_USE_CXX11_ABI=1', '-DEIGEN_MAX_ALIGN_BYTES=64', '-DNDEBUG',
    '-DNAPI_VERSION=8', '-w', // XLA's headers warn by the hundred
    ...nodeIncludes(), `-I${inc}`, `-I${join(inc, 'external', 'llvm-project', 'mlir', 'include')}`,
    `-I${join(inc, 'external', 'highwayhash')}`, `-I${join(inc, 'external', 'farmhash_archive', 'src')}`, `-I${llvm}`,
  ];
  args.link = [`-L${tf}`, '-l:libtensorflow_cc.so.2', '-l:libtensorflow_framework.so.2', `-Wl,-rpath,${tf}`];
  return { tf, args };
}

function buildXla() {
  const { tf, args } = xlaFlags();
  compile('xla', 'native/xla_addon.cc', join(BUILD, 'lazytensor_xla.node'), args, `against ${tf} (takes ~90 s)`);
}

function pjrtCheck() {
  const { tf, args } = xlaFlags();
  const exe = join(BUILD, 'pjrt_compile_options_check');
  const flags = args.filter((a) => a !== '-shared' && a !== '-fPIC' && !a.startsWith('-DNAPI'));
  flags.link = args.link;
  compile('pjrt-check', 'native/pjrt_compile_options_check.cc', exe, flags, `against ${tf} (takes ~90 s)`);
  const r = spawnSync(exe, [], { stdio: 'inherit' });
  if (r.status !== 0) die('pjrt-check: the hand-encoded CompileOptionsProto is wrong');
}

function buildPjrtCpuTest() {
  const { tf, args } = xlaFlags();
  const flags = args.filter((a) => !a.startsWith('-DNAPI'));
  flags.link = args.link;
  compile('pjrt-cpu-test', 'test/xla/pjrt-cpu-plugin.cc', join(BUILD, 'pjrt_cpu_test_plugin.so'), flags, `(a test fixture) against ${tf} (takes ~90 s)`);
}

function buildPjrt() {
  const header = join('xla', 'pjrt', 'c', 'pjrt_c_api.h');
  let inc = process.env.LT_PJRT_INCLUDE;
  if (inc && !existsSync(join(inc, header))) die(`LT_PJRT_INCLUDE=${inc} holds no ${header}`);
  if (!inc) {
    const tf = findTensorflow([join('include', header)]);
    if (!tf) die(`the PJRT C API header (${header}) not found: install tensorflow-cpu==2.21.0 (see above), or set LT_PJRT_INCLUDE to a folder holding it`);
    inc = join(tf, 'include');
  }
  const args = ['-std=c++17', '-O2', '-fPIC', '-shared', '-DNAPI_VERSION=8', '-Wall', ...nodeIncludes(), `-I${inc}`];
  args.link = ['-ldl'];
  compile('pjrt', 'native/pjrt_plugin.cc', join(BUILD, 'lazytensor_pjrt.node'), args, `with the PJRT C API header from ${inc}`);
}

const targets = process.argv.slice(2);
const KNOWN = ['xla', 'pjrt', 'pjrt-check', 'pjrt-cpu-test'];
for (const t of targets) if (!KNOWN.includes(t)) die(`unknown target '${t}' (${KNOWN.join(', ')})`);
// The fast, dependency-light target first: a missing XLA does not stop the plugin transport.
if (targets.length === 0 || targets.includes('pjrt')) buildPjrt();
if (targets.length === 0 || targets.includes('xla')) buildXla();
if (targets.includes('pjrt-check')) pjrtCheck();
if (targets.includes('pjrt-cpu-test')) buildPjrtCpuTest();
