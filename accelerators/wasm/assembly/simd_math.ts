// Vectorized float32 transcendentals over v128 (four lanes), used by the elementwise kernels
// for contiguous float32 data. Every function is branch-free and handles NaN, +-Infinity, +-0
// and subnormals lane by lane. Maximum errors against float64 references, in units in the last
// place of the float32 result: the bound (asserted by test/interpreter/simd_math.test.ts over
// dense sweeps, in both builds), and the maximum measured over every float32 input of the
// range (plain SIMD build):
//
//                                                                    bound     measured
//   exp4      range reduction by ln 2 (Cody-Waite), degree-7          2 ulp     1.01 ulp
//             polynomial; scaling by two powers of 2 so subnormal               (all x)
//             results round once
//   log4      frexp, mantissa in [sqrt(1/2), sqrt(2)), Cephes logf's   2 ulp     0.85 ulp
//             polynomial; subnormals pre-scaled by 2^23                         (all x > 0)
//   tanh4     clamped [13/6] rational approximation (as Eigen's)      1e-6 abs  3.6e-7 abs
//   sigmoid4  e = exp(-|x|); 1 / (1 + e), or e / (1 + e) below 0      4 ulp     2.83 ulp
//   erf4      |x| < 1: x + x P(x^2) (degree 6); beyond:               2 ulp     1.59 ulp
//             1 - e^{-x^2} Q(1/x) (degree 7), clamped at 4 where                (|x| < 6;
//             erf rounds to 1                                                    1 beyond)
//
// The polynomials are evaluated by Estrin's scheme: V8 does not overlap enough iterations
// to hide Horner's long dependency chains (tanh took 1.4x as long).
//
// Both builds (plain SIMD and relaxed SIMD) share this file; `madd` becomes a fused
// multiply-add in the relaxed build (ASC_FEATURE_RELAXED_SIMD), where an engine fuses it (V8
// on x64 with FMA3 does); the bounds above hold either way (the relaxed build's sampled
// maxima: exp 0.99, log 0.79, sigmoid 2.63, erf 1.55 ulp, tanh 2.5e-7).
//
// Constants live in a static table and are read with v128.load32_splat (one vbroadcastss):
// V8 otherwise rematerializes every v128.const inside loops, three instructions each.

/** a * b + c, fused where the engine's relaxed SIMD allows it. */
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}

// ---- the constant table (float32 scalars; index i at byte 4 * i) ----

const K = memory.data<f32>([
  // 0..: exp
  -104.0, 89.0, 1.44269504088896341, 12582912.0, 0.693359375, -2.12194440e-4,
  1.9875691500e-4, 1.3981999507e-3, 8.3334519073e-3, 4.1665795894e-2, 1.6666665459e-1, 5.0000001201e-1,
  // 12..: log
  0.707106781186547524, 7.0376836292e-2, -1.1514610310e-1, 1.1676998740e-1, -1.2420140846e-1,
  1.4249322787e-1, -1.6668057665e-1, 2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
  8388608.0, 1.17549435e-38,
  // 24..: tanh (alpha odd numerator, beta even denominator)
  7.90531110763549805, 4.0e-4,
  -2.76076847742355e-16, 2.00018790482477e-13, -8.60467152213735e-11, 5.12229709037114e-08,
  1.48572235717979e-05, 6.37261928875436e-04, 4.89352455891786e-03,
  1.19825839466702e-06, 1.18534705686654e-04, 2.26843463243900e-03, 4.89352518554385e-03,
  // 37..: erf, |x| < 1: erf(x) = x + x * P(x^2), P from degree 6 down
  7.8075252531562e-05, -0.0007997984648682177, 0.005187171045690775, -0.026853349059820175,
  0.11283578723669052, -0.3761262595653534, 0.12837916612625122,
  // 44..: erf, |x| >= 1: erfc(x) = exp(-x^2) * Q(1/x), Q from degree 7 down
  -0.01667999103665352, 0.11580842733383179, -0.3457517921924591, 0.5678372383117676,
  -0.5015559196472168, 0.049613628536462784, 0.5579791069030762, 0.00033293862361460924,
  // 52..: erf split and clamp, and shared constants
  1.0, 4.0, 1.0, 0.5, 0.0, 6.0, -1.0,
]);

const EXP = 0;
const LOG = 12;
const TANH = 24;
const ERF_A = 37;
const ERF_B = 44;
const ERF_SPLIT = 52;
const ERF_CLAMP = 53;
const ONE = 54;
const HALF = 55;
const ZERO = 56;
const SIX = 57;
const MINUS_ONE = 58;

/** Constant i of the table in all four lanes. */
@inline function k(i: i32): v128 {
  return v128.load32_splat(K + (<usize>i << 2));
}

