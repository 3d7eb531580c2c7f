// Instantiates an inlined WebAssembly module the same way in Node and in browsers.

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

function imports(cell: { memory?: WebAssembly.Memory }): WebAssembly.Imports {
  return { env: { abort: abortImport(() => cell.memory!) } };
}

/** Synchronous instantiation: fine in Node; browsers allow it only for small modules. */
export function instantiateSync<T>(b64: string): T & { memory: WebAssembly.Memory } {
  const cell: { memory?: WebAssembly.Memory } = {};
  const inst = new WebAssembly.Instance(new WebAssembly.Module(decodeBase64(b64) as BufferSource), imports(cell));
  cell.memory = inst.exports.memory as WebAssembly.Memory;
  return inst.exports as any;
}

export async function instantiate<T>(b64: string): Promise<T & { memory: WebAssembly.Memory }> {
  const cell: { memory?: WebAssembly.Memory } = {};
  const { instance } = await WebAssembly.instantiate(decodeBase64(b64) as BufferSource, imports(cell));
  cell.memory = instance.exports.memory as WebAssembly.Memory;
  return instance.exports as any;
}
