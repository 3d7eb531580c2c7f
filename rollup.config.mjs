// Bundles: ESM and CJS for Node, ESM for browsers. The WASM modules are inlined (base64 in
// ts/generated/wasm.ts), so the bundles need no loader, fetch or file access.
import typescript from '@rollup/plugin-typescript';

const ts = (declarations) => typescript({
  tsconfig: './tsconfig.json',
  include: ['ts/**/*.ts', 'accelerators/*.ts', 'accelerators/*/*.ts'],
  exclude: ['**/assembly/**', 'test/**', 'bench/**'],
  declaration: declarations,
  declarationDir: declarations ? 'dist/types' : undefined,
  outDir: 'dist',
  noEmitOnError: true,
});

export default [
  {
    input: 'ts/index.ts',
    output: [
      { file: 'dist/lazytensor.mjs', format: 'es', sourcemap: true },
      { file: 'dist/lazytensor.cjs', format: 'cjs', sourcemap: true },
    ],
    plugins: [ts(true)],
  },
  {
    input: 'ts/index.ts',
    output: { file: 'dist/lazytensor.browser.mjs', format: 'es', sourcemap: true },
    plugins: [ts(false)],
  },
];
