// The graph hash is structural: equal for equal structure (in this and another process),
// different when an op, shape, dtype or attribute differs.
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import * as lt from '../../ts/index';

beforeAll(async () => { await lt.ready(); });

type DType = 'float32' | 'int32';
interface Spec { shape: number[]; dtype: DType; ops: Array<{ op: string; arg: number }> }

const UNARY = ['neg', 'abs', 'square', 'relu', 'sign'] as const;
const BINARY = ['add', 'sub', 'mul', 'maximum', 'minimum'] as const;
const REDUCE = ['sum', 'max', 'min', 'prod'] as const;
const OPS = [...UNARY, ...BINARY, ...REDUCE, 'transpose'] as const;

/** Builds a graph from a spec (data values come from `seed`, which must not matter). */
function build(spec: Spec, seed: number): lt.Tensor {
  const size = spec.shape.reduce((a, b) => a * b, 1);
  const values = Array.from({ length: size }, (_, i) => ((i * 7 + seed) % 5) - 2);
  let t = lt.tensor(values, spec.shape, spec.dtype);
  for (const { op, arg } of spec.ops) {
    if ((UNARY as readonly string[]).includes(op)) t = (t as any)[op]();
    else if ((BINARY as readonly string[]).includes(op)) t = (t as any)[op](lt.fill(t.shape, seed + 2, spec.dtype));
    else if ((REDUCE as readonly string[]).includes(op)) t = t.rank > 0 ? (t as any)[op](arg % t.rank, true) : t;
    else if (op === 'transpose') t = t.transpose();
  }
  return t;
}

const hashOf = (spec: Spec, seed: number) => lt.tidy(() => lt.debug.graphHash(build(spec, seed)));

const specArb = fc.record({
  shape: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
  dtype: fc.constantFrom<DType>('float32', 'int32'),
  ops: fc.array(fc.record({ op: fc.constantFrom(...OPS), arg: fc.nat(3) }), { minLength: 1, maxLength: 6 }),
});

describe('graph hash', () => {
  it('is independent of data and repeatable', () => {
    fc.assert(fc.property(specArb, fc.nat(100), (spec, seed) => {
      expect(hashOf(spec, seed)).toBe(hashOf(spec, seed + 1));
    }), { numRuns: 100 });
  });

  it('changes with the op, the shape, the dtype or an attribute', () => {
    fc.assert(fc.property(specArb, fc.nat(3), fc.nat(100), (spec, what, pick) => {
      const other: Spec = structuredClone(spec);
      const i = pick % spec.ops.length;
      if (what === 0) other.ops[i].op = OPS[(OPS.indexOf(spec.ops[i].op as any) + 1 + (pick % (OPS.length - 1))) % OPS.length];
      if (what === 1) other.shape[0] += 1;
      if (what === 2) other.dtype = spec.dtype === 'float32' ? 'int32' : 'float32';
      if (what === 3) other.ops = [...spec.ops, { op: 'sum', arg: pick }];
      expect(hashOf(other, 0)).not.toBe(hashOf(spec, 0));
    }), { numRuns: 200 });
  });

  it('tells a + a from a + b, and reduction axes apart', () => {
    const h = lt.tidy(() => {
      const a = lt.tensor([1, 2]), b = lt.tensor([3, 4]);
      const m = lt.tensor([[1, 2], [3, 4]]);
      return [lt.debug.graphHash(a.add(a)), lt.debug.graphHash(a.add(b)), lt.debug.graphHash(m.sum(0)), lt.debug.graphHash(m.sum(1))];
    });
    expect(h[0]).not.toBe(h[1]);
    expect(h[2]).not.toBe(h[3]);
  });
});
