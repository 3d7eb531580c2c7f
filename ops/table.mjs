// The one op table. Every op of the IR is one row here; `npm run gen` turns the table into
// the opcode constants of the AssemblyScript core, the interpreter's elementwise kernels and
// the TypeScript op enum and wrappers (see docs/ADDING_AN_OP.md).
//
// Row fields
//   name    the public name (tfjs spelling) and the IR name
//   kind    the shape-rule family, implemented once in core-wasm/assembly/infer.ts
//   dtypes  the input dtypes the core accepts ('f' float32, 'i' int32, 'b' bool); the TS layer
//           applies tfjs's promotion rules (casts) before the core sees the op
//   out     the output dtype: 'same' (of input 0 / operands), 'bool', 'int32', or 'attr' (cast)
//   f, i, b the interpreter kernel for float32, int32, bool, as an AssemblyScript expression over
//           x (unary) or a, b (binary); bool values are 0 or 1 in an i32
//   attrs   the attribute words, documented in docs/PROGRAM.md
//   commutative  operands are put in a canonical order when recorded, so a+b and b+a are one node
//   api     where the public function is hand-written, when the generated one would not do
//   doc     one line of JSDoc for the generated public function

/** Leaves. `param` is the only leaf an accelerator sees besides `const`; the core's `data`
 *  (a realized buffer) and `scalar` (a user scalar) both serialize to `param`. */
const leaves = [
  { name: 'param', kind: 'leaf', attrs: '[slot]' },
  { name: 'const', kind: 'leaf', attrs: '[lo, hi] bits of the f64 value' },
  { name: 'data', kind: 'leaf', attrs: '(core only)' },
  { name: 'scalar', kind: 'leaf', attrs: '(core only)' },
];

