// Emits the WASM interpreter's table-driven code (accelerators/wasm/assembly/generated/):
// one plain loop per (op, dtype) from the table's f/i/b kernel expressions, and the switches
// that pick a loop once per node, never per element.
import { fileURLToPath } from 'node:url';
import { OPS } from '../../ops/table.mjs';
import { HEADER, constName, emit } from './common.mjs';
import { kindConst } from './opcodes.mjs';

const OUT_DIR = fileURLToPath(new URL('../../accelerators/wasm/assembly/generated/', import.meta.url));

/** How each table dtype letter is loaded and stored; bool is a byte, widened to 0/1 in an i32. */
const DT = {
  f: { dt: 'DT_FLOAT32', sfx: 'f32', type: 'f32', mem: 'f32', shift: 2 },
  i: { dt: 'DT_INT32', sfx: 'i32', type: 'i32', mem: 'i32', shift: 2 },
  b: { dt: 'DT_BOOL', sfx: 'bool', type: 'i32', mem: 'u8', shift: 0 },
};
const BOOL_OUT = DT.b;

/** Names the opcode constants a generated file uses (shared with the core, never copied). */
const importOps = (names) =>
  `import {\n  ${[...new Set(names)].join(',\n  ')},\n} from '../../../../core-wasm/assembly/generated/opcodes';\n`;
/** The opcode and dtype constants the kernels of `rows` dispatch on. */
const importRows = (rows) => importOps([...rows.map((o) => constName(o.name)), ...rows.flatMap((o) => letters(o).map((d) => DT[d].dt))]);
const IMPORT_MATH =
  "import { erf32, sigmoid32, softplus32, selu32, floorDivI32, modI32, modF32, f64ToI32 } from '../math';\n";
const IMPORT_ITER = "import { iterInner, iterRows, iterStep, iterOffset, iterNext } from '../iter';\n";

const rowsOf = (kind) => OPS.filter((o) => o.kind === kind);
/** The dtype letters of a generated row; each must come with its kernel expression. */
function letters(o) {
  const missing = [...o.dtypes].filter((d) => !o[d]);
  if (missing.length) throw new Error(`ops/table.mjs: ${o.name} allows '${missing.join('')}' but has no kernel for it`);
  return [...o.dtypes];
}
const outOf = (o, d) => (o.out === 'bool' ? BOOL_OUT : DT[d]);
const fnName = (o, d) => `${o.kind}_${o.name}_${DT[d].sfx}`;
const load = (t, ptr) => (t.mem === t.type ? `load<${t.mem}>(${ptr})` : `<${t.type}>load<${t.mem}>(${ptr})`);
const store = (t, ptr, expr) =>
  t.mem === t.type ? `store<${t.mem}>(${ptr}, <${t.type}>(${expr}))` : `store<${t.mem}>(${ptr}, <${t.mem}>(<${t.type}>(${expr})))`;
const step = (t) => (t.shift ? ` << ${t.shift}` : '');

function unaryKernel(o, d) {
  const t = DT[d], u = outOf(o, d);
  return `function ${fnName(o, d)}(px: usize, po: usize, n: i32): void {
  for (let k = 0; k < n; k++) {
    const x = ${load(t, `px + (<usize>k${step(t)})`)};
    ${store(u, `po + (<usize>k${step(u)})`, o[d])};
  }
}`;
}

function binaryKernel(o, d) {
  const t = DT[d], u = outOf(o, d);
  return `function ${fnName(o, d)}(pa: usize, pb: usize, po: usize): void {
  const n = iterInner();
  const sa = <usize>iterStep(0)${step(t)}, sb = <usize>iterStep(1)${step(t)};
  for (let r = iterRows(); r > 0; r--) {
    let qa = pa + (<usize>iterOffset(0)${step(t)}), qb = pb + (<usize>iterOffset(1)${step(t)});
    for (let k = 0; k < n; k++) {
      const a = ${load(t, 'qa')}, b = ${load(t, 'qb')};
      ${store(u, 'po', o[d])};
      qa += sa; qb += sb; po += ${1 << u.shift};
    }
    iterNext();
  }
}`;
}

/** The table's reduction identities, spelled per dtype. */
function initOf(init, d) {
  if (d === 'f') return `<f32>${init}`;
  if (init === '-Infinity') return 'i32.MIN_VALUE';
  if (init === 'Infinity') return 'i32.MAX_VALUE';
  return init;
}

