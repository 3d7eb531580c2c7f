// Emits the WASM interpreter's table-driven code (accelerators/wasm/assembly/generated/):
// one plain loop per (op, dtype) from the table's f/i/b kernel expressions, and the switches
// that pick a loop once per node, never per element. Ops listed in VEC below also get a v128
// SIMD loop for float32 / int32: unary ops over the whole (contiguous) input, binary ops over
// every row the iterator yields whose operands are contiguous or a broadcast scalar, and
// reductions over contiguous runs (several accumulators) and over columns; broadcasting
// or strided rows, bool data and the ops without a vector form keep the scalar loops.
// Fused groups (../assembly/fused.ts) reuse the unary loops, and get per binary op a tile
// kernel (operands of stride 1 or 0) and per reduction a combine of two partial results.
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

const IMPORT_SIMD =
  "import { exp4, log4, tanh4, sigmoid4, erf4, one4, six4, minusOne4, SCRATCH } from '../simd_math';\n";

/** The v128 form of an op per dtype letter, as [the table kernel it stands for, the vector
 *  expression] over `x` (unary), `a, b` (binary) or `acc, x` (reductions). A form is used only
 *  while the table's kernel is still the one it was written for: when a row's kernel changes,
 *  the generator warns and that (op, dtype) falls back to its scalar loop until the form here
 *  is updated. Binary kernels finish a row's tail with the scalar kernel, so a binary form
 *  must give exactly what it gives, lane by lane. Unary kernels run every element through the
 *  vector form (the tail through SCRATCH), so the transcendentals (simd_math.ts, within their
 *  documented error of the scalar ones) never depend on an element's position. Row reductions
 *  re-associate float sums and products (four accumulators); column reductions keep the order. */
const VEC = {
  // unary
  neg: { f: ['-x', 'f32x4.neg(x)'], i: ['-x', 'i32x4.neg(x)'] },
  abs: { f: ['Mathf.abs(x)', 'f32x4.abs(x)'], i: ['abs<i32>(x)', 'i32x4.abs(x)'] },
  exp: { f: ['Mathf.exp(x)', 'exp4(x)'] },
  log: { f: ['Mathf.log(x)', 'log4(x)'] },
  sqrt: { f: ['Mathf.sqrt(x)', 'f32x4.sqrt(x)'] },
  rsqrt: { f: ['<f32>1 / Mathf.sqrt(x)', 'f32x4.div(one4(), f32x4.sqrt(x))'] },
  square: { f: ['x * x', 'f32x4.mul(x, x)'], i: ['x * x', 'i32x4.mul(x, x)'] },
  reciprocal: { f: ['<f32>1 / x', 'f32x4.div(one4(), x)'] },
  tanh: { f: ['Mathf.tanh(x)', 'tanh4(x)'] },
  sigmoid: { f: ['sigmoid32(x)', 'sigmoid4(x)'] },
  // pmax(x, 0) is x < 0 ? 0 : x exactly (NaN and -0 stay)
  relu: { f: ['x < 0 ? <f32>0 : x', 'f32x4.pmax(x, f32x4.splat(0))'], i: ['x < 0 ? 0 : x', 'i32x4.max_s(x, i32x4.splat(0))'] },
  relu6: {
    f: ['x < 0 ? <f32>0 : (x > 6 ? <f32>6 : x)', 'f32x4.pmin(f32x4.pmax(x, f32x4.splat(0)), six4())'],
    i: ['x < 0 ? 0 : (x > 6 ? 6 : x)', 'i32x4.min_s(i32x4.max_s(x, i32x4.splat(0)), i32x4.splat(6))'],
  },
  sign: {
    f: ['x > 0 ? <f32>1 : (x < 0 ? <f32>-1 : <f32>0)',
      'v128.or(v128.and(f32x4.gt(x, f32x4.splat(0)), one4()), v128.and(f32x4.lt(x, f32x4.splat(0)), minusOne4()))'],
    i: ['x > 0 ? 1 : (x < 0 ? -1 : 0)', 'i32x4.sub(i32x4.lt_s(x, i32x4.splat(0)), i32x4.gt_s(x, i32x4.splat(0)))'],
  },
  floor: { f: ['Mathf.floor(x)', 'f32x4.floor(x)'] },
  ceil: { f: ['Mathf.ceil(x)', 'f32x4.ceil(x)'] },
  round: { f: ['nearest<f32>(x)', 'f32x4.nearest(x)'], i: ['x', 'x'] },
  erf: { f: ['erf32(x)', 'erf4(x)'] },
  // binary
  add: { f: ['a + b', 'f32x4.add(a, b)'], i: ['a + b', 'i32x4.add(a, b)'] },
  sub: { f: ['a - b', 'f32x4.sub(a, b)'], i: ['a - b', 'i32x4.sub(a, b)'] },
  mul: { f: ['a * b', 'f32x4.mul(a, b)'], i: ['a * b', 'i32x4.mul(a, b)'] },
  div: { f: ['a / b', 'f32x4.div(a, b)'] },
  // wasm's min / max propagate NaN and order -0 below +0, as the table's kernels
  maximum: { f: ['a != a || b != b ? NaN : Mathf.max(a, b)', 'f32x4.max(a, b)'], i: ['max<i32>(a, b)', 'i32x4.max_s(a, b)'] },
  minimum: { f: ['a != a || b != b ? NaN : Mathf.min(a, b)', 'f32x4.min(a, b)'], i: ['min<i32>(a, b)', 'i32x4.min_s(a, b)'] },
  squaredDifference: {
    f: ['(a - b) * (a - b)', 'f32x4.mul(f32x4.sub(a, b), f32x4.sub(a, b))'],
    i: ['(a - b) * (a - b)', 'i32x4.mul(i32x4.sub(a, b), i32x4.sub(a, b))'],
  },
  // reductions
  sum: { f: ['acc + x', 'f32x4.add(acc, x)'], i: ['acc + x', 'i32x4.add(acc, x)'] },
  prod: { f: ['acc * x', 'f32x4.mul(acc, x)'], i: ['acc * x', 'i32x4.mul(acc, x)'] },
  max: { f: ['x != x || acc != acc ? NaN : Mathf.max(acc, x)', 'f32x4.max(acc, x)'], i: ['max<i32>(acc, x)', 'i32x4.max_s(acc, x)'] },
  min: { f: ['x != x || acc != acc ? NaN : Mathf.min(acc, x)', 'f32x4.min(acc, x)'], i: ['min<i32>(acc, x)', 'i32x4.min_s(acc, x)'] },
};
/** The vector form of (op, dtype letter), or undefined. A table row may also name its own as
 *  `vf` / `vi` (same conventions), which wins over VEC. */
