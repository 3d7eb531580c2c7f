// Unary and binary ops for every dtype the table allows, broadcasting, where, cast.
import { describe, it, expect, beforeAll } from 'vitest';
import { loadInterp, type Interp, type Data } from './interp';
import { ProgramBuilder, opsOfKind, type DType } from './program';
import {
  refBinary, broadcastShape, expectClose, expectEqual, numel, f32, i32, bool, seq, erfRef, roundHalfEven,
  unravel, broadcastFlat,
} from './reference';

let it_: Interp;
beforeAll(async () => {
  it_ = await loadInterp();
}, 180_000); // a stale build is rebuilt first

const SELU_SCALE = 1.0507009873554804934193349852946, SELU_ALPHA = 1.6732632423543772848170429916717;
const SOFTPLUS_T = Math.log(1.1920928955078125e-7) + 2;

/** float64 references of the float32 unary ops. */
const UNARY_F: Record<string, (x: number) => number> = {
  neg: (x) => -x, abs: Math.abs, exp: Math.exp, expm1: Math.expm1, log: Math.log, log1p: Math.log1p,
  sqrt: Math.sqrt, rsqrt: (x) => 1 / Math.sqrt(x), square: (x) => x * x, reciprocal: (x) => 1 / x,
  sin: Math.sin, cos: Math.cos, tan: Math.tan, asin: Math.asin, acos: Math.acos, atan: Math.atan,
  sinh: Math.sinh, cosh: Math.cosh, tanh: Math.tanh, sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  softplus: (x) => (x < SOFTPLUS_T ? Math.exp(x) : x > -SOFTPLUS_T ? x : Math.log1p(Math.exp(x))),
  relu: (x) => Math.max(x, 0), relu6: (x) => Math.min(Math.max(x, 0), 6),
  elu: (x) => (x >= 0 ? x : Math.expm1(x)),
  selu: (x) => (x >= 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * Math.expm1(x)),
  sign: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0), floor: Math.floor, ceil: Math.ceil, round: roundHalfEven, erf: erfRef,
  isNaN: (x) => +Number.isNaN(x), isFinite: (x) => +Number.isFinite(x),
};

const UNARY_I: Record<string, (x: number) => number> = {
  neg: (x) => -x | 0, abs: (x) => Math.abs(x) | 0, square: (x) => Math.imul(x, x),
  relu: (x) => Math.max(x, 0), relu6: (x) => Math.min(Math.max(x, 0), 6), sign: Math.sign,
};

const floorDivI = (a: number, b: number) => Math.floor(a / b) | 0; // Infinity, NaN -> 0
const modF = (a: number, b: number) => {
  const r = a % b;
  return (a < 0 && b < 0) || (a >= 0 && b >= 0) ? r : (r + b) % b;
};

const BINARY_F: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => a + b, sub: (a, b) => a - b, mul: (a, b) => a * b, div: (a, b) => a / b,
  floorDiv: floorDivI, mod: modF, pow: Math.pow,   // floorDiv is int32 for float32 operands too
  maximum: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b)),
  minimum: (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b)),
  squaredDifference: (a, b) => (a - b) ** 2, atan2: Math.atan2,
  equal: (a, b) => +(a === b), notEqual: (a, b) => +(a !== b), less: (a, b) => +(a < b),
  lessEqual: (a, b) => +(a <= b), greater: (a, b) => +(a > b), greaterEqual: (a, b) => +(a >= b),
};

const BINARY_I: Record<string, (a: number, b: number) => number> = {
  add: (a, b) => (a + b) | 0, sub: (a, b) => (a - b) | 0, mul: Math.imul, floorDiv: floorDivI,
  mod: (a, b) => modF(a, b) | 0, pow: (a, b) => Math.pow(a, b) | 0, maximum: Math.max, minimum: Math.min,
  squaredDifference: (a, b) => Math.imul(a - b, a - b),
  equal: (a, b) => +(a === b), notEqual: (a, b) => +(a !== b), less: (a, b) => +(a < b),
  lessEqual: (a, b) => +(a <= b), greater: (a, b) => +(a > b), greaterEqual: (a, b) => +(a >= b),
};

