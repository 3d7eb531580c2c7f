// Reductions over several axes (keepDims or not), argMax / argMin, cumsum.
import { describe, it, beforeAll } from 'vitest';
import { loadInterp, type Interp, type Data } from './interp';
import { ProgramBuilder, type DType } from './program';
import { expectClose, expectEqual, numel, unravel, ravel, seq, f32, i32 } from './reference';

let it_: Interp;
beforeAll(async () => {
  it_ = await loadInterp();
}, 180_000); // a stale build is rebuilt first

type Fold = { init: number; f: (acc: number, x: number) => number };
const nanMax = (a: number, x: number) => (Number.isNaN(a) || Number.isNaN(x) ? NaN : Math.max(a, x));
const nanMin = (a: number, x: number) => (Number.isNaN(a) || Number.isNaN(x) ? NaN : Math.min(a, x));
const FOLDS: Record<string, Fold> = {
  sum: { init: 0, f: (a, x) => a + x }, prod: { init: 1, f: (a, x) => a * x },
  max: { init: -Infinity, f: nanMax }, min: { init: Infinity, f: nanMin },
  all: { init: 1, f: (a, x) => a & x }, any: { init: 0, f: (a, x) => a | x },
};

/** Output dims of a reduction. */
function reducedDims(dims: number[], axes: number[], keep: boolean): number[] {
  return dims.flatMap((d, k) => (axes.includes(k) ? (keep ? [1] : []) : [d]));
}

function refReduce(fold: Fold, x: ArrayLike<number>, dims: number[], axes: number[]): number[] {
  const outDims = reducedDims(dims, axes, true);
  const out = new Array<number>(numel(outDims)).fill(fold.init);
  for (let i = 0; i < x.length; i++) {
    const o = ravel(unravel(i, dims).map((v, k) => (axes.includes(k) ? 0 : v)), outDims);
    out[o] = fold.f(out[o], x[i]);
  }
  return out;
}

function reduce(op: string, dt: DType, x: Data, dims: number[], axes: number[], keep: boolean): Data {
  const b = new ProgramBuilder();
  const p = b.param(dt, dims);
  const y = b.node(op, dt, reducedDims(dims, axes, keep), [p], [keep ? 1 : 0, ...axes]);
  return it_.run(b.build([y]), [x])[0];
}

describe('reduce', () => {
  const dims = [2, 3, 4];
  const axesCases = [[0], [1], [2], [0, 2], [1, 2], [0, 1, 2], []];
  const X = seq(24, -2, 2, 5);
  for (const op of ['sum', 'prod', 'max', 'min']) {
    for (const axes of axesCases) {
      for (const keep of [false, true]) {
        it(`${op} axes [${axes}] keepDims ${keep}`, () => {
          const xf = Float32Array.from(X);
          const want = refReduce(FOLDS[op], xf, dims, axes);
          expectClose(reduce(op, 'float32', xf, dims, axes, keep), want.map(Math.fround), 1e-5, 1e-6, 'f32');
          const xi = Int32Array.from(X, (v) => Math.round(v));
          const wantI = refReduce(FOLDS[op], xi, dims, axes).map((v) => v | 0);
          expectEqual(reduce(op, 'int32', xi, dims, axes, keep), wantI, 'i32');
        });
      }
    }
  }

  for (const op of ['all', 'any']) {
    it(`${op} bool over [0, 2] and [1]`, () => {
      const x = Uint8Array.from(seq(24, 0, 1, 9), (v) => (v < 0.7 ? 1 : 0));
      for (const axes of [[0, 2], [1], []]) {
        expectEqual(reduce(op, 'bool', x, dims, axes, false), refReduce(FOLDS[op], x, dims, axes), `${axes}`);
      }
    });
  }

  it('max / min propagate NaN; empty reductions give the identity', () => {
    const x = f32(1, NaN, 3, 4, 5, 6);
    expectClose(reduce('max', 'float32', x, [2, 3], [1], false), [NaN, 6]);
    expectClose(reduce('min', 'float32', x, [2, 3], [1], false), [NaN, 4]);
    const e = new Float32Array(0);
    expectClose(reduce('sum', 'float32', e, [2, 0], [1], false), [0, 0]);
    expectClose(reduce('prod', 'float32', e, [2, 0], [1], true), [1, 1]);
    expectClose(reduce('max', 'float32', e, [2, 0], [1], false), [-Infinity, -Infinity]);
    expectEqual(reduce('min', 'int32', new Int32Array(0), [0, 3], [0], false), [2147483647, 2147483647, 2147483647]);
    expectEqual(reduce('all', 'bool', new Uint8Array(0), [0], [0], false), [1]);
  });
});

