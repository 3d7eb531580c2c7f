// argMax / argMin along one axis, as tfjs's CPU backend: the first extreme wins ties, and a
// NaN never wins unless it comes first. An empty axis gives index 0.
import { OP_ARG_MAX, DT_FLOAT32 } from '../../../core-wasm/assembly/generated/opcodes';
import { Ctx, inRec, inBuf, recOp, recDtype, recRank, recDims, recAttr, dimsProduct } from './record';

function argAlong<T>(px: usize, po: usize, outer: i32, n: i32, inner: i32, isMax: bool): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = px + ((<usize>o * n * inner + i) << 2);
      let best = n > 0 ? load<T>(base) : <T>0;
      let at = 0;
      for (let k = 1; k < n; k++) {
        const v = load<T>(base + ((<usize>k * inner) << 2));
        if (isMax ? v > best : v < best) { best = v; at = k; }
      }
      store<i32>(po, at);
      po += 4;
    }
  }
}

export function execArg(c: Ctx): void {
  const x = inRec(c, 0), axis = recAttr(c.rec, 0), r = recRank(x);
  const outer = dimsProduct(recDims(x), 0, axis);
  const n = dimsProduct(recDims(x), axis, axis + 1);
  const inner = dimsProduct(recDims(x), axis + 1, r);
  const isMax = recOp(c.rec) == OP_ARG_MAX;
  if (recDtype(x) == DT_FLOAT32) argAlong<f32>(inBuf(c, 0), c.out, outer, n, inner, isMax);
  else argAlong<i32>(inBuf(c, 0), c.out, outer, n, inner, isMax);
}
