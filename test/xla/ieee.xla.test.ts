// XLA's CPU backend departs from IEEE where its simplifier or fused kernels cut corners; the
// lowering (accelerators/xla/lower.ts) works around the departures that the op suite and the
// differential test found, checked here against hand-computed IEEE values:
//   convert(pred) * y was rewritten to a select: 0 * NaN and 0 * inf gave 0 (want NaN);
//   a fused exp of a large x stayed finite: exp(inf) - inf gave -inf (want NaN).
// Known and accepted (not worked around): subnormals are flushed to zero (FTZ/DAZ).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';

let before = '';
beforeAll(async () => { await lt.ready(); before = lt.getBackend(); lt.setBackend('xla'); });
afterAll(() => { lt.setBackend(before); });

const values = (t: lt.Tensor) => Array.from(t.dataSync() as Float32Array).map(String);

describe('XLA keeps IEEE where its simplifier would not', () => {
  it('a bool cast to float32 times or over NaN and inf', () => {
    const b = lt.tensor([true, false], undefined, 'bool');
    const y = lt.tensor([NaN, Infinity], [2, 1]);
    expect(values(lt.mul(b, y))).toEqual(['NaN', 'NaN', 'Infinity', 'NaN']);
    expect(values(lt.div(b, y))).toEqual(['NaN', 'NaN', '0', '0']);
    expect(values(lt.isNaN(lt.tensor([NaN, 1])).cast('float32').mul(lt.tensor([1, NaN])))).toEqual(['1', 'NaN']);
  });

  it('exp past float32 overflow is inf, inside a fused expression too', () => {
    const x = lt.tensor([Infinity, 1e38, 89, 88.72283935546875, 88.72283172607422, 1]);
    const got = lt.exp(x).sub(lt.tensor([Infinity])).dataSync();
    expect(Array.from(got.slice(0, 4)).map(String)).toEqual(['NaN', 'NaN', 'NaN', 'NaN']);
    expect(Array.from(got.slice(4))).toEqual([-Infinity, -Infinity]);
    const e = lt.exp(x).mul(lt.tensor([0.5])).dataSync();
    expect(e[3]).toBe(Infinity);
    expect(e[4]).toBeCloseTo(Math.fround(Math.exp(88.72283172607422)) * 0.5, -33);
    expect(e[5]).toBeCloseTo(Math.E / 2, 6);
  });
});
