// The JAX oracle (issue 6, point 2): every lowering's StableHLO runs through JAX's own XLA
// (jax/jaxlib 0.10.2 in .venv-jax, which .ci/run creates) and must agree with the float64
// reference and with the interpreter under the tolerance table. No silent skip: a missing venv
// fails the test.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as lt from '../../ts/index';
import { stablehloCase } from '../../ts/debug-stablehlo';
import { parseProgram, LOWERINGS, type OpName } from '../../accelerators/xla/lower';
import { Op } from '../../ts/generated/ops';
import { closeEnough } from '../helpers';
import { tolFor } from '../tolerances';
import type { DType, Ref } from '../reference';
import { CASES } from './cases';

const ROOT = join(__dirname, '..', '..');
const PYTHON = join(ROOT, '.venv-jax', 'bin', 'python');

interface Buf { dtype: DType; shape: number[]; b64: string }
interface Prepared { name: string; mlir: string; params: Buf[]; interp: ArrayLike<number>; ref: Ref; ops: Set<number> }

function toB64(data: ArrayBufferView): string {
  return Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('base64');
}

function fromB64(b: Buf): ArrayLike<number> {
  const raw = Buffer.from(b.b64, 'base64');
  const copy = new Uint8Array(raw);
  return b.dtype === 'float32' ? new Float32Array(copy.buffer) : b.dtype === 'int32' ? new Int32Array(copy.buffer) : copy;
}

function mismatches(got: ArrayLike<number>, want: ArrayLike<number>, dtype: DType, tol: ReturnType<typeof tolFor>): string[] {
  const bad: string[] = [];
  for (let i = 0; i < want.length; i++) {
    if (!closeEnough(got[i], want[i], dtype, tol)) bad.push(`[${i}] got ${got[i]} want ${want[i]}`);
  }
  return bad;
}

const prepared: Prepared[] = [];
let results = new Map<string, { outputs?: Buf[]; error?: string }>();

beforeAll(async () => {
  await lt.ready();
  expect(existsSync(PYTHON), `${PYTHON} is missing: create it with \`python3 -m venv .venv-jax && .venv-jax/bin/pip install jax==0.10.2 jaxlib==0.10.2\` (.ci/run does)`).toBe(true);
  for (const c of CASES) {
    const { out, ref } = c.build();
    let lowered: ReturnType<typeof stablehloCase>;
    try {
      lowered = stablehloCase(out);
    } catch (e) {
      throw new Error(`case '${c.name}': ${(e as Error).message}`);
    }
    const { text, program, params } = lowered;
    const ops = new Set(parseProgram(program).records.map((r) => r.op));
    const interp = await out.data();
    prepared.push({
      name: c.name, mlir: text, interp, ref, ops,
      params: params.map((p) => ({ dtype: p.dtype, shape: p.shape, b64: toB64(p.data) })),
    });
  }
  const input = JSON.stringify({ cases: prepared.map((p) => ({ id: p.name, mlir: p.mlir, params: p.params })) });
  const r = spawnSync(PYTHON, [join(__dirname, 'jax_oracle.py')], { input, maxBuffer: 1 << 28, encoding: 'utf8', env: { ...process.env, JAX_PLATFORMS: 'cpu' } });
  if (r.status !== 0) throw new Error(`jax_oracle.py failed (${r.status}): ${r.stderr}`);
  results = new Map(JSON.parse(r.stdout).results.map((x: { id: string }) => [x.id, x]));
}, 300_000);

describe('StableHLO lowering vs JAX (oracle)', () => {
  it('every op of the table with a lowering is exercised by some case', () => {
    const covered = new Set<number>();
    for (const p of prepared) for (const o of p.ops) covered.add(o);
    const missing = (Object.keys(LOWERINGS) as OpName[]).filter((n) => typeof LOWERINGS[n] === 'function' && !covered.has(Op[n]));
    expect(missing).toEqual([]);
  });

  for (const c of CASES) {
    it(c.name, () => {
      const p = prepared.find((x) => x.name === c.name)!;
      expect(p.ops.has(Op[c.op]), `the Program of '${c.name}' has no ${c.op} record`).toBe(true);
      const res = results.get(c.name)!;
      expect(res.error, `JAX failed on:\n${p.mlir}`).toBeUndefined();
      const [o] = res.outputs!;
      expect(o.dtype).toBe(p.ref.dtype);
      expect(o.shape).toEqual(p.ref.shape);
      const got = fromB64(o);
      const tol = tolFor(c.tol);
      const vsRef = mismatches(got, p.ref.data, p.ref.dtype, tol);
      expect(vsRef, `JAX vs float64 reference\n${p.mlir}`).toEqual([]);
      const vsInterp = mismatches(got, p.interp, p.ref.dtype, tol);
      expect(vsInterp, `JAX vs interpreter\n${p.mlir}`).toEqual([]);
    });
  }
});
