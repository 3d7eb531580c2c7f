// The browser bundle, imported directly and through the package's own name (vite resolves
// `lazytensor` with the browser condition of package.json "exports"). Plain JavaScript, typed
// by browser-imports.d.mts, so that tsc does not resolve these .mjs paths itself.
export * as direct from '../../dist/lazytensor.browser.mjs';
export * as bySelfReference from 'lazytensor';
