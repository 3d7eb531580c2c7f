// Loading a native addon (native/build/*.node) in Node, never throwing: the XLA transports are
// optional, so a missing or broken addon is a reason to report, not an error.

interface NodeProcess { versions?: { node?: string }; env?: Record<string, string | undefined>; getBuiltinModule?: (id: string) => unknown }

/** Node's `process`, or undefined in a browser. */
export const nodeProcess = (): NodeProcess | undefined => (globalThis as { process?: NodeProcess }).process;

/** Loads native/build/`file`, looked for relative to this module (source tree or dist/), or
 *  the path in the environment variable `envVar`. `what` names the addon in reasons, `build` says
 *  how to build it. */
export function loadNativeAddon<T>(file: string, envVar: string, what: string, build: string): { addon?: T; reason?: string } {
  const p = nodeProcess();
  if (!p?.versions?.node || !p.getBuiltinModule) return { reason: `${what} needs Node.js (>= 20.16) and its native addon` };
  try {
    const { createRequire } = p.getBuiltinModule('module') as { createRequire(u: string): NodeRequire };
    const { existsSync } = p.getBuiltinModule('fs') as { existsSync(p: string): boolean };
    const { fileURLToPath } = p.getBuiltinModule('url') as { fileURLToPath(u: string | URL): string };
    const here = import.meta.url;
    const override = p.env?.[envVar];
    const paths = override ? [override] : [`../../native/build/${file}`, `../native/build/${file}`].map((c) => fileURLToPath(new URL(c, here)));
    const path = paths.find((f) => existsSync(f));
    if (!path) return { reason: `the ${what} addon is not built (${build}; looked for ${paths.join(', ')})` };
    return { addon: createRequire(here)(path) as T };
  } catch (e) {
    return { reason: `the ${what} addon failed to load: ${(e as Error).message}` };
  }
}