function vecOf(o, d) {
  if (d === 'b') return undefined;
  if (o[`v${d}`]) return o[`v${d}`];
  const form = VEC[o.name]?.[d];
  if (!form) return undefined;
  if (form[0] !== o[d]) {
    console.warn(`scripts/gen/interp.mjs: ${o.name} (${d}) has a new kernel in ops/table.mjs; its SIMD form is off until VEC is updated`);
    return undefined;
  }
  return form[1];
}
const SPLAT = { f: 'f32x4.splat', i: 'i32x4.splat' };

const rowsOf = (kind) => OPS.filter((o) => o.kind === kind);
/** The dtype letters of a generated row; each must come with its kernel expression. */
function letters(o) {
  const missing = [...o.dtypes].filter((d) => !o[d]);
  if (missing.length) throw new Error(`ops/table.mjs: ${o.name} allows '${missing.join('')}' but has no kernel for it`);
  return [...o.dtypes];
}
const outOf = (o, d) => (o.out === 'bool' ? BOOL_OUT : o.out === 'int32' ? DT.i : DT[d]);
const fnName = (o, d) => `${o.kind}_${o.name}_${DT[d].sfx}`;
const load = (t, ptr) => (t.mem === t.type ? `load<${t.mem}>(${ptr})` : `<${t.type}>load<${t.mem}>(${ptr})`);
const store = (t, ptr, expr) =>
  t.mem === t.type ? `store<${t.mem}>(${ptr}, <${t.type}>(${expr}))` : `store<${t.mem}>(${ptr}, <${t.mem}>(<${t.type}>(${expr})))`;
const step = (t) => (t.shift ? ` << ${t.shift}` : '');

