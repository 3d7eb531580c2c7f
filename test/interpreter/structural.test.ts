// Data movement: transpose, slice, concat, pad, gather, reverse, tile, oneHot.
import { describe, it, beforeAll } from 'vitest';
import { loadInterp, type Interp, type Data } from './interp';
import { ProgramBuilder, type DType } from './program';
import { expectEqual, numel, unravel, ravel, i32, f32, bool } from './reference';

let it_: Interp;
beforeAll(async () => {
  it_ = await loadInterp();
}, 180_000); // a stale build is rebuilt first

/** Distinct values 1..n in the dtype (bool: a fixed pattern). */
function iota(dt: DType, n: number): Data {
  if (dt === 'bool') return Uint8Array.from({ length: n }, (_, i) => ((i * 7) % 3 === 0 ? 1 : 0));
  if (dt === 'float32') return Float32Array.from({ length: n }, (_, i) => i + 1.5);
  return Int32Array.from({ length: n }, (_, i) => i + 1);
}

/** out[i] = x[src(idx)], or `fill` where src gives -1. */
function gatherRef(x: ArrayLike<number>, outDims: number[], src: (idx: number[]) => number, fill = 0): number[] {
  return Array.from({ length: numel(outDims) }, (_, i) => {
    const j = src(unravel(i, outDims));
    return j < 0 ? fill : x[j];
  });
}

/** Runs one op over one param of dims `xDims`. */
function one(op: string, dt: DType, x: Data, xDims: number[], dims: number[], attrs: number[]): Data {
  const b = new ProgramBuilder();
  const p = b.param(dt, xDims);
  const y = b.node(op, dt, dims, [p], attrs);
  return it_.run(b.build([y]), [x])[0];
}

const DTYPES: DType[] = ['float32', 'int32', 'bool'];

describe('transpose', () => {
  for (const dt of DTYPES) {
    it(dt, () => {
      const xd = [2, 3, 4, 1], perm = [2, 0, 3, 1];
      const dims = perm.map((p) => xd[p]);
      const x = iota(dt, numel(xd));
      const want = gatherRef(x, dims, (idx) => {
        const xi = new Array<number>(4);
        perm.forEach((p, i) => (xi[p] = idx[i]));
        return ravel(xi, xd);
      });
      expectEqual(one('transpose', dt, x, xd, dims, perm), want);
    });
  }
});

describe('slice', () => {
  const cases: { xd: number[]; begin: number[]; size: number[]; strides: number[] }[] = [
    { xd: [4, 5], begin: [1, 0], size: [2, 5], strides: [1, 1] },
    { xd: [4, 5], begin: [3, 4], size: [2, 3], strides: [-2, -1] },
    { xd: [3, 4, 5], begin: [2, 1, 4], size: [3, 2, 2], strides: [-1, 2, -3] },
    { xd: [6], begin: [5], size: [6], strides: [-1] },
    { xd: [3, 4], begin: [0, 0], size: [0, 4], strides: [1, 1] },
  ];
  for (const { xd, begin, size, strides } of cases) {
    for (const dt of ['float32', 'bool'] as DType[]) {
      it(`${dt} [${xd}] begin [${begin}] size [${size}] strides [${strides}]`, () => {
        const x = iota(dt, numel(xd));
        const want = gatherRef(x, size, (idx) => ravel(idx.map((o, k) => begin[k] + o * strides[k]), xd));
        expectEqual(one('slice', dt, x, xd, size, [...begin, ...size, ...strides]), want);
      });
    }
  }
});

describe('concat', () => {
  for (const dt of DTYPES) {
    for (const axis of [0, 1, 2]) {
      it(`${dt} axis ${axis}`, () => {
        const base = [2, 3, 2];
        const sizes = [1, 3, 2];
        const shapes = sizes.map((s) => base.map((d, k) => (k === axis ? s : d)));
        const dims = base.map((d, k) => (k === axis ? 6 : d));
        const xs = shapes.map((s, j) => iota(dt, numel(s)).map((v) => (dt === 'bool' ? v ^ (j & 1) : v + 100 * j)) as Data);
        const b = new ProgramBuilder();
        const ps = shapes.map((s) => b.param(dt, s));
        const y = b.node('concat', dt, dims, ps, [axis]);
        const want = Array.from({ length: numel(dims) }, (_, i) => {
          const idx = unravel(i, dims);
          let a = idx[axis], j = 0;
          while (a >= sizes[j]) a -= sizes[j++];
          return xs[j][ravel(idx.map((v, k) => (k === axis ? a : v)), shapes[j])];
        });
        expectEqual(it_.run(b.build([y]), xs)[0], want);
      });
    }
  }
  it('a single input, and an empty one', () => {
    const b = new ProgramBuilder();
    const p = b.param('int32', [2, 2]), q = b.param('int32', [2, 0]);
    const y = b.node('concat', 'int32', [2, 2], [p, q], [1]);
    const z = b.node('concat', 'int32', [2, 2], [p], [0]);
    const [gy, gz] = it_.run(b.build([y, z]), [i32(1, 2, 3, 4), i32()]);
    expectEqual(gy, [1, 2, 3, 4]);
    expectEqual(gz, [1, 2, 3, 4]);
  });
});

