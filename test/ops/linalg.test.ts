// matMul and dot against the float64 reference: transposes, batched and broadcast batch dims,
// int32, size-0 and size-1 dims, method form, TensorLike inputs.

import { beforeAll, describe, it } from 'vitest';
import * as R from '../reference';
import { expectClose, setupBackend, toLt } from '../helpers';
import * as lt from '../../ts/index';

beforeAll(setupBackend);

/** Operand shapes for an (m x k) @ (k x n) product with optional transposes and batch dims. */
function operands(rng: R.Rng, batchA: number[], batchB: number[], m: number, k: number, n: number, tA: boolean, tB: boolean, dtype: R.DType = 'float32') {
  const a = R.randRef(rng, [...batchA, ...(tA ? [k, m] : [m, k])], dtype, dtype === 'int32' ? { lo: -5, hi: 5 } : { lo: -2, hi: 2 });
  const b = R.randRef(rng, [...batchB, ...(tB ? [n, k] : [k, n])], dtype, dtype === 'int32' ? { lo: -5, hi: 5 } : { lo: -2, hi: 2 });
  return { a, b };
}

describe('matMul', () => {
  for (const [tA, tB] of [[false, false], [true, false], [false, true], [true, true]]) {
    it(`2-D, transposeA ${tA}, transposeB ${tB} (function form)`, async () => {
      const rng = new R.Rng(tA ? (tB ? 1 : 2) : tB ? 3 : 4);
      for (const [m, k, n] of [[3, 4, 5], [1, 7, 1], [6, 1, 2], [17, 33, 9]]) {
        const { a, b } = operands(rng, [], [], m, k, n, tA, tB);
        await expectClose(lt.matMul(toLt(a), toLt(b), tA, tB), R.matMul(a, b, tA, tB), 'matMul', `m ${m} k ${k} n ${n}`);
      }
    });
  }
  it('batched, equal batch dims, with transposes', async () => {
    const rng = new R.Rng(10);
    for (const [tA, tB] of [[false, false], [true, true], [false, true]]) {
      const { a, b } = operands(rng, [2, 3], [2, 3], 4, 5, 2, tA, tB);
      await expectClose(lt.matMul(toLt(a), toLt(b), tA, tB), R.matMul(a, b, tA, tB), 'matMul', `transposeA ${tA} transposeB ${tB}`);
    }
  });
  it('broadcast batch dims', async () => {
    const rng = new R.Rng(11);
    const cases: [number[], number[]][] = [
      [[2, 1], [3]],
      [[], [4]],
      [[3], []],
      [[1, 3], [2, 1]],
      [[2, 1, 2], [1, 3, 1]],
    ];
    for (const [ba, bb] of cases) {
      const { a, b } = operands(rng, ba, bb, 3, 4, 2, false, true);
      await expectClose(lt.matMul(toLt(a), toLt(b), false, true), R.matMul(a, b, false, true), 'matMul', `batch [${ba}] x [${bb}]`);
    }
  });
  it('int32 and int32 x float32 (-> float32)', async () => {
    const rng = new R.Rng(12);
    const { a, b } = operands(rng, [2], [2], 3, 4, 5, false, false, 'int32');
    await expectClose(lt.matMul(toLt(a), toLt(b)), R.matMul(a, b), 'matMul', 'int32');
    const bf = R.randRef(rng, [2, 4, 5], 'float32');
    await expectClose(lt.matMul(toLt(a), toLt(bf)), R.matMul(a, bf), 'matMul', 'int32 x float32');
  });
  it('size-0 dims (k = 0 gives zeros), size-1 dims', async () => {
    const rng = new R.Rng(13);
    for (const [m, k, n] of [[2, 0, 3], [0, 3, 2], [3, 2, 0], [1, 1, 1]]) {
      const { a, b } = operands(rng, [], [], m, k, n, false, false);
      await expectClose(lt.matMul(toLt(a), toLt(b)), R.matMul(a, b), 'matMul', `m ${m} k ${k} n ${n}`);
    }
    const { a, b } = operands(rng, [0], [1], 2, 3, 2, false, false);
    await expectClose(lt.matMul(toLt(a), toLt(b)), R.matMul(a, b), 'matMul', 'batch of 0');
  });
  it('method form and TensorLike', async () => {
    const rng = new R.Rng(14);
    const { a, b } = operands(rng, [], [], 3, 4, 2, true, false);
    await expectClose(toLt(a).matMul(toLt(b), true), R.matMul(a, b, true), 'matMul', 'method');
    await expectClose(toLt(b).matMul(toLt(a), true), R.matMul(b, a, true), 'matMul', 'method, b^T a');
    const c = R.randRef(rng, [3, 2], 'float32');
    await expectClose(toLt(c).matMul(toLt(a), true, true), R.matMul(c, a, true, true), 'matMul', 'method, both transposed');
    const na = [[1, 2], [3, 4], [5, 6]];
    const nb = [[1, -1, 0.5], [2, 0, -2]];
    await expectClose(lt.matMul(na, nb), R.matMul(na, nb), 'matMul', 'nested arrays');
  });
});

describe('dot', () => {
  it('vector.vector, matrix.vector, vector.matrix, matrix.matrix (function form)', async () => {
    const rng = new R.Rng(20);
    const v = R.randRef(rng, [5], 'float32');
    const m = R.randRef(rng, [3, 5], 'float32');
    const n = R.randRef(rng, [5, 4], 'float32');
    await expectClose(lt.dot(toLt(v), toLt(v)), R.dot(v, v), 'dot', '1-D . 1-D');
    await expectClose(lt.dot(toLt(m), toLt(v)), R.dot(m, v), 'dot', '2-D . 1-D');
    await expectClose(lt.dot(toLt(v), toLt(n)), R.dot(v, n), 'dot', '1-D . 2-D');
    await expectClose(lt.dot(toLt(m), toLt(n)), R.dot(m, n), 'dot', '2-D . 2-D');
  });
  it('int32, method form, size-1 and size-0, TensorLike', async () => {
    const rng = new R.Rng(21);
    const a = R.randRef(rng, [4], 'int32');
    const b = R.randRef(rng, [4, 2], 'int32');
    await expectClose(lt.dot(toLt(a), toLt(b)), R.dot(a, b), 'dot', 'int32');
    await expectClose(toLt(a).dot(toLt(a)), R.dot(a, a), 'dot', 'method');
    const one = R.randRef(rng, [1], 'float32');
    await expectClose(toLt(one).dot(toLt(one)), R.dot(one, one), 'dot', 'size 1');
    const e = R.randRef(rng, [0], 'float32');
    await expectClose(lt.dot(toLt(e), toLt(e)), R.dot(e, e), 'dot', 'size 0');
    await expectClose(lt.dot([1, 2, 3], [[1], [0], [2]]), R.dot([1, 2, 3], [[1], [0], [2]]), 'dot', 'nested');
  });
});
