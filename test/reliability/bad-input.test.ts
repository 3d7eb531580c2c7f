// Issue 9: hostile input. Every case below must throw an Error whose message names the op (the
// convention of test/engine/errors.test.ts: `<op>: <reason> (shapes ...)`; the autodiff and
// optimizer entry points name their function), leave nothing behind (lt.memory() unchanged:
// handles, bytes and graph nodes, counted *outside* any tidy, so a handle an op leaks on its
// way out is seen), and leave the engine computing, reading and differentiating correctly.
// Inputs are made by the case through `c` (harness.ts), which releases them afterwards.
//
// Groups: wrong types from untyped callers; enormous shapes; sizes that do not fit the int32
// words the core stores (they must not wrap around); zero-size shapes; deeply nested and
// cyclic TensorLike; mixed dtypes; disposed tensors; bad axes, permutations, slices,
// paddings, repeats and depths; bad autodiff and optimizer usage; errors thrown from user code
// called back by the library (f of grad, gradFunc of customGrad, tidy in tidy).
// NaN/Infinity data, zero-size shapes and mixed dtypes that are valid: edge-values.test.ts.
// Re-entrant *valid* use: reentrancy.test.ts. Out of memory: oom.node.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import { Ctx, describeValue, expectEngineHealthy, mem } from './harness';

beforeAll(async () => { await lt.ready(); });

interface BadCase {
  /** What is wrong. */
  name: string;
  /** The call; it creates its inputs through c. */
  call: (c: Ctx) => unknown;
  /** The message must match each (the first names the op). */
  expect: RegExp[];
  /** Also required: the error comes before this long (ms): "before any allocation". */
  fastMs?: number;
}

const U = undefined as never;
// deliberately wrong types, as an untyped (JavaScript) caller would pass them
const any = (x: unknown) => x as never;

function nested(depth: number): unknown {
  let x: unknown = [1];
  for (let i = 1; i < depth; i++) x = [x];
  return x;
}