describe('pad', () => {
  for (const dt of DTYPES) {
    it(dt, () => {
      const xd = [2, 3], before = [1, 0], after = [2, 3];
      const dims = xd.map((d, k) => d + before[k] + after[k]);
      const x = iota(dt, 6);
      const v = dt === 'float32' ? f32(-0.5) : dt === 'int32' ? i32(-9) : bool(1);
      const b = new ProgramBuilder();
      const p = b.param(dt, xd), pv = b.param(dt, []);
      const y = b.node('pad', dt, dims, [p, pv], [...before, ...after]);
      const want = gatherRef(x, dims, (idx) => {
        const xi = idx.map((o, k) => o - before[k]);
        return xi.every((o, k) => o >= 0 && o < xd[k]) ? ravel(xi, xd) : -1;
      }, v[0]);
      expectEqual(it_.run(b.build([y]), [x, v])[0], want);
    });
  }
});

describe('gather', () => {
  for (const dt of DTYPES) {
    for (const axis of [0, 1, 2]) {
      it(`${dt} axis ${axis}, out-of-range indices give 0`, () => {
        const xd = [3, 4, 2], idxDims = [2, 3];
        const indices = i32(0, 2, -1, 1, 5, 1);
        const dims = [...xd.slice(0, axis), ...idxDims, ...xd.slice(axis + 1)];
        const x = dt === 'bool' ? Uint8Array.from({ length: 24 }, () => 1) : iota(dt, 24);
        const b = new ProgramBuilder();
        const p = b.param(dt, xd), pi = b.param('int32', idxDims);
        const y = b.node('gather', dt, dims, [p, pi], [axis]);
        const want = gatherRef(x, dims, (idx) => {
          const j = indices[ravel(idx.slice(axis, axis + 2), idxDims)];
          if (j < 0 || j >= xd[axis]) return -1;
          return ravel([...idx.slice(0, axis), j, ...idx.slice(axis + 2)], xd);
        });
        expectEqual(it_.run(b.build([y]), [x, indices])[0], want);
      });
    }
  }
});

describe('reverse', () => {
  for (const dt of DTYPES) {
    for (const axes of [[0], [1], [0, 2], [2, 1, 0], []]) {
      it(`${dt} axes [${axes}]`, () => {
        const xd = [2, 3, 4];
        const x = iota(dt, 24);
        const want = gatherRef(x, xd, (idx) => ravel(idx.map((v, k) => (axes.includes(k) ? xd[k] - 1 - v : v)), xd));
        expectEqual(one('reverse', dt, x, xd, xd, axes), want);
      });
    }
  }
});

describe('tile', () => {
  const cases: [number[], number[]][] = [[[2, 3], [2, 1]], [[2, 3], [1, 3]], [[2, 1, 3], [2, 3, 2]], [[3], [4]], [[2, 2], [0, 2]]];
  for (const dt of DTYPES) {
    for (const [xd, reps] of cases) {
      it(`${dt} [${xd}] reps [${reps}]`, () => {
        const dims = xd.map((d, k) => d * reps[k]);
        const x = iota(dt, numel(xd));
        const want = gatherRef(x, dims, (idx) => ravel(idx.map((v, k) => v % xd[k]), xd));
        expectEqual(one('tile', dt, x, xd, dims, reps), want);
      });
    }
  }
});

describe('oneHot', () => {
  for (const dt of DTYPES) {
    it(`${dt} on/off, out-of-range rows are all off`, () => {
      const indices = i32(0, 3, -1, 2, 4, 1), depth = 4;
      const [on, off] = dt === 'float32' ? [f32(2.5), f32(-1)] : dt === 'int32' ? [i32(7), i32(3)] : [bool(1), bool(0)];
      const b = new ProgramBuilder();
      const pi = b.param('int32', [2, 3]), pon = b.param(dt, []), poff = b.param(dt, []);
      const y = b.node('oneHot', dt, [2, 3, depth], [pi, pon, poff], [depth]);
      const want = Array.from({ length: 6 * depth }, (_, i) => (indices[Math.floor(i / depth)] === i % depth ? on[0] : off[0]));
      expectEqual(it_.run(b.build([y]), [indices, on, off])[0], want);
    });
  }
});
