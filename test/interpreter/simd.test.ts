// The SIMD paths of the interpreter against float64 references, on awkward sizes (1, 3, 7, 33,
// 257: below a vector, odd tails, past the blocking), broadcast patterns, transposed and
// batch-broadcast products, in both builds (plain SIMD, and relaxed SIMD where the engine runs
// it). Results must stay within test/tolerances.ts of the float64 reference.
import { describe, it, expect, beforeAll } from 'vitest';
import { loadInterp, relaxedSimdAvailable, type Interp, type Data, type Build } from './interp';
import { ProgramBuilder, type DType } from './program';
import { broadcastShape, expectClose, expectEqual, numel, refBinary, seq, unravel, ravel } from './reference';
import { tolFor, type TestedOp } from '../tolerances';

const SIZES = [1, 3, 7, 33, 257];
const BUILDS: Build[] = ['simd', 'relaxed'];
const relaxed = await relaxedSimdAvailable();

/** Test values: a spread of magnitudes, with the specials at fixed places. */
function floats(n: number, lo = -4, hi = 4, seed = 1, specials = true): Float32Array {
  const x = Float32Array.from(seq(n, lo, hi, seed));
  if (specials) {
    const sp = [NaN, -0, 0, Infinity, -Infinity, 1e-40, -1e-40, 0.5, -2.5, 1e30];
    for (let i = 0; i < sp.length && 5 * i < n; i++) x[5 * i] = sp[i];
  }
  return x;
}

const ints = (n: number, seed = 1): Int32Array => {
  const x = Int32Array.from(seq(n, -1000, 1000, seed), Math.round);
  if (n > 3) { x[1] = -2147483648; x[2] = 2147483647; }
  return x;
};

const erf64 = (x: number): number => {
  // Abramowitz-Stegun 7.1.26 is too coarse; use the series / continued fraction (as math.ts)
  const a = Math.abs(x);
  if (Number.isNaN(x)) return NaN;
  if (a >= 6) return Math.sign(x);
  let r: number;
  if (a < 2) {
    const a2 = a * a;
    let term = a, sum = a;
    for (let n = 1; n < 80; n++) {
      term *= -a2 / n;
      sum += term / (2 * n + 1);
    }
    r = (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    let k = a;
    for (let n = 80; n >= 1; n--) k = a + (n * 0.5) / k;
    r = 1 - Math.exp(-a * a) / (Math.sqrt(Math.PI) * k);
  }
  return x < 0 ? -r : r;
};

/** float64 references of the unary ops with vector forms (float32), and the int32 ones. */
const UNARY_F: Record<string, (x: number) => number> = {
  neg: (x) => -x, abs: Math.abs, exp: Math.exp, log: Math.log, sqrt: Math.sqrt, rsqrt: (x) => 1 / Math.sqrt(x),
  square: (x) => x * x, reciprocal: (x) => 1 / x, tanh: Math.tanh, sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  relu: (x) => (x < 0 ? 0 : x), relu6: (x) => (x < 0 ? 0 : x > 6 ? 6 : x),
  sign: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0), floor: Math.floor, ceil: Math.ceil,
  round: (x) => { const r = Math.round(x); return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r; },
  erf: erf64,
};
const UNARY_I: Record<string, (x: number) => number> = {
  neg: (x) => -x | 0, abs: (x) => Math.abs(x) | 0, square: (x) => Math.imul(x, x), relu: (x) => Math.max(x, 0),
  relu6: (x) => Math.min(Math.max(x, 0), 6), sign: Math.sign, round: (x) => x,
};
const BINARY_F: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b, sub: (a, b) => a - b, mul: (a, b) => a * b, div: (a, b) => a / b,
  maximum: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)),
  minimum: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b)),
  squaredDifference: (a, b) => (a - b) ** 2,
};
const BINARY_I: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => (a + b) | 0, sub: (a, b) => (a - b) | 0, mul: Math.imul, maximum: Math.max, minimum: Math.min,
  squaredDifference: (a, b) => Math.imul(a - b, a - b),
};

