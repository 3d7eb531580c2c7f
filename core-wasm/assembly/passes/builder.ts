// Passes rebuild a Program record by record: each old record's inputs are mapped to new
// records, the enabled rules may answer with an existing record (a simplification) or
// emit replacements, and CSE interns what is emitted. The old Program is never changed.
import * as K from '../generated/opcodes';
import { Vec } from '../vec';
import { SEED, mix, finish } from '../hash';

export const HEADER_WORDS = 8;
export const R_OP = 0, R_DTYPE = 1, R_RANK = 2, R_NIN = 3, R_NATTR = 4, R_WORDS = 5;

/** A Program being read: record offsets over its words. */
export class Reader {
  offsets: Vec = new Vec();
  words: usize = 0;

  reset(words: usize): void {
    this.words = words;
    this.offsets.len = 0;
    let k = HEADER_WORDS;
    for (let i = 0; i < this.count; i++) {
      this.offsets.push(k);
      k += R_WORDS + this.w(k + R_RANK) + this.w(k + R_NIN) + this.w(k + R_NATTR);
    }
  }
  @inline w(k: i32): i32 { return load<i32>(this.words + (<usize>k << 2)); }
  get count(): i32 { return this.w(2); }
  get nParams(): i32 { return this.w(3); }
  get nOutputs(): i32 { return this.w(4); }
  output(i: i32): i32 {
    const last = this.offsets.get(this.count - 1);
    const end = last + R_WORDS + this.w(last + R_RANK) + this.w(last + R_NIN) + this.w(last + R_NATTR);
    return this.w(end + i);
  }
  @inline at(i: i32): i32 { return this.offsets.get(i); }
  @inline op(i: i32): i32 { return this.w(this.at(i)); }
}

/** The Program being written, with accessors for the rules. */
export class Builder {
  words: Vec = new Vec();
  offsets: Vec = new Vec();
  private table: Vec = new Vec();   // CSE: open addressing over record indices, -1 empty
  private mask: i32 = 0;
  cse: bool = true;
  // scratch for the record being emitted
  dims: StaticArray<i32> = new StaticArray<i32>(8);
  ins: Vec = new Vec();
  attrs: Vec = new Vec();

  reset(nParams: i32): void {
    this.words.len = 0;
    this.offsets.len = 0;
    for (let i = 0; i < HEADER_WORDS; i++) this.words.push(0);
    this.words.set(3, nParams);
    const size = 1024;
    this.table.reserve(size);
    this.table.len = size;
    memory.fill(this.table.ptr, 0xff, <usize>size << 2);
    this.mask = size - 1;
  }

  @inline w(k: i32): i32 { return this.words.get(k); }
  get count(): i32 { return this.offsets.len; }
  @inline at(i: i32): i32 { return this.offsets.get(i); }
  @inline op(i: i32): i32 { return this.w(this.at(i) + R_OP); }
  @inline dtype(i: i32): i32 { return this.w(this.at(i) + R_DTYPE); }
  @inline rank(i: i32): i32 { return this.w(this.at(i) + R_RANK); }
  @inline nIn(i: i32): i32 { return this.w(this.at(i) + R_NIN); }
  @inline nAttr(i: i32): i32 { return this.w(this.at(i) + R_NATTR); }
  @inline dim(i: i32, d: i32): i32 { return this.w(this.at(i) + R_WORDS + d); }
  @inline input(i: i32, k: i32): i32 { return this.w(this.at(i) + R_WORDS + this.rank(i) + k); }
  @inline attr(i: i32, k: i32): i32 { return this.w(this.at(i) + R_WORDS + this.rank(i) + this.nIn(i) + k); }


  isConst(i: i32, value: f64): bool {
    return this.op(i) == K.OP_CONST && this.constValue(i) == value;
  }

  /** One f64 load of the [lo, hi] words (composing them from i32 loads miscompiles at -O3). */
  constValue(i: i32): f64 {
    return load<f64>(this.words.ptr + (<usize>(this.at(i) + R_WORDS) << 2));
  }

