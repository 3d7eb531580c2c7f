// Dead-code elimination and the final write: keeps the records the outputs need (and every
// param, whose slots the caller fills), renumbers them, and appends the output list.
import * as K from '../generated/opcodes';
import { Vec } from '../vec';
import { Builder, HEADER_WORDS, R_WORDS } from './builder';

const live = new Vec();
const renumber = new Vec();

/** Writes the Program for `outputs` (record indices of b) into `out`. */
export function writeProgram(b: Builder, outputs: Vec, eliminate: bool, out: Vec): void {
  const n = b.count;
  live.len = 0;
  for (let i = 0; i < n; i++) live.push(eliminate ? (b.op(i) == K.OP_PARAM ? 1 : 0) : 1);
  for (let k = 0; k < outputs.len; k++) live.set(outputs.get(k), 1);
  for (let i = n - 1; i >= 0; i--) {           // records are topological: users come later
    if (!live.get(i)) continue;
    for (let k = 0; k < b.nIn(i); k++) live.set(b.input(i, k), 1);
  }
  out.len = 0;
  for (let i = 0; i < HEADER_WORDS; i++) out.push(0);
  renumber.len = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    renumber.push(count);
    if (!live.get(i)) continue;
    const at = b.at(i);
    const rank = b.rank(i), nIn = b.nIn(i), nAttr = b.nAttr(i);
    for (let w = 0; w < R_WORDS + rank; w++) out.push(b.w(at + w));
    for (let k = 0; k < nIn; k++) out.push(renumber.get(b.input(i, k)));
    for (let k = 0; k < nAttr; k++) out.push(b.attr(i, k));
    count++;
  }
  for (let k = 0; k < outputs.len; k++) out.push(renumber.get(outputs.get(k)));
  out.set(0, b.w(0));
  out.set(1, b.w(1));
  out.set(2, count);
  out.set(3, b.w(3));
  out.set(4, outputs.len);
  out.set(5, out.len);
}
