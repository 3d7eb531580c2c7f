// Small graphs that exercise every lowering of accelerators/xla/lower.ts, each with its float64
// reference (test/reference) and tolerance class (test/tolerances.ts). Shared by the golden
// test and the JAX oracle test.
import * as lt from '../../ts/index';
import * as R from '../reference';
import { toLt } from '../helpers';
import type { TestedOp } from '../tolerances';
import type { OpName } from '../../accelerators/xla/lower';

export interface Case {
  name: string;
  /** the table op whose lowering this case is about: its opcode must be in the Program */
  op: OpName;
  tol: TestedOp;
  build(): { out: lt.Tensor; ref: R.Ref };
}

const L = lt as unknown as Record<string, (...a: unknown[]) => lt.Tensor>;
const NAN = NaN, INF = Infinity;

const UNARY: [R.UnaryName, number, number, number[], boolean?][] = [
  ['neg', -8, 8, [NAN, INF, 0], true], ['abs', -8, 8, [NAN, -INF, -0], true],
  ['exp', -10, 10, [NAN, INF, -INF, 100]], ['expm1', -5, 5, [NAN, 1e-5]], ['log', 0.01, 10, [NAN, 0, -1]],
  ['log1p', -0.99, 10, [NAN, -1, -2, 1e-6]], ['sqrt', 0, 10, [NAN, INF, -1]], ['rsqrt', 0.01, 10, [NAN, 0, -1]],
  ['square', -8, 8, [NAN, 1e20], true], ['reciprocal', 0.05, 5, [NAN, 0, -0, -2]], ['sin', -10, 10, [NAN, INF]],
  ['cos', -10, 10, [NAN, -INF]], ['tan', -1.5, 1.5, [NAN, 0]], ['asin', -1, 1, [NAN, 1, -1, 1.5]],
  ['acos', -1, 1, [NAN, 1, -1, -2]], ['atan', -10, 10, [NAN, INF, -INF]], ['sinh', -5, 5, [NAN, INF, -INF]],
  ['cosh', -5, 5, [NAN, INF, -INF]], ['tanh', -10, 10, [NAN, INF, 50, -50]], ['sigmoid', -20, 20, [NAN, INF, -INF, 100, -100]],
  ['softplus', -20, 20, [NAN, INF, -INF, 100, -100]], ['relu', -8, 8, [NAN, INF, -INF], true],
  ['relu6', -3, 9, [NAN, INF, 6], true], ['elu', -5, 5, [NAN, INF, -INF]], ['selu', -5, 5, [NAN, INF, -INF]],
  ['sign', -8, 8, [NAN, INF, -INF, 0], true], ['floor', -8, 8, [NAN, INF, -0.5]], ['ceil', -8, 8, [NAN, -INF, 0.5]],
  ['round', -8, 8, [NAN, -2.5, -1.5, -0.5, 0.5, 1.5, 2.5], true], ['erf', -4, 4, [NAN, INF, -INF, 1e-4]],
  ['isNaN', -8, 8, [NAN, INF, -INF]], ['isFinite', -8, 8, [NAN, INF, -INF]],
];

const BINARY: [R.BinaryName, boolean][] = [
  ['add', true], ['sub', true], ['mul', true], ['div', false], ['floorDiv', true], ['mod', true], ['pow', true],
  ['maximum', true], ['minimum', true], ['squaredDifference', true], ['atan2', false], ['equal', true],
  ['notEqual', true], ['less', true], ['lessEqual', true], ['greater', true], ['greaterEqual', true],
];

