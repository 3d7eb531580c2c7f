// A growable array of i32 in raw memory: the arena's id table, free lists and the Program
// buffer. Raw heap blocks keep the core free of GC work on the hot path.

export class Vec {
  ptr: usize = heap.alloc(64 << 2);
  cap: i32 = 64;
  len: i32 = 0;

  @inline get(i: i32): i32 { return load<i32>(this.ptr + (<usize>i << 2)); }
  @inline set(i: i32, v: i32): void { store<i32>(this.ptr + (<usize>i << 2), v); }

  @inline push(v: i32): void {
    if (this.len == this.cap) this.reserve(this.cap << 1);
    store<i32>(this.ptr + (<usize>this.len << 2), v);
    this.len++;
  }

  @inline pop(): i32 { return load<i32>(this.ptr + (<usize>--this.len << 2)); }

  reserve(cap: i32): void {
    if (cap <= this.cap) return;
    this.ptr = heap.realloc(this.ptr, <usize>cap << 2);
    this.cap = cap;
  }
}

/** Copies n words. A loop: V8 runs memory.copy/fill as a runtime call, slow for the few words
 *  a node or record has. */
@inline export function copyWords(dst: usize, src: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<i32>(dst + (<usize>i << 2), load<i32>(src + (<usize>i << 2)));
}

@inline export function zeroWords(dst: usize, n: i32): void {
  for (let i = 0; i < n; i++) store<i32>(dst + (<usize>i << 2), 0);
}