function reduceKernel(o, d) {
  const t = DT[d];
  return `function ${fnName(o, d)}(px: usize, po: usize, outer: i32, len: i32): void {
  for (let j = 0; j < outer; j++) {
    let acc: ${t.type} = ${initOf(o.init, d)};
    for (let k = 0; k < len; k++) {
      const x = ${load(t, 'px')};
      acc = <${t.type}>(${o[d]});
      px += ${1 << t.shift};
    }
    ${store(t, `po + (<usize>j${step(t)})`, 'acc')};
  }
}`;
}

/** `switch (op)` then `dt`: returns false when the pair has no kernel. */
function dispatch(name, params, args, rows) {
  const cases = rows.map((o) => {
    const ifs = letters(o).map((d) => `      if (dt == ${DT[d].dt}) { ${fnName(o, d)}(${args}); return true; }`);
    return `    case ${constName(o.name)}: {\n${ifs.join('\n')}\n      return false;\n    }`;
  });
  return `/** Runs the kernel of (op, dt); false if the table has none. */
export function ${name}(op: i32, dt: i32, ${params}): bool {
  switch (op) {
${cases.join('\n')}
  }
  return false;
}`;
}

function file(imports, kernels, disp) {
  return HEADER + imports + '\n' + [...kernels, disp].join('\n\n') + '\n';
}

function genUnary() {
  const rows = rowsOf('unary');
  const kernels = rows.flatMap((o) => letters(o).map((d) => unaryKernel(o, d)));
  const disp = dispatch('runUnary', 'px: usize, po: usize, n: i32', 'px, po, n', rows);
  return file(importRows(rows) + IMPORT_MATH, kernels, disp);
}

function genBinary() {
  const rows = rowsOf('binary');
  const kernels = rows.flatMap((o) => letters(o).map((d) => binaryKernel(o, d)));
  const doc = '// Operands are walked by the shared iterator (../iter.ts), set up by the caller.\n';
  const disp = dispatch('runBinary', 'pa: usize, pb: usize, po: usize', 'pa, pb, po', rows);
  return file(importRows(rows) + IMPORT_MATH + IMPORT_ITER + doc, kernels, disp);
}

function genReduce() {
  const rows = rowsOf('reduce');
  const kernels = rows.flatMap((o) => letters(o).map((d) => reduceKernel(o, d)));
  const doc = '// Each of `outer` outputs folds `len` contiguous inputs, in order.\n';
  const disp = dispatch('runReduce', 'px: usize, po: usize, outer: i32, len: i32', 'px, po, outer, len', rows);
  return file(importRows(rows) + doc, kernels, disp);
}

/** Per-op facts the validator needs: kind, allowed input dtypes, output dtype rule. */
function genOpTable() {
  const mask = (o) => [...o.dtypes].reduce((m, d) => m | (1 << 'fib'.indexOf(d)), 0);
  const OUT = { same: 'OUT_SAME', bool: 'OUT_BOOL', int32: 'OUT_INT32', attr: 'OUT_ATTR' };
  const sw = (name, ret, doc, f) => `/** ${doc} */
export function ${name}(op: i32): i32 {
  switch (op) {
${OPS.map((o) => `    case ${constName(o.name)}: return ${f(o)};`).join('\n')}
  }
  return ${ret};
}`;
  return [
    HEADER + importOps([...OPS.map((o) => constName(o.name)), ...new Set(OPS.map((o) => kindConst(o.kind)))]),
    Object.values(OUT).map((n, i) => `export const ${n}: i32 = ${i};`).join('\n'),
    sw('opKind', '-1', 'The shape-rule family (KIND_*), or -1 for an unknown opcode.', (o) => kindConst(o.kind)),
    sw('opDtypes', '0', 'The input dtypes the op allows, as bits `1 << DT_*`.', (o) => String(mask(o))),
    sw('opOut', '-1', 'How the output dtype follows from the inputs (OUT_*).', (o) => OUT[o.out]),
  ].join('\n\n') + '\n';
}

/** Writes accelerators/wasm/assembly/generated/*.ts. */
export function genInterp() {
  emit(OUT_DIR + 'unary.ts', genUnary());
  emit(OUT_DIR + 'binary.ts', genBinary());
  emit(OUT_DIR + 'reduce.ts', genReduce());
  emit(OUT_DIR + 'optable.ts', genOpTable());
}
