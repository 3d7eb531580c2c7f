// The executable contract: params and consts as outputs, buffer ownership and freeing, ids,
// and the error codes of compile and execute.
import { describe, it, expect, beforeAll } from 'vitest';
import { loadInterp, type Interp } from './interp';
import { ProgramBuilder, opcode } from './program';
import { expectClose, expectEqual, f32, bool } from './reference';

let it_: Interp;
beforeAll(async () => {
  it_ = await loadInterp();
}, 180_000); // a stale build is rebuilt first

const ERR = {
  MAGIC: -1, VERSION: -2, LENGTH: -3, HEADER: -4, OPCODE: -5, DTYPE: -6, RANK: -7, INPUT: -8,
  ATTRS: -9, SHAPE: -10, PARAM: -11, OUTPUT: -12, TOO_LARGE: -13, EXECUTABLE: -14,
};

describe('outputs and ownership', () => {
  it('returns params and consts as fresh copies', () => {
    const b = new ProgramBuilder();
    const x = b.param('float32', [3]);
    const c = b.constant('float32', 0.1);
    const ci = b.constant('int32', -2.7, [2, 2]);
    const cb = b.constant('bool', 0.5);
    const cw = b.constant('int32', 3e9);
    const p = b.build([x, c, ci, cb, cw]);
    const exe = it_.compile(p.words);
    const arg = it_.upload(f32(1, 2, 3));
    const outs = it_.executeRaw(exe, [arg], 5);
    expect(outs[0]).not.toBe(arg);
    expect(new Set(outs).size).toBe(5);
    expectClose(it_.download(outs[0], 'float32', 3), [1, 2, 3]);
    expectEqual(it_.download(outs[1], 'float32', 1), [Math.fround(0.1)]);
    expectEqual(it_.download(outs[2], 'int32', 4), [-2, -2, -2, -2]);
    expectEqual(it_.download(outs[3], 'bool', 1), [1]);
    expectEqual(it_.download(outs[4], 'int32', 1), [3e9 | 0]);
    [arg, ...outs].forEach((q) => it_.x.free(q));
    it_.x.release(exe);
  });

  it('keeps an output that is also read later; reads one input twice; skips dead nodes', () => {
    const b = new ProgramBuilder();
    const x = b.param('float32', [4]);
    const y = b.node('exp', 'float32', [4], [x]);
    b.node('neg', 'float32', [4], [y]); // dead: computed, never read
    const z = b.node('add', 'float32', [4], [y, y]);
    const w = b.node('mul', 'float32', [4], [z, b.constant('float32', 0.5)]);
    const xs = f32(0, 1, -1, 2);
    const [gw, gy] = it_.run(b.build([w, y]), [xs]);
    expectClose(gy, Array.from(xs, Math.exp));
    expectClose(gw, Array.from(xs, Math.exp));
  });

  it('runs a compiled Program many times without growing memory', () => {
    const n = 1 << 18; // 1 MiB of float32 per intermediate
    const b = new ProgramBuilder();
    const x = b.param('float32', [n]);
    let y = x;
    for (let k = 0; k < 8; k++) y = b.node(k % 2 ? 'abs' : 'neg', 'float32', [n], [y]);
    const s = b.node('sum', 'float32', [], [y], [0, 0]);
    const p = b.build([s]);
    const exe = it_.compile(p.words);
    const xs = new Float32Array(n).fill(1);
    expectClose(it_.execute(exe, p, [xs])[0], [n]);
    const before = it_.x.memory.buffer.byteLength;
    for (let k = 0; k < 30; k++) it_.execute(exe, p, [xs]);
    expect(it_.x.memory.buffer.byteLength).toBe(before);
    it_.x.release(exe);
  });

  it('reuses released ids, and compile / release does not leak', () => {
    const b = new ProgramBuilder();
    b.param('int32', [2]);
    const p = b.build([0]);
    const a = it_.compile(p.words), c = it_.compile(p.words);
    expect(a).toBeGreaterThanOrEqual(0);
    expect(c).not.toBe(a);
    it_.x.release(a);
    expect(it_.compile(p.words)).toBe(a);
    const before = it_.x.memory.buffer.byteLength;
    for (let k = 0; k < 2000; k++) it_.x.release(it_.compile(p.words));
    expect(it_.x.memory.buffer.byteLength).toBe(before);
    it_.x.release(a);
    it_.x.release(c);
  });

  it('runs a Program with no nodes and no outputs', () => {
    expect(it_.run(new ProgramBuilder().build([]))).toEqual([]);
  });

  it('alloc(0) gives distinct valid pointers; alloc(-1) gives 0', () => {
    const a = it_.x.alloc(0), c = it_.x.alloc(0);
    expect(a).not.toBe(0);
    expect(a).not.toBe(c);
    expect(it_.x.alloc(-1)).toBe(0);
    it_.x.free(a);
    it_.x.free(c);
    it_.x.free(0);
  });
});