const BINARY_B: Record<string, (a: number, b: number) => number> = {
  equal: (a, b) => +(a === b), notEqual: (a, b) => +(a !== b), less: (a, b) => +(a < b),
  lessEqual: (a, b) => +(a <= b), greater: (a, b) => +(a > b), greaterEqual: (a, b) => +(a >= b),
  logicalAnd: (a, b) => a & b, logicalOr: (a, b) => a | b,
};

const BOOL_OUT = new Set(['isNaN', 'isFinite', 'equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual']);
const outDtype = (op: string, dt: DType): DType => (BOOL_OUT.has(op) ? 'bool' : op === 'floorDiv' ? 'int32' : dt);

/** Runs op(x) on one param. */
function unary(op: string, dt: DType, x: Data): Data {
  const b = new ProgramBuilder();
  const p = b.param(dt, [x.length]);
  const y = b.node(op, outDtype(op, dt), [x.length], [p]);
  return it_.run(b.build([y]), [x])[0];
}

/** Runs op(a, b) on two params, broadcasting. */
function binary(op: string, dt: DType, a: Data, aDims: number[], c: Data, cDims: number[]): [Data, number[]] {
  const dims = broadcastShape(aDims, cDims);
  const b = new ProgramBuilder();
  const pa = b.param(dt, aDims), pc = b.param(dt, cDims);
  const y = b.node(op, outDtype(op, dt), dims, [pa, pc]);
  return [it_.run(b.build([y]), [a, c])[0], dims];
}

const FLOATS = f32(-3.5, -2.5, -1, -0.5, -0, 0, 1e-4, 0.25, 0.5, 1, 1.5, 2.5, 3.7, 10, 1e30, -Infinity, Infinity, NaN);
const INTS = i32(-2147483648, -7, -6, -1, 0, 1, 2, 5, 6, 7, 46341, 2147483647);

describe('unary', () => {
  it('covers every unary row of the table', () => {
    for (const op of opsOfKind('unary')) {
      expect(UNARY_F[op] ?? UNARY_I[op] ?? (op === 'logicalNot' ? 1 : undefined), op).toBeDefined();
    }
  });

  for (const [op, f] of Object.entries(UNARY_F)) {
    it(`${op} float32`, () => {
      const got = unary(op, 'float32', FLOATS);
      expectClose(got, Array.from(FLOATS, (x) => Math.fround(f(x))), 4e-6, 1e-7, op);
    });
  }

  for (const [op, f] of Object.entries(UNARY_I)) {
    it(`${op} int32`, () => {
      expectEqual(unary(op, 'int32', INTS), Array.from(INTS, f), op);
    });
  }

  it('logicalNot bool', () => {
    expectEqual(unary('logicalNot', 'bool', bool(1, 0, 0, 1)), [0, 1, 1, 0]);
  });

  it('round is half to even, erf matches known values', () => {
    expectClose(unary('round', 'float32', f32(0.5, 1.5, 2.5, -0.5, -1.5, 2.4, 2.6)), [0, 2, 2, -0, -2, 2, 3], 0, 0);
    const xs = f32(1e-4, -0.1, 0.5, 1, 2, 3);
    const want = [1.1283791633342476e-4, -0.1124629160182849, 0.5204998778130465, 0.8427007929497149,
      0.9953222650189527, 0.9999779095030014];
    expectClose(unary('erf', 'float32', xs), want.map(Math.fround), 1.2e-7, 0, 'erf');
  });
});

