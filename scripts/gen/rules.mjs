// Emits the per-op rule tables of the core: shape-rule family, accepted input dtypes, output dtype.
import { OPS } from '../../ops/table.mjs';
import { KINDS } from './opcodes.mjs';
import { HEADER, emit } from './common.mjs';

const OUT = { same: 0, bool: 1, int32: 2, attr: 3 };
const mask = (dtypes) => (dtypes.includes('f') ? 1 : 0) | (dtypes.includes('i') ? 2 : 0) | (dtypes.includes('b') ? 4 : 0);

export function genRules(path) {
  const row = (f) => OPS.map(f).join(', ');
  emit(path, `${HEADER}
/** Shape-rule family of each op (a KIND_* constant of opcodes.ts). */
export const OP_KIND: StaticArray<u8> = [${row((o) => KINDS.indexOf(o.kind))}];
/** Accepted input dtypes: bit 0 float32, bit 1 int32, bit 2 bool. */
export const OP_DTYPES: StaticArray<u8> = [${row((o) => mask(o.dtypes))}];
/** Output dtype: 0 as the input, 1 bool, 2 int32, 3 from the attribute (cast). */
export const OP_OUT: StaticArray<u8> = [${row((o) => OUT[o.out])}];
/** 1 where the two operands commute. */
export const OP_COMMUTATIVE: StaticArray<u8> = [${row((o) => (o.commutative ? 1 : 0))}];
`);
}
