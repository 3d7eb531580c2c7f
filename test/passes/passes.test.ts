// The optimization passes: each keeps results equal on random graphs (fast-check), each has a
// golden graphText, and graphStats shows their effect on the canonical cases.
import { describe, it, expect, beforeAll, afterEach } from 'vitest';
import fc from 'fast-check';
import * as lt from '../../ts/index';

beforeAll(async () => { await lt.ready(); });
afterEach(() => lt.env().reset());

type PassName = 'cse' | 'fold' | 'simplify' | 'matmulTranspose' | 'dce';
const PASSES: PassName[] = ['cse', 'fold', 'simplify', 'matmulTranspose', 'dce'];

/** Op choices for random graphs: each takes the pool (same-shape [r, c] tensors) and a number. */
type Step = { op: number; a: number; b: number; v: number };
const STEPS = 26;

/** Builds a random graph over two inputs; returns its roots. Shapes stay [n, n] so every op fits. */
function randomGraph(steps: Step[], n: number): lt.Tensor[] {
  const x = lt.tensor(Array.from({ length: n * n }, (_, i) => Math.sin(i + 1)), [n, n]);
  const y = lt.tensor(Array.from({ length: n * n }, (_, i) => Math.cos(i * 3)), [n, n]);
  const pool = [x, y];
  const pick = (k: number) => pool[k % pool.length];
  for (const { op, a, b, v } of steps) {
    const p = pick(a), q = pick(b);
    let t: lt.Tensor;
    switch (op % STEPS) {
      case 0: t = p.add(q); break;
      case 1: t = p.mul(q); break;
      case 2: t = p.sub(v); break;
      case 3: t = p.add(0).mul(1); break;                      // simplify: identities
      case 4: t = p.neg().neg(); break;                        // simplify: double negation
      case 5: t = p.transpose().transpose(); break;            // simplify: transpose pairs
      case 6: t = p.reshape([n * n]).reshape([n, n]); break;   // simplify: reshape chains
      case 7: t = lt.matMul(p.transpose(), q); break;          // matmulTranspose
      case 8: t = lt.matMul(p, q.transpose()).div(n); break;
      case 9: t = p.tanh(); break;
      case 10: t = p.add(lt.fill([n, n], v)); break;          // broadcast of a scalar
      case 11: t = p.add(lt.scalar(2).mul(3).add(1)); break;  // fold: constants only where 0/1
      case 12: t = p.add(q).mul(q.add(p)); break;              // cse: a+b and b+a
      case 13: t = p.sum(1, true).add(p); break;
      case 14: t = lt.maximum(p, q).sub(lt.minimum(q, p)); break;
      case 15: t = lt.where(p.greater(q), p, q.mul(0)); break;
      case 16: t = p.cast('int32').cast('float32').add(p.round()); break;
      case 17: t = lt.reverse(p, 0).add(lt.reverse(lt.reverse(q, 1), 1)); break;
      case 18: t = lt.pad(p, [[1, 0], [0, 1]], v).slice([1, 0], [n, n]); break;
      case 19: t = lt.concat([p, q], 0).slice([n, 0], [n, n]).mul(p); break;
      case 20: t = lt.gather(p, lt.tensor(Array.from({ length: n }, (_, i) => n - 1 - i), [n], 'int32'), 0); break;
      case 21: t = lt.softmax(p).add(lt.logSoftmax(q, 0)); break;
      case 22: t = lt.clipByValue(p, -0.5, 0.5).sub(p.mean(0, true)); break;
      case 23: t = lt.tile(p.slice([0, 0], [n, 1]), [1, n]).add(p.cumsum(1)); break;
      case 24: t = p.sqrt().square().add(lt.scalar(1).div(lt.scalar(1))); break;
      default: t = p.mul(1.5).exp().log(); break;
    }
    pool.push(t);
  }
  return pool.slice(2).filter((_, i) => i % 3 === 0 || i === pool.length - 3);
}

function run(steps: Step[], n: number, passes: PassName[]): Float32Array[] {
  lt.env().set('PASSES', passes);
  return lt.tidy(() => {
    const roots = randomGraph(steps, n);
    lt.sync(...roots);
    return roots.map((r) => r.dataSync() as Float32Array);
  });
}

function expectSame(a: Float32Array[], b: Float32Array[]): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) {
    for (let k = 0; k < a[i].length; k++) {
      const x = a[i][k], y = b[i][k];
      if (x === y || (Number.isNaN(x) && Number.isNaN(y))) continue;   // equal infinities too
      expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(y)));
    }
  }
}

const stepArb = fc.record({ op: fc.nat(STEPS - 1), a: fc.nat(40), b: fc.nat(40), v: fc.double({ min: -3, max: 3, noNaN: true }) });

describe('each pass keeps results on random graphs', () => {
  for (const pass of PASSES) {
    it(pass, () => {
      fc.assert(fc.property(fc.array(stepArb, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (steps, n) => {
        expectSame(run(steps, n, [pass]), run(steps, n, []));
      }), { numRuns: 25 });
    });
  }
  it('all passes together', () => {
    fc.assert(fc.property(fc.array(stepArb, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 4 }), (steps, n) => {
      expectSame(run(steps, n, PASSES), run(steps, n, []));
    }), { numRuns: 25 });
  });
});

/** The "after passes" part of graphText. */
function after(...t: lt.Tensor[]): string {
  const text = lt.debug.graphText(...t);
  return text.slice(text.indexOf('after passes')).split('\n').slice(1).join('\n');
}