describe('binary', () => {
  const A = seq(24, -6, 6, 3).map((v, i) => (i % 5 === 0 ? Math.round(v) : v));
  const B = seq(24, -6, 6, 7).map((v, i) => (i % 7 === 0 ? 0 : v));
  A[3] = NaN;
  B[10] = NaN;

  it('covers every binary row of the table', () => {
    for (const op of opsOfKind('binary')) expect(BINARY_F[op] ?? BINARY_I[op] ?? BINARY_B[op], op).toBeDefined();
  });

  for (const [op, f] of Object.entries(BINARY_F)) {
    it(`${op} float32`, () => {
      const a = Float32Array.from(A), c = Float32Array.from(B);
      const [got, dims] = binary(op, 'float32', a, [2, 3, 4], c, [2, 3, 4]);
      expectClose(got, refBinary(f, a, [2, 3, 4], c, [2, 3, 4], dims).map(Math.fround), 4e-6, 1e-6, op);
    });
  }

  for (const [op, f] of Object.entries(BINARY_I)) {
    it(`${op} int32`, () => {
      const a = i32(-7, -7, 7, 7, 0, -2147483648, -2147483648, 2147483647, 3, 2, -2, 5, 9, 46341, 100000);
      const c = i32(2, -2, 2, -2, 3, -1, 1, 1, 0, 10, 3, 0, 2, 1, 100000);
      // pow stops short of overflow: the table's kernel saturates there, where tfjs wraps
      if (op === 'pow') { a[14] = 3; c[14] = 19; }
      const [got, dims] = binary(op, 'int32', a, [a.length], c, [c.length]);
      expectEqual(got, refBinary(f, a, [a.length], c, [c.length], dims), op);
    });
  }

  for (const [op, f] of Object.entries(BINARY_B)) {
    it(`${op} bool`, () => {
      const a = bool(0, 0, 1, 1), c = bool(0, 1, 0, 1);
      const [got] = binary(op, 'bool', a, [4], c, [4]);
      expectEqual(got, refBinary(f, a, [4], c, [4], [4]), op);
    });
  }

  it('maximum / minimum propagate NaN; mod takes the sign of the divisor', () => {
    const a = f32(NaN, 1, 5, -5, 5, -5, 0), c = f32(1, NaN, 3, 3, -3, -3, 3);
    expectClose(binary('maximum', 'float32', a, [7], c, [7])[0], [NaN, NaN, 5, 3, 5, -3, 3]);
    expectClose(binary('minimum', 'float32', a, [7], c, [7])[0], [NaN, NaN, 3, -5, -3, -5, 0]);
    expectClose(binary('mod', 'float32', a, [7], c, [7])[0], [NaN, NaN, 2, 1, -1, -2, 0]);
    expectEqual(binary('mod', 'int32', i32(5, -5, 5, -5, 6), [5], i32(3, 3, -3, -3, 0), [5])[0], [2, 1, -1, -2, 0]);
    expectEqual(binary('floorDiv', 'int32', i32(7, -7, 7, -7, 1), [5], i32(2, 2, -2, -2, 0), [5])[0], [3, -4, -4, 3, 0]);
  });
});