const CASES: BadCase[] = [
  // ------------------------------------------------ wrong types from untyped callers
  { name: 'string operand', call: (c) => lt.add(c.a23(), any('x')), expect: [/^add:/, /string/] },
  { name: 'undefined operand', call: (c) => lt.mul(c.a23(), U), expect: [/^mul:/, /undefined/] },
  { name: 'null operand', call: (c) => lt.sub(any(null), c.a23()), expect: [/^sub:/, /null/] },
  { name: 'plain object operand', call: () => lt.exp(any({ a: 1 })), expect: [/^exp:/, /object/] },
  { name: 'object with valueOf operand', call: (c) => lt.pow(c.a23(), any({ valueOf: () => 2 })), expect: [/^pow:/, /object/] },
  { name: 'function operand', call: () => lt.relu(any(() => 1)), expect: [/^relu:/, /function/] },
  { name: 'symbol operand', call: () => lt.neg(any(Symbol('s'))), expect: [/^neg:/, /symbol/] },
  { name: 'BigInt operand', call: (c) => lt.maximum(c.a23(), any(1n)), expect: [/^maximum:/, /bigint/] },
  { name: 'BigInt array', call: () => lt.tensor(any([1n, 2n])), expect: [/^tensor:/, /bigint/] },
  { name: 'string as tensor values', call: () => lt.tensor(any('abc')), expect: [/^tensor:/, /string/] },
  { name: 'array of strings', call: () => lt.tensor(any(['a', 'b'])), expect: [/^tensor:/, /string/] },
  { name: 'DataView as tensor values', call: () => lt.tensor(any(new DataView(new ArrayBuffer(8)))), expect: [/^tensor:/, /DataView/] },
  { name: 'array of Tensors as values', call: (c) => lt.tensor(any([c.a23(), c.a23()])), expect: [/^tensor:/] },
  { name: 'sparse array (a hole)', call: () => lt.tensor(any([1, , 3])), expect: [/^tensor:/, /undefined/] },
  { name: 'string dtype', call: () => lt.tensor([1, 2], [2], any('string')), expect: [/^tensor:/, /dtype/] },
  { name: 'string shape', call: () => lt.zeros(any('abc')), expect: [/^zeros:/, /shape/] },
  { name: 'string new shape', call: (c) => lt.reshape(c.a23(), any('ab')), expect: [/^reshape:/] },
  { name: 'string axis', call: (c) => lt.sum(c.a23(), any('x')), expect: [/^sum:/] },
  { name: 'string alpha', call: (c) => lt.leakyRelu(c.a23(), any('x')), expect: [/^leakyRelu:/, /alpha|number/] },
  { name: 'string fill value', call: () => lt.fill([2], any('x')), expect: [/^fill:/, /string|number/] },
  { name: 'string clip bound', call: (c) => lt.clipByValue(c.a23(), any('a'), 1), expect: [/^clipByValue:/] },
  { name: 'string variable', call: () => lt.variable(any('x')), expect: [/^variable:/, /string/] },
  { name: 'assign of an array', call: (c) => c.v().assign(any([[1, 2, 3], [4, 5, 6]])), expect: [/^assign:/] },
  { name: 'assign of null', call: (c) => c.v().assign(any(null)), expect: [/^assign:/, /null/] },
  { name: 'sync of a number', call: () => lt.sync(any(5)), expect: [/^sync:/] },
  { name: 'cast to string', call: (c) => lt.cast(c.a23(), any('string')), expect: [/^cast:/, /dtype/] },
  { name: 'scalar of a string', call: () => lt.scalar(any('x')), expect: [/^scalar:/, /string/] },
  { name: 'concat of a non-array', call: (c) => lt.concat(any(c.a23()), 0), expect: [/^concat:/] },
  { name: 'where with a null condition', call: (c) => lt.where(any(null), c.a23(), c.a23()), expect: [/^where:/, /null/] },
  { name: 'gather with string indices', call: (c) => lt.gather(c.a23(), any('0')), expect: [/^gather:/, /string/] },

  // ------------------------------------------------ enormous shapes: a clear error, before allocating
  { name: 'zeros of 10^12 elements', call: () => lt.zeros([1e6, 1e6]), expect: [/^zeros:/, /2\^31|elements/] },
  { name: 'ones of 2^31 elements', call: () => lt.ones([2 ** 31]), expect: [/^ones:/, /2\^31|elements|too large/] },
  { name: 'fill of 10^10 elements', call: () => lt.fill([1e5, 1e5], 2), expect: [/^fill:/] },
  { name: 'tensor shape of 2^40 elements', call: () => lt.tensor([1], [2 ** 40]), expect: [/^tensor:/, /2\^31|elements/] },
  { name: 'randomUniform of 10^10 elements', call: () => lt.randomUniform([1e5, 1e5]), expect: [/^randomUniform:/], fastMs: 1000 },
  { name: 'randomNormal of 10^10 elements', call: () => lt.randomNormal([1e5, 1e5]), expect: [/^randomNormal:/], fastMs: 1000 },
  { name: 'eye of 10^10 elements', call: () => lt.eye(1e5), expect: [/^eye:/], fastMs: 1000 },
  { name: 'range of 10^12 elements', call: () => lt.range(0, 1e12), expect: [/^range:/], fastMs: 1000 },
  { name: 'range to Infinity', call: () => lt.range(0, Infinity), expect: [/^range:/], fastMs: 1000 },
  { name: 'linspace of 10^11 elements', call: () => lt.linspace(0, 1, 1e11), expect: [/^linspace:/], fastMs: 1000 },
  { name: 'tile to 10^12 elements', call: (c) => lt.tile(c.a23(), [1e6, 1e6]), expect: [/^tile:/, /2\^31/] },
  { name: 'pad to 2*10^9 rows', call: (c) => lt.pad(c.a23(), [[1e9, 1e9], [0, 0]]), expect: [/^pad:/, /2\^31/] },
  { name: 'broadcastTo 3*10^10 elements', call: (c) => lt.broadcastTo(c.t([[1, 2, 3]]), [1e5, 1e5, 3]), expect: [/^broadcastTo:/] },
  { name: 'oneHot depth 2^31', call: (c) => lt.oneHot(c.idx([1, 2]), 2 ** 31), expect: [/^oneHot:/] },
  // fewer than 2^31 elements, but 1.6 GB: more than the interpreter can ever hold in one buffer
  { name: 'randomUniform of 1.6 GB', call: () => lt.randomUniform([20000, 20000]), expect: [/^randomUniform:/, /bytes|memory|too large/i], fastMs: 1000 },
  { name: 'reading a 1.6 GB lazy tensor', call: () => lt.tidy(() => lt.ones([20000, 20000]).dataSync()), expect: [/^(dataSync|ones):/, /bytes|memory|too large/i], fastMs: 1000 },

  // ------------------------------------------------ sizes past int32 must not wrap around
  { name: 'ones([2^32]) (wraps to [0])', call: () => lt.ones([2 ** 32]), expect: [/^ones:/] },
  { name: 'zeros([2^32 + 3]) (wraps to [3])', call: () => lt.zeros([2 ** 32 + 3]), expect: [/^zeros:/] },
  { name: 'tensor([], [0, 2^40]) (wraps to [0, 0])', call: () => lt.tensor([], [0, 2 ** 40]), expect: [/^tensor:/] },
  { name: 'reshape to [2^32 + 6] (wraps to [6])', call: (c) => lt.reshape(c.a23(), [2 ** 32 + 6]), expect: [/^reshape:/] },
  { name: 'tile reps 2^32 + 1 (wraps to 1)', call: (c) => lt.tile(c.a23(), [2 ** 32 + 1, 1]), expect: [/^tile:/] },
  { name: 'pad of 2^32 (wraps to 0)', call: (c) => lt.pad(c.a23(), [[2 ** 32, 0], [0, 0]]), expect: [/^pad:/] },
  { name: 'slice begin 2^32 (wraps to 0)', call: (c) => lt.slice(c.a23(), [2 ** 32, 0], [1, 1]), expect: [/^slice:/] },
  { name: 'sum axis 2^32 (wraps to 0)', call: (c) => lt.sum(c.a23(), 2 ** 32), expect: [/^sum:/, /axis/] },
  { name: 'transpose perm 2^32 + 1 (wraps to 1)', call: (c) => lt.transpose(c.a23(), [2 ** 32 + 1, 0]), expect: [/^transpose:/] },
  { name: 'oneHot depth 2^32 + 2 (wraps to 2)', call: (c) => lt.oneHot(c.idx([1]), 2 ** 32 + 2), expect: [/^oneHot:/] },
  { name: 'concat axis 2^32 (wraps to 0)', call: (c) => lt.concat([c.a23(), c.a23()], 2 ** 32), expect: [/^concat:/, /axis/] },

  // ------------------------------------------------ zero-size shapes
  { name: 'argMax over an empty axis', call: () => lt.tidy(() => lt.argMax(lt.zeros([0, 3]), 0)), expect: [/^argMax:/] },
  { name: 'reshape of 0 elements with -1', call: () => lt.tidy(() => lt.reshape(lt.zeros([0, 3]), [0, -1])), expect: [/^reshape:/] },
  { name: 'split of a size-0 axis into 0 parts', call: () => lt.tidy(() => lt.split(lt.zeros([0, 4]), 0, 0)), expect: [/^split:/] },
  { name: 'linspace of 0 numbers', call: () => lt.linspace(0, 1, 0), expect: [/^linspace:/] },
  { name: 'concat of size-0 parts off the axis', call: () => lt.tidy(() => lt.concat([lt.zeros([0, 3]), lt.zeros([0, 2])], 0)), expect: [/^concat:/, /\[0,3\] and \[0,2\]/] },

  // ------------------------------------------------ deeply nested and cyclic TensorLike
  { name: 'arrays nested 9 deep', call: () => lt.tensor(any(nested(9))), expect: [/^tensor:/, /8/] },
  { name: 'arrays nested 100,000 deep', call: () => lt.tensor(any(nested(100_000))), expect: [/^tensor:/, /8/] },
  { name: 'a cyclic array', call: () => { const a: unknown[] = []; a.push(a); return lt.tensor(any(a)); }, expect: [/^tensor:/] },
  { name: 'ragged at depth 4', call: () => lt.tensor(any([[[[1, 2]], [[1]]]])), expect: [/^tensor:/, /ragged/] },
  { name: 'ragged operand of an op', call: (c) => lt.add(c.a23(), any([[1, 2, 3], [4, 5]])), expect: [/^add:/, /ragged/] },
  { name: 'rank 9 shape', call: () => lt.zeros([1, 1, 1, 1, 1, 1, 1, 1, 1]), expect: [/^zeros:/, /rank/] },

  // ------------------------------------------------ mixed dtypes
  { name: 'assign of a bool value to a float32 variable', call: (c) => c.v().assign(c.t([[true, false, true], [false, true, false]])), expect: [/^assign:/, /bool/] },
  { name: 'matMul of bool and float32', call: (c) => lt.matMul(c.t([[true, false]]), c.t([[1, 2, 3]])), expect: [/^matMul:/, /inner dimensions/] },
  { name: 'float32 indices tensor for gather (tfjs: must be int32)', call: (c) => lt.gather(c.a23(), c.t([0.5, 1.7])), expect: [/^gather:/, /int32/] },
  { name: 'float32 condition tensor for where (tfjs: must be bool)', call: (c) => lt.where(c.t([1.5, 0, 2]), c.t([1, 2, 3]), c.t([4, 5, 6])), expect: [/^where:/, /bool/] },
  { name: 'int32 dy for grad', call: (c) => lt.grad((x: lt.Tensor) => x.square())(c.a23(), c.t([[1, 2, 3], [4, 5, 6]], [2, 3], 'int32')), expect: [/grad/, /dy/, /float32/] },

  // ------------------------------------------------ ops on disposed tensors
  { name: 'disposed second operand', call: (c) => lt.add(c.a23(), c.disposed()), expect: [/^add:/, /disposed/, /\[2,3\]/] },
  { name: 'disposed matMul operand', call: (c) => lt.matMul(c.a23(), c.disposed(), false, true), expect: [/^matMul:/, /disposed/] },
  { name: 'disposed tensor in concat', call: (c) => lt.concat([c.a23(), c.disposed()]), expect: [/^concat:/, /disposed/] },
  { name: 'disposed condition of where', call: (c) => lt.where(c.disposed([true, false, true]), c.a23(), c.a23()), expect: [/^where:/, /disposed/] },
  { name: 'disposed tensor in sync', call: (c) => lt.sync(c.a23(), c.disposed()), expect: [/^sync:/, /disposed/] },
  { name: 'arraySync of a disposed tensor', call: (c) => c.disposed().arraySync(), expect: [/^(arraySync|dataSync):/, /disposed/] },
  { name: 'variable from a disposed tensor', call: (c) => lt.variable(c.disposed()), expect: [/^variable:/, /disposed/] },
  { name: 'assign to a disposed variable', call: (c) => { const v = c.v(); v.dispose(); v.assign(c.a23()); }, expect: [/^assign:/, /disposed/] },
  { name: 'grad at a disposed tensor', call: (c) => lt.grad((x: lt.Tensor) => x.square())(c.disposed()), expect: [/grad/, /disposed/] },
  { name: 'debug.graphText of a disposed tensor', call: (c) => lt.debug.graphText(c.disposed()), expect: [/(debug|graphText)/, /disposed/] },
  { name: 'variableGrads over a disposed variable', call: (c) => { const v = c.v(); v.dispose(); return lt.variableGrads(() => lt.scalar(1), [v]); }, expect: [/variableGrads/, /disposed/] },

  // ------------------------------------------------ bad axes, permutations, slices, paddings, repeats, depths
  { name: 'mean axis 5', call: (c) => lt.mean(c.a23(), 5), expect: [/^mean:/, /axis/, /\[2,3\]/] },
  { name: 'cumsum axis 3', call: (c) => lt.cumsum(c.a23(), 3), expect: [/^cumsum:/, /axis/] },
  { name: 'softmax dim 5', call: (c) => lt.softmax(c.a23(), 5), expect: [/^softmax:/, /axis/] },
  { name: 'logSumExp axis -3', call: (c) => lt.logSumExp(c.a23(), -3), expect: [/^logSumExp:/, /axis/] },
  { name: 'reverse axis 4', call: (c) => lt.reverse(c.a23(), 4), expect: [/^reverse:/, /axis/] },
  { name: 'expandDims axis 5', call: (c) => lt.expandDims(c.a23(), 5), expect: [/^expandDims:/, /axis/] },
  { name: 'unstack axis 3', call: (c) => lt.unstack(c.a23(), 3), expect: [/^unstack:/, /axis/] },
  { name: 'gather axis 5', call: (c) => lt.gather(c.a23(), c.idx([0]), 5), expect: [/^gather:/, /axis/] },
  { name: 'squeeze axis 5', call: (c) => lt.squeeze(c.a23(), 5), expect: [/^squeeze:/, /axis/] },
  { name: 'argMin axis NaN', call: (c) => lt.argMin(c.a23(), NaN), expect: [/^argMin:/] },
  { name: 'sum axis 0.5', call: (c) => lt.sum(c.a23(), 0.5), expect: [/^sum:/] },
  { name: 'moments axis 5', call: (c) => lt.moments(c.a23(), 5), expect: [/^moments:/, /axis/] },
  { name: 'transpose perm [-1, 0]', call: (c) => lt.transpose(c.a23(), [-1, 0]), expect: [/^transpose:/, /permutation/] },
  { name: 'transpose perm [0.5, 1]', call: (c) => lt.transpose(c.a23(), [0.5, 1]), expect: [/^transpose:/] },
  { name: 'transpose perm too long', call: (c) => lt.transpose(c.a23(), [0, 1, 2]), expect: [/^transpose:/, /permutation/] },
  { name: 'slice begin NaN', call: (c) => lt.slice(c.a23(), [NaN, 0], [1, 1]), expect: [/^slice:/] },
  { name: 'slice begin negative', call: (c) => lt.slice(c.a23(), [-1, 0], [1, 1]), expect: [/^slice:/, /bounds/] },
  { name: 'slice begin longer than the rank', call: (c) => lt.slice(c.a23(), [0, 0, 0], [1, 1, 1]), expect: [/^slice:/] },
  { name: 'stridedSlice stride 0', call: (c) => lt.stridedSlice(c.a23(), [0], [2], [0]), expect: [/^stridedSlice:/, /stride/] },
  { name: 'stridedSlice shrink index out of range', call: (c) => lt.stridedSlice(c.a23(), [5], [6], [1], 0, 0, 0, 0, 1), expect: [/^stridedSlice:/, /range/] },
  { name: 'stridedSlice begin NaN', call: (c) => lt.stridedSlice(c.a23(), [NaN], [1], [1]), expect: [/^stridedSlice:/] },
  { name: 'pad negative', call: (c) => lt.pad(c.a23(), [[-1, 0], [0, 0]]), expect: [/^pad:/] },
  { name: 'pad with one pair for rank 2', call: (c) => lt.pad(c.a23(), [[1, 0]]), expect: [/^pad:/] },
  { name: 'pad of 0.5', call: (c) => lt.pad(c.a23(), [[0.5, 0], [0, 0]]), expect: [/^pad:/] },
  { name: 'pad with triples', call: (c) => lt.pad(c.a23(), any([[0, 0, 0], [0, 0, 0]])), expect: [/^pad:/, /pairs/] },
  { name: 'tile reps negative', call: (c) => lt.tile(c.a23(), [-1, 1]), expect: [/^tile:/] },
  { name: 'tile reps too short', call: (c) => lt.tile(c.a23(), [2]), expect: [/^tile:/] },
  { name: 'tile reps 1.5', call: (c) => lt.tile(c.a23(), [1.5, 1]), expect: [/^tile:/] },
  { name: 'oneHot depth -1', call: (c) => lt.oneHot(c.idx([1]), -1), expect: [/^oneHot:/] },
  { name: 'oneHot depth 2.5', call: (c) => lt.oneHot(c.idx([1]), 2.5), expect: [/^oneHot:/] },
  { name: 'oneHot depth NaN', call: (c) => lt.oneHot(c.idx([1]), NaN), expect: [/^oneHot:/] },
  { name: 'split sizes [-1, -1]', call: (c) => lt.split(c.a23(), [-1, -1], 1), expect: [/^split:/] },
  { name: 'reshape with two -1', call: (c) => lt.reshape(c.a23(), [-1, -1]), expect: [/^reshape:/] },
  { name: 'reshape to Infinity', call: (c) => lt.reshape(c.a23(), [Infinity]), expect: [/^reshape:/] },
  { name: 'stack of different shapes', call: (c) => lt.stack([c.a23(), c.t([1, 2, 3])]), expect: [/^stack:/, /\[2,3\]/] },
  { name: 'dot of rank 3', call: (c) => lt.dot(c.t([[[1]]]), c.t([1])), expect: [/^dot:/, /rank/] },
  { name: 'matMul of rank 1', call: (c) => lt.matMul(c.t([1, 2]), c.t([1, 2])), expect: [/^matMul:/, /rank/] },
  { name: 'clipByValue min > max', call: (c) => lt.clipByValue(c.a23(), 3, 1), expect: [/^clipByValue:/] },
  { name: 'range step 0', call: () => lt.range(0, 5, 0), expect: [/^range:/, /step/] },
  { name: 'eye of 1.5 rows', call: () => lt.eye(1.5), expect: [/^eye:/] },

  // ------------------------------------------------ bad autodiff and optimizer usage
  { name: 'grad of a number', call: () => lt.grad(any(5)), expect: [/grad\(f\)/, /function/] },
  { name: 'grad of f returning a number', call: (c) => lt.grad(any(() => 5))(c.a23()), expect: [/grad/, /tensor/] },
  { name: 'grad of f unconnected to x', call: (c) => lt.grad(() => c.t([1]))(c.a23()), expect: [/grad/] },
  { name: 'grad with dy of another shape', call: (c) => lt.grad((x: lt.Tensor) => x.square())(c.a23(), c.t([1])), expect: [/grad\(f\)/, /shape/] },
  { name: 'grads(f) of a non-array', call: (c) => lt.grads((x: lt.Tensor) => x)(any(c.a23())), expect: [/grads\(f\)/] },
  { name: 'valueAndGrad at a number', call: () => lt.valueAndGrad((x: lt.Tensor) => x.square())(any(3)), expect: [/valueAndGrad/] },
  { name: 'variableGrads of a non-scalar', call: (c) => { const v = c.v(); return lt.variableGrads(() => v.square(), [v]); }, expect: [/variableGrads/, /scalar/] },
  { name: 'variableGrads over plain tensors', call: (c) => lt.variableGrads(() => lt.scalar(1), any([c.a23()])), expect: [/variableGrads/] },
  { name: 'variableGrads with an empty varList', call: () => lt.variableGrads(() => lt.scalar(1), []), expect: [/variableGrads/] },
  { name: 'customGrad of a number', call: () => lt.customGrad(any(5)), expect: [/customGrad/] },
  { name: 'customGrad f returning no gradFunc', call: (c) => lt.customGrad(any((x: lt.Tensor) => ({ value: x })))(c.a23()), expect: [/customGrad/, /gradFunc/] },
  { name: 'customGrad gradFunc giving two gradients for one input', call: (c) => lt.grad(lt.customGrad((x: lt.Tensor) => ({ value: x.square(), gradFunc: (dy: lt.Tensor) => [dy, dy] })))(c.a23()), expect: [/customGrad/] },
  { name: 'customGrad gradFunc giving a gradient of another shape', call: (c) => lt.grad(lt.customGrad((x: lt.Tensor) => ({ value: x.square(), gradFunc: () => lt.tensor([1]) })))(c.a23()), expect: [/customGrad/, /\[1\]/, /\[2,3\]/] },
  { name: 'minimize of a number', call: (c) => c.own(lt.train.sgd(0.1)).minimize(any(5)), expect: [/minimize|variableGrads/, /function/] },
  { name: 'minimize of a non-scalar loss', call: (c) => { const v = c.v(); return c.own(lt.train.adam(0.1)).minimize(() => v.square(), true, [v]); }, expect: [/minimize|variableGrads/, /scalar/] },
  { name: 'minimize of a loss unconnected to the variables', call: (c) => { const v = c.v(); return c.own(lt.train.sgd(0.1)).minimize(() => lt.scalar(1), true, [v]); }, expect: [/minimize|variableGrads/] },
  { name: 'applyGradients to an unknown variable', call: (c) => c.own(lt.train.sgd(0.1)).applyGradients({ nosuch: c.a23() }), expect: [/^applyGradients:/, /nosuch/] },
  { name: 'applyGradients of an incompatible gradient', call: (c) => { const v = c.v(); c.own(lt.train.momentum(0.1, 0.9)).applyGradients({ [v.name]: c.t([[1, 2], [3, 4], [5, 6]]) }); }, expect: [/momentum|applyGradients|\[3,2\]/] },
  { name: 'sgd with a string learning rate', call: (c) => { const v = c.v(); c.own(lt.train.sgd(any('fast'))).minimize(() => v.sum(), false, [v]); }, expect: [/sgd|learning ?rate/i] },
  { name: 'adam with a string beta1', call: (c) => { const v = c.v(); c.own(lt.train.adam(0.1, any('x'))).minimize(() => v.sum(), false, [v]); }, expect: [/adam|beta1/i] },
  { name: 'momentum without its momentum', call: (c) => { const v = c.v(); c.own(lt.train.momentum(0.1, U)).minimize(() => v.sum(), false, [v]); }, expect: [/momentum/i] },
  { name: 'a variable name in use', call: (c) => { c.v(undefined, 'dup'); c.v(undefined, 'dup'); }, expect: [/variable/i, /already/] },
  { name: 'tidy of a number', call: () => lt.tidy(any(5)), expect: [/^tidy:/] },
  { name: 'tidy of an async function', call: (c) => lt.tidy(any(async () => c.a23())), expect: [/^tidy:/, /Promise/] },
  { name: 'an unknown env flag', call: () => (lt.env() as unknown as { set(n: string, v: unknown): void }).set('NO_SUCH_FLAG', 1), expect: [/^env:/, /NO_SUCH_FLAG/] },
  { name: 'an invalid CACHE_CAPACITY', call: () => lt.env().set('CACHE_CAPACITY', -5), expect: [/^env:/, /CACHE_CAPACITY/] },
  { name: 'an unknown backend', call: () => lt.setBackend('nope'), expect: [/^setBackend:/, /nope/] },

  // ------------------------------------------------ errors thrown by user code the library calls back
  { name: 'f of grad throws', call: (c) => lt.grad((x: lt.Tensor) => { x.square().exp(); throw new Error('user: f failed'); })(c.a23()), expect: [/^user: f failed$/] },
  { name: 'gradFunc of customGrad throws', call: (c) => lt.grad(lt.customGrad((x: lt.Tensor, save: lt.GradSaveFunc) => { save([x]); return { value: x.square(), gradFunc: (dy: lt.Tensor) => { dy.mul(2); throw new Error('user: gradFunc failed'); } }; }))(c.a23()), expect: [/^user: gradFunc failed$/] },
  { name: 'f of customGrad throws after save', call: (c) => lt.grad(lt.customGrad((x: lt.Tensor, save: lt.GradSaveFunc) => { save([x.square()]); throw new Error('user: custom f failed'); }))(c.a23()), expect: [/^user: custom f failed$/] },
  { name: 'a bad op inside gradFunc', call: (c) => lt.grad(lt.customGrad((x: lt.Tensor) => ({ value: x.square(), gradFunc: (dy: lt.Tensor) => dy.matMul(dy) })))(c.a23()), expect: [/^matMul:/, /inner dimensions/] },
  { name: 'a bad op inside tidy inside tidy', call: (c) => lt.tidy(() => { c.a23().add(1); return lt.tidy(() => { lt.ones([2]).exp(); return lt.add(lt.ones([2, 3]), lt.ones([4])); }); }), expect: [/^add:/, /\[2,3\] and \[4\]/] },
  { name: 'loss function of minimize throws', call: (c) => { const v = c.v(); return c.own(lt.train.adam(0.1)).minimize(() => { v.square().sum(); throw new Error('user: loss failed'); }, true, [v]); }, expect: [/^user: loss failed$/] },
  { name: 'a bad op inside f of variableGrads', call: (c) => { const v = c.v(); return lt.variableGrads(() => v.reshape([4, 2]).sum(), [v]); }, expect: [/^reshape:/, /\[2,3\]/] },
];

