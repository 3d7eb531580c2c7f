// npm run build:native: builds native/build/lazytensor_xla.node, the XLA addon, against XLA as
// TensorFlow's pip wheel ships it (tensorflow-cpu 2.21.0: libtensorflow_cc.so.2 and headers).
// Optional: `npm install` never runs this; without XLA it explains what is missing and fails.
//
// Where things are looked for:
//   TensorFlow  $LT_TENSORFLOW_DIR, else .venv-tf/ (`python3 -m venv .venv-tf &&
//               .venv-tf/bin/pip install --no-deps tensorflow-cpu==2.21.0`), else python3's
//   LLVM        $LT_LLVM_INCLUDE, else /usr/lib/llvm-22/include (Debian: apt-get install
//               llvm-22-dev): XLA's PJRT headers include MLIR, which needs LLVM's headers
//   Node        the running node's prefix/include/node; node-addon-api from node_modules
// One translation unit: ~90 s and ~2 GB of memory.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'native', 'build', 'lazytensor_xla.node');

function die(msg) {
  console.error(`build:native: ${msg}`);
  process.exit(1);
}

function findTensorflow() {
  const cands = [];
  if (process.env.LT_TENSORFLOW_DIR) cands.push(process.env.LT_TENSORFLOW_DIR);
  const lib = join(ROOT, '.venv-tf', 'lib');
  if (existsSync(lib)) for (const py of readdirSync(lib)) cands.push(join(lib, py, 'site-packages', 'tensorflow'));
  try {
    const sp = execFileSync('python3', ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).trim();
    cands.push(join(sp, 'tensorflow'));
  } catch { /* no python3 */ }
  return cands.find((d) => existsSync(join(d, 'libtensorflow_cc.so.2')) && existsSync(join(d, 'include', 'xla', 'pjrt', 'pjrt_client.h')));
}

const tf = findTensorflow();
if (!tf) die('TensorFlow (libtensorflow_cc.so.2 and its XLA headers) not found: python3 -m venv .venv-tf && .venv-tf/bin/pip install --no-deps tensorflow-cpu==2.21.0, or set LT_TENSORFLOW_DIR');
const llvm = process.env.LT_LLVM_INCLUDE ?? '/usr/lib/llvm-22/include';
if (!existsSync(join(llvm, 'llvm', 'ADT', 'StringRef.h'))) die(`LLVM 22 headers not found at ${llvm}: apt-get install llvm-22-dev, or set LT_LLVM_INCLUDE`);
const nodeInc = join(dirname(dirname(process.execPath)), 'include', 'node');
if (!existsSync(join(nodeInc, 'node_api.h'))) die(`Node's headers not found at ${nodeInc}`);
const napiInc = join(ROOT, 'node_modules', 'node-addon-api');
if (!existsSync(join(napiInc, 'napi.h'))) die('node-addon-api not installed (npm install)');

const inc = join(tf, 'include');
const args = [
  '-std=c++17', '-O2', '-fPIC', '-shared', '-D_GLIBCXX_USE_CXX11_ABI=1', '-DEIGEN_MAX_ALIGN_BYTES=64', '-DNDEBUG',
  '-DNAPI_VERSION=8', '-w', // XLA's headers warn by the hundred
  `-I${nodeInc}`, `-I${napiInc}`, `-I${inc}`, `-I${join(inc, 'external', 'llvm-project', 'mlir', 'include')}`,
  `-I${join(inc, 'external', 'highwayhash')}`, `-I${join(inc, 'external', 'farmhash_archive', 'src')}`, `-I${llvm}`,
  join(ROOT, 'native', 'xla_addon.cc'), '-o', OUT,
  `-L${tf}`, '-l:libtensorflow_cc.so.2', '-l:libtensorflow_framework.so.2', `-Wl,-rpath,${tf}`,
];
mkdirSync(dirname(OUT), { recursive: true });
const cxx = process.env.CXX ?? 'g++';
console.log(`build:native: ${cxx} native/xla_addon.cc against ${tf} (takes ~90 s)`);
const t0 = Date.now();
const r = spawnSync(cxx, args, { stdio: 'inherit' });
if (r.status !== 0) die(`${cxx} failed (${r.status ?? r.signal})`);
console.log(`build:native: wrote ${OUT} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