function cases(): Case[] {
  const out: Case[] = [];
  let seed = 1;
  const rng = () => new R.Rng(seed++);
  for (const [name, lo, hi, specials, int] of UNARY) {
    const r = rng();
    out.push({ name: `${name} float32`, op: name, tol: name, build: () => {
      const x = R.randRef(r, [3, 5], 'float32', { lo, hi, specials, specialRate: 0.25, step: ['floor', 'ceil', 'round'].includes(name) ? 4 : undefined });
      return { out: L[name](toLt(x)), ref: R.unary(name, x) };
    } });
    if (int) {
      const r2 = rng();
      out.push({ name: `${name} int32`, op: name, tol: name, build: () => {
        const x = R.randRef(r2, [7], 'int32', { specials: [-2147483648, 2147483647, 0] });
        return { out: L[name](toLt(x)), ref: R.unary(name, x) };
      } });
    }
  }
  out.push({ name: 'logicalNot bool', op: 'logicalNot', tol: 'logicalNot', build: () => {
    const x = R.randRef(rng(), [6], 'bool');
    return { out: L.logicalNot(toLt(x)), ref: R.unary('logicalNot', x) };
  } });
  for (const [name, int] of BINARY) {
    const r = rng();
    const op: OpName = name;
    const step = ['floorDiv', 'mod', 'equal', 'notEqual', 'less', 'lessEqual', 'greater', 'greaterEqual', 'maximum', 'minimum'].includes(name) ? 2 : undefined;
    const specials = name === 'pow' ? [NAN, 0, 1, 2] : [NAN, INF, -INF, 0, -0];
    out.push({ name: `${name} float32 broadcast`, op, tol: name, build: () => {
      const a = R.randRef(r, [3, 1, 4], 'float32', { lo: name === 'pow' ? 0 : -3, specials, specialRate: 0.15, step });
      const b = R.randRef(r, [5, 4], 'float32', { specials, specialRate: 0.15, step });
      return { out: L[name](toLt(a), toLt(b)), ref: R.binary(name, a, b) };
    } });
    if (int) {
      const r2 = rng();
      out.push({ name: `${name} int32`, op, tol: name, build: () => {
        // the reference squares in float64, so squaredDifference stays clear of int32 overflow
        const big = name === 'squaredDifference' ? [0, -1, 1] : [-2147483648, 2147483647, 0, -1, 1];
        const a = R.randRef(r2, [4, 6], 'int32', name === 'pow' ? { lo: -3, hi: 3 } : { specials: big });
        const b = R.randRef(r2, [6], 'int32', name === 'pow' ? { lo: -2, hi: 5 } : { specials: big });
        return { out: L[name](toLt(a), toLt(b)), ref: R.binary(name, a, b) };
      } });
    }
  }
  for (const name of ['equal', 'less', 'greaterEqual', 'logicalAnd', 'logicalOr'] as const) {
    const r = rng();
    out.push({ name: `${name} bool`, op: name, tol: name, build: () => {
      const a = R.randRef(r, [2, 4], 'bool'), b = R.randRef(r, [4], 'bool');
      return { out: L[name](toLt(a), toLt(b)), ref: R.binary(name, a, b) };
    } });
  }
  // reductions
  for (const name of ['sum', 'prod', 'max', 'min'] as const) {
    const r = rng();
    out.push({ name: `${name} float32 axis 1 keepDims`, op: name, tol: name, build: () => {
      const x = R.randRef(r, [2, 4, 3], 'float32', { lo: 0.5, hi: 1.5, specials: name === 'max' || name === 'min' ? [NAN] : [], specialRate: 0.05 });
      return { out: L[name](toLt(x), 1, true), ref: R[name](x, 1, true) };
    } });
    out.push({ name: `${name} int32 all axes`, op: name, tol: name, build: () => {
      const x = R.randRef(r, [2, 3], 'int32', { lo: -3, hi: 3 });
      return { out: L[name](toLt(x)), ref: R[name](x) };
    } });
  }
  for (const name of ['all', 'any'] as const) {
    const r = rng();
    out.push({ name: `${name} bool axes [0, 2]`, op: name, tol: name, build: () => {
      const x = R.randRef(r, [2, 3, 2], 'bool');
      return { out: L[name](toLt(x), [0, 2]), ref: R[name](x, [0, 2]) };
    } });
  }
  for (const name of ['max', 'min'] as const) {
    const r = rng();
    out.push({ name: `${name} bool`, op: name, tol: name, build: () => {
      const x = R.randRef(r, [3, 4], 'bool');
      return { out: L[name](toLt(x), 0), ref: R[name](x, 0) };
    } });
  }
  for (const name of ['argMax', 'argMin'] as const) {
    const r = rng();
    out.push({ name: `${name} float32 with NaN and ties`, op: name, tol: name, build: () => {
      const x = R.randRef(r, [6, 5], 'float32', { step: 1, lo: -2, hi: 2, specials: [NAN, INF, -INF], specialRate: 0.2 });
      return { out: L[name](toLt(x), 1), ref: R[name](x, 1) };
    } });
    out.push({ name: `${name} int32 axis 0`, op: name, tol: name, build: () => {
      const x = R.randRef(r, [4, 3], 'int32', { lo: -2, hi: 2 });
      return { out: L[name](toLt(x), 0), ref: R[name](x, 0) };
    } });
  }
  for (const [exclusive, reverse] of [[false, false], [true, false], [false, true], [true, true]]) {
    const r = rng();
    out.push({ name: `cumsum exclusive=${exclusive} reverse=${reverse}`, op: 'cumsum', tol: 'cumsum', build: () => {
      const x = R.randRef(r, [3, 5], 'float32');
      return { out: L.cumsum(toLt(x), 1, exclusive, reverse), ref: R.cumsum(x, 1, exclusive, reverse) };
    } });
  }
  out.push({ name: 'cumsum int32 axis 0', op: 'cumsum', tol: 'cumsum', build: () => {
    const x = R.randRef(rng(), [4, 2], 'int32');
    return { out: L.cumsum(toLt(x), 0), ref: R.cumsum(x, 0) };
  } });
  // structural
  out.push({ name: 'where broadcast', op: 'where', tol: 'where', build: () => {
    const r = rng();
    const c = R.randRef(r, [3, 1], 'bool'), a = R.randRef(r, [3, 4], 'float32'), b = R.randRef(r, [4], 'float32');
    return { out: L.where(toLt(c), toLt(a), toLt(b)), ref: R.where(c, a, b) };
  } });
  const castCases: [R.DType, R.DType][] = [['float32', 'int32'], ['float32', 'bool'], ['int32', 'float32'], ['int32', 'bool'], ['bool', 'float32'], ['bool', 'int32']];
  for (const [from, to] of castCases) {
    const r = rng();
    out.push({ name: `cast ${from} -> ${to}`, op: 'cast', tol: 'cast', build: () => {
      const x = R.randRef(r, [8], from, from === 'float32' ? { lo: -5, hi: 5, specials: [NAN, INF, -INF, 3e9, -3e9, 5e9, 2147483648, -2147483904, 1e20, -0.5], specialRate: 0.5 } : {});
      return { out: L.cast(toLt(x), to), ref: R.cast(x, to) };
    } });
  }
  out.push({ name: 'reshape', op: 'reshape', tol: 'reshape', build: () => {
    const x = R.randRef(rng(), [2, 6], 'float32');
    return { out: L.reshape(toLt(x), [3, 2, 2]), ref: R.reshape(x, [3, 2, 2]) };
  } });
  out.push({ name: 'broadcastTo', op: 'broadcastTo', tol: 'broadcastTo', build: () => {
    const x = R.randRef(rng(), [3, 1], 'int32');
    return { out: L.broadcastTo(toLt(x), [2, 3, 4]), ref: R.broadcastTo(x, [2, 3, 4]) };
  } });
  out.push({ name: 'transpose', op: 'transpose', tol: 'transpose', build: () => {
    const x = R.randRef(rng(), [2, 3, 4], 'float32');
    return { out: L.transpose(toLt(x), [2, 0, 1]), ref: R.transpose(x, [2, 0, 1]) };
  } });
  out.push({ name: 'slice', op: 'slice', tol: 'slice', build: () => {
    const x = R.randRef(rng(), [4, 5], 'float32');
    return { out: L.slice(toLt(x), [1, 2], [2, 3]), ref: R.slice(x, [1, 2], [2, 3]) };
  } });
  out.push({ name: 'stridedSlice negative stride', op: 'slice', tol: 'stridedSlice', build: () => {
    const x = R.randRef(rng(), [5, 6], 'int32');
    return { out: L.stridedSlice(toLt(x), [4, 0], [0, 6], [-2, 2]), ref: R.stridedSlice(x, [4, 0], [0, 6], [-2, 2]) };
  } });
  out.push({ name: 'concat', op: 'concat', tol: 'concat', build: () => {
    const r = rng();
    const a = R.randRef(r, [2, 3], 'float32'), b = R.randRef(r, [2, 2], 'float32');
    return { out: L.concat([toLt(a), toLt(b)], 1), ref: R.concat([a, b], 1) };
  } });
  out.push({ name: 'pad', op: 'pad', tol: 'pad', build: () => {
    const x = R.randRef(rng(), [2, 3], 'float32');
    return { out: L.pad(toLt(x), [[1, 0], [2, 1]], 7), ref: R.pad(x, [[1, 0], [2, 1]], 7) };
  } });
  out.push({ name: 'gather with out-of-range indices', op: 'gather', tol: 'gather', build: () => {
    const r = rng();
    const x = R.randRef(r, [3, 4, 2], 'float32');
    const raw = [0, 3, -1, 2, 4, 1];
    const idx = R.fromValues(raw, [2, 3], 'int32');
    // the reference rejects out-of-range indices; the interpreter's contract is 0 there
    const ref = R.gather(x, R.fromValues(raw.map((v) => Math.min(Math.max(v, 0), 3)), [2, 3], 'int32'), 1);
    for (let o = 0; o < 3; o++) for (let j = 0; j < 6; j++) for (let k = 0; k < 2; k++) if (raw[j] < 0 || raw[j] > 3) ref.data[(o * 6 + j) * 2 + k] = 0;
    return { out: L.gather(toLt(x), toLt(idx), 1), ref };
  } });
  out.push({ name: 'reverse', op: 'reverse', tol: 'reverse', build: () => {
    const x = R.randRef(rng(), [3, 4], 'int32');
    return { out: L.reverse(toLt(x), [0, 1]), ref: R.reverse(x, [0, 1]) };
  } });
  out.push({ name: 'tile', op: 'tile', tol: 'tile', build: () => {
    const x = R.randRef(rng(), [2, 3], 'bool');
    return { out: L.tile(toLt(x), [2, 3]), ref: R.tile(x, [2, 3]) };
  } });
  out.push({ name: 'oneHot', op: 'oneHot', tol: 'oneHot', build: () => {
    const idx = R.fromValues([0, 2, -1, 5, 1, 4], [2, 3], 'int32');
    return { out: L.oneHot(toLt(idx), 5, 3, -1), ref: R.oneHot(idx, 5, 3, -1) };
  } });
  for (const [ta, tb] of [[false, false], [true, false], [false, true], [true, true]]) {
    const r = rng();
    out.push({ name: `matMul batched broadcast transposeA=${ta} transposeB=${tb}`, op: 'matMul', tol: 'matMul', build: () => {
      const a = R.randRef(r, ta ? [2, 1, 4, 3] : [2, 1, 3, 4], 'float32');
      const b = R.randRef(r, tb ? [3, 5, 4] : [3, 4, 5], 'float32');
      return { out: L.matMul(toLt(a), toLt(b), ta, tb), ref: R.matMul(a, b, ta, tb) };
    } });
  }
  out.push({ name: 'matMul int32 2-D', op: 'matMul', tol: 'matMul', build: () => {
    const r = rng();
    const a = R.randRef(r, [3, 4], 'int32'), b = R.randRef(r, [4, 2], 'int32');
    return { out: L.matMul(toLt(a), toLt(b)), ref: R.matMul(a, b) };
  } });
  // convolution and pooling, and the adjoints through lt.grads (one cotangent per case)
  const convCases: [string, number[], number[], R.Pair, R.Pad, R.Pair][] = [
    ['stride 2 same', [2, 7, 6, 3], [3, 3, 3, 4], 2, 'same', 1],
    ['dilation 2 valid', [1, 7, 7, 2], [3, 2, 2, 3], 1, 'valid', 2],
    ['explicit padding', [1, 5, 6, 2], [2, 3, 2, 2], [2, 1], [[0, 0], [1, 0], [2, 1], [0, 0]], 1],
    ['3x3 stride 1 same, 8 channels (the interpreter\'s Winograd path)', [1, 6, 5, 8], [3, 3, 8, 8], 1, 'same', 1],
  ];
  for (const depthwise of [false, true]) {
    const name = depthwise ? 'depthwiseConv2d' : 'conv2d';
    const fwd = depthwise ? L.depthwiseConv2d : L.conv2d;
    const ref = depthwise ? R.depthwiseConv2d : R.conv2d;
    for (const [what, xs, fs, s, p, d] of convCases) {
      const r = rng();
      const make = () => {
        const x = R.randRef(r, xs, 'float32'), f = R.randRef(r, fs, 'float32');
        const y = ref(x, f, s, p, d);
        return { x, f, dy: R.randRef(r, y.shape, 'float32'), y };
      };
      out.push({ name: `${name} ${what}`, op: name, tol: name, build: () => {
        const { x, f, y } = make();
        return { out: fwd(toLt(x), toLt(f), s, p, 'NHWC', d), ref: y };
      } });
      for (const [k, op] of [[0, `${name}BackpropInput`], [1, `${name}BackpropFilter`]] as const) {
        out.push({ name: `${op} ${what}`, op, tol: name, build: () => {
          const { x, f, dy } = make();
          const g = lt.grads((a: lt.Tensor, b: lt.Tensor) => fwd(a, b, s, p, 'NHWC', d))([toLt(x), toLt(f)], toLt(dy));
          const want = R.convGrads(x, f, dy, s, p, d, depthwise);
          return { out: g[k], ref: k === 0 ? want.dx : want.df };
        } });
      }
    }
  }
  const poolCases: [string, number[], R.Pair, R.Pair, R.Pad][] = [
    ['3x3 stride 2 same', [2, 7, 6, 3], 3, 2, 'same'],
    ['[2, 3] strides [1, 2] valid', [1, 5, 7, 2], [2, 3], [1, 2], 'valid'],
    ['2x2 explicit padding', [1, 5, 5, 2], 2, 2, [[0, 0], [1, 1], [0, 1], [0, 0]]],
  ];
  for (const isMax of [true, false]) {
    const name = isMax ? 'maxPool' : 'avgPool';
    for (const [what, xs, k, s, p] of poolCases) {
      const r = rng();
      // distinct values: the maximum of every window is unique
      const make = () => {
        const n = xs.reduce((a, b) => a * b, 1);
        const x = R.fromValues(Array.from({ length: n }, (_, i) => (((i * 37) % n) - n / 2) / 16), xs, 'float32');
        const y = R[name](x, k, s, p);
        return { x, y, dy: R.randRef(r, y.shape, 'float32') };
      };
      out.push({ name: `${name} ${what}`, op: name, tol: name, build: () => {
        const { x, y } = make();
        return { out: L[name](toLt(x), k, s, p), ref: y };
      } });
      out.push({ name: `${name}Grad ${what}`, op: `${name}Grad`, tol: 'avgPool', build: () => {
        const { x, dy } = make();
        const [g] = lt.grads((a: lt.Tensor) => L[name](a, k, s, p))([toLt(x)], toLt(dy));
        return { out: g, ref: R.poolGrad(x, dy, k, s, p, isMax) };
      } });
    }
  }
  out.push({ name: 'mean (const 1/n)', op: 'const', tol: 'mean', build: () => {
    const x = R.randRef(rng(), [3, 4], 'float32');
    return { out: L.mean(toLt(x), 1), ref: R.mean(x, 1) };
  } });
  out.push({ name: 'scalar param (user number)', op: 'param', tol: 'add', build: () => {
    const x = R.randRef(rng(), [3], 'float32');
    return { out: L.add(toLt(x), lt.scalar(2.5)), ref: R.binary('add', x, R.scalarRef(2.5)) };
  } });
  return out;
}

export const CASES: Case[] = cases();