describe('hostile input: a clear Error naming the op, nothing left behind, the engine still works', () => {
  it(`has at least 60 distinct cases (${CASES.length})`, () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((k) => k.name)).size).toBe(CASES.length);
  });

  for (const k of CASES) {
    it(k.name, () => {
      const before = mem();
      const c = new Ctx();
      let error: unknown;
      let returned: unknown;
      const t0 = performance.now();
      try {
        returned = k.call(c);
      } catch (e) {
        error = e;
      }
      const ms = performance.now() - t0;
      if (returned instanceof Promise) returned.catch(() => {});
      c.own(returned);
      c.cleanup();
      const leftBehind = mem();

      expect.soft(error, `expected an Error, but the call returned ${describeValue(returned)}`).toBeInstanceOf(Error);
      const message = error instanceof Error ? error.message : String(error);
      for (const p of k.expect) expect.soft(message, 'the message').toMatch(p);
      if (k.fastMs !== undefined) expect.soft(ms, `took ${ms.toFixed(0)} ms: the error should come before any allocation`).toBeLessThan(k.fastMs);
      expect.soft(leftBehind, 'lt.memory() after the failed call and the cleanup').toEqual(before);
      expectEngineHealthy(k.name);
      expect.soft(mem(), 'lt.memory() after the health check').toEqual(before);
    });
  }
});
