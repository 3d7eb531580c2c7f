// range, linspace and eye against the reference.

import { beforeAll, describe, it } from 'vitest';
import * as R from '../reference';
import { expectClose, setupBackend } from '../helpers';
import * as lt from '../../ts/index';

beforeAll(setupBackend);

describe('range', () => {
  const cases: [number, number, number | undefined][] = [
    [0, 10, undefined],
    [0, 10, 3],
    [-3, 4, 2],
    [5, 0, -2],
    [0, -7, -3],
    [0.5, 2.1, 0.5],
    [0, 1, 0.1],
    [1, 2, 0.25],
    [5, 0, undefined], // default step 1 with start > stop counts down
    [3, 3, undefined], // empty
    [0, 5, -1], // empty: step points away
    [5, 0, 2], // empty: step points away
  ];
  for (const [start, stop, step] of cases) {
    it(`range(${start}, ${stop}, ${step}) float32`, async () => {
      await expectClose(lt.range(start, stop, step), R.range(start, stop, step), 'range');
    });
  }
  it('int32 dtype', async () => {
    for (const [start, stop, step] of [[0, 5, 1], [-3, 3, 2], [10, 0, -3], [4, 0, 1], [2, 2, 1]]) {
      await expectClose(lt.range(start, stop, step, 'int32'), R.range(start, stop, step, 'int32'), 'range', `range(${start}, ${stop}, ${step}, 'int32')`);
    }
  });
});

describe('linspace', () => {
  const cases: [number, number, number][] = [
    [0, 1, 5],
    [1, 10, 7],
    [5, -1, 4],
    [2, 5, 1],
    [-1.5, 2.25, 2],
    [0, 1, 100],
    [3, 3, 4],
  ];
  for (const [start, stop, num] of cases) {
    it(`linspace(${start}, ${stop}, ${num})`, async () => {
      await expectClose(lt.linspace(start, stop, num), R.linspace(start, stop, num), 'linspace');
    });
  }
});

describe('eye', () => {
  it('square, rectangular, size 0 and 1', async () => {
    for (const [n, m] of [[3, undefined], [2, 4], [4, 2], [1, undefined], [0, undefined], [0, 3]] as [number, number | undefined][]) {
      await expectClose(lt.eye(n, m), R.eye(n, m), 'eye', `eye(${n}, ${m})`);
    }
  });
  it('batchShape', async () => {
    await expectClose(lt.eye(2, 2, [3]), R.eye(2, 2, [3]), 'eye', 'batch [3]');
    await expectClose(lt.eye(2, 3, [2, 1]), R.eye(2, 3, [2, 1]), 'eye', 'batch [2,1]');
  });
  it('int32 and bool dtypes', async () => {
    await expectClose(lt.eye(3, 3, undefined, 'int32'), R.eye(3, 3, undefined, 'int32'), 'eye', 'int32');
    await expectClose(lt.eye(2, 3, [2], 'bool'), R.eye(2, 3, [2], 'bool'), 'eye', 'bool');
  });
});
