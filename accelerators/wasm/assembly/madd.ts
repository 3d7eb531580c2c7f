// The one multiply-add every float32 SIMD kernel uses, in a file of its own so the workers'
// kernels module (kernels.ts) can use it without simd_math.ts's constant table, which would be
// a data segment there.

/** a * b + c, fused where the engine's relaxed SIMD allows it. */
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f32x4.relaxed_madd(a, b, c);
  return f32x4.add(f32x4.mul(a, b), c);
}
