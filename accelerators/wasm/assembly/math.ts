// Scalar helpers named by the op table's kernel expressions, with tfjs (CPU backend) semantics.

const SQRT_PI: f64 = 1.7724538509055160273;

/** erf by its Taylor series near 0 (converges fast, no cancellation to speak of below 2) and
 *  by the continued fraction of erfc beyond; f64 inside, so the f32 result is correctly rounded
 *  almost everywhere, small arguments included. */
export function erf32(x: f32): f32 {
  const v = <f64>x;
  const a = Math.abs(v);
  if (a != a) return x;
  if (a >= 6) return v < 0 ? <f32>-1 : <f32>1;
  let r: f64;
  if (a < 2) {
    // erf(a) = 2/sqrt(pi) * sum (-1)^n a^(2n+1) / (n! (2n+1))
    const a2 = a * a;
    let term = a, sum = a;
    for (let n = 1; n < 60; n++) {
      term *= -a2 / n;
      const t = term / (2 * n + 1);
      sum += t;
      if (Math.abs(t) < 1e-17 * Math.abs(sum)) break;
    }
    r = (2 / SQRT_PI) * sum;
  } else {
    // erfc(a) = exp(-a^2) / sqrt(pi) / (a + (1/2) / (a + 1 / (a + (3/2) / (a + ...))))
    let k = a;
    for (let n = 60; n >= 1; n--) k = a + (<f64>n * 0.5) / k;
    r = 1 - Math.exp(-a * a) / (SQRT_PI * k);
  }
  return <f32>(v < 0 ? -r : r);
}

/** 1 / (1 + e^-x), as tfjs. */
export function sigmoid32(x: f32): f32 {
  return <f32>(1 / (1 + Math.exp(-<f64>x)));
}

/** ln(1 + e^x) with tfjs's thresholds: x itself when large, e^x when very negative. */
export function softplus32(x: f32): f32 {
  const threshold: f64 = Math.log(1.1920928955078125e-7) + 2;
  const v = <f64>x;
  if (v < threshold) return <f32>Math.exp(v);
  if (v > -threshold) return x;
  return <f32>Math.log1p(Math.exp(v));
}

/** Scaled ELU with the constants of Klambauer et al. (and tfjs). */
export function selu32(x: f32): f32 {
  const scale: f64 = 1.0507009873554804934193349852946;
  const alpha: f64 = 1.6732632423543772848170429916717;
  const v = <f64>x;
  return <f32>(v >= 0 ? scale * v : scale * alpha * Math.expm1(v));
}

/** floor(a / b) on int32. Division by 0 gives 0 (tfjs: NaN/Infinity stored into an Int32Array);
 *  MIN / -1 wraps to MIN, as it does there, instead of trapping. */
export function floorDivI32(a: i32, b: i32): i32 {
  if (b == 0) return 0;
  if (b == -1) return -a;
  const q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

/** Remainder with the sign of the divisor on int32; mod by 0 gives 0 (tfjs: NaN -> 0). */
export function modI32(a: i32, b: i32): i32 {
  if (b == 0) return 0;
  const r = a % b; // i32.rem_s: MIN % -1 is 0, no trap
  return (r != 0 && (r < 0) != (b < 0)) ? r + b : r;
}

/** Remainder with the sign of the divisor, computed as tfjs does: in f64, rounded once. */
export function modF32(a: f32, b: f32): f32 {
  const x = <f64>a, y = <f64>b;
  const r = x % y;
  const sameSign = (x < 0 && y < 0) || (x >= 0 && y >= 0);
  return <f32>(sameSign ? r : (r + y) % y);
}

/** JavaScript's ToInt32 (what `Int32Array.from` and `x | 0` do): truncate toward zero, wrap
 *  modulo 2^32; NaN and +-Infinity give 0. tfjs casts float32 to int32 this way. */
export function f64ToI32(v: f64): i32 {
  if (v > -2147483649.0 && v < 2147483648.0) return <i32>v; // truncates
  if (!isFinite<f64>(v)) return 0;
  let m = Math.trunc(v) % 4294967296.0; // exact in f64
  if (m < 0) m += 4294967296.0;
  return <i32><u32>m;
}