const unary = [
  { name: 'neg', dtypes: 'fi', f: '-x', i: '-x', doc: 'Computes -x element-wise.' },
  { name: 'abs', dtypes: 'fi', f: 'Mathf.abs(x)', i: 'abs<i32>(x)', doc: 'Computes |x| element-wise.' },
  { name: 'exp', dtypes: 'f', f: 'Mathf.exp(x)', doc: 'Computes e^x element-wise.' },
  { name: 'expm1', dtypes: 'f', f: 'Mathf.expm1(x)', doc: 'Computes e^x - 1 element-wise.' },
  { name: 'log', dtypes: 'f', f: 'Mathf.log(x)', doc: 'Computes the natural logarithm element-wise.' },
  { name: 'log1p', dtypes: 'f', f: 'Mathf.log1p(x)', doc: 'Computes ln(1 + x) element-wise.' },
  { name: 'sqrt', dtypes: 'f', f: 'Mathf.sqrt(x)', doc: 'Computes the square root element-wise.' },
  { name: 'rsqrt', dtypes: 'f', f: '<f32>1 / Mathf.sqrt(x)', doc: 'Computes 1 / sqrt(x) element-wise.' },
  { name: 'square', dtypes: 'fi', f: 'x * x', i: 'x * x', doc: 'Computes x * x element-wise.' },
  { name: 'reciprocal', dtypes: 'f', f: '<f32>1 / x', doc: 'Computes 1 / x element-wise.' },
  { name: 'sin', dtypes: 'f', f: '<f32>Math.sin(<f64>x)', doc: 'Computes sin(x) element-wise.' },
  { name: 'cos', dtypes: 'f', f: '<f32>Math.cos(<f64>x)', doc: 'Computes cos(x) element-wise.' },
  { name: 'tan', dtypes: 'f', f: '<f32>Math.tan(<f64>x)', doc: 'Computes tan(x) element-wise.' },
  { name: 'asin', dtypes: 'f', f: 'Mathf.asin(x)', doc: 'Computes asin(x) element-wise.' },
  { name: 'acos', dtypes: 'f', f: 'Mathf.acos(x)', doc: 'Computes acos(x) element-wise.' },
  { name: 'atan', dtypes: 'f', f: 'Mathf.atan(x)', doc: 'Computes atan(x) element-wise.' },
  { name: 'sinh', dtypes: 'f', f: 'Mathf.sinh(x)', doc: 'Computes sinh(x) element-wise.' },
  { name: 'cosh', dtypes: 'f', f: 'Mathf.cosh(x)', doc: 'Computes cosh(x) element-wise.' },
  { name: 'tanh', dtypes: 'f', f: 'Mathf.tanh(x)', doc: 'Computes tanh(x) element-wise.' },
  { name: 'sigmoid', dtypes: 'f', f: 'sigmoid32(x)', doc: 'Computes 1 / (1 + e^-x) element-wise.' },
  { name: 'softplus', dtypes: 'f', f: 'softplus32(x)', doc: 'Computes ln(1 + e^x) element-wise.' },
  { name: 'relu', dtypes: 'fi', f: 'x < 0 ? <f32>0 : x', i: 'x < 0 ? 0 : x', doc: 'Computes max(x, 0) element-wise.' },
  { name: 'relu6', dtypes: 'fi', f: 'x < 0 ? <f32>0 : (x > 6 ? <f32>6 : x)', i: 'x < 0 ? 0 : (x > 6 ? 6 : x)', doc: 'Computes min(max(x, 0), 6) element-wise.' },
  { name: 'elu', dtypes: 'f', f: 'x >= 0 ? x : Mathf.expm1(x)', doc: 'Computes x if x >= 0, else e^x - 1, element-wise.' },
  { name: 'selu', dtypes: 'f', f: 'selu32(x)', doc: 'Computes the scaled exponential linear unit element-wise.' },
  { name: 'sign', dtypes: 'fi', f: 'x > 0 ? <f32>1 : (x < 0 ? <f32>-1 : <f32>0)', i: 'x > 0 ? 1 : (x < 0 ? -1 : 0)', doc: 'Computes the sign (-1, 0 or 1) element-wise.' },
  { name: 'floor', dtypes: 'f', f: 'Mathf.floor(x)', doc: 'Rounds down element-wise.' },
  { name: 'ceil', dtypes: 'f', f: 'Mathf.ceil(x)', doc: 'Rounds up element-wise.' },
  { name: 'round', dtypes: 'fi', f: 'nearest<f32>(x)', i: 'x', doc: 'Rounds half to even element-wise (banker\'s rounding, as tfjs).' },
  { name: 'erf', dtypes: 'f', f: 'erf32(x)', doc: 'Computes the Gauss error function element-wise.' },
  { name: 'isNaN', dtypes: 'f', out: 'bool', f: 'x != x', doc: 'Returns which elements are NaN.' },
  { name: 'isFinite', dtypes: 'f', out: 'bool', f: 'isFinite<f32>(x)', doc: 'Returns which elements are finite.' },
  { name: 'logicalNot', dtypes: 'b', b: 'x ^ 1', doc: 'Computes NOT x element-wise.' },
].map((r) => ({ kind: 'unary', out: 'same', ...r }));

