// A tiny seeded PRNG (mulberry32) and random Ref builders, so every test input is deterministic.

import { type DType, type Ref, fromValues, sizeOf } from './core';

export class Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  /** Uniform in [0, 1). */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
}

export interface RandOpts {
  /** Value range; defaults [-3, 3] for float32, [-10, 10] for int32. */
  lo?: number;
  hi?: number;
  /** float32 only: quantize values to multiples of 1/step (e.g. 4 -> quarters), for ops whose
   *  result is discontinuous (floor, round, comparisons, floorDiv) so that ties and exact hits occur. */
  step?: number;
  /** Exclude values whose magnitude is below this (e.g. divisors). */
  avoidZero?: number;
  /** Values mixed in with probability `specialRate` (e.g. NaN, ±Infinity). */
  specials?: number[];
  specialRate?: number;
}

/** A random Ref of the given shape and dtype. */
export function randRef(rng: Rng, shape: number[], dtype: DType = 'float32', o: RandOpts = {}): Ref {
  const n = sizeOf(shape);
  const vals = new Array<number>(n);
  const lo = o.lo ?? (dtype === 'int32' ? -10 : -3);
  const hi = o.hi ?? (dtype === 'int32' ? 10 : 3);
  for (let i = 0; i < n; i++) {
    let v: number;
    do {
      if (o.specials && o.specials.length > 0 && rng.next() < (o.specialRate ?? 0.2)) v = rng.pick(o.specials);
      else if (dtype === 'bool') v = rng.next() < 0.5 ? 1 : 0;
      else if (dtype === 'int32') v = rng.int(lo, hi);
      else if (o.step) v = Math.round(rng.uniform(lo, hi) * o.step) / o.step + 0; // + 0: no -0
      else v = rng.uniform(lo, hi);
    } while (o.avoidZero !== undefined && Math.abs(v) < o.avoidZero);
    vals[i] = v;
  }
  return fromValues(vals, shape, dtype);
}
