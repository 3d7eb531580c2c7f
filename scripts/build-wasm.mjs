// Builds the AssemblyScript modules and inlines them as base64 into ts/generated/wasm.ts, so
// one loader works unchanged in Node (ESM and CJS), browsers and any consumer's bundler. The
// interpreter is built twice: with SIMD, and with relaxed SIMD as well (fused multiply-adds),
// which accelerators/wasm/index.ts picks where WebAssembly.validate accepts it.
//
// The interpreter imports its memory (env.memory), so JS can make it shared when threads are
// possible (ts/engine/wasm.ts flips the import's shared flag); the worker threads instantiate
// the same binary over that memory, less its data segments (accelerators/wasm/threads.ts).
import asc from 'assemblyscript/asc';
import { readFileSync } from 'node:fs';
import { emit, HEADER } from './gen/common.mjs';
import './gen-ops.mjs';

const COMMON = ['-O3', '--maximumMemory', '65536', '--importMemory'];
const INTERP = ['accelerators/wasm/assembly/index.ts', '--runtime', 'minimal'];
const SIMD = ['--enable', 'simd'];
const RELAXED = ['--enable', 'simd', '--enable', 'relaxed-simd'];
const MODULES = {
  CORE_WASM: [['core-wasm/assembly/index.ts', '--runtime', 'minimal', '-O3', '--maximumMemory', '65536'], 'build/core.wasm'],
  INTERP_WASM: [[...INTERP, ...COMMON, ...SIMD], 'build/interp.wasm'],
  INTERP_RELAXED_WASM: [[...INTERP, ...COMMON, ...RELAXED], 'build/interp.relaxed.wasm'],
};

const lines = [HEADER];
for (const [name, [args, out]] of Object.entries(MODULES)) {
  const { error, stderr } = await asc.main([...args, '-o', out]);
  if (error) {
    console.error(stderr.toString());
    throw new Error(`asc failed on ${args[0]}: ${error.message}`);
  }
  lines.push(`export const ${name} = '${readFileSync(out).toString('base64')}';`);
}
emit('ts/generated/wasm.ts', lines.join('\n') + '\n');