describe('errors', () => {
  /** x: float32 [2, 3] param; y = x + x; output y. */
  function valid() {
    const b = new ProgramBuilder();
    const x = b.param('float32', [2, 3]);
    b.node('add', 'float32', [2, 3], [x, x]);
    return b;
  }
  const compile = (words: Int32Array) => {
    const id = it_.compile(words);
    if (id >= 0) it_.x.release(id);
    return id;
  };
  /** Compiles the valid Program with one word changed (negative index: from the end). */
  const patched = (at: number, v: number) => {
    const w = valid().build([1]).words.slice();
    w[at < 0 ? w.length + at : at] = v;
    return compile(w);
  };
  const one = (f: (b: ProgramBuilder) => number, outs?: number[]) => {
    const b = new ProgramBuilder();
    const y = f(b);
    return compile(b.build(outs ?? [y]).words);
  };

  it('header', () => {
    expect(compile(valid().build([1]).words)).toBeGreaterThanOrEqual(0);
    expect(patched(0, 0x12345678)).toBe(ERR.MAGIC);
    expect(patched(1, 2)).toBe(ERR.VERSION);
    expect(patched(5, 99)).toBe(ERR.LENGTH);
    expect(patched(6, 1)).toBe(ERR.HEADER);
    expect(patched(2, -1)).toBe(ERR.HEADER);
    expect(patched(2, 1000)).toBe(ERR.LENGTH);
    expect(compile(valid().build([1]).words.slice(0, 5))).toBe(ERR.LENGTH);
    const w = valid().build([1]).words;
    const longer = Int32Array.from([...w, 0]);
    longer[5] = longer.length;
    expect(compile(longer)).toBe(ERR.LENGTH); // a stray word between records and outputs
  });

  it('records', () => {
    const rec1 = 8 + 5 + 2 + 0 + 1; // word index of record 1 (the add)
    expect(patched(rec1, 999)).toBe(ERR.OPCODE);
    expect(patched(rec1, opcode('data'))).toBe(ERR.OPCODE);
    expect(patched(rec1 + 1, 3)).toBe(ERR.DTYPE);
    expect(patched(rec1 + 1, 1)).toBe(ERR.DTYPE); // int32 add of float32 inputs
    expect(patched(rec1 + 2, 9)).toBe(ERR.RANK);
    expect(patched(rec1 + 5, -2)).toBe(ERR.RANK);
    expect(patched(rec1 + 7, 1)).toBe(ERR.INPUT); // reads itself
    expect(patched(rec1 + 3, 1)).toBe(ERR.INPUT); // add with one input
    expect(patched(rec1 + 6, 4)).toBe(ERR.SHAPE); // [2, 4] from [2, 3]
  });

  it('dtypes the table does not allow', () => {
    expect(one((b) => b.node('logicalNot', 'float32', [2], [b.param('float32', [2])]))).toBe(ERR.DTYPE);
    expect(one((b) => b.node('exp', 'int32', [2], [b.param('int32', [2])]))).toBe(ERR.DTYPE);
    expect(one((b) => b.node('isNaN', 'float32', [2], [b.param('float32', [2])]))).toBe(ERR.DTYPE);
    expect(one((b) => b.node('sum', 'bool', [], [b.param('bool', [2])], [0, 0]))).toBe(ERR.DTYPE);
    expect(one((b) => b.node('where', 'int32', [2], [b.param('int32', [2]), b.param('int32', [2]), b.param('int32', [2])]))).toBe(ERR.DTYPE);
  });

  it('attributes and shapes', () => {
    const x = (b: ProgramBuilder) => b.param('float32', [2, 3, 4]);
    expect(one((b) => b.node('sum', 'float32', [3], [x(b)], [0, 2, 0]))).toBe(ERR.ATTRS); // unsorted
    expect(one((b) => b.node('sum', 'float32', [2, 4], [x(b)], [1, 1]))).toBe(ERR.SHAPE); // keepDims
    expect(one((b) => b.node('transpose', 'float32', [2, 3, 4], [x(b)], [0, 0, 2]))).toBe(ERR.ATTRS);
    expect(one((b) => b.node('cast', 'int32', [2, 3, 4], [x(b)], [0]))).toBe(ERR.ATTRS);
    expect(one((b) => b.node('slice', 'float32', [2, 1, 1], [x(b)], [0, 0, 0, 2, 1, 1, 1, 1, 0]))).toBe(ERR.ATTRS);
    expect(one((b) => b.node('slice', 'float32', [3, 1, 1], [x(b)], [0, 0, 0, 3, 1, 1, 1, 1, 1]))).toBe(ERR.ATTRS);
    expect(one((b) => b.node('slice', 'float32', [2, 1, 1], [x(b)], [1, 0, 0, 2, 1, 1, -1, 1, 1]))).toBeGreaterThanOrEqual(0);
    expect(one((b) => b.node('pad', 'float32', [2, 3, 3], [x(b), b.constant('float32', 0)], [0, 0, 0, 0, 0, -1]))).toBe(ERR.ATTRS);
    expect(one((b) => b.node('reverse', 'float32', [2, 3, 4], [x(b)], [1, 1]))).toBe(ERR.ATTRS);
    expect(one((b) => b.node('add', 'float32', [2, 3, 4], [x(b), b.param('float32', [3])]))).toBe(ERR.SHAPE);
    expect(one((b) => b.node('matMul', 'float32', [2, 2, 2], [x(b), x(b)], [0, 0]))).toBe(ERR.SHAPE);
    expect(one((b) => b.node('matMul', 'float32', [2, 3, 3], [x(b), x(b)], [0, 1]))).toBeGreaterThanOrEqual(0);
    expect(one((b) => b.node('concat', 'float32', [2, 3, 9], [x(b), x(b)], [2]))).toBe(ERR.SHAPE);
    expect(one((b) => b.node('gather', 'float32', [2, 5, 4], [x(b), b.param('int32', [5])], [1]))).toBeGreaterThanOrEqual(0);
    expect(one((b) => b.node('gather', 'float32', [2, 5, 4], [x(b), b.param('float32', [5])], [1]))).toBe(ERR.DTYPE);
    expect(one((b) => b.node('tile', 'float32', [2, 3, 8], [x(b)], [1, 1, 3]))).toBe(ERR.SHAPE);
    expect(one((b) => b.node('oneHot', 'bool', [3, 4], [b.param('int32', [3]), b.param('bool', []), b.param('bool', [])], [4]))).toBeGreaterThanOrEqual(0);
    expect(one((b) => b.node('cumsum', 'float32', [2, 3, 4], [x(b)], [3, 0, 0]))).toBe(ERR.ATTRS);
    expect(one((b) => b.node('argMax', 'float32', [2, 3], [x(b)], [2]))).toBe(ERR.DTYPE); // output int32
    expect(one((b) => b.node('reshape', 'float32', [4, 6], [x(b)], [4, 5]))).toBe(ERR.ATTRS);
    expect(one((b) => b.node('broadcastTo', 'float32', [2, 2, 3, 4], [x(b)], [2, 2, 3, 4]))).toBeGreaterThanOrEqual(0);
  });

  it('params, outputs, sizes', () => {
    expect(one((b) => {
      const y = b.param('int32', [1]);
      b.recs[y].attrs[0] = 1; // slot 1 of 1
      return y;
    })).toBe(ERR.PARAM);
    expect(one((b) => {
      b.param('int32', [1]);
      b.nParams = 2; // slot 1 never appears
      return 0;
    })).toBe(ERR.PARAM);
    expect(one((b) => {
      b.param('int32', [1]);
      const y = b.param('int32', [1]);
      b.recs[y].attrs[0] = 0;
      b.nParams = 1;
      return y;
    })).toBe(ERR.PARAM);
    expect(one((b) => b.param('int32', [1]), [1])).toBe(ERR.OUTPUT);
    expect(one((b) => b.param('int32', [1]), [0, 0])).toBe(ERR.OUTPUT);
    expect(one((b) => b.param('float32', [65536, 65536]))).toBe(ERR.TOO_LARGE);
  });

  it('execute refuses an unknown or released id', () => {
    expect(it_.x.execute(12345, 0, 0)).toBe(ERR.EXECUTABLE);
    expect(it_.x.execute(-1, 0, 0)).toBe(ERR.EXECUTABLE);
    const id = it_.compile(valid().build([1]).words);
    it_.x.release(id);
    expect(it_.x.execute(id, 0, 0)).toBe(ERR.EXECUTABLE);
    it_.x.release(id); // twice is harmless
  });

  it('bool buffers are one byte per element', () => {
    const b = new ProgramBuilder();
    const x = b.param('bool', [5]);
    const y = b.node('logicalNot', 'bool', [5], [x]);
    expectEqual(it_.run(b.build([y]), [bool(1, 0, 1, 1, 0)])[0], [0, 1, 0, 0, 1]);
  });
});
