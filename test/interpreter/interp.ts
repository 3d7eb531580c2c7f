// Loads build/interp.wasm, or build/interp.relaxed.wasm (the relaxed-SIMD build), regenerating
// and rebuilding it first when a source is newer, and runs hand-built Programs through
// compile / execute / release.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type DType, type Program } from './program';
import { memoryImport } from '../../ts/engine/wasm';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The builds: `npx asc --config accelerators/wasm/asconfig.json --target release`, the
 *  relaxed one with `--enable relaxed-simd` added (as scripts/build-wasm.mjs builds them). */
const BUILDS = {
  simd: { wasm: join(ROOT, 'build/interp.wasm'), extra: [] as string[] },
  relaxed: { wasm: join(ROOT, 'build/interp.relaxed.wasm'), extra: ['--enable', 'relaxed-simd'] },
};
export type Build = keyof typeof BUILDS;
const ASC_ARGS = ['--config', 'accelerators/wasm/asconfig.json', '--target', 'release'];

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

function isStale(wasm: string): boolean {
  const sources = ['accelerators/wasm', 'ops/table.mjs', 'scripts/gen'].map((p) => join(ROOT, p));
  return !existsSync(wasm) || statSync(wasm).mtimeMs < Math.max(...sources.map(newestMtime));
}

/** Regenerates the table-driven sources and rebuilds when build/interp.wasm is missing or older
 *  than them. Test files run in parallel processes: one builds (holding a lock directory) while
 *  the others wait, and the file appears by rename, never half written. */
async function ensureBuilt(build: Build): Promise<void> {
  const { wasm } = BUILDS[build];
  const lock = `${wasm}.lock`;
  for (const start = Date.now(); isStale(wasm); await new Promise((r) => setTimeout(r, 100))) {
    try {
      mkdirSync(lock, { recursive: false });
    } catch {
      if (Date.now() - start < 120_000) continue; // another file is building
      rmSync(lock, { recursive: true, force: true }); // left by a crashed run
      continue;
    }
    try {
      if (isStale(wasm)) await rebuild(build);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

async function rebuild(build: Build): Promise<void> {
  const { wasm, extra } = BUILDS[build];
  if (!existsSync(join(ROOT, 'core-wasm/assembly/generated/opcodes.ts'))) {
    execFileSync(process.execPath, [join(ROOT, 'scripts/gen-ops.mjs')], { cwd: ROOT });
  }
  const gen = pathToFileURL(join(ROOT, 'scripts/gen/interp.mjs')).href;
  (await import(/* @vite-ignore */ gen)).genInterp();
  const tmp = `${wasm}.${process.pid}.tmp`;
  const asc = join(ROOT, 'node_modules/assemblyscript/bin/asc.js');
  mkdirSync(join(ROOT, 'build'), { recursive: true });
  execFileSync(process.execPath, [asc, ...ASC_ARGS, ...extra, '-o', tmp], { cwd: ROOT, stdio: 'pipe' });
  renameSync(tmp, wasm);
}

/** A module using f32x4.relaxed_madd, the probe accelerators/wasm/index.ts validates. */
const RELAXED_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 1, 96, 3, 123, 123, 123, 1, 123, 3, 2, 1, 0,
  10, 13, 1, 11, 0, 32, 0, 32, 1, 32, 2, 253, 133, 2, 11,
]);

/** Whether this engine runs relaxed SIMD, turning on Node 20's experimental flag if needed
 *  (V8 reads it when a module is compiled, so setting it at run time works). */
export async function relaxedSimdAvailable(): Promise<boolean> {
  if (WebAssembly.validate(RELAXED_PROBE)) return true;
  try {
    (await import('node:v8')).setFlagsFromString('--experimental-wasm-relaxed-simd');
  } catch {
    return false;
  }
  return WebAssembly.validate(RELAXED_PROBE);
}

type Exports = {
  memory: WebAssembly.Memory;
  alloc(bytes: number): number;
  free(ptr: number): void;
  compile(ptr: number, nWords: number): number;
  execute(exe: number, args: number, outs: number): number;
  release(exe: number): void;
};

export type Data = Float32Array | Int32Array | Uint8Array;

const ARRAY = { float32: Float32Array, int32: Int32Array, bool: Uint8Array };

/** Wraps an interpreter instance with typed-array helpers. */
export class Interp {
  constructor(readonly x: Exports) {}

  bytes(): Uint8Array {
    return new Uint8Array(this.x.memory.buffer);
  }

  /** Copies `data` into a fresh buffer. */
  upload(data: Data): number {
    const ptr = this.x.alloc(data.byteLength) >>> 0;
    this.bytes().set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), ptr);
    return ptr;
  }

  download(ptr: number, dtype: DType, numel: number): Data {
    const A = ARRAY[dtype];
    const bytes = numel * A.BYTES_PER_ELEMENT;
    return new A(this.x.memory.buffer.slice(ptr, ptr + bytes));
  }

  compile(words: Int32Array): number {
    const ptr = this.upload(words);
    const id = this.x.compile(ptr, words.length);
    this.x.free(ptr); // the interpreter keeps its own copy
    return id;
  }

  /** Executes; returns the raw output pointers (the caller frees them), or throws on error. */
  executeRaw(exe: number, params: number[], nOutputs: number): number[] {
    const args = this.upload(Int32Array.from(params));
    const outs = this.x.alloc(4 * nOutputs) >>> 0;
    const rc = this.x.execute(exe, args, outs);
    const ptrs = Array.from(new Uint32Array(this.x.memory.buffer, outs, nOutputs));
    this.x.free(args);
    this.x.free(outs);
    if (rc !== 0) throw new Error(`execute returned ${rc}`);
    return ptrs;
  }

  /** Executes with fresh copies of `params`; returns the outputs as typed arrays. */
  execute(exe: number, p: Program, params: Data[]): Data[] {
    const ptrs = params.map((d) => this.upload(d));
    const outs = this.executeRaw(exe, ptrs, p.outputs.length);
    ptrs.forEach((q) => this.x.free(q));
    return outs.map((q, k) => {
      const o = p.outputs[k];
      const data = this.download(q, o.dtype, o.dims.reduce((a, b) => a * b, 1));
      this.x.free(q);
      return data;
    });
  }

  /** compile + execute + release. */
  run(p: Program, params: Data[] = []): Data[] {
    const exe = this.compile(p.words);
    if (exe < 0) throw new Error(`compile returned ${exe}`);
    try {
      return this.execute(exe, p, params);
    } finally {
      this.x.release(exe);
    }
  }
}

const instances: Partial<Record<Build, Promise<Interp>>> = {};

/** One interpreter per build and test file (each file runs in its own process). The relaxed
 *  build needs relaxedSimdAvailable() first. */
export function loadInterp(build: Build = 'simd'): Promise<Interp> {
  return (instances[build] ??= (async () => {
    await ensureBuilt(build);
    const WASM = BUILDS[build].wasm;
    const bytes = readFileSync(WASM);
    const imp = memoryImport(bytes)!;
    const env = {
      // the interpreter imports its memory; here it is not shared, and one thread runs
      memory: new WebAssembly.Memory({ initial: imp.initial, maximum: imp.maximum }),
      abort(msg: number, file: number, line: number, col: number): never {
        throw new Error(`interp abort at ${line}:${col} (msg ${msg}, file ${file})`);
      },
      parallel(): never {
        throw new Error('single-threaded here: setThreadCount was never called');
      },
    };
    const { instance: inst } = await WebAssembly.instantiate(bytes, { env });
    return new Interp({ ...(inst.exports as unknown as Exports), memory: env.memory });
  })());
}
