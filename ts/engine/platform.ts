// What the host offers, detected the same way in Node and in browsers.

/** A Node builtin module, synchronously (process.getBuiltinModule, Node >= 20.16), or
 *  undefined outside Node. */
export function nodeBuiltin(name: string): any {
  const proc = (globalThis as any).process;
  try {
    return typeof proc?.getBuiltinModule === 'function' ? proc.getBuiltinModule(name) : undefined;
  } catch {
    return undefined;
  }
}

/** Cores this machine offers: navigator.hardwareConcurrency, else Node's
 *  os.availableParallelism(); 1 if neither is known. */
export function hardwareThreads(): number {
  const nav = (globalThis as any).navigator;
  if (nav && Number.isInteger(nav.hardwareConcurrency) && nav.hardwareConcurrency > 0) return nav.hardwareConcurrency;
  const os = nodeBuiltin('os');
  const n = os ? (os.availableParallelism?.() ?? os.cpus().length) : 1;
  return Math.max(1, n | 0);
}
