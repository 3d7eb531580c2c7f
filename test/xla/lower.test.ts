// The StableHLO lowering (accelerators/xla/lower.ts): a golden text per op of the table, built
// from small graphs through the public API (lt.debug.stablehlo), and its error paths. The
// golden files are test/xla/golden/<op>.mlir; after an intended change of the lowering, review
// and rewrite them with `npx vitest run test/xla -u`.
import { beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import { stablehlo } from '../../ts/debug-stablehlo';
import { LOWERINGS, lowerProgram, hasLowering, type OpName } from '../../accelerators/xla/lower';
import { Op, OP_NAMES } from '../../ts/generated/ops';
import { CASES } from './cases';

beforeAll(() => lt.ready());

describe('StableHLO golden text', () => {
  const byOp = new Map<OpName, typeof CASES>();
  for (const c of CASES) byOp.set(c.op, [...(byOp.get(c.op) ?? []), c]);
  for (const [op, cases] of byOp) {
    it(`${op}`, async () => {
      const text = cases.map((c) => `// ${c.name}\n${stablehlo(c.build().out)}`).join('\n');
      await expect(text).toMatchFileSnapshot(`golden/${op}.mlir`);
    });
  }
});

describe('lowering table', () => {
  it('has an entry for every op of the table, and a lowering for every op a Program can hold', () => {
    expect(Object.keys(LOWERINGS).sort()).toEqual([...OP_NAMES].sort());
    const missing = OP_NAMES.filter((n, code) => !['data', 'scalar', 'param'].includes(n) && !hasLowering(code));
    expect(missing).toEqual([]);
  });

  it('a small Program lowers to a module with one argument per param and one result per output', () => {
    const a = lt.tensor([1, 2, 3]), b = lt.tensor([[1], [2]]);
    const text = stablehlo(a.add(b).exp(), a.mul(2));
    expect(text).toMatch(/func\.func public @main\(%arg0: tensor<3xf32>, %arg1: tensor<2x1xf32>(, %arg2: tensor<f32>)?\) -> \(tensor<2x3xf32>, tensor<3xf32>\)/);
    expect(text).toContain('"stablehlo.exponential"');
  });
});

describe('lowering errors', () => {
  const header = (nNodes: number, nParams: number, nOut: number, words: number) => [0x4750544c, 1, nNodes, nParams, nOut, words, 0, 0];
  it('rejects a malformed Program with a clear message', () => {
    expect(() => lowerProgram(new Int32Array([1, 2, 3]))).toThrow(/not a Program/);
    expect(() => lowerProgram(new Int32Array([0x4750544c, 2, 0, 0, 0, 8, 0, 0]))).toThrow(/version 2/);
    expect(() => lowerProgram(new Int32Array([...header(1, 1, 1, 15), Op.param, 0, 1, 0, 1, 3]))).toThrow(/truncated|length/);
    // an input that does not precede its user
    const p = [...header(1, 0, 1, 15), Op.neg, 0, 0, 1, 0, 0, 0];
    p[5] = p.length;
    expect(() => lowerProgram(new Int32Array(p))).toThrow(/does not precede/);
  });

  it('names an op without a lowering', () => {
    const p = [...header(2, 0, 1, 0), Op.const, 0, 0, 0, 2, 0, 0, Op.data, 0, 0, 0, 0, 1];
    p[5] = p.length;
    expect(() => lowerProgram(new Int32Array(p))).toThrow(/no lowering for op data/);
  });

  it('rejects an unknown opcode', () => {
    const p = [...header(1, 0, 1, 0), 9999, 0, 0, 0, 0, 0];
    p[5] = p.length;
    expect(() => lowerProgram(new Int32Array(p))).toThrow(/unknown opcode 9999/);
  });
});