  /** Emits a rank-0 constant (interned like any record). */
  constant(dtype: i32, value: f64): i32 {
    const bits = reinterpret<u64>(value);
    this.ins.len = 0;
    this.attrs.len = 0;
    this.attrs.push(<i32>bits);
    this.attrs.push(<i32>(bits >> 32));
    return this.emit(K.OP_CONST, dtype, 0);
  }

  /** Emits a record from `dims`, `ins` and `attrs`; returns its index (an existing one under CSE). */
  emit(op: i32, dtype: i32, rank: i32): i32 {
    let h = mix(mix(mix(SEED, op), dtype), rank);
    for (let d = 0; d < rank; d++) h = mix(h, this.dims[d]);
    for (let k = 0; k < this.ins.len; k++) h = mix(h, this.ins.get(k));
    for (let k = 0; k < this.attrs.len; k++) h = mix(h, this.attrs.get(k));
    h = finish(h);
    const interned = this.cse && op != K.OP_PARAM;
    let slot = <i32>h & this.mask;
    if (interned) {
      for (let e = this.table.get(slot); e >= 0; slot = (slot + 1) & this.mask, e = this.table.get(slot)) {
        if (this.equals(e, op, dtype, rank)) return e;
      }
    }
    const index = this.offsets.len;
    this.offsets.push(this.words.len);
    this.words.push(op);
    this.words.push(dtype);
    this.words.push(rank);
    this.words.push(this.ins.len);
    this.words.push(this.attrs.len);
    for (let d = 0; d < rank; d++) this.words.push(this.dims[d]);
    for (let k = 0; k < this.ins.len; k++) this.words.push(this.ins.get(k));
    for (let k = 0; k < this.attrs.len; k++) this.words.push(this.attrs.get(k));
    if (interned) {
      this.table.set(slot, index);
      if (this.offsets.len * 2 > this.table.len) this.grow();
    }
    return index;
  }

  private equals(e: i32, op: i32, dtype: i32, rank: i32): bool {
    if (this.op(e) != op || this.dtype(e) != dtype || this.rank(e) != rank) return false;
    if (this.nIn(e) != this.ins.len || this.nAttr(e) != this.attrs.len) return false;
    for (let d = 0; d < rank; d++) if (this.dim(e, d) != this.dims[d]) return false;
    for (let k = 0; k < this.ins.len; k++) if (this.input(e, k) != this.ins.get(k)) return false;
    for (let k = 0; k < this.attrs.len; k++) if (this.attr(e, k) != this.attrs.get(k)) return false;
    return true;
  }

  private grow(): void {
    const size = this.table.len << 1;
    this.table.reserve(size);
    this.table.len = size;
    memory.fill(this.table.ptr, 0xff, <usize>size << 2);
    this.mask = size - 1;
    for (let i = 0; i < this.offsets.len; i++) {
      if (this.op(i) == K.OP_PARAM) continue;
      let h = mix(mix(mix(SEED, this.op(i)), this.dtype(i)), this.rank(i));
      for (let d = 0; d < this.rank(i); d++) h = mix(h, this.dim(i, d));
      for (let k = 0; k < this.nIn(i); k++) h = mix(h, this.input(i, k));
      for (let k = 0; k < this.nAttr(i); k++) h = mix(h, this.attr(i, k));
      let slot = <i32>finish(h) & this.mask;
      while (this.table.get(slot) >= 0) slot = (slot + 1) & this.mask;
      this.table.set(slot, i);
    }
  }

  /** Loads record i of `from` into the scratch (dims, inputs through `map`, attrs). */
  load(from: Reader, i: i32, map: Vec): void {
    const k = from.at(i);
    const rank = from.w(k + R_RANK), nIn = from.w(k + R_NIN), nAttr = from.w(k + R_NATTR);
    for (let d = 0; d < rank; d++) this.dims[d] = from.w(k + R_WORDS + d);
    this.ins.len = 0;
    for (let j = 0; j < nIn; j++) this.ins.push(map.get(from.w(k + R_WORDS + rank + j)));
    this.attrs.len = 0;
    for (let j = 0; j < nAttr; j++) this.attrs.push(from.w(k + R_WORDS + rank + nIn + j));
  }
}
