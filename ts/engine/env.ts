// Engine flags, tfjs-style: lt.env().set('NAME', value). Each flag is read where it acts.
import { hardwareThreads } from './platform';

/** The optimization passes, by name, with their bit in the core's pass mask. */
export const PASSES = { cse: 1, fold: 2, simplify: 4, matmulTranspose: 8, dce: 16 } as const;
export type PassName = keyof typeof PASSES;

export interface Flags {
  /** Passes run on every newly compiled graph, in the core's fixed order. */
  PASSES: PassName[];
  /** A pending graph above this many nodes is cut and run by itself (counted in autoCuts). */
  AUTO_CUT_NODES: number;
  /** Compiled graphs kept per accelerator (least recently used are evicted). */
  CACHE_CAPACITY: number;
  /** Record the JS stack of every op, so explainLastMiss can say where a change came from. */
  DEBUG_STACKS: boolean;
  /** Throw instead of silently running a graph when a value is read outside lt.sync/markStep. */
  STRICT: boolean;
  /** Record scalars from user code (`x.mul(0.5)`, a learning rate) as constants of the graph
   *  rather than as parameters: the passes can fold them, but every new value compiles anew. */
  SCALARS_AS_CONSTANTS: boolean;
  /** Bit-identical results in every JavaScript engine: the interpreter runs its plain SIMD
   *  build even where relaxed SIMD is accepted (Chromium, Node 22+), whose fused multiply-adds
   *  round matMul and the other multiply-add kernels differently from Node 20's. Costs ~20%
   *  of matMul speed there. In browsers, set it before `await lt.ready()` (or await it again
   *  after setting it): switching builds compiles a module, which a page must do
   *  asynchronously; in Node it switches at once. */
  DETERMINISTIC: boolean;
  /** Threads the WASM interpreter runs large kernels on (matmul), the calling thread included;
   *  1 turns threading off. Defaults to the number of cores. Threads need SharedArrayBuffer
   *  (in browsers, a cross-origin-isolated page: COOP same-origin + COEP require-corp);
   *  without it the interpreter runs single-threaded whatever this says. Results are
   *  identical for every value. */
  THREADS: number;
  /** A step that realizes its roots (lt.sync, lt.markStep) lets the WASM interpreter overwrite
   *  the buffers of its inputs that nothing reads afterwards (an SGD update writes the new
   *  weights over the old), which lowers its peak memory. If such a step fails (out of memory)
   *  those inputs are lost; false keeps every input intact. */
  DONATE: boolean;
}

const DEFAULTS: Flags = {
  PASSES: ['cse', 'fold', 'simplify', 'matmulTranspose', 'dce'],
  AUTO_CUT_NODES: 10_000,
  CACHE_CAPACITY: 256,
  DEBUG_STACKS: false,
  STRICT: false,
  SCALARS_AS_CONSTANTS: false,
  DETERMINISTIC: false,
  THREADS: hardwareThreads(),
  DONATE: true,
};

export const flags: Flags = { ...DEFAULTS, PASSES: [...DEFAULTS.PASSES] };
const listeners: Array<(name: keyof Flags) => void> = [];

export function onFlagChange(fn: (name: keyof Flags) => void): void { listeners.push(fn); }

export function passMask(): number {
  return flags.PASSES.reduce((m, p) => m | PASSES[p], 0);
}

function check<K extends keyof Flags>(name: K, value: Flags[K]): void {
  if (!(name in DEFAULTS)) throw new Error(`env: unknown flag '${String(name)}'; known: ${Object.keys(DEFAULTS).join(', ')}`);
  const ok = name === 'PASSES'
    ? Array.isArray(value) && (value as string[]).every((p) => p in PASSES)
    : typeof value === typeof DEFAULTS[name] && (typeof value !== 'number' || (Number.isInteger(value) && (value as number) > 0));
  if (!ok) throw new Error(`env: invalid value ${JSON.stringify(value)} for flag '${name}'`);
}

/**
 * The engine's flags.
 * @example
 * lt.env().set('DETERMINISTIC', true); await lt.ready(); // same bytes in Chromium as in Node 20
 * lt.env().set('AUTO_CUT_NODES', 50_000);
 * lt.env().set('PASSES', ['cse', 'dce']);
 * lt.env().set('THREADS', 1); // the WASM interpreter on the calling thread only
 */
export function env() {
  return {
    get<K extends keyof Flags>(name: K): Flags[K] { check(name, flags[name]); return flags[name]; },
    set<K extends keyof Flags>(name: K, value: Flags[K]): void {
      check(name, value);
      flags[name] = (Array.isArray(value) ? [...value] : value) as Flags[K];
      for (const l of listeners) l(name);
    },
    reset(): void {
      Object.assign(flags, DEFAULTS, { PASSES: [...DEFAULTS.PASSES] });
      for (const l of Object.keys(DEFAULTS) as (keyof Flags)[]) for (const fn of listeners) fn(l);
    },
    get flags(): Readonly<Flags> { return { ...flags }; },
  };
}