describe('golden graphText per pass', () => {
  it('cse merges equal records across roots', () => {
    lt.env().set('PASSES', ['cse']);
    lt.tidy(() => {
      const x = lt.tensor([1, 2]);
      const a = x.reshape([2, 1]), b = x.reshape([1, 2]).reshape([2, 1]);
      expect(after(a, b)).toBe([
        '%0 = param(slot 0) : float32[2]',
        '%1 = reshape(%0, [2,1]) : float32[2,1]',
        '%2 = reshape(%0, [1,2]) : float32[1,2]',
        '%3 = reshape(%2, [2,1]) : float32[2,1]',
        'return %1, %3',
      ].join('\n'));
      lt.env().set('PASSES', ['cse', 'simplify']);
      expect(after(a, b)).toBe([
        '%0 = param(slot 0) : float32[2]',
        '%1 = reshape(%0, [2,1]) : float32[2,1]',
        '%2 = reshape(%0, [1,2]) : float32[1,2]',
        '%3 = reshape(%1, [2,1]) : float32[2,1]',
        'return %1, %3',
      ].join('\n'));
    });
  });

  it('fold computes constant expressions', () => {
    lt.env().set('PASSES', ['fold', 'dce']);
    lt.tidy(() => {
      const one = lt.scalar(1);
      expect(after(one.add(one).mul(one.add(one)))).toBe(['%0 = const(4) : float32[]', 'return %0'].join('\n'));
    });
  });

  it('simplify removes identities', () => {
    lt.env().set('PASSES', ['simplify', 'dce']);
    lt.tidy(() => {
      const x = lt.tensor([[1, 2], [3, 4]]);
      expect(after(x.add(0).mul(1).neg().neg().transpose().transpose().exp())).toBe([
        '%0 = param(slot 0) : float32[2,2]',
        '%1 = exp(%0) : float32[2,2]',
        'return %1',
      ].join('\n'));
    });
  });

  it('matmulTranspose folds transposes into matMul flags', () => {
    lt.env().set('PASSES', ['matmulTranspose', 'dce']);
    lt.tidy(() => {
      const a = lt.tensor([[1, 2], [3, 4]]), b = lt.tensor([[5, 6], [7, 8]]);
      expect(after(lt.matMul(a.transpose(), b.transpose()))).toBe([
        '%0 = param(slot 0) : float32[2,2]',
        '%1 = param(slot 1) : float32[2,2]',
        '%2 = matMul(%0, %1, [1,1]) : float32[2,2]',
        'return %2',
      ].join('\n'));
    });
  });

  it('dce drops records no output needs', () => {
    lt.env().set('PASSES', ['simplify', 'dce']);
    lt.tidy(() => {
      const x = lt.tensor([1, 2]);
      expect(after(x.neg().neg())).toBe(['%0 = param(slot 0) : float32[2]', 'return %0'].join('\n'));
      lt.env().set('PASSES', ['simplify']);
      expect(after(x.neg().neg())).toBe([
        '%0 = param(slot 0) : float32[2]', '%1 = neg(%0) : float32[2]', 'return %0'].join('\n'));
    });
  });
});

describe('graphStats on the canonical cases', () => {
  it('a.add(b) and b.add(a) are one node', () => {
    lt.tidy(() => {
      const a = lt.tensor([1, 2]), b = lt.tensor([3, 4]);
      const ab = a.add(b), ba = b.add(a);
      expect(ab.node).toBe(ba.node);
      expect(lt.debug.graphStats(ab, ba).nodesBefore).toBe(3);
      expect(lt.debug.graphStats(ab.mul(ba)).nodesBefore).toBe(4);
    });
  });

  it('x.add(0).mul(1) gives x', () => {
    lt.tidy(() => {
      const x = lt.tensor([1, 2]);
      const s = lt.debug.graphStats(x.add(0).mul(1));
      expect(s.nodesBefore).toBe(5);
      expect(s.nodesAfter).toBe(1);
      expect(s.kernels).toBe(0);
      expect(Array.from(x.add(0).mul(1).dataSync())).toEqual([1, 2]);
    });
  });

  it('transpose(transpose(x)) gives x', () => {
    lt.tidy(() => {
      const x = lt.tensor([[1, 2, 3], [4, 5, 6]]);
      const s = lt.debug.graphStats(x.transpose().transpose());
      expect(s.nodesBefore).toBe(3);
      expect(s.nodesAfter).toBe(1);
    });
  });

  it('matMul(transpose(a), b) gives one matMul with transposeA', () => {
    lt.tidy(() => {
      const a = lt.tensor([[1, 2], [3, 4], [5, 6]]), b = lt.tensor([[1], [2], [3]]);
      const y = lt.matMul(a.transpose(), b);
      const s = lt.debug.graphStats(y);
      expect(s.nodesAfter).toBe(3);
      expect(s.kernels).toBe(1);
      expect(after(y)).toContain('matMul(%0, %1, [1,0])');
      expect(Array.from(y.dataSync())).toEqual([1 + 6 + 15, 2 + 8 + 18]);
    });
  });

  it('fuses an elementwise chain into its reduction', () => {
    lt.tidy(() => {
      const x = lt.tensor([1, 2, 3]);
      const s = lt.debug.graphStats(x.mul(2).add(1).exp().sum());
      expect(s.kernels).toBe(1);
      expect(s.peakBytes).toBe(12 + 4 + 4 + 4);   // x, two scalar params, the sum
    });
  });
});