const binary = [
  { name: 'add', commutative: true, dtypes: 'fi', f: 'a + b', i: 'a + b', doc: 'Adds two tensors element-wise, with broadcasting.' },
  { name: 'sub', dtypes: 'fi', f: 'a - b', i: 'a - b', doc: 'Subtracts b from a element-wise, with broadcasting.' },
  { name: 'mul', commutative: true, dtypes: 'fi', f: 'a * b', i: 'a * b', doc: 'Multiplies two tensors element-wise, with broadcasting.' },
  { name: 'div', dtypes: 'f', f: 'a / b', doc: 'Divides a by b element-wise, with broadcasting (int32 / int32 is floorDiv, as tfjs).' },
  // floorDiv is int32 for every input, as tfjs's kernels: a float32 quotient is divided and
  // floored in f64, then wrapped as JS's ToInt32 (tfjs stores Math.floor(a / b) into an
  // Int32Array), so it is exact past 2^24 and wraps past 2^31 instead of rounding in float32.
  { name: 'floorDiv', dtypes: 'fi', out: 'int32', f: 'f64ToI32(Math.floor(<f64>a / <f64>b))', i: 'floorDivI32(a, b)', api: 'ts/ops/math.ts', doc: 'Divides and rounds down element-wise, with broadcasting; the result is int32.' },
  { name: 'mod', dtypes: 'fi', f: 'modF32(a, b)', i: 'modI32(a, b)', doc: 'Remainder with the sign of the divisor, element-wise, with broadcasting.' },
  { name: 'pow', dtypes: 'fi', f: 'Mathf.pow(a, b)', i: 'f64ToI32(Math.pow(<f64>a, <f64>b))', doc: 'Computes a^b element-wise, with broadcasting.' },
  { name: 'maximum', commutative: true, dtypes: 'fi', f: 'a != a || b != b ? NaN : Mathf.max(a, b)', i: 'max<i32>(a, b)', doc: 'Returns the larger of a and b element-wise, with broadcasting.' },
  { name: 'minimum', commutative: true, dtypes: 'fi', f: 'a != a || b != b ? NaN : Mathf.min(a, b)', i: 'min<i32>(a, b)', doc: 'Returns the smaller of a and b element-wise, with broadcasting.' },
  { name: 'squaredDifference', commutative: true, dtypes: 'fi', f: '(a - b) * (a - b)', i: '(a - b) * (a - b)', doc: 'Computes (a - b)^2 element-wise, with broadcasting.' },
  { name: 'atan2', dtypes: 'f', f: 'Mathf.atan2(a, b)', doc: 'Computes atan2(a, b) element-wise, with broadcasting.' },
  { name: 'equal', commutative: true, dtypes: 'fib', out: 'bool', f: 'a == b', i: 'a == b', b: 'a == b', doc: 'Returns a == b element-wise, with broadcasting.' },
  { name: 'notEqual', commutative: true, dtypes: 'fib', out: 'bool', f: 'a != b', i: 'a != b', b: 'a != b', doc: 'Returns a != b element-wise, with broadcasting.' },
  { name: 'less', dtypes: 'fib', out: 'bool', f: 'a < b', i: 'a < b', b: 'a < b', doc: 'Returns a < b element-wise, with broadcasting.' },
  { name: 'lessEqual', dtypes: 'fib', out: 'bool', f: 'a <= b', i: 'a <= b', b: 'a <= b', doc: 'Returns a <= b element-wise, with broadcasting.' },
  { name: 'greater', dtypes: 'fib', out: 'bool', f: 'a > b', i: 'a > b', b: 'a > b', doc: 'Returns a > b element-wise, with broadcasting.' },
  { name: 'greaterEqual', dtypes: 'fib', out: 'bool', f: 'a >= b', i: 'a >= b', b: 'a >= b', doc: 'Returns a >= b element-wise, with broadcasting.' },
  { name: 'logicalAnd', commutative: true, dtypes: 'b', b: 'a & b', doc: 'Computes a AND b element-wise, with broadcasting.' },
  { name: 'logicalOr', commutative: true, dtypes: 'b', b: 'a | b', doc: 'Computes a OR b element-wise, with broadcasting.' },
].map((r) => ({ kind: 'binary', out: 'same', ...r }));

const reductions = [
  { name: 'sum', dtypes: 'fi', init: '0', f: 'acc + x', i: 'acc + x' },
  { name: 'prod', dtypes: 'fi', init: '1', f: 'acc * x', i: 'acc * x' },
  { name: 'max', dtypes: 'fib', init: '-Infinity', f: 'x != x || acc != acc ? NaN : Mathf.max(acc, x)', i: 'max<i32>(acc, x)', b: 'max<i32>(acc, x)' },
  { name: 'min', dtypes: 'fib', init: 'Infinity', f: 'x != x || acc != acc ? NaN : Mathf.min(acc, x)', i: 'min<i32>(acc, x)', b: 'min<i32>(acc, x)' },
  { name: 'all', dtypes: 'b', init: '1', b: 'acc & x' },
  { name: 'any', dtypes: 'b', init: '0', b: 'acc | x' },
].map((r) => ({ kind: 'reduce', out: 'same', attrs: '[keepDims, ...axes]', ...r }));