function unaryKernel(o, d) {
  const t = DT[d], u = outOf(o, d), v = vecOf(o, d);
  if (v && u === t) {
    // Two vectors an iteration, then at most one more (as the binary tile kernels).
    return `function ${fnName(o, d)}(px: usize, po: usize, n: i32): void {
  const end2 = px + (<usize>(n & ~7) << 2), end = px + (<usize>(n & ~3) << 2);
  while (px < end2) {
    { const x = v128.load(px); v128.store(po, ${v}); }
    { const x = v128.load(px, 16); v128.store(po, ${v}, 16); }
    px += 32; po += 32;
  }
  if (px < end) {
    const x = v128.load(px);
    v128.store(po, ${v});
    px += 16; po += 16;
  }
  const rest = <usize>(n & 3) << 2;
  if (rest) {
    memory.copy(SCRATCH, px, rest);
    const x = v128.load(SCRATCH);
    v128.store(SCRATCH, ${v});
    memory.copy(po, SCRATCH, rest);
  }
}`;
  }
  return `function ${fnName(o, d)}(px: usize, po: usize, n: i32): void {
  for (let k = 0; k < n; k++) {
    const x = ${load(t, `px + (<usize>k${step(t)})`)};
    ${store(u, `po + (<usize>k${step(u)})`, o[d])};
  }
}`;
}

