// Builds the AssemblyScript modules and inlines them as base64 into ts/generated/wasm.ts, so
// one loader works unchanged in Node (ESM and CJS), browsers and any consumer's bundler. The
// interpreter is built twice: with SIMD, and with relaxed SIMD as well (fused multiply-adds),
// which accelerators/wasm/index.ts picks where WebAssembly.validate accepts it.
import asc from 'assemblyscript/asc';
import { readFileSync } from 'node:fs';
import { emit, HEADER } from './gen/common.mjs';
import './gen-ops.mjs';

const COMMON = ['-O3', '--runtime', 'minimal', '--maximumMemory', '65536'];
const MODULES = {
  CORE_WASM: ['core-wasm/assembly/index.ts', 'build/core.wasm', []],
  INTERP_WASM: ['accelerators/wasm/assembly/index.ts', 'build/interp.wasm', ['--enable', 'simd']],
  INTERP_RELAXED_WASM: ['accelerators/wasm/assembly/index.ts', 'build/interp.relaxed.wasm', ['--enable', 'simd', '--enable', 'relaxed-simd']],
};

const lines = [HEADER];
for (const [name, [entry, out, extra]] of Object.entries(MODULES)) {
  const { error, stderr } = await asc.main([entry, '-o', out, ...COMMON, ...extra]);
  if (error) {
    console.error(stderr.toString());
    throw new Error(`asc failed on ${entry}: ${error.message}`);
  }
  lines.push(`export const ${name} = '${readFileSync(out).toString('base64')}';`);
}
emit('ts/generated/wasm.ts', lines.join('\n') + '\n');
