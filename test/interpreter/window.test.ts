// The window ops (conv and pool kinds) on hand-built Programs: hand-computed results of each
// kernel, and compile refusing every inconsistent record (validate.ts -> window.ts), so no
// kernel can walk outside a buffer.
import { describe, it, beforeAll, expect } from 'vitest';
import { loadInterp, type Interp } from './interp';
import { ProgramBuilder } from './program';

let it_: Interp;
beforeAll(async () => { it_ = await loadInterp(); }, 180_000);

const F = (...v: number[]) => Float32Array.from(v);
const ERR = { DTYPE: -6, SHAPE: -10 }; // accelerators/wasm/assembly/errors.ts
const CONV1 = [1, 1, 1, 1, 0, 0, 0, 0]; // stride 1, dilation 1, no padding

describe('kernels on hand-computed values', () => {
  it('conv2d, its adjoints and depthwiseConv2d on a 3 x 3 image', () => {
    const b = new ProgramBuilder();
    const x = b.param('float32', [1, 3, 3, 1]), f = b.param('float32', [2, 2, 1, 1]), dy = b.param('float32', [1, 2, 2, 1]);
    const y = b.node('conv2d', 'float32', [1, 2, 2, 1], [x, f], CONV1);
    const dx = b.node('conv2dBackpropInput', 'float32', [1, 3, 3, 1], [dy, f], [...CONV1, 3, 3]);
    const df = b.node('conv2dBackpropFilter', 'float32', [2, 2, 1, 1], [x, dy], [...CONV1, 2, 2]);
    const dw = b.node('depthwiseConv2d', 'float32', [1, 2, 2, 1], [x, f], CONV1);
    const [vy, vdx, vdf, vdw] = it_.run(b.build([y, dx, df, dw]), [F(1, 2, 3, 4, 5, 6, 7, 8, 9), F(1, 10, 100, 1000), F(1, 2, 3, 4)]);
    // y[i, j] = x[i, j] + 10 x[i, j+1] + 100 x[i+1, j] + 1000 x[i+1, j+1]
    expect(Array.from(vy)).toEqual([5421, 6532, 8754, 9865]);
    expect(Array.from(vdw)).toEqual([5421, 6532, 8754, 9865]);
    // dx[p] = sum of dy[o] * f[p - o]
    expect(Array.from(vdx)).toEqual([1, 12, 20, 103, 1234, 2040, 300, 3400, 4000]);
    // df[k] = sum of x[o + k] * dy[o]
    expect(Array.from(vdf)).toEqual([37, 47, 67, 77]);
  });

  it('maxPool, avgPool and their adjoints with same padding', () => {
    const b = new ProgramBuilder();
    const x = b.param('float32', [1, 2, 3, 1]), dy = b.param('float32', [1, 1, 2, 1]);
    const POOL = [2, 2, 2, 2, 0, 0, 0, 1]; // 2 x 2 windows, stride 2, one padded column on the right
    const mx = b.node('maxPool', 'float32', [1, 1, 2, 1], [x], POOL);
    const av = b.node('avgPool', 'float32', [1, 1, 2, 1], [x], POOL);
    const gm = b.node('maxPoolGrad', 'float32', [1, 2, 3, 1], [x, dy], POOL);
    const ga = b.node('avgPoolGrad', 'float32', [1, 2, 3, 1], [dy], [...POOL, 2, 3]);
    const [vm, va, vgm, vga] = it_.run(b.build([mx, av, gm, ga]), [F(1, 7, -1, 7, 2, -3), F(10, 20)]);
    expect(Array.from(vm)).toEqual([7, -1]);
    expect(Array.from(va)).toEqual([17 / 4, -2]);           // the padded column does not count
    expect(Array.from(vgm)).toEqual([0, 10, 20, 0, 0, 0]);   // the first of the tied maxima
    expect(Array.from(vga)).toEqual([2.5, 2.5, 10, 2.5, 2.5, 10]);
  });
});