/** 1.0f, 6.0f and -1.0f in all lanes, for the generated elementwise kernels. */
@inline export function one4(): v128 { return k(ONE); }
@inline export function six4(): v128 { return k(SIX); }
@inline export function minusOne4(): v128 { return k(MINUS_ONE); }

/** 16 bytes where kernels run a partial last vector: the lanes past the data hold leftovers,
 *  harmless since no v128 arithmetic traps. */
export const SCRATCH = memory.data(16, 16);

@inline function i32s(v: i32): v128 {
  return i32x4.splat(v);
}

// ---- exp ----

/** e^x in each lane. */
@inline export function exp4(x: v128): v128 {
  // Clamp: below -104 the result rounds to 0, above 89 to +Infinity; pmax/pmin keep NaN (x
  // is their first operand).
  x = f32x4.pmin(f32x4.pmax(x, k(EXP)), k(EXP + 1));
  // n = round(x / ln 2) by the 1.5 * 2^23 trick: t's low mantissa bits hold n.
  const magic = k(EXP + 3);
  const t = madd(x, k(EXP + 2), magic);
  const n = f32x4.sub(t, magic);
  const ni = i32x4.sub(t, magic);
  // r = x - n ln 2 in two steps (n * C1 is exact); |r| <= ln 2 / 2.
  let r = f32x4.sub(x, f32x4.mul(n, k(EXP + 4)));
  r = f32x4.sub(r, f32x4.mul(n, k(EXP + 5)));
  const z = f32x4.mul(r, r);
  // y = 1 + r + z * (p5 + p4 r + p3 r^2 + p2 r^3 + p1 r^4 + p0 r^5), the inner polynomial by
  // Estrin's scheme (shorter dependency chains than Horner)
  const z2 = f32x4.mul(z, z);
  const e0 = madd(k(EXP + 10), r, k(EXP + 11));
  const e1 = madd(k(EXP + 8), r, k(EXP + 9));
  const e2 = madd(k(EXP + 6), r, k(EXP + 7));
  let y = madd(z2, e2, madd(z, e1, e0));
  y = f32x4.add(madd(y, z, r), k(ONE));
  // y * 2^n as y * 2^n1 * 2^n2 with n1, n2 in [-75, 65]: both are normal powers of 2, so
  // only the last product rounds (once, even into the subnormals) or overflows to Infinity.
  const n1 = i32x4.shr_s(ni, 1);
  const n2 = i32x4.sub(ni, n1);
  const s1 = i32x4.shl(i32x4.add(n1, i32s(127)), 23);
  const s2 = i32x4.shl(i32x4.add(n2, i32s(127)), 23);
  return f32x4.mul(f32x4.mul(y, s1), s2);
}

// ---- log ----

/** ln x in each lane: NaN below 0 (and for NaN), -Infinity at +-0, +Infinity at +Infinity. */
@inline export function log4(x: v128): v128 {
  // Subnormals: scale by 2^23 and take 23 off the exponent.
  const sub = f32x4.lt(x, k(LOG + 11));
  const xs = v128.bitselect(f32x4.mul(x, k(LOG + 10)), x, sub);
  // x = m * 2^e, m in [0.5, 1)
  let e = i32x4.sub(i32x4.shr_u(xs, 23), i32s(126));
  e = i32x4.sub(e, v128.and(sub, i32s(23)));
  let m = v128.or(v128.and(xs, i32s(0x007fffff)), i32s(0x3f000000));
  // m < sqrt(1/2): use 2m - 1 and e - 1, else m - 1 (both exact)
  const lo = f32x4.lt(m, k(LOG));
  e = i32x4.add(e, lo); // lo is -1 in true lanes
  m = f32x4.sub(f32x4.add(m, v128.and(m, lo)), k(ONE));
  const fe = f32x4.convert_i32x4_s(e);
  const z = f32x4.mul(m, m);
  // the degree-8 polynomial by Estrin's scheme (shorter dependency chains than Horner)
  const z2 = f32x4.mul(z, z), z4 = f32x4.mul(z2, z2);
  const e0 = madd(k(LOG + 8), m, k(LOG + 9));
  const e1 = madd(k(LOG + 6), m, k(LOG + 7));
  const e2 = madd(k(LOG + 4), m, k(LOG + 5));
  const e3 = madd(k(LOG + 2), m, k(LOG + 3));
  const f0 = madd(e1, z, e0);
  const f1 = madd(e3, z, e2);
  let y = madd(k(LOG + 1), z4, madd(f1, z2, f0));
  y = f32x4.mul(f32x4.mul(y, m), z);
  y = madd(fe, k(EXP + 5), y);
  y = f32x4.sub(y, f32x4.mul(k(HALF), z));
  let r = f32x4.add(m, y);
  r = madd(fe, k(EXP + 4), r);
  // Specials: x == 0 -> -Infinity; x < 0 or NaN -> NaN; +Infinity -> +Infinity.
  const inf = i32s(0x7f800000);
  r = v128.bitselect(inf, r, i32x4.eq(x, inf));
  r = v128.bitselect(v128.or(inf, i32s(<i32>0x80000000)), r, f32x4.eq(x, k(ZERO)));
  return v128.bitselect(i32s(0x7fc00000), r, v128.not(f32x4.ge(x, k(ZERO))));
}

