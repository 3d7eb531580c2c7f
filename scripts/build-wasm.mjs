// Builds the AssemblyScript modules and inlines them as base64 into ts/generated/wasm.ts, so
// one loader works unchanged in Node (ESM and CJS), browsers and any consumer's bundler. The
// interpreter is built twice: with SIMD, and with relaxed SIMD as well (fused multiply-adds),
// which accelerators/wasm/index.ts picks where WebAssembly.validate accepts it. Each has a
// kernels module beside it, built the same way, that the worker threads run over the
// interpreter's memory (accelerators/wasm/threads.ts).
//
// The interpreter imports its memory (env.memory), so JS can make it shared when threads are
// possible (ts/engine/wasm.ts flips the import's shared flag). The kernels module must never
// write that memory by itself: it has no runtime (`--runtime stub`, and it never allocates)
// and, checked below, no data segment, which instantiating it in a worker would copy over the
// interpreter's static data.
import asc from 'assemblyscript/asc';
import { readFileSync } from 'node:fs';
import { emit, HEADER } from './gen/common.mjs';
import './gen-ops.mjs';

const COMMON = ['-O3', '--maximumMemory', '65536', '--importMemory'];
const INTERP = ['accelerators/wasm/assembly/index.ts', '--runtime', 'minimal'];
const KERNELS = ['accelerators/wasm/assembly/kernels.ts', '--runtime', 'stub', '--noAssert', '--use', 'abort='];
const SIMD = ['--enable', 'simd'];
const RELAXED = ['--enable', 'simd', '--enable', 'relaxed-simd'];
const MODULES = {
  CORE_WASM: [['core-wasm/assembly/index.ts', '--runtime', 'minimal', '-O3', '--maximumMemory', '65536'], 'build/core.wasm'],
  INTERP_WASM: [[...INTERP, ...COMMON, ...SIMD], 'build/interp.wasm'],
  INTERP_RELAXED_WASM: [[...INTERP, ...COMMON, ...RELAXED], 'build/interp.relaxed.wasm'],
  KERNELS_WASM: [[...KERNELS, ...COMMON, ...SIMD], 'build/kernels.wasm', { noData: true }],
  KERNELS_RELAXED_WASM: [[...KERNELS, ...COMMON, ...RELAXED], 'build/kernels.relaxed.wasm', { noData: true }],
};

/** Whether a module has a data section with any segment (section id 11). */
function hasDataSegments(bytes) {
  let at = 8;
  const leb = () => {
    let v = 0, shift = 0, b;
    do { b = bytes[at++]; v |= (b & 0x7f) << shift; shift += 7; } while (b & 0x80);
    return v >>> 0;
  };
  while (at < bytes.length) {
    const id = bytes[at++], size = leb(), end = at + size;
    if (id === 11 && leb() > 0) return true;
    at = end;
  }
  return false;
}

const lines = [HEADER];
for (const [name, [args, out, opts]] of Object.entries(MODULES)) {
  const { error, stderr } = await asc.main([...args, '-o', out]);
  if (error) {
    console.error(stderr.toString());
    throw new Error(`asc failed on ${args[0]}: ${error.message}`);
  }
  const bytes = readFileSync(out);
  if (opts?.noData && hasDataSegments(bytes)) {
    throw new Error(`${out} has a data segment: the kernels module must hold no static data (memory.data, constant arrays, strings), or each worker would overwrite the interpreter's memory`);
  }
  lines.push(`export const ${name} = '${bytes.toString('base64')}';`);
}
emit('ts/generated/wasm.ts', lines.join('\n') + '\n');