describe('compile refuses inconsistent window records', () => {
  const compile = (f: (b: ProgramBuilder) => number) => {
    const b = new ProgramBuilder();
    const id = it_.compile(b.build([f(b)]).words);
    if (id >= 0) it_.x.release(id);
    return id;
  };
  const img = (b: ProgramBuilder, s = [1, 5, 5, 2]) => b.param('float32', s);
  const conv = (b: ProgramBuilder, out: number[], attrs = CONV1, fs = [3, 3, 2, 4]) => b.node('conv2d', 'float32', out, [img(b), b.param('float32', fs)], attrs);

  it('conv2d', () => {
    expect(compile((b) => conv(b, [1, 3, 3, 4]))).toBeGreaterThanOrEqual(0);
    expect(compile((b) => conv(b, [1, 4, 3, 4]))).toBe(ERR.SHAPE);                        // output rows
    expect(compile((b) => conv(b, [1, 3, 3, 5]))).toBe(ERR.SHAPE);                        // channels out
    expect(compile((b) => conv(b, [1, 3, 3, 4], CONV1, [3, 3, 3, 4]))).toBe(ERR.SHAPE);   // channels in
    expect(compile((b) => conv(b, [1, 3, 3, 4], [0, 1, 1, 1, 0, 0, 0, 0]))).toBe(ERR.SHAPE); // stride 0
    expect(compile((b) => conv(b, [1, 3, 3, 4], [1, 1, 1, 1, -1, 1, 0, 0]))).toBe(ERR.SHAPE); // negative pad
    expect(compile((b) => conv(b, [1, 3, 3, 4], [1, 1, 1, 1, 0, 0, 0]))).toBe(ERR.SHAPE);   // 7 attributes
    expect(compile((b) => conv(b, [1, 1, 1, 4], CONV1, [7, 3, 2, 4]))).toBe(ERR.SHAPE);   // window too tall
    expect(compile((b) => b.node('conv2d', 'int32', [1, 3, 3, 4], [b.param('int32', [1, 5, 5, 2]), b.param('int32', [3, 3, 2, 4])], CONV1))).toBe(ERR.DTYPE);
  });

  it('the adjoints, depthwise and pools', () => {
    const dy = (b: ProgramBuilder) => b.param('float32', [1, 3, 3, 4]);
    expect(compile((b) => b.node('conv2dBackpropInput', 'float32', [1, 5, 5, 2], [dy(b), b.param('float32', [3, 3, 2, 4])], [...CONV1, 5, 5]))).toBeGreaterThanOrEqual(0);
    expect(compile((b) => b.node('conv2dBackpropInput', 'float32', [1, 5, 5, 2], [dy(b), b.param('float32', [3, 3, 2, 4])], [...CONV1, 5, 6]))).toBe(ERR.SHAPE);
    expect(compile((b) => b.node('conv2dBackpropFilter', 'float32', [3, 3, 2, 4], [img(b), dy(b)], [...CONV1, 3, 3]))).toBeGreaterThanOrEqual(0);
    expect(compile((b) => b.node('conv2dBackpropFilter', 'float32', [3, 3, 2, 4], [img(b), dy(b)], [...CONV1, 2, 3]))).toBe(ERR.SHAPE);
    expect(compile((b) => b.node('depthwiseConv2d', 'float32', [1, 3, 3, 4], [img(b), b.param('float32', [3, 3, 2, 2])], CONV1))).toBeGreaterThanOrEqual(0);
    expect(compile((b) => b.node('depthwiseConv2d', 'float32', [1, 3, 3, 2], [img(b), b.param('float32', [3, 3, 2, 2])], CONV1))).toBe(ERR.SHAPE);
    expect(compile((b) => b.node('depthwiseConv2dBackpropFilter', 'float32', [3, 3, 2, 2], [img(b), dy(b)], [...CONV1, 3, 3]))).toBeGreaterThanOrEqual(0);
    const POOL = [2, 2, 2, 2, 0, 1, 0, 1];
    expect(compile((b) => b.node('maxPool', 'float32', [1, 3, 3, 2], [img(b)], POOL))).toBeGreaterThanOrEqual(0);
    expect(compile((b) => b.node('maxPool', 'float32', [1, 3, 3, 2], [img(b)], [2, 2, 2, 2, 0, 2, 0, 1]))).toBe(ERR.SHAPE); // pad = window
    expect(compile((b) => b.node('avgPool', 'float32', [1, 3, 2, 2], [img(b)], POOL))).toBe(ERR.SHAPE);
    expect(compile((b) => b.node('maxPoolGrad', 'float32', [1, 5, 5, 2], [img(b), b.param('float32', [1, 3, 3, 2])], POOL))).toBeGreaterThanOrEqual(0);
    expect(compile((b) => b.node('maxPoolGrad', 'float32', [1, 5, 5, 2], [img(b), b.param('float32', [1, 3, 2, 2])], POOL))).toBe(ERR.SHAPE);
    expect(compile((b) => b.node('maxPoolGrad', 'float32', [1, 5, 5, 2], [img(b)], POOL))).toBe(ERR.SHAPE);
    expect(compile((b) => b.node('avgPoolGrad', 'float32', [1, 5, 5, 2], [b.param('float32', [1, 3, 3, 2])], [...POOL, 5, 5]))).toBeGreaterThanOrEqual(0);
    expect(compile((b) => b.node('avgPoolGrad', 'float32', [1, 5, 4, 2], [b.param('float32', [1, 3, 3, 2])], [...POOL, 5, 5]))).toBe(ERR.SHAPE);
  });
});
