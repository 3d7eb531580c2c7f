// The libraries lazytensor is compared with, set up once per run: tfjs 4.22 on its cpu and wasm
// backends, and jax-js on its wasm device (eager and jit). Nothing here downloads anything: the
// tfjs-wasm binaries are loaded from node_modules by file path. A peer that cannot run is kept
// with the exact reason, so the report can say why its column is empty.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Versions of a package as installed (read from its package.json, no registry). */
export function installedVersion(name) {
  try {
    return require(`${name}/package.json`).version;
  } catch {
    try {
      // Packages whose "exports" hide package.json: walk up from the resolved entry.
      let dir = dirname(require.resolve(name));
      for (let i = 0; i < 5; i++, dir = dirname(dir)) {
        try {
          const p = require(join(dir, 'package.json'));
          if (p.name === name) return p.version;
        } catch { /* keep walking */ }
      }
    } catch { /* fall through */ }
    return 'unknown';
  }
}

const reason = (e) => (e && e.message ? e.message.split('\n')[0] : String(e));

/**
 * Initializes every peer. Returns
 * { tf, jax, np, available: { 'tfjs-cpu': true | reason, ... }, versions, notes }.
 */
export async function setupPeers() {
  const available = {};
  const versions = {};
  const notes = [];
  let tf, jax, np;

  // tfjs: core + cpu + wasm backends.
  try {
    tf = await import('@tensorflow/tfjs-core');
    // PROD silences the "install tfjs-node" banner and skips debug checks (the peer's best case).
    tf.env().set('PROD', true);
    versions['@tensorflow/tfjs-core'] = tf.version_core;
  } catch (e) {
    available['tfjs-cpu'] = `cannot import @tensorflow/tfjs-core: ${reason(e)}`;
    available['tfjs-wasm'] = available['tfjs-cpu'];
  }
  if (tf) {
    try {
      await import('@tensorflow/tfjs-backend-cpu');
      versions['@tensorflow/tfjs-backend-cpu'] = installedVersion('@tensorflow/tfjs-backend-cpu');
      if (!(await tf.setBackend('cpu'))) throw new Error('tf.setBackend("cpu") returned false');
      tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync());
      available['tfjs-cpu'] = true;
    } catch (e) {
      available['tfjs-cpu'] = `tfjs cpu backend failed: ${reason(e)}`;
    }
    try {
      const tfw = await import('@tensorflow/tfjs-backend-wasm');
      versions['@tensorflow/tfjs-backend-wasm'] = installedVersion('@tensorflow/tfjs-backend-wasm');
      const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
      tfw.setWasmPaths(dist + '/');
      if (!(await tf.setBackend('wasm'))) throw new Error('tf.setBackend("wasm") returned false (see the warning above)');
      await tf.ready();
      tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)).dataSync());
      const simd = tf.env().getBool('WASM_HAS_SIMD_SUPPORT');
      const threads = tf.env().getBool('WASM_HAS_MULTITHREAD_SUPPORT');
      notes.push(`tfjs-wasm: SIMD ${simd ? 'on' : 'off'}, threads ${threads ? 'on' : 'off (single-threaded XNNPACK)'}`);
      available['tfjs-wasm'] = true;
    } catch (e) {
      available['tfjs-wasm'] = `tfjs wasm backend failed: ${reason(e)}`;
    }
  }

  // jax-js on its wasm device.
  try {
    jax = await import('@jax-js/jax');
    np = jax.numpy;
    versions['@jax-js/jax'] = installedVersion('@jax-js/jax');
    const devices = await jax.init('wasm');
    if (!devices.includes('wasm')) throw new Error(`init('wasm') gave devices [${devices.join(', ')}]`);
    jax.defaultDevice('wasm');
    np.add(np.array([1]), np.array([1])).dataSync();
    // jax-js uses worker threads only where a global Worker and SharedArrayBuffer exist (browsers);
    // Node 20 has no global Worker, so it runs single-threaded here, like tfjs-wasm and lazytensor.
    const threaded = typeof globalThis.Worker !== 'undefined' && typeof SharedArrayBuffer !== 'undefined';
    notes.push(`jax-js wasm: ${threaded ? 'multi-threaded (workers)' : 'single-threaded (no global Worker in this Node)'}`);
    available['jax-js eager'] = true;
    available['jax-js jit'] = true;
  } catch (e) {
    available['jax-js eager'] = `jax-js wasm failed: ${reason(e)}`;
    available['jax-js jit'] = available['jax-js eager'];
  }

  return { tf, jax, np, available, versions, notes };
}

/** Switches tfjs to a backend (idempotent; awaited because tfjs's setBackend is async). */
export async function useTf(tf, backend) {
  if (tf.getBackend() !== backend) {
    if (!(await tf.setBackend(backend))) throw new Error(`tf.setBackend('${backend}') failed`);
  }
  await tf.ready();
}