/** Compares float32 results under the op's tolerance class; -0 and +0 must match in sign
 *  where the reference is exact (relu, neg, abs ... keep or drop the sign as tfjs does). */
function expectTol(op: string, got: ArrayLike<number>, want: number[], what: string): void {
  const { atol, rtol } = tolFor(op as TestedOp);
  expect(got.length, what).toBe(want.length);
  for (let i = 0; i < want.length; i++) {
    const g = got[i], w = want[i], w32 = Math.fround(w);
    const ok = Number.isNaN(w) ? Number.isNaN(g)
      : Object.is(g, w32) || (g === w32 && w32 !== 0) || (!Number.isFinite(w) ? false : Math.abs(g - w) <= atol + rtol * Math.abs(w));
    if (!ok) expect.fail(`${what}[${i}]: ${op}(...) got ${g}, expected ${w}`);
  }
}

for (const build of BUILDS) {
  describe.skipIf(build === 'relaxed' && !relaxed)(`SIMD paths (${build} build)`, () => {
    let it_: Interp;
    beforeAll(async () => {
      it_ = await loadInterp(build);
    }, 180_000); // a stale build is rebuilt first

    const unary = (op: string, dt: DType, x: Data): Data => {
      const b = new ProgramBuilder();
      const p = b.param(dt, [x.length]);
      return it_.run(b.build([b.node(op, dt, [x.length], [p])]), [x])[0];
    };
    const binary = (op: string, dt: DType, a: Data, ad: number[], c: Data, cd: number[]): [Data, number[]] => {
      const dims = broadcastShape(ad, cd);
      const b = new ProgramBuilder();
      const pa = b.param(dt, ad), pc = b.param(dt, cd);
      return [it_.run(b.build([b.node(op, dt, dims, [pa, pc])]), [a, c])[0], dims];
    };

    describe('unary', () => {
      for (const [op, f] of Object.entries(UNARY_F)) {
        it(`${op} float32, sizes ${SIZES}`, () => {
          for (const n of SIZES) {
            const x = floats(n, -6, 6, n);
            const want = Array.from(x, f);
            expectTol(op, unary(op, 'float32', x), want, `${op} n=${n}`);
          }
        });
      }
      for (const [op, f] of Object.entries(UNARY_I)) {
        it(`${op} int32, sizes ${SIZES}`, () => {
          for (const n of SIZES) {
            const x = ints(n, n);
            expectEqual(unary(op, 'int32', x), Array.from(x, f), `${op} n=${n}`);
          }
        });
      }
      it('a result does not depend on the element\'s position (vector body vs. tail)', () => {
        for (const op of ['exp', 'log', 'tanh', 'sigmoid', 'erf']) {
          const v = [0.3, -1.7, 2.2];
          const x = Float32Array.from({ length: 11 }, (_, i) => v[i % 3]);
          const got = unary(op, 'float32', x);
          for (let i = 3; i < 11; i++) expect(got[i], `${op}[${i}]`).toBe(got[i % 3]);
        }
      });
    });

    describe('binary', () => {
      const patterns = (n: number): [number[], number[]][] => [
        [[n], [n]], [[n], []], [[], [n]], [[3, n], [n]], [[3, n], [3, 1]], [[3, 1], [1, n]], [[2, n, 3], [n, 1]],
      ];
      for (const [op, f] of Object.entries(BINARY_F)) {
        it(`${op} float32 with broadcasting`, () => {
          for (const n of SIZES) {
            for (const [ad, cd] of patterns(n)) {
              const a = floats(numel(ad), -5, 5, n + 1), c = floats(numel(cd), -5, 5, n + 2, false);
              if (c.length > 4) c[4] = NaN;
              const [got, dims] = binary(op, 'float32', a, ad, c, cd);
              expectTol(op, got, refBinary(f, a, ad, c, cd, dims), `[${ad}] ${op} [${cd}]`);
            }
          }
        });
      }
      for (const [op, f] of Object.entries(BINARY_I)) {
        it(`${op} int32 with broadcasting`, () => {
          for (const n of SIZES) {
            for (const [ad, cd] of patterns(n)) {
              const a = ints(numel(ad), n + 1), c = ints(numel(cd), n + 2);
              const [got, dims] = binary(op, 'int32', a, ad, c, cd);
              expectEqual(got, refBinary(f, a, ad, c, cd, dims), `[${ad}] ${op} [${cd}]`);
            }
          }
        });
      }
    });

    describe('reduce', () => {
      const FOLD: Record<string, [number, (a: number, x: number) => number]> = {
        sum: [0, (a, x) => a + x], prod: [1, (a, x) => a * x],
        max: [-Infinity, (a, x) => (Number.isNaN(a) || Number.isNaN(x) ? NaN : Math.max(a, x))],
        min: [Infinity, (a, x) => (Number.isNaN(a) || Number.isNaN(x) ? NaN : Math.min(a, x))],
      };
      const reduceRef = (op: string, x: ArrayLike<number>, dims: number[], axes: number[], int: boolean) => {
        const [init, f] = FOLD[op];
        const od = dims.map((d, k) => (axes.includes(k) ? 1 : d));
        const out = new Array<number>(numel(od)).fill(init);
        for (let i = 0; i < x.length; i++) {
          const o = ravel(unravel(i, dims).map((v, k) => (axes.includes(k) ? 0 : v)), od);
          out[o] = int ? (op === 'prod' ? Math.imul(out[o], x[i]) : f(out[o], x[i]) | 0) : f(out[o], x[i]);
        }
        return out;
      };
      const run = (op: string, dt: DType, x: Data, dims: number[], axes: number[]) => {
        const b = new ProgramBuilder();
        const p = b.param(dt, dims);
        const od = dims.filter((_, k) => !axes.includes(k));
        return it_.run(b.build([b.node(op, dt, od, [p], [0, ...axes])]), [x])[0];
      };
      const cases = (n: number): [number[], number[]][] => [
        [[n], [0]], [[3, n], [1]], [[n, 5], [0]], [[2, n, 6], [1]], [[2, 3, n, 4], [1, 2]], [[n, 2, 3], [0, 1]],
        [[2, n, 3], [0, 2]], [[4, n], [0, 1]],
      ];
      for (const op of Object.keys(FOLD)) {
        it(`${op} float32 over rows, columns and strided axes`, () => {
          for (const n of SIZES) {
            for (const [dims, axes] of cases(n)) {
              const lo = op === 'prod' ? 0.7 : -3, hi = op === 'prod' ? 1.4 : 3;
              const x = floats(numel(dims), lo, hi, n, false);
              const want = reduceRef(op, x, dims, axes, false);
              const tol = op === 'prod' ? 'prod' : op === 'sum' ? 'sum' : 'max';
              expectTol(tol, run(op, 'float32', x, dims, axes), want, `${op} [${dims}] axes [${axes}]`);
              if (op === 'max' || op === 'min') {
                x[Math.floor(x.length / 2)] = NaN; // propagates from any lane or position
                expectTol(tol, run(op, 'float32', x, dims, axes), reduceRef(op, x, dims, axes, false), `${op} NaN [${dims}]`);
              }
            }
          }
        });
        it(`${op} int32 over rows, columns and strided axes`, () => {
          for (const n of SIZES) {
            for (const [dims, axes] of cases(n)) {
              const x = op === 'prod' ? Int32Array.from(seq(numel(dims), -3, 3, n), Math.round) : ints(numel(dims), n);
              expectEqual(run(op, 'int32', x, dims, axes), reduceRef(op, x, dims, axes, true), `${op} [${dims}] axes [${axes}]`);
            }
          }
        });
      }
    });

    describe('in-place elementwise (an input that dies at a node lends it its buffer)', () => {
      it('chains, a squared intermediate, a reused second operand, outputs never overwritten', () => {
        const n = 37;
        const b = new ProgramBuilder();
        const x = b.param('float32', [n]), s = b.param('float32', []), y = b.param('float32', [n]);
        const t1 = b.node('exp', 'float32', [n], [x]); // dies at t2: reused
        const t2 = b.node('mul', 'float32', [n], [t1, t1]); // both operands the same buffer
        const t3 = b.node('sub', 'float32', [n], [s, t2]); // reuses its second operand
        const t4 = b.node('add', 'float32', [n], [t3, y]); // y is a param: never written
        const t5 = b.node('neg', 'float32', [n], [t4]); // t4 is an output: not reused
        const t6 = b.node('less', 'bool', [n], [t5, y]); // another element size: not reused
        const X = floats(n, -2, 2, 5, false), Y = floats(n, -2, 2, 6, false), S = Float32Array.of(0.5);
        const [o4, o5, o6] = it_.run(b.build([t4, t5, t6]), [X, S, Y]);
        const want4 = Array.from(X, (v, i) => Math.fround(0.5 - Math.fround(Math.exp(v)) ** 2) + Y[i]);
        expectTol('exp', o4, want4, 't4');
        expectTol('neg', o5, Array.from(o4, (v) => -v), 't5');
        expectEqual(o6, Array.from(o5, (v, i) => +(v < Y[i])), 't6');
      });
      it('runs many times without growing memory', () => {
        const n = 1 << 16;
        const b = new ProgramBuilder();
        const x = b.param('float32', [n]);
        let t = b.node('mul', 'float32', [n], [x, x]);
        for (const op of ['relu', 'tanh', 'sqrt', 'neg']) t = b.node(op, 'float32', [n], [t]);
        const p = b.build([t]);
        const X = floats(n, -2, 2, 7, false);
        const first = it_.run(p, [X])[0];
        const bytes = it_.x.memory.buffer.byteLength;
        for (let r = 0; r < 50; r++) it_.run(p, [X]);
        expect(it_.x.memory.buffer.byteLength).toBe(bytes);
        expectTol('tanh', first, Array.from(X, (v) => -Math.sqrt(Math.tanh(v * v))), 'chain');
      });
    });

    describe('matMul', () => {
      /** float64 reference for a [...batchA, m, k] (or [k, m]) times b [...batchB, k, n] (or [n, k]). */
      function refMatMul(a: Float32Array, ad: number[], b: Float32Array, bd: number[], tA: boolean, tB: boolean) {
        const ra = ad.length, rb = bd.length;
        const m = tA ? ad[ra - 1] : ad[ra - 2], k = tA ? ad[ra - 2] : ad[ra - 1], n = tB ? bd[rb - 2] : bd[rb - 1];
        const batch = broadcastShape(ad.slice(0, -2), bd.slice(0, -2));
        const out = new Float64Array(numel(batch) * m * n);
        for (let t = 0; t < numel(batch); t++) {
          const idx = unravel(t, batch);
          const off = (xd: number[]) => {
            const xb = xd.slice(0, -2);
            return ravel(xb.map((d, q) => (d === 1 ? 0 : idx[idx.length - xb.length + q])), xb);
          };
          const oa = off(ad) * m * k, ob = off(bd) * k * n, oo = t * m * n;
          for (let i = 0; i < m; i++) {
            for (let j = 0; j < n; j++) {
              let s = 0;
              for (let q = 0; q < k; q++) s += a[oa + (tA ? q * m + i : i * k + q)] * b[ob + (tB ? j * k + q : q * n + j)];
              out[oo + i * n + j] = s;
            }
          }
        }
        return { out: Array.from(out), dims: [...batch, m, n] };
      }

      function check(batchA: number[], batchB: number[], m: number, k: number, n: number, tA: boolean, tB: boolean) {
        const ad = [...batchA, ...(tA ? [k, m] : [m, k])], bd = [...batchB, ...(tB ? [n, k] : [k, n])];
        const a = floats(numel(ad), -1, 1, m * 7 + k, false), b = floats(numel(bd), -1, 1, n * 13 + k, false);
        const { out, dims } = refMatMul(a, ad, b, bd, tA, tB);
        const pb = new ProgramBuilder();
        const pa = pb.param('float32', ad), pbb = pb.param('float32', bd);
        const y = pb.node('matMul', 'float32', dims, [pa, pbb], [+tA, +tB]);
        const got = it_.run(pb.build([y]), [a, b])[0];
        expectTol('matMul', got, out, `[${ad}] x [${bd}] tA ${tA} tB ${tB}`);
      }

      const TRANS: [boolean, boolean][] = [[false, false], [true, false], [false, true], [true, true]];
      it('every m, k, n in 1, 3, 7, 33 and every transpose', () => {
        for (const m of [1, 3, 7, 33]) for (const k of [1, 3, 7, 33]) for (const n of [1, 3, 7, 33]) {
          for (const [tA, tB] of TRANS) check([], [], m, k, n, tA, tB);
        }
      });
      it('257 in each place, thin products (row and column vectors), every transpose', () => {
        const shapes = [[257, 33, 7], [7, 257, 33], [33, 7, 257], [1, 257, 33], [3, 33, 257], [257, 33, 1],
          [33, 257, 1], [2, 300, 40], [257, 7, 5], [5, 600, 9]];
        for (const [m, k, n] of shapes) for (const [tA, tB] of TRANS) check([], [], m, k, n, tA, tB);
      });
      it('past every block size: k > KC, m > MC, n > NC', () => {
        for (const [tA, tB] of TRANS) check([], [], 130, 530, 70, tA, tB);
        check([], [], 5, 3, 4100, false, false);
        check([], [], 5, 3, 4100, true, true);
      });
      it('batched, with broadcast batch dims', () => {
        const cases: [number[], number[]][] = [[[2], [2]], [[2, 1], [3]], [[1], [4, 2]], [[3], []], [[], [2, 1, 2]]];
        for (const [ba, bb] of cases) for (const [tA, tB] of TRANS) check(ba, bb, 33, 9, 17, tA, tB);
      });
      it('k = 0 gives zeros; empty m or n give empty outputs', () => {
        const pb = new ProgramBuilder();
        const pa = pb.param('float32', [40, 0]), pbb = pb.param('float32', [0, 50]);
        const y = pb.node('matMul', 'float32', [40, 50], [pa, pbb], [0, 0]);
        const got = it_.run(pb.build([y]), [new Float32Array(0), new Float32Array(0)])[0];
        expect(got.length).toBe(2000);
        expect(Array.from(got).every((v) => v === 0)).toBe(true);
      });
      it('int32 products stay exact (wrapping)', () => {
        const m = 20, k = 40, n = 30;
        const a = Int32Array.from(seq(m * k, -50000, 50000, 3), Math.round), b = Int32Array.from(seq(k * n, -50000, 50000, 4), Math.round);
        const pb = new ProgramBuilder();
        const pa = pb.param('int32', [m, k]), pbb = pb.param('int32', [k, n]);
        const y = pb.node('matMul', 'int32', [m, n], [pa, pbb], [0, 0]);
        const want = Array.from({ length: m * n }, (_, o) => {
          const i = Math.floor(o / n), j = o % n;
          let s = 0;
          for (let q = 0; q < k; q++) s = (s + Math.imul(a[i * k + q], b[q * n + j])) | 0;
          return s;
        });
        expectEqual(it_.run(pb.build([y]), [a, b])[0], want);
      });
    });
  });
}
