// Bad input throws at the call, naming the op and the shapes; nothing is recorded and the
// engine keeps working afterwards.
import { describe, it, expect, beforeAll } from 'vitest';
import * as lt from '../../ts/index';

beforeAll(async () => { await lt.ready(); });

const a23 = () => lt.tensor([[1, 2, 3], [4, 5, 6]]);

/** Variables outlive tidy (as in tfjs), so these cases dispose theirs. */
function withVariable(f: (v: lt.Variable) => void): void {
  const v = lt.variable(a23());
  try { f(v); } finally { v.dispose(); }
}

const cases: Array<[string, () => unknown, RegExp[]]> = [
  ['shape mismatch', () => lt.add(a23(), lt.tensor([1, 2])), [/^add:/, /\[2,3\]/, /\[2\]/]],
  ['matMul inner dims', () => lt.matMul(a23(), a23()), [/^matMul:/, /inner dimensions/, /\[2,3\] and \[2,3\]/]],
  ['bad axis', () => lt.sum(a23(), 2), [/^sum:/, /axis/, /\[2,3\]/]],
  ['bad negative axis', () => lt.argMax(a23(), -3), [/^argMax:/, /axis/, /\[2,3\]/]],
  ['repeated axis', () => lt.max(a23(), [1, -1]), [/^max:/, /repeated/, /\[2,3\]/]],
  ['bad permutation', () => lt.transpose(a23(), [0, 0]), [/^transpose:/, /permutation/, /\[2,3\]/]],
  ['short permutation', () => lt.transpose(a23(), [1]), [/^transpose:/, /permutation/, /\[2,3\]/]],
  ['cast to an unknown dtype', () => lt.cast(a23(), 'complex64' as never), [/^cast:/, /dtype/, /\[2,3\]/]],
  ['assign of another dtype', () => withVariable((v) => v.assign(lt.tensor([[1, 2, 3], [4, 5, 6]], [2, 3], 'int32'))), [/^assign:/, /int32/, /\[2,3\]/]],
  ['assign of another shape', () => withVariable((v) => v.assign(lt.tensor([1, 2]))), [/^assign:/, /\[2\]/, /\[2,3\]/]],
  ['where condition shape', () => lt.where(lt.tensor([true, false, true]), a23(), lt.tensor([1, 2])), [/^where:/, /broadcast/]],
  ['non-integer shape', () => lt.reshape(a23(), [2.5, 2]), [/^reshape:/, /integer/, /\[2,3\]/]],
  ['reshape size', () => lt.reshape(a23(), [4, 2]), [/^reshape:/, /elements/, /\[2,3\]/]],
  ['negative shape', () => lt.zeros([-1, 2]), [/^zeros:/, /non-negative/]],
  ['non-integer zeros shape', () => lt.ones([1.5]), [/^ones:/]],
  ['tensor shape mismatch', () => lt.tensor([1, 2, 3], [2, 2]), [/^tensor:/, /\[2,2\]/]],
  ['ragged array', () => lt.tensor([[1, 2], [3]]), [/^tensor:/, /ragged/]],
  ['string input', () => lt.add(a23(), 'x' as never), [/^add:/, /string/]],
  ['undefined input', () => lt.exp(undefined as never), [/^exp:/, /undefined/]],
  ['bad dtype', () => lt.tensor([1], [1], 'complex64' as never), [/^tensor:/, /dtype/]],
  ['slice out of bounds', () => lt.slice(a23(), [0, 2], [1, 2]), [/^slice:/, /bounds/, /\[2,3\]/]],
  ['concat mismatch', () => lt.concat([a23(), lt.tensor([[1, 2]])], 0), [/^concat:/, /\[2,3\] and \[1,2\]/]],
  ['split uneven', () => lt.split(a23(), 2, 1), [/^split:/, /\[2,3\]/]],
  ['squeeze non-1 axis', () => lt.squeeze(a23(), 0), [/^squeeze:/, /\[2,3\]/]],
  ['broadcastTo incompatible', () => lt.broadcastTo(a23(), [3, 3]), [/^broadcastTo:/, /\[2,3\]/]],
];

describe('bad input', () => {
  for (const [name, call, patterns] of cases) {
    it(`${name} throws a clear error and leaves the engine working`, () => {
      const before = lt.memory().numGraphNodes;
      let message = '';
      lt.tidy(() => {
        try { call(); } catch (e) { message = (e as Error).message; }
      });
      expect(message, 'expected an exception').not.toBe('');
      for (const p of patterns) expect(message).toMatch(p);
      expect(lt.memory().numGraphNodes).toBe(before);
      const ok = lt.tidy(() => lt.tensor([1, 2]).add(lt.tensor([3, 4])).dataSync());
      expect(Array.from(ok)).toEqual([4, 6]);
    });
  }

  it('a tensor used after dispose throws, naming the op and the shape', () => {
    const t = a23();
    t.dispose();
    expect(() => t.add(1)).toThrow(/add: tensor \d+ \[2,3\] was disposed/);
    expect(() => lt.exp(t)).toThrow(/exp: .*\[2,3\].*disposed/);
    expect(() => t.dataSync()).toThrow(/dataSync: .*disposed/);
    expect(t.shape).toEqual([2, 3]);
    const ok = lt.tensor([1]).add(1).dataSync();
    expect(ok[0]).toBe(2);
  });
});
