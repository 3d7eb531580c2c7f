// Maximum error of the vectorized transcendentals (accelerators/wasm/assembly/simd_math.ts),
// through the interpreter's unary kernels, over dense sweeps of float32 inputs (every k-th
// float32 bit pattern across each function's interesting range, plus the specials), against
// float64 references; asserts the bounds documented at the top of simd_math.ts, in both
// builds. Run with LT_PRINT_ERRORS=1 to print the measured maxima.
import { describe, it, expect, beforeAll } from 'vitest';
import { loadInterp, relaxedSimdAvailable, type Interp, type Build } from './interp';
import { ProgramBuilder } from './program';

const relaxed = await relaxedSimdAvailable();
const PRINT = typeof process !== 'undefined' && !!process.env.LT_PRINT_ERRORS;

/** The documented bounds: ulps of the float32 result, or an absolute error for tanh. */
const BOUNDS = { exp: 2, log: 2, sigmoid: 4, erf: 2, tanhAbs: 1e-6 };

const bits = new Uint32Array(1), flt = new Float32Array(bits.buffer);
const fromBits = (u: number): number => { bits[0] = u; return flt[0]; };

/** The spacing of float32 values at |y| (y rounded to float32 first): 2^(e - 23), or the
 *  subnormal spacing 2^-149. */
function ulp32(y: number): number {
  flt[0] = Math.abs(y);
  const e = (bits[0] >>> 23) & 0xff;
  return e === 0 ? 2 ** -149 : 2 ** (e - 150);
}

/** Every `step`-th float32 bit pattern from `from` (inclusive) to `to` (exclusive), as values,
 *  with the negative patterns too when `signs`; plus the specials. */
function sweep(from: number, to: number, step: number, signs: boolean): Float32Array {
  const out: number[] = [NaN, Infinity, -Infinity, 0, -0, 1e-45, -1e-45, 1.17549435e-38, -1.17549435e-38];
  for (let u = from; u < to; u += step) {
    out.push(fromBits(u));
    if (signs) out.push(fromBits((u | 0x80000000) >>> 0));
  }
  return Float32Array.from(out);
}

/** erf in float64 to ~1e-16: its Taylor series below 2, the continued fraction of erfc above. */
function erf64(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const a = Math.abs(x);
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
}

type Stat = { maxUlp: number; maxAbs: number; at: number; bad: string[] };

/** Error statistics of got against ref64 (float64). Specials (NaN, Infinity, exact zeros)
 *  must match exactly: NaN for NaN, the same infinity, and a float32-rounded reference that
 *  is 0 or infinite must be produced as such (a rounding to 0 counts within the ulp bound). */
function measure(x: Float32Array, got: ArrayLike<number>, ref: (x: number) => number): Stat {
  const s: Stat = { maxUlp: 0, maxAbs: 0, at: NaN, bad: [] };
  for (let i = 0; i < x.length; i++) {
    const r = ref(x[i]), g = got[i];
    if (Number.isNaN(r) || Number.isNaN(g)) {
      if (!(Number.isNaN(r) && Number.isNaN(g))) s.bad.push(`x=${x[i]}: got ${g}, want ${r}`);
      continue;
    }
    const r32 = Math.fround(r);
    if (!Number.isFinite(r32) || !Number.isFinite(g)) {
      if (g !== r32) s.bad.push(`x=${x[i]}: got ${g}, want ${r32}`);
      continue;
    }
    const abs = Math.abs(g - r), ulps = abs / ulp32(r32);
    if (ulps > s.maxUlp) { s.maxUlp = ulps; s.at = x[i]; }
    if (abs > s.maxAbs) s.maxAbs = abs;
  }
  return s;
}

