// The compile cache: an LRU of executables keyed by the Program's 64-bit hash, one per
// accelerator. Map's insertion order gives the LRU order for free.

export interface Compiled {
  hashHi: number;
  hashLo: number;
  exe: number;
  /** The Program as cut (its hash is the key) and as compiled, after the passes. */
  program: Int32Array;
  optimized: Int32Array;
  /** The param slots donated to it (core.Cut.donated): part of the key, as they change the plan. */
  donated?: Uint8Array | null;
  /** The buffer and value of each scalar param slot as last uploaded for this executable
   *  (runtime.ts): a scalar that keeps its value between runs is not uploaded again. */
  scalars?: ScalarSlots;
}

export interface ScalarSlots { owner: { free(handle: number): void }; handles: (number | undefined)[]; values: number[] }

export class CompileCache {
  private entries = new Map<number, Compiled>();

  constructor(public capacity: number, private onEvict: (c: Compiled) => void) {}

  /** 53 of the 64 hash bits make the Map key; the entry checks all 64. */
  private static key(hi: number, lo: number): number { return hi * 2097152 + (lo >>> 11); }

  get(hi: number, lo: number): Compiled | undefined {
    const k = CompileCache.key(hi, lo);
    const c = this.entries.get(k);
    if (!c || c.hashHi !== hi || c.hashLo !== lo) return undefined;
    this.entries.delete(k);
    this.entries.set(k, c);
    return c;
  }

  add(c: Compiled): void {
    const k = CompileCache.key(c.hashHi, c.hashLo);
    const old = this.entries.get(k);
    if (old) this.onEvict(old);
    this.entries.set(k, c);
    while (this.entries.size > this.capacity) {
      const [oldest, entry] = this.entries.entries().next().value as [number, Compiled];
      this.entries.delete(oldest);
      this.onEvict(entry);
    }
  }

  get size(): number { return this.entries.size; }

  /** Most recently used first. */
  programs(): Compiled[] { return [...this.entries.values()].reverse(); }

  clear(): void {
    for (const c of this.entries.values()) this.onEvict(c);
    this.entries.clear();
  }
}