// ---- tanh ----

/** tanh x in each lane: an odd [13/6] rational on x clamped to +-7.9053 (where it reaches 1
 *  in float32), x itself below 4e-4; NaN stays NaN. */
@inline export function tanh4(x: v128): v128 {
  const c = k(TANH);
  const xc = f32x4.pmax(f32x4.pmin(x, c), f32x4.neg(c));
  const tiny = f32x4.lt(f32x4.abs(x), k(TANH + 1));
  const x2 = f32x4.mul(xc, xc);
  // Estrin's scheme for the numerator (shorter dependency chains than Horner)
  const x4 = f32x4.mul(x2, x2), x8 = f32x4.mul(x4, x4);
  const e0 = madd(x2, k(TANH + 7), k(TANH + 8));
  const e1 = madd(x2, k(TANH + 5), k(TANH + 6));
  const e2 = madd(x2, k(TANH + 3), k(TANH + 4));
  const f0 = madd(x4, e1, e0);
  const f1 = madd(x4, k(TANH + 2), e2);
  let p = madd(x8, f1, f0);
  p = f32x4.mul(xc, p);
  let q = madd(x2, k(TANH + 9), k(TANH + 10));
  q = madd(x4, q, madd(x2, k(TANH + 11), k(TANH + 12)));
  return v128.bitselect(x, f32x4.div(p, q), tiny);
}

// ---- sigmoid ----

/** 1 / (1 + e^-x) in each lane, as e / (1 + e) with e = e^x below 0 so tiny results keep
 *  their relative accuracy down into the subnormals. */
@inline export function sigmoid4(x: v128): v128 {
  const e = exp4(f32x4.neg(f32x4.abs(x)));
  const s = f32x4.div(k(ONE), f32x4.add(k(ONE), e));
  return v128.bitselect(f32x4.mul(e, s), s, i32x4.lt_s(x, i32s(0))); // sign bit set: below 0
}

// ---- erf ----

/** The Gauss error function in each lane; odd, +-1 beyond +-4, NaN stays NaN. */
@inline export function erf4(x: v128): v128 {
  const a = f32x4.abs(x);
  // |x| < 1: erf = a + a * P(a^2); the leading a is exact, so P's rounding errors shrink
  const z = f32x4.mul(a, a);
  const z2 = f32x4.mul(z, z), z4 = f32x4.mul(z2, z2);
  const pf0 = madd(madd(k(ERF_A + 3), z, k(ERF_A + 4)), z2, madd(k(ERF_A + 5), z, k(ERF_A + 6)));
  const pf1 = madd(k(ERF_A), z2, madd(k(ERF_A + 1), z, k(ERF_A + 2)));
  const p = madd(pf1, z4, pf0);
  const small = madd(a, p, a);
  // |x| >= 1: erf = 1 - e^{-b^2} Q(1/b), b = min(a, 4) (erf rounds to 1 beyond)
  const b = f32x4.pmin(f32x4.pmax(a, k(ERF_SPLIT)), k(ERF_CLAMP));
  const t = f32x4.div(k(ONE), b);
  const t2 = f32x4.mul(t, t), t4 = f32x4.mul(t2, t2);
  const qf0 = madd(madd(k(ERF_B + 4), t, k(ERF_B + 5)), t2, madd(k(ERF_B + 6), t, k(ERF_B + 7)));
  const qf1 = madd(madd(k(ERF_B), t, k(ERF_B + 1)), t2, madd(k(ERF_B + 2), t, k(ERF_B + 3)));
  const q = madd(qf1, t4, qf0);
  const e = exp4(f32x4.neg(f32x4.mul(b, b)));
  const large = f32x4.sub(k(ONE), f32x4.mul(e, q));
  // NaN compares false: it takes the small branch, which keeps it NaN
  const r = v128.bitselect(large, small, f32x4.ge(a, k(ERF_SPLIT)));
  return v128.or(r, v128.and(x, i32s(<i32>0x80000000)));
}
