// Emits the core's constant folder: the same kernel expressions as the interpreter (so a
// folded value is bit-identical to a computed one), evaluated on rank-0 constants.
import { OPS } from '../../ops/table.mjs';
import { HEADER, constName, emit } from './common.mjs';

const TYPE = { f: 'f32', i: 'i32', b: 'i32' };
const DT = { f: 'DT_FLOAT32', i: 'DT_INT32', b: 'DT_BOOL' };

function result(o, d, expr) {
  if (o.out === 'bool' || d === 'b') return `return (<i32>(${expr})) != 0 ? 1 : 0;`;
  return `return <f64>(<${o.out === 'int32' ? 'i32' : TYPE[d]}>(${expr}));`;
}

function cases(kind, vars) {
  return OPS.filter((o) => o.kind === kind).map((o) => {
    const ifs = [...o.dtypes].filter((d) => o[d]).map((d) => {
      const decl = vars.map((v) => `const ${v} = <${TYPE[d]}>${v}_;`).join(' ');
      return `      if (dt == ${DT[d]}) { ${decl} ${result(o, d, o[d])} }`;
    });
    return `    case ${constName(o.name)}: {\n${ifs.join('\n')}\n      break;\n    }`;
  }).join('\n');
}

export function genFold(path) {
  const ops = OPS.filter((o) => o.kind === 'unary' || o.kind === 'binary').map((o) => constName(o.name));
  emit(path, `${HEADER}
import { ${ops.join(', ')}, DT_FLOAT32, DT_INT32, DT_BOOL } from './opcodes';
import { erf32, sigmoid32, softplus32, selu32, floorDivI32, modI32, modF32, f64ToI32 } from '../../../accelerators/wasm/assembly/math';

/** False after a call that had no kernel for (op, dtype). */
export let folded = true;

/** op(x) for a rank-0 constant of dtype dt, computed exactly as the interpreter would. */
export function foldUnary(op: i32, dt: i32, x_: f64): f64 {
  folded = true;
  switch (op) {
${cases('unary', ['x'])}
  }
  folded = false;
  return 0;
}

/** op(a, b) for rank-0 constants of dtype dt. */
export function foldBinary(op: i32, dt: i32, a_: f64, b_: f64): f64 {
  folded = true;
  switch (op) {
${cases('binary', ['a', 'b'])}
  }
  folded = false;
  return 0;
}
`);
}
