// Emits the TypeScript side of the op table: the opcode enum, the accepted dtypes, and one
// public function per elementwise and reduction row (with its JSDoc).
import { OPS } from '../../ops/table.mjs';
import { HEADER, emit } from './common.mjs';

const example = (o) => {
  if (o.kind === 'unary') return `lt.${o.name}(lt.tensor([0.5, 1, 2])).print();`;
  if (o.kind === 'binary') return `lt.${o.name}(lt.tensor([1, 2, 3]), lt.tensor([3, 2, 1])).print();`;
  return `lt.${o.name}(lt.tensor([[1, 2], [3, 4]]), 1).print();`;
};
const jsdoc = (o, params) =>
  `/**\n * ${o.doc}\n${params.map((p) => ` * @param ${p}\n`).join('')} * @example\n * ${example(o)}\n */`;

export function genTs(opsPath, fnsPath) {
  emit(opsPath, `${HEADER}
/** Opcode of every IR op: the row index of ops/table.mjs. */
export const Op = {
${OPS.map((o) => `  ${o.name}: ${o.code},`).join('\n')}
} as const;
export type OpCode = (typeof Op)[keyof typeof Op];

/** Op names by opcode. */
export const OP_NAMES: readonly string[] = [${OPS.map((o) => `'${o.name}'`).join(', ')}];

/** Input dtypes each op accepts, as letters: f float32, i int32, b bool. */
export const OP_DTYPES: readonly string[] = [${OPS.map((o) => `'${o.dtypes}'`).join(', ')}];

/** Shape-rule family of each op. */
export const OP_KINDS: readonly string[] = [${OPS.map((o) => `'${o.kind}'`).join(', ')}];
`);
  const fns = [HEADER, `import type { Tensor } from '../tensor';
import type { TensorLike } from '../convert';
import { unary, binary, reduce } from '../ops/record';
import { Op } from './ops';
`];
  for (const o of OPS.filter((o) => !o.api)) {
    if (o.kind === 'unary') {
      fns.push(`${jsdoc(o, ['x The input tensor or TensorLike.'])}
export function ${o.name}(x: Tensor | TensorLike): Tensor { return unary(Op.${o.name}, x); }
`);
    } else if (o.kind === 'binary') {
      fns.push(`${jsdoc(o, ['a The first operand.', 'b The second operand, broadcast against a.'])}
export function ${o.name}(a: Tensor | TensorLike, b: Tensor | TensorLike): Tensor { return binary(Op.${o.name}, a, b); }
`);
    } else if (o.kind === 'reduce') {
      const doc = { ...o, doc: `Reduces by ${o.name} along the axes (all axes by default).` };
      fns.push(`${jsdoc(doc, ['x The input.', 'axis An axis or axes; negative counts from the end.', 'keepDims Keep reduced axes with size 1.'])}
export function ${o.name}(x: Tensor | TensorLike, axis?: number | number[] | null, keepDims = false): Tensor {
  return reduce(Op.${o.name}, x, axis, keepDims);
}
`);
    }
  }
  emit(fnsPath, fns.join('\n'));
}
