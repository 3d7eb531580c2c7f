// Instantiates an inlined WebAssembly module the same way in Node and in browsers. A module
// may import its memory (env.memory, the interpreter does): the loader then makes it, shared
// when asked (for the interpreter's worker threads), after flipping the import's shared flag
// in the binary to match (AssemblyScript builds one binary; a shared memory only links to a
// module that declares its import shared).

export function decodeBase64(b64: string): Uint8Array {
  if (typeof atob === 'function') {
    const s = atob(b64);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  return new Uint8Array((globalThis as any).Buffer.from(b64, 'base64'));
}

/** AssemblyScript's abort import: turns a trap message into a JS Error. */
function abortImport(getMemory: () => WebAssembly.Memory) {
  const str = (ptr: number) => {
    if (!ptr) return '';
    const buf = getMemory().buffer;
    const len = new Uint32Array(buf, ptr - 4, 1)[0] >>> 1;
    return String.fromCharCode(...new Uint16Array(buf, ptr, len));
  };
  return (msg: number, file: number, line: number, col: number) => {
    throw new Error(`wasm abort: ${str(msg)} at ${str(file)}:${line}:${col}`);
  };
}

/** Where a module's imported memory is declared: the limits' flags byte and its pages. */
export interface MemoryImport { flagsAt: number; initial: number; maximum?: number }

/** The module's memory import (walking the import section), or undefined if it has none. */
export function memoryImport(bytes: Uint8Array): MemoryImport | undefined {
  let at = 8;
  const leb = (): number => {
    let v = 0, shift = 0, b: number;
    do { b = bytes[at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return v;
  };
  const skipName = () => { const n = leb(); at += n; };
  while (at < bytes.length) {
    const id = bytes[at++], size = leb(), end = at + size;
    if (id === 2) {
      for (let count = leb(); count > 0; count--) {
        skipName(); skipName();
        const kind = bytes[at++];
        if (kind === 0) leb(); // function: type index
        else if (kind === 1) { at++; const f = leb(); leb(); if (f & 1) leb(); } // table: reftype, limits
        else if (kind === 3) at += 2; // global: valtype, mutability
        else if (kind === 2) {
          const flagsAt = at, flags = leb(), initial = leb();
          return { flagsAt, initial, maximum: flags & 1 ? leb() : undefined };
        } else throw new Error(`wasm: unknown import kind ${kind}`);
      }
      return undefined;
    }
    at = end;
  }
  return undefined;
}

/** The binary less its start function and data segments (sections 8, 11 and 12): what a
 *  worker instantiates over memory the first instance already initialized, so that it writes
 *  nothing there by being instantiated. Throws if the code needs the segments (memory.init). */
export function withoutDataSegments(bytes: Uint8Array): Uint8Array {
  const keep: Uint8Array[] = [bytes.subarray(0, 8)];
  let at = 8;
  const leb = (): number => {
    let v = 0, shift = 0, b: number;
    do { b = bytes[at++]; v += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return v;
  };
  while (at < bytes.length) {
    const start = at, id = bytes[at++], size = leb(), end = at + size;
    if (id !== 8 && id !== 11 && id !== 12) keep.push(bytes.subarray(start, end));
    at = end;
  }
  const out = new Uint8Array(keep.reduce((n, k) => n + k.length, 0));
  let o = 0;
  for (const k of keep) { out.set(k, o); o += k.length; }
  return out;
}

/** How to instantiate: whether an imported memory is shared, and imports besides env.memory
 *  and env.abort. */
export interface LoadOptions {
  shared?: boolean;
  env?: Record<string, (...args: any[]) => any>;
}

export interface Loaded<T> {
  exports: T & { memory: WebAssembly.Memory };
  /** The compiled module (a worker can instantiate it again over the same shared memory). */
  module: WebAssembly.Module;
}

/** The binary, with an imported memory's shared flag set as asked, and that import. */
export function binary(b64: string, shared = false): { bytes: Uint8Array; imp?: MemoryImport } {
  const bytes = decodeBase64(b64);
  const imp = memoryImport(bytes);
  if (imp && shared) {
    if (imp.maximum === undefined) throw new Error('wasm: a shared memory needs a maximum size');
    bytes[imp.flagsAt] |= 2;
  }
  return { bytes, imp };
}

/** The binary and, if it imports one, a fresh memory for it (shared as asked). */
function prepare(b64: string, shared = false): { bytes: Uint8Array; memory?: WebAssembly.Memory } {
  const { bytes, imp } = binary(b64, shared);
  if (!imp) return { bytes };
  return { bytes, memory: new WebAssembly.Memory({ initial: imp.initial, maximum: imp.maximum, shared } as WebAssembly.MemoryDescriptor) };
}

function imports(cell: { memory?: WebAssembly.Memory }, opts: LoadOptions): WebAssembly.Imports {
  const env: Record<string, unknown> = { abort: abortImport(() => cell.memory!), ...opts.env };
  if (cell.memory) env.memory = cell.memory;
  return { env } as WebAssembly.Imports;
}

/** Synchronous instantiation: fine in Node; browsers allow it only for small modules. */
export function instantiateSync<T>(b64: string): T & { memory: WebAssembly.Memory } {
  return loadSync<T>(b64).exports;
}

export async function instantiate<T>(b64: string): Promise<T & { memory: WebAssembly.Memory }> {
  return (await load<T>(b64)).exports;
}

/** instantiateSync, with options, returning the module as well. */
export function loadSync<T>(b64: string, opts: LoadOptions = {}): Loaded<T> {
  const { bytes, memory } = prepare(b64, opts.shared);
  const cell = { memory };
  const module = new WebAssembly.Module(bytes as BufferSource);
  const inst = new WebAssembly.Instance(module, imports(cell, opts));
  cell.memory ??= inst.exports.memory as WebAssembly.Memory;
  return { exports: { ...(inst.exports as any), memory: cell.memory }, module };
}

/** instantiate, with options, returning the module as well. */
export async function load<T>(b64: string, opts: LoadOptions = {}): Promise<Loaded<T>> {
  const { bytes, memory } = prepare(b64, opts.shared);
  const cell = { memory };
  const module = await WebAssembly.compile(bytes as BufferSource);
  const instance = await WebAssembly.instantiate(module, imports(cell, opts));
  cell.memory ??= instance.exports.memory as WebAssembly.Memory;
  return { exports: { ...(instance.exports as any), memory: cell.memory }, module };
}
