// Two projects over the same test files (issue 7): `node` (forked Node processes) and `browser`
// (the same suites in headless Chromium through playwright).
//   npm test                                  both (LT_BROWSER=1), as CI does
//   npx vitest run test/ops                   node only: quick, needs no Chromium
//   LT_BROWSER=1 npx vitest run test/ops      both
//   npx vitest run --project browser test/ops browser only
//
// Which file runs where:
//   *.node.test.ts      Node only (child_process, node:v8, node:vm, fs, the dist/ bundles in Node)
//   *.browser.test.ts   browser only
//   *.xla.test.ts       Node, only when XLA is on (below: they need the native XLA addon)
//   other *.test.ts     Node always; the browser too when under one of BROWSER_DIRS
//
// XLA is on with LT_REQUIRE_XLA=1 (CI: a missing or broken addon then fails the run) or when
// the addon is built (native/build/lazytensor_xla.node; LT_XLA=0 turns that off). Then a third
// project, `xla`, reruns the op, autodiff and training suites on the 'xla' backend
// (LT_BACKEND=xla, read by test/helpers.ts's setupBackend) against the same float64
// references and tolerances, and the differential test adds its XLA programs.
//
// Chromium is Debian's (scripts/chromium.mjs): never `npx playwright install`. LT_CHROMIUM
// overrides the executable.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumPath } from './scripts/chromium.mjs';

/** The suites that run in the browser as well as in Node. */
const BROWSER_DIRS = ['passes', 'ops', 'engine', 'reference', 'autodiff', 'train', 'browser', 'bundles'];

/** The browser project exists when LT_BROWSER=1 (npm test) or a --project names it. */
const argv = process.argv.slice(2);
const WITH_BROWSER = process.env.LT_BROWSER === '1'
  || argv.some((a, i) => (a.startsWith('--project=') ? a : argv[i - 1] === '--project' ? a : '').includes('browser'));

const NODE_ONLY = '**/*.node.test.ts';
const BROWSER_ONLY = '**/*.browser.test.ts';
/** Tests of the XLA accelerator need the native addon (npm run build:native): they join the
 *  node project only when XLA is on; with LT_REQUIRE_XLA=1 a missing addon fails them. */
const XLA_ONLY = '**/*.xla.test.ts';
const ADDON = fileURLToPath(new URL('./native/build/lazytensor_xla.node', import.meta.url));
const WITH_XLA = process.env.LT_REQUIRE_XLA === '1' || (process.env.LT_XLA !== '0' && existsSync(process.env.LT_XLA_ADDON ?? ADDON));

/** The suites rerun on the 'xla' backend. Not the *.node.test.ts files: tfjs.node.test.ts
 *  checks the interpreter's optimizer steps against tfjs bit for bit (XLA contracts
 *  multiply-adds into FMAs), and the others do not select a backend. */
const XLA_PROJECT = {
  extends: true,
  test: {
    name: 'xla',
    include: ['ops', 'autodiff', 'train'].map((d) => `test/${d}/**/*.test.ts`),
    exclude: [...configDefaults.exclude, NODE_ONLY, BROWSER_ONLY, XLA_ONLY],
    env: { LT_BACKEND: 'xla', LT_REQUIRE_XLA: '1' },
    pool: 'forks',
  },
} satisfies TestProjectInlineConfiguration;

const BROWSER_PROJECT = {
  extends: true,
  test: {
    name: 'browser',
    include: BROWSER_DIRS.map((d) => `test/${d}/**/*.test.ts`),
    exclude: [...configDefaults.exclude, NODE_ONLY, XLA_ONLY],
    globalSetup: ['test/browser/node-reference.ts'],
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: chromiumPath(),
          args: ['--disable-gpu', '--disable-quic', '--no-proxy-server'],
        },
      }),
      instances: [{ browser: 'chromium' }],
      screenshotFailures: false,
    },
  },
} satisfies TestProjectInlineConfiguration;

export default defineConfig({
  // Cross-origin isolation (SharedArrayBuffer, shared WebAssembly memory) in the test pages.
  // The library is single-threaded and does not need it; a threaded build will.
  server: {
    headers: {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    },
  },
  test: {
    testTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, BROWSER_ONLY, ...(WITH_XLA ? [] : [XLA_ONLY])],
          pool: 'forks',
          globalSetup: ['test/browser/node-reference.ts'],
        },
      },
      ...(WITH_BROWSER ? [BROWSER_PROJECT] : []),
      ...(WITH_XLA ? [XLA_PROJECT] : []),
    ],
  },
});