function binaryKernel(o, d) {
  const t = DT[d], u = outOf(o, d), v = vecOf(o, d);
  if (v && u === t) {
    // Per row: both operands contiguous, or one a broadcast scalar (splat once per row).
    const loop = (la, lb, inc, pre = '') => `{${pre}
      const end = po + (<usize>(n & ~3) << 2);
      while (po < end) {
        const a = ${la}, b = ${lb};
        v128.store(po, ${v});
        ${inc}po += 16;
      }
    }`;
    const splat = (name, q) => `\n      const ${name} = ${SPLAT[d]}(${load(t, q)});`;
    return `function ${fnName(o, d)}(pa: usize, pb: usize, po: usize): void {
  const n = iterInner();
  const sa = iterStep(0), sb = iterStep(1);
  const mode = n < 4 || sa > 1 || sb > 1 || sa < 0 || sb < 0 ? 0 : 1 + sa + 2 * sb; // 2: a, 3: b, 4: both
  const ea = <usize>sa${step(t)}, eb = <usize>sb${step(t)};
  for (let r = iterRows(); r > 0; r--) {
    let qa = pa + (<usize>iterOffset(0)${step(t)}), qb = pb + (<usize>iterOffset(1)${step(t)});
    let k = 0;
    if (mode == 4) ${loop('v128.load(qa)', 'v128.load(qb)', 'qa += 16; qb += 16; ')} else if (mode == 2) ${loop('v128.load(qa)', 'vb', 'qa += 16; ', splat('vb', 'qb'))} else if (mode == 3) ${loop('va', 'v128.load(qb)', 'qb += 16; ', splat('va', 'qa'))}
    if (mode > 1) k = n & ~3;
    for (; k < n; k++) {
      const a = ${load(t, 'qa')}, b = ${load(t, 'qb')};
      ${store(u, 'po', o[d])};
      qa += ea; qb += eb; po += ${1 << u.shift};
    }
    iterNext();
  }
}`;
  }
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

/** A binary kernel over one contiguous tile of a fused group (../fused.ts): each operand walks
 *  with stride 1, or 0 (a broadcast scalar, splat once); the vector form runs while it can and
 *  the scalar kernel finishes the tail, so the result matches binaryKernel's lane for lane. */
function binaryTileKernel(o, d) {
  const t = DT[d], u = outOf(o, d), v = vecOf(o, d);
  const tail = `
  const ea = <usize>sa${step(t)}, eb = <usize>sb${step(t)};
  qa = pa + <usize>k * ea; qb = pb + <usize>k * eb; qo = po + (<usize>k${step(u)});
  for (; k < n; k++) {
    const a = ${load(t, 'qa')}, b = ${load(t, 'qb')};
    ${store(u, 'qo', o[d])};
    qa += ea; qb += eb; qo += ${1 << u.shift};
  }`;
  if (!(v && u === t)) return `function ${fnName(o, d).replace('binary_', 'tile_')}(pa: usize, sa: i32, pb: usize, sb: i32, po: usize, n: i32): void {
  let k = 0, qa = pa, qb = pb, qo = po;${tail}
}`;
  // Pointer increments rather than indexed addresses, as binaryKernel writes its loops; two
  // vectors an iteration (the second at offset 16: ~25% less time a member in a fused group),
  // then at most one more.
  const at16 = (l) => l.replace(/v128\.load\((q[ab])\)/, 'v128.load($1, 16)');
  const inc2 = (inc) => inc.replace(/\+= 16/g, '+= 32');
  const loop = (la, lb, inc) => `const end2 = qo + (<usize>(n & ~7) << 2), end = qo + (<usize>(n & ~3) << 2);
    while (qo < end2) {
      { const a = ${la}, b = ${lb}; v128.store(qo, ${v}); }
      { const a = ${at16(la)}, b = ${at16(lb)}; v128.store(qo, ${v}, 16); }
      ${inc2(inc)}qo += 32;
    }
    if (qo < end) {
      const a = ${la}, b = ${lb};
      v128.store(qo, ${v});
      ${inc}qo += 16;
    }
    k = n & ~3;`;
  return `function ${fnName(o, d).replace('binary_', 'tile_')}(pa: usize, sa: i32, pb: usize, sb: i32, po: usize, n: i32): void {
  let k = 0, qa = pa, qb = pb, qo = po;
  if (sa && sb) {
    ${loop('v128.load(qa)', 'v128.load(qb)', 'qa += 16; qb += 16; ')}
  } else if (sa) {
    const vb = ${SPLAT[d]}(${load(t, 'pb')});
    ${loop('v128.load(qa)', 'vb', 'qa += 16; ')}
  } else if (sb) {
    const va = ${SPLAT[d]}(${load(t, 'pa')});
    ${loop('va', 'v128.load(qb)', 'qb += 16; ')}
  }${tail}
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
  const t = DT[d], v = vecOf(o, d);
  // Four vector accumulators over 16-element blocks, folded lane by lane into the scalar
  // accumulator, which then takes the rest in order.
  const vec = !v ? '' : `
    if (len >= 16) {
      const init = ${SPLAT[d]}(${initOf(o.init, d)});
      let v0 = init, v1 = init, v2 = init, v3 = init;
      for (; k + 16 <= len; k += 16) {
        let acc = v0, x = v128.load(px);
        v0 = ${v};
        acc = v1; x = v128.load(px, 16);
        v1 = ${v};
        acc = v2; x = v128.load(px, 32);
        v2 = ${v};
        acc = v3; x = v128.load(px, 48);
        v3 = ${v};
        px += 64;
      }
      let acc = v0, x = v1;
      v0 = ${v};
      acc = v2; x = v3;
      v2 = ${v};
      acc = v0; x = v2;
      const w = ${v};
${[0, 1, 2, 3].map((l) => `      { const x = ${d}32x4.extract_lane(w, ${l}), acc = a; a = <${t.type}>(${o[d]}); }`).join('\n')}
    }`;
  return `function ${fnName(o, d)}(px: usize, po: usize, outer: i32, len: i32): void {
  for (let j = 0; j < outer; j++) {
    let a: ${t.type} = ${initOf(o.init, d)};
    let k = 0;${vec}
    for (; k < len; k++) {
      const x = ${load(t, 'px')};
      let acc = a;
      a = <${t.type}>(${o[d]});
      px += ${1 << t.shift};
    }
    ${store(t, `po + (<usize>j${step(t)})`, 'a')};
  }
}`;
}

/** Column reductions: x is [outer, len, inner], out [outer, inner]; every output folds its
 *  len inputs in order (the same result as the row kernel's scalar loop), a row at a time.
 *  Without `init` the outputs keep folding into what they hold (a fused loop's later tiles). */
function reduceColsKernel(o, d) {
  const t = DT[d], v = vecOf(o, d), sz = 1 << t.shift;
  const vec = !v ? '' : `
      for (; j + 4 <= inner; j += 4) {
        const q = po + (<usize>j << 2);
        const acc = v128.load(q), x = v128.load(px + (<usize>j << 2));
        v128.store(q, ${v});
      }`;
  return `function ${fnName(o, d).replace('reduce_', 'reducecols_')}(px: usize, po: usize, outer: i32, len: i32, inner: i32, init: bool): void {
  const row = <usize>inner * ${sz};
  for (let i = 0; i < outer; i++) {
    if (init) for (let j = 0; j < inner; j++) ${store(t, `po + (<usize>j${step(t)})`, initOf(o.init, d))};
    for (let r = 0; r < len; r++) {
      let j = 0;${vec}
      for (; j < inner; j++) {
        const q = po + (<usize>j${step(t)});
        const acc = ${load(t, 'q')}, x = ${load(t, `px + (<usize>j${step(t)})`)};
        ${store(t, 'q', o[d])};
      }
      px += row;
    }
    po += row;
  }
}`;
}

/** Folds one partial result at px into the accumulator at pacc (a fused reduction's row
 *  that spans several tiles). */
function combineKernel(o, d) {
  const t = DT[d];
  return `function ${fnName(o, d).replace('reduce_', 'combine_')}(pacc: usize, px: usize): void {
  const acc = ${load(t, 'pacc')}, x = ${load(t, 'px')};
  ${store(t, 'pacc', o[d])};
}`;
}

/** binaryTileKernel(op, dt) as a function value: called indirectly, each tile kernel stays a
 *  small function of its own instead of being inlined into one large dispatcher. */
function pickTile(rows) {
  const cases = rows.map((o) => {
    const ifs = letters(o).map((d) => `      if (dt == ${DT[d].dt}) return ${fnName(o, d).replace('binary_', 'tile_')};`);
    return `    case ${constName(o.name)}: {\n${ifs.join('\n')}\n      break;\n    }`;
  });
  return `export type TileKernel = (pa: usize, sa: i32, pb: usize, sb: i32, po: usize, n: i32) => void;

function tileMissing(pa: usize, sa: i32, pb: usize, sb: i32, po: usize, n: i32): void { unreachable(); }

/** The tile kernel of (op, dt); validation admits no pair without one. */
export function binaryTileKernel(op: i32, dt: i32): TileKernel {
  switch (op) {
${cases.join('\n')}
  }
  return tileMissing;
}`;
}

/** `switch (op)` then `dt`: returns false when the pair has no kernel. */
function dispatch(name, params, args, rows, prefix) {
  const fn = (o, d) => (prefix ? fnName(o, d).replace(`${o.kind}_`, prefix) : fnName(o, d));
  const cases = rows.map((o) => {
    const ifs = letters(o).map((d) => `      if (dt == ${DT[d].dt}) { ${fn(o, d)}(${args}); return true; }`);
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
  return file(importRows(rows) + IMPORT_MATH + IMPORT_SIMD, kernels, disp);
}

function genBinary() {
  const rows = rowsOf('binary');
  const kernels = rows.flatMap((o) => letters(o).flatMap((d) => [binaryKernel(o, d), binaryTileKernel(o, d)]));
  const doc = '// runBinary: operands are walked by the shared iterator (../iter.ts), set up by the caller;\n' +
    '// runBinaryTile: one contiguous tile of a fused group, each operand of stride 1 or 0.\n';
  const disp = dispatch('runBinary', 'pa: usize, pb: usize, po: usize', 'pa, pb, po', rows) + '\n\n' + pickTile(rows);
  return file(importRows(rows) + IMPORT_MATH + IMPORT_ITER + doc, kernels, disp);
}

function genReduce() {
  const rows = rowsOf('reduce');
  const kernels = rows.flatMap((o) => letters(o).flatMap((d) => [reduceKernel(o, d), reduceColsKernel(o, d)]));
  const doc = '// runReduce: each of `outer` outputs folds `len` contiguous inputs (vector loops re-associate\n' +
    '// float sums and products); runReduceCols: out[i, j] folds x[i, :, j] in order.\n';
  const disp = dispatch('runReduce', 'px: usize, po: usize, outer: i32, len: i32', 'px, po, outer, len', rows);
  const cols = dispatch('runReduceCols', 'px: usize, po: usize, outer: i32, len: i32, inner: i32, init: bool', 'px, po, outer, len, inner, init', rows, 'reducecols_');
  const combine = dispatch('combineReduce', 'pacc: usize, px: usize', 'pacc, px', rows, 'combine_');
  return file(importRows(rows) + doc, [...kernels, ...rows.flatMap((o) => letters(o).map((d) => combineKernel(o, d)))], disp + '\n\n' + cols + '\n\n' + combine);
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
