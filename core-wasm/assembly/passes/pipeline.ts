// The pass pipeline: rebuilds a Program with the enabled passes (a bit mask) and writes the
// optimized Program. Runs only on a compile-cache miss.
import * as K from '../generated/opcodes';
import { Vec } from '../vec';
import { Reader, Builder } from './builder';
import { fold } from './fold';
import { simplify } from './simplify';
import { foldTransposes } from './matmul';
import { writeProgram } from './dce';

export const PASS_CSE = 1;
export const PASS_FOLD = 2;
export const PASS_SIMPLIFY = 4;
export const PASS_MATMUL_TRANSPOSE = 8;
export const PASS_DCE = 16;

const reader = new Reader();
export const builder = new Builder();
const map = new Vec();
const outputs = new Vec();
export const optimized = new Vec();

/** Optimizes the Program at `words`; returns the optimized Program's word count. */
export function optimize(words: usize, passes: i32): i32 {
  reader.reset(words);
  const b = builder;
  b.reset(reader.nParams);
  b.words.set(0, reader.w(0));
  b.words.set(1, reader.w(1));
  b.cse = (passes & PASS_CSE) != 0;
  map.len = 0;
  for (let i = 0; i < reader.count; i++) {
    b.load(reader, i, map);
    const k = reader.at(i);
    const op = reader.w(k), dtype = reader.w(k + 1), rank = reader.w(k + 2);
    let j = -1;
    if (op != K.OP_PARAM) {
      if (passes & PASS_FOLD) j = fold(b, op, dtype, rank);
      if (j < 0 && (passes & PASS_SIMPLIFY)) j = simplify(b, op, dtype, rank);
      if (j < 0 && (passes & PASS_MATMUL_TRANSPOSE)) foldTransposes(b, op);
    }
    if (j < 0) j = b.emit(op, dtype, rank);
    map.push(j);
  }
  outputs.len = 0;
  for (let k = 0; k < reader.nOutputs; k++) {
    let o = map.get(reader.output(k));
    for (let p = 0; p < outputs.len; p++) {
      if (outputs.get(p) == o) { o = identityCopy(o); break; }
    }
    outputs.push(o);
  }
  writeProgram(b, outputs, (passes & PASS_DCE) != 0, optimized);
  return optimized.len;
}

/** Two roots that simplified to one record still need two buffers: a reshape to the same
 *  shape is a copy (emitted without CSE so it stays distinct). */
function identityCopy(i: i32): i32 {
  const b = builder;
  const rank = b.rank(i);
  for (let d = 0; d < rank; d++) b.dims[d] = b.dim(i, d);
  b.ins.len = 0;
  b.ins.push(i);
  b.attrs.len = 0;
  for (let d = 0; d < rank; d++) b.attrs.push(b.dims[d]);
  const cse = b.cse;
  b.cse = false;
  const j = b.emit(K.OP_RESHAPE, b.dtype(i), rank);
  b.cse = cse;
  return j;
}