describe('broadcasting', () => {
  const cases: [number[], number[]][] = [
    [[2, 3], [3]], [[2, 1, 3], [4, 1]], [[1], []], [[], [2, 2]], [[3, 1], [1, 4]],
    [[2, 3, 4, 5], [3, 1, 5]], [[1, 1, 1], [2, 1, 3]], [[0, 3], [3]], [[2, 0], [1, 1]], [[4, 1, 2], [4, 3, 1]],
  ];
  for (const [da, db] of cases) {
    it(`[${da}] + [${db}]`, () => {
      const a = Float32Array.from(seq(numel(da), -5, 5, 11));
      const c = Float32Array.from(seq(numel(db), -5, 5, 12));
      const [got, dims] = binary('sub', 'float32', a, da, c, db);
      expectClose(got, refBinary((x, y) => x - y, a, da, c, db, dims).map(Math.fround));
      const [gi, di] = binary('mul', 'int32', Int32Array.from(a, (v) => v | 0), da, Int32Array.from(c, (v) => v | 0), db);
      expectEqual(gi, refBinary((x, y) => Math.imul(x | 0, y | 0), a, da, c, db, di));
    });
  }

  it('random shapes of rank 0..5 with size-1 and size-0 axes', () => {
    const r = seq(400, 0, 1, 99);
    let at = 0;
    const next = (n: number) => Math.floor(r[at++ % r.length] * n);
    for (let t = 0; t < 40; t++) {
      const dims = Array.from({ length: next(6) }, () => [0, 1, 2, 3, 4][next(5)]);
      const drop = (d: number[]) => d.slice(next(d.length + 1)).map((v) => (next(3) === 0 ? 1 : v));
      const da = drop(dims), db = drop(dims);
      const a = Float32Array.from(seq(numel(da), -5, 5, t + 1)), c = Float32Array.from(seq(numel(db), -5, 5, t + 100));
      const [got, out] = binary('add', 'float32', a, da, c, db);
      expectClose(got, refBinary((x, y) => x + y, a, da, c, db, out).map(Math.fround), 0, 0, `[${da}] + [${db}]`);
    }
  });

  it('broadcastTo repeats size-1 and missing axes; reshape keeps the order', () => {
    const b = new ProgramBuilder();
    const x = b.param('int32', [3, 1]);
    const y = b.node('broadcastTo', 'int32', [2, 3, 4], [x], [2, 3, 4]);
    const z = b.node('reshape', 'int32', [4, 6], [y], [4, 6]);
    const [gy, gz] = it_.run(b.build([y, z]), [i32(1, 2, 3)]);
    const want = Array.from({ length: 24 }, (_, i) => 1 + unravel(i, [2, 3, 4])[1]);
    expectEqual(gy, want);
    expectEqual(gz, want);
  });

  it('where broadcasts cond, a and b, in every dtype', () => {
    for (const dt of ['float32', 'int32', 'bool'] as DType[]) {
      const b = new ProgramBuilder();
      const cond = b.param('bool', [2, 1]), pa = b.param(dt, [3]), pb = b.param(dt, [2, 3]);
      const y = b.node('where', dt, [2, 3], [cond, pa, pb]);
      const A = dt === 'float32' ? f32(1.5, 2.5, 3.5) : dt === 'int32' ? i32(1, 2, 3) : bool(1, 0, 1);
      const B = dt === 'float32' ? f32(-1, -2, -3, -4, -5, -6) : dt === 'int32' ? i32(-1, -2, -3, -4, -5, -6) : bool(0, 1, 0, 1, 0, 1);
      const C = bool(1, 0);
      const want = Array.from({ length: 6 }, (_, i) => {
        const idx = unravel(i, [2, 3]);
        return C[broadcastFlat(idx, [2, 1])] ? A[broadcastFlat(idx, [3])] : B[i];
      });
      expectEqual(it_.run(b.build([y]), [C, A, B])[0], want, dt);
    }
  });
});

describe('cast', () => {
  const F = f32(0, -0, 2.7, -2.7, 0.5, NaN, Infinity, -Infinity, 3e9, -3e9, 2147483520, 1e20);
  const I = i32(0, 1, -1, 16777217, -2147483648, 2147483647);
  const Bo = bool(0, 1, 1, 0);
  const cast = (x: Data, from: DType, to: DType) => {
    const b = new ProgramBuilder();
    const p = b.param(from, [x.length]);
    const y = b.node('cast', to, [x.length], [p], [({ float32: 0, int32: 1, bool: 2 } as const)[to]]);
    return it_.run(b.build([y]), [x])[0];
  };

  it('float32 -> int32 truncates toward zero and wraps as ToInt32', () => {
    expectEqual(cast(F, 'float32', 'int32'), Int32Array.from(F)); // Int32Array.from is ToInt32
  });
  it('float32 -> bool is x != 0 (NaN -> true)', () => {
    expectEqual(cast(F, 'float32', 'bool'), Array.from(F, (v) => +(v !== 0)));
  });
  it('int32 -> float32 rounds to nearest; int32 -> bool is x != 0', () => {
    expectEqual(cast(I, 'int32', 'float32'), Float32Array.from(I));
    expectEqual(cast(I, 'int32', 'bool'), Array.from(I, (v) => +(v !== 0)));
  });
  it('bool -> float32, int32; same dtype copies', () => {
    expectEqual(cast(Bo, 'bool', 'float32'), [0, 1, 1, 0]);
    expectEqual(cast(Bo, 'bool', 'int32'), [0, 1, 1, 0]);
    expectEqual(cast(Bo, 'bool', 'bool'), [0, 1, 1, 0]);
    expectEqual(cast(I, 'int32', 'int32'), I);
    expectClose(cast(F, 'float32', 'float32'), F);
  });
});