for (const build of ['simd', 'relaxed'] as Build[]) {
  describe.skipIf(build === 'relaxed' && !relaxed)(`vectorized transcendentals, max error (${build} build)`, () => {
    let it_: Interp;
    beforeAll(async () => {
      it_ = await loadInterp(build);
    }, 180_000);

    const run = (op: string, x: Float32Array): Float32Array => {
      const b = new ProgramBuilder();
      const p = b.param('float32', [x.length]);
      return it_.run(b.build([b.node(op, 'float32', [x.length], [p])]), [x])[0] as Float32Array;
    };
    const report = (op: string, s: Stat) => {
      if (PRINT) console.log(`${build} ${op}: max ${s.maxUlp.toFixed(3)} ulp (at x=${s.at}), max abs ${s.maxAbs.toExponential(3)}`);
      expect(s.bad, `${op}: specials`).toEqual([]);
    };

    it(`exp: <= ${BOUNDS.exp} ulp over [-104, 89]`, () => {
      // |x| from 0 to 104 (0x42d00000), every 521st pattern, both signs; the ends clamp
      const x = sweep(0, 0x42d00000, 521, true);
      const s = measure(x, run('exp', x), Math.exp);
      report('exp', s);
      expect(s.maxUlp).toBeLessThanOrEqual(BOUNDS.exp);
    });

    it(`log: <= ${BOUNDS.log} ulp over every positive float32 (subnormals included)`, () => {
      const x = sweep(1, 0x7f800000, 1021, false);
      x.set(sweep(1, 0x7f800000, 1000003, true).subarray(9), 9); // some negatives: NaN
      const s = measure(x, run('log', x), Math.log);
      report('log', s);
      expect(s.maxUlp).toBeLessThanOrEqual(BOUNDS.log);
    });

    it(`tanh: <= ${BOUNDS.tanhAbs} absolute over every float32`, () => {
      const x = Float32Array.from([...sweep(0, 0x41200000, 263, false), ...sweep(0, 0x7f800000, 65537, true)]);
      const s = measure(x, run('tanh', x), Math.tanh);
      report('tanh', s);
      expect(s.maxAbs).toBeLessThanOrEqual(BOUNDS.tanhAbs);
      // small arguments keep their relative accuracy (tanh x = x below 4e-4)
      const small = Float32Array.from({ length: 20000 }, (_, i) => (i - 10000) * 1e-4);
      const t = run('tanh', small);
      for (let i = 0; i < small.length; i++) {
        const w = Math.tanh(small[i]);
        if (Math.abs(t[i] - w) > 2e-6 * Math.abs(w)) expect.fail(`tanh(${small[i]}) = ${t[i]}, want ${w}`);
      }
    });

    it(`sigmoid: <= ${BOUNDS.sigmoid} ulp over [-105, 105]`, () => {
      const x = sweep(0, 0x42d20000, 521, true);
      const s = measure(x, run('sigmoid', x), (v) => 1 / (1 + Math.exp(-v)));
      report('sigmoid', s);
      expect(s.maxUlp).toBeLessThanOrEqual(BOUNDS.sigmoid);
    });

    it(`erf: <= ${BOUNDS.erf} ulp over every float32`, () => {
      // [0, 6] densely, every pattern around the switch at 1, the whole range (both signs) coarsely
      const x = Float32Array.from([...sweep(0, 0x40c00000, 263, false), ...sweep(0x3f700000, 0x3f900000, 1, false),
        ...sweep(0, 0x7f800000, 65537, true)]);
      const s = measure(x, run('erf', x), erf64);
      report('erf', s);
      expect(s.maxUlp).toBeLessThanOrEqual(BOUNDS.erf);
    });

    it('the float64 erf reference agrees with known values', () => {
      const known: [number, number][] = [[0.5, 0.5204998778130465], [1, 0.8427007929497149], [2, 0.9953222650189527],
        [3, 0.9999779095030014], [1e-4, 1.1283791633342476e-4]];
      for (const [x, v] of known) expect(Math.abs(erf64(x) - v)).toBeLessThan(1e-15);
    });
  });
}