describe('argMax / argMin', () => {
  function arg(op: string, dt: DType, x: Data, dims: number[], axis: number): Data {
    const b = new ProgramBuilder();
    const p = b.param(dt, dims);
    const y = b.node(op, 'int32', dims.filter((_, k) => k !== axis), [p], [axis]);
    return it_.run(b.build([y]), [x])[0];
  }
  function refArg(x: ArrayLike<number>, dims: number[], axis: number, isMax: boolean): number[] {
    const outDims = dims.filter((_, k) => k !== axis);
    return Array.from({ length: numel(outDims) }, (_, o) => {
      const idx = unravel(o, outDims);
      let best = NaN, at = 0;
      for (let k = 0; k < dims[axis]; k++) {
        const full = [...idx.slice(0, axis), k, ...idx.slice(axis)];
        const v = x[ravel(full, dims)];
        if (k === 0 || (isMax ? v > best : v < best)) { best = v; at = k; } // first extreme wins
      }
      return at;
    });
  }

  for (const op of ['argMax', 'argMin']) {
    it(`${op} along each axis, float32 and int32, ties and NaN`, () => {
      const dims = [3, 4, 2];
      const xs = seq(24, -3, 3, 21).map(Math.round); // many ties
      const xf = Float32Array.from(xs);
      xf[5] = NaN;
      for (let axis = 0; axis < 3; axis++) {
        expectEqual(arg(op, 'float32', xf, dims, axis), refArg(xf, dims, axis, op === 'argMax'), `f32 axis ${axis}`);
        const xi = Int32Array.from(xs);
        expectEqual(arg(op, 'int32', xi, dims, axis), refArg(xi, dims, axis, op === 'argMax'), `i32 axis ${axis}`);
      }
    });
  }
});

describe('cumsum', () => {
  function refCumsum(x: ArrayLike<number>, dims: number[], axis: number, exclusive: boolean, reverse: boolean): number[] {
    return Array.from({ length: x.length }, (_, i) => {
      const idx = unravel(i, dims);
      let s = 0;
      for (let k = 0; k < dims[axis]; k++) {
        const take = reverse ? (exclusive ? k > idx[axis] : k >= idx[axis]) : (exclusive ? k < idx[axis] : k <= idx[axis]);
        if (take) s += x[ravel(idx.map((v, a) => (a === axis ? k : v)), dims)];
      }
      return s;
    });
  }
  for (const exclusive of [false, true]) {
    for (const reverse of [false, true]) {
      it(`exclusive ${exclusive} reverse ${reverse}`, () => {
        const dims = [2, 3, 2];
        for (let axis = 0; axis < 3; axis++) {
          for (const dt of ['float32', 'int32'] as DType[]) {
            const x = dt === 'float32' ? Float32Array.from(seq(12, -3, 3, 4)) : i32(...seq(12, -9, 9, 4).map(Math.round));
            const b = new ProgramBuilder();
            const p = b.param(dt, dims);
            const y = b.node('cumsum', dt, dims, [p], [axis, +exclusive, +reverse]);
            expectClose(it_.run(b.build([y]), [x])[0], refCumsum(x, dims, axis, exclusive, reverse), 1e-5, 1e-6, `${dt} axis ${axis}`);
          }
        }
      });
    }
  }
  it('an empty input gives an empty output', () => {
    const b = new ProgramBuilder();
    const p = b.param('float32', [0, 3]);
    const y = b.node('cumsum', 'float32', [0, 3], [p], [1, 0, 0]);
    expectEqual(it_.run(b.build([y]), [new Float32Array(0)])[0], []);
  });
});
