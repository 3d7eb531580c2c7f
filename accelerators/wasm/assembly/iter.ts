// The one strided iterator every broadcasting or data-movement kernel walks: an odometer over
// an output shape, with an element stride per operand and axis. Kernels loop over the innermost
// axis themselves (iterInner elements, iterStep(j) apart) and call iterNext() after each row.
// There is a single iterator: kernels never nest, so a static one saves every allocation.

/** Axes an iteration space may have: 8 for a tensor, 16 for tile's (rep, index) pairs. */
export const ITER_MAX_RANK = 16;
/** Operands per iteration: where's cond, a, b; or a copy's source and destination. */
export const ITER_OPS = 3;

const DIMS = memory.data(ITER_MAX_RANK * 4);
const IDX = memory.data(ITER_MAX_RANK * 4);
const STRIDES = memory.data(ITER_OPS * ITER_MAX_RANK * 4); // [op][axis]
const BASE = memory.data(ITER_OPS * 4);
const OFFSET = memory.data(ITER_OPS * 4);
const STEP = memory.data(ITER_OPS * 4);

let rank = 0; // axes set by the caller, then the outer axes after iterFinish
let inner = 1;
let rows = 1;
let zero = false;

@inline function strideAt(j: i32, k: i32): usize {
  return STRIDES + ((<usize>(j * ITER_MAX_RANK + k)) << 2);
}

/** Starts an iteration space of `r` axes; every operand's base and strides start at 0. */
export function iterBegin(r: i32): void {
  rank = r;
  zero = false;
  memory.fill(STRIDES, 0, ITER_OPS * ITER_MAX_RANK * 4);
  memory.fill(BASE, 0, ITER_OPS * 4);
}

export function iterSetDim(k: i32, d: i32): void {
  store<i32>(DIMS + (<usize>k << 2), d);
  if (d == 0) zero = true;
}

export function iterSetStride(j: i32, k: i32, s: i32): void {
  store<i32>(strideAt(j, k), s);
}

/** The element offset of operand j at the origin. */
export function iterSetBase(j: i32, b: i32): void {
  store<i32>(BASE + (<usize>j << 2), b);
}

/** Drops size-1 axes and merges axes every operand walks contiguously, then splits off the
 *  innermost axis; long rows are what keep the kernels' inner loops tight. */
export function iterFinish(): void {
  let out = 0;
  for (let k = 0; k < rank; k++) {
    const d = load<i32>(DIMS + (<usize>k << 2));
    if (d == 1) continue;
    let merge = out > 0;
    for (let j = 0; j < ITER_OPS && merge; j++) {
      merge = load<i32>(strideAt(j, out - 1)) == load<i32>(strideAt(j, k)) * d;
    }
    if (merge) {
      store<i32>(DIMS + (<usize>(out - 1) << 2), load<i32>(DIMS + (<usize>(out - 1) << 2)) * d);
      for (let j = 0; j < ITER_OPS; j++) store<i32>(strideAt(j, out - 1), load<i32>(strideAt(j, k)));
    } else {
      store<i32>(DIMS + (<usize>out << 2), d);
      for (let j = 0; j < ITER_OPS; j++) store<i32>(strideAt(j, out), load<i32>(strideAt(j, k)));
      out++;
    }
  }
  inner = 1;
  for (let j = 0; j < ITER_OPS; j++) store<i32>(STEP + (<usize>j << 2), 0);
  if (out > 0) {
    out--;
    inner = load<i32>(DIMS + (<usize>out << 2));
    for (let j = 0; j < ITER_OPS; j++) store<i32>(STEP + (<usize>j << 2), load<i32>(strideAt(j, out)));
  }
  rank = out;
  rows = 1;
  for (let k = 0; k < rank; k++) rows *= load<i32>(DIMS + (<usize>k << 2));
  if (zero) rows = 0;
  memory.fill(IDX, 0, ITER_MAX_RANK * 4);
  memory.copy(OFFSET, BASE, ITER_OPS * 4);
}

/** Elements per row (the innermost axis). */
@inline export function iterInner(): i32 {
  return inner;
}

/** Rows to walk: the product of the outer axes, 0 if any axis is empty. */
@inline export function iterRows(): i32 {
  return rows;
}

/** Operand j's stride along the innermost axis, in elements. */
@inline export function iterStep(j: i32): i32 {
  return load<i32>(STEP + (<usize>j << 2));
}

/** Operand j's element offset at the start of the current row. */
@inline export function iterOffset(j: i32): i32 {
  return load<i32>(OFFSET + (<usize>j << 2));
}

/** Advances the odometer by one row. */
export function iterNext(): void {
  for (let k = rank - 1; k >= 0; k--) {
    const i = load<i32>(IDX + (<usize>k << 2)) + 1;
    const d = load<i32>(DIMS + (<usize>k << 2));
    const back = i == d ? d : 0; // wrap: step back over the whole axis
    store<i32>(IDX + (<usize>k << 2), i - back);
    for (let j = 0; j < ITER_OPS; j++) {
      const p = OFFSET + (<usize>j << 2);
      store<i32>(p, load<i32>(p) + load<i32>(strideAt(j, k)) * (1 - back));
    }
    if (back == 0) return;
  }
}

/** Contiguous row-major strides of `dims` (rank r) written at `out`. */
export function contiguousStrides(dims: usize, r: i32, out: usize): void {
  let s = 1;
  for (let k = r - 1; k >= 0; k--) {
    store<i32>(out + (<usize>k << 2), s);
    s *= load<i32>(dims + (<usize>k << 2));
  }
}

/** Sets operand j to read a tensor of dims `inDims` (rank inRank) broadcast, tfjs-style
 *  (aligned right, size-1 axes repeated), over the current `outRank` axes. */
export function iterBroadcastOperand(j: i32, inDims: usize, inRank: i32, outRank: i32): void {
  let s = 1;
  for (let k = inRank - 1; k >= 0; k--) {
    const d = load<i32>(inDims + (<usize>k << 2));
    iterSetStride(j, outRank - inRank + k, d == 1 ? 0 : s);
    s *= d;
  }
}

/** Sets the current axes to `dims` (rank r). */
export function iterSetDims(dims: usize, r: i32): void {
  for (let k = 0; k < r; k++) iterSetDim(k, load<i32>(dims + (<usize>k << 2)));
}

/** Sets the current axes to `dims` and operand j to walk them contiguously. */
export function iterContiguous(j: i32, dims: usize, r: i32): void {
  let s = 1;
  for (let k = r - 1; k >= 0; k--) {
    const d = load<i32>(dims + (<usize>k << 2));
    iterSetDim(k, d);
    iterSetStride(j, k, s);
    s *= d;
  }
}

function copyRows<T>(src: usize, dst: usize): void {
  const n = iterInner();
  const ss = <usize>iterStep(0) * sizeof<T>(), ds = <usize>iterStep(1) * sizeof<T>();
  for (let r = iterRows(); r > 0; r--) {
    let s = src + <usize>iterOffset(0) * sizeof<T>();
    let d = dst + <usize>iterOffset(1) * sizeof<T>();
    for (let k = 0; k < n; k++) {
      store<T>(d, load<T>(s));
      s += ss; d += ds;
    }
    iterNext();
  }
}

/** Copies elements of `size` bytes (1 or 4) from operand 0 (src) to operand 1 (dst) over the
 *  finished iteration space. Strides may be negative or 0. */
export function iterCopy(size: i32, src: usize, dst: usize): void {
  if (size == 1) copyRows<u8>(src, dst);
  else copyRows<u32>(src, dst);
}
