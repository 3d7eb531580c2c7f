// Emits the opcode and dtype constants that both AssemblyScript modules import.
import { OPS, DTYPES } from '../../ops/table.mjs';
import { HEADER, constName, emit } from './common.mjs';

const KINDS = [...new Set(OPS.map((o) => o.kind))];
export const kindConst = (k) => 'KIND_' + k.toUpperCase();

export function genOpcodes(path) {
  const lines = [HEADER];
  for (const o of OPS) lines.push(`export const ${constName(o.name)}: i32 = ${o.code};`);
  lines.push(`export const OP_COUNT: i32 = ${OPS.length};`, '');
  DTYPES.forEach((d, i) => lines.push(`export const DT_${d.toUpperCase()}: i32 = ${i};`));
  lines.push('');
  KINDS.forEach((k, i) => lines.push(`export const ${kindConst(k)}: i32 = ${i};`));
  emit(path, lines.join('\n') + '\n');
}

export { KINDS };