/** Ops whose kernel is hand-written in the interpreter (one file per family). */
const structural = [
  { name: 'where', kind: 'select', dtypes: 'fib', out: 'same', attrs: '[]' },
  { name: 'cast', kind: 'cast', dtypes: 'fib', out: 'attr', attrs: '[dtype]' },
  { name: 'argMax', kind: 'arg', dtypes: 'fi', out: 'int32', attrs: '[axis]' },
  { name: 'argMin', kind: 'arg', dtypes: 'fi', out: 'int32', attrs: '[axis]' },
  { name: 'cumsum', kind: 'cumsum', dtypes: 'fi', out: 'same', attrs: '[axis, exclusive, reverse]' },
  { name: 'reshape', kind: 'reshape', dtypes: 'fib', out: 'same', attrs: '[...shape]' },
  { name: 'broadcastTo', kind: 'broadcast', dtypes: 'fib', out: 'same', attrs: '[...shape]' },
  { name: 'transpose', kind: 'transpose', dtypes: 'fib', out: 'same', attrs: '[...perm]' },
  { name: 'slice', kind: 'slice', dtypes: 'fib', out: 'same', attrs: '[...begin, ...size, ...strides]' },
  { name: 'concat', kind: 'concat', dtypes: 'fib', out: 'same', attrs: '[axis]' },
  { name: 'pad', kind: 'pad', dtypes: 'fib', out: 'same', attrs: '[...before, ...after]' },
  { name: 'gather', kind: 'gather', dtypes: 'fib', out: 'same', attrs: '[axis]' },
  { name: 'reverse', kind: 'reverse', dtypes: 'fib', out: 'same', attrs: '[...axes]' },
  { name: 'tile', kind: 'tile', dtypes: 'fib', out: 'same', attrs: '[...reps]' },
  { name: 'oneHot', kind: 'onehot', dtypes: 'fib', out: 'same', attrs: '[depth]' },  // dtypes of on/off; indices int32
  { name: 'matMul', kind: 'matmul', dtypes: 'fi', out: 'same', attrs: '[transposeA, transposeB]' },
];

/** Convolutions over NHWC images with HWIO filters, and the adjoints their gradients need.
 *  `conv` is [strideH, strideW, dilationH, dilationW, padTop, padBottom, padLeft, padRight]:
 *  output row o reads input rows o * stride - padTop + k * dilation, k < filterH. */
const CONV = '[strideH, strideW, dilationH, dilationW, padTop, padBottom, padLeft, padRight]';
const convs = [
  { name: 'conv2d', attrs: CONV },                                        // x, filter [fh, fw, ci, co]
  { name: 'conv2dBackpropInput', attrs: `${CONV.slice(0, -1)}, inH, inW]` },   // dy, filter -> dx
  { name: 'conv2dBackpropFilter', attrs: `${CONV.slice(0, -1)}, filterH, filterW]` }, // x, dy -> dfilter
  { name: 'depthwiseConv2d', attrs: CONV },                               // x, filter [fh, fw, ci, mult]
  { name: 'depthwiseConv2dBackpropInput', attrs: `${CONV.slice(0, -1)}, inH, inW]` },
  { name: 'depthwiseConv2dBackpropFilter', attrs: `${CONV.slice(0, -1)}, filterH, filterW]` },
].map((r) => ({ kind: 'conv', dtypes: 'f', out: 'same', ...r }));

/** Pooling windows over NHWC images: `pool` is [filterH, filterW, strideH, strideW, padTop,
 *  padBottom, padLeft, padRight]; padded positions never count (max ignores them, avg divides
 *  by the number of real elements, as tfjs). */
const POOL = '[filterH, filterW, strideH, strideW, padTop, padBottom, padLeft, padRight]';
const pools = [
  { name: 'maxPool', attrs: POOL },                                       // x
  { name: 'avgPool', attrs: POOL },                                       // x
  { name: 'maxPoolGrad', attrs: POOL },                                   // x, dy -> dx (first max of each window)
  { name: 'avgPoolGrad', attrs: `${POOL.slice(0, -1)}, inH, inW]` },      // dy -> dx
].map((r) => ({ kind: 'pool', dtypes: 'f', out: 'same', ...r }));

/** Every op in opcode order: a row's index is its opcode. Append new rows to keep old
 *  Programs' opcodes stable within a Program format version. */
export const OPS = [...leaves, ...unary, ...binary, ...reductions, ...structural, ...convs, ...pools].map((r, code) => ({
  dtypes: '', out: 'same', attrs: '[]', ...r, code,
}));

export const DTYPES = ['float32', 'int32', 'bool'];
