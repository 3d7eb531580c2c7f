// Work that threads share: a kernel's work cut into numbered parts, each written to its own
// region of the output, and the code that runs one part. The interpreter runs the parts itself
// on one thread, or hands them to the JS thread pool (accelerators/wasm/threads.ts), where the
// main thread and the workers claim them one at a time. A worker runs a part in its own
// instance of this module over the same shared memory (instantiated without the data
// segments, with its own globals). So a part must not touch the allocator or any static
// memory (memory.data) another thread may use at the same time: it reads everything from its
// job (in the heap) and uses the scratch slot of the thread that runs it. (Constant tables in
// static memory, such as simd_math's, are read-only and fine.)
//
// A part's output depends only on the job and the part number, never on the thread or the
// thread count: results are identical bytes for any number of threads.
import { gemmBlock } from './gemm';
import { runUnary } from './generated/unary';
import { GroupJob, groupPart } from './fused';
import { WinogradJob, winogradPart, WinogradFilterJob, winogradFilterPart } from './winograd';
import { WIN, RowsJob, ROWS_MAX_POOL, ROWS_AVG_POOL, ROWS_DEPTHWISE_1 } from './window';
import { depthwiseRows } from './depthwise';
import { poolRows } from './pool';

/** Task ids, as passed to runPart. */
export const TASK_MATMUL = 1;
export const TASK_UNARY = 2;
export const TASK_GROUP = 3;
export const TASK_WINOGRAD = 4;
export const TASK_WINOGRAD_FILTER = 5;
export const TASK_ROWS = 6;

/** A batched float32 GEMM split into tm x tn tiles of C: part p is tile (p % perBatch) of batch
 *  entry p / perBatch, tiles row-major. */
@unmanaged
export class MatJob {
  pa: usize = 0; pb: usize = 0; po: usize = 0;
  /** Per batch entry, the byte offsets of its a and b matrices (two u32); 0: all zero. */
  offsets: usize = 0;
  /** Thread slot s packs into scratch + s * slotBytes: [a panel apBytes][b panel bpBytes][tile]. */
  scratch: usize = 0; slotBytes: usize = 0; apBytes: usize = 0; bpBytes: usize = 0;
  m: i32 = 0; n: i32 = 0; kk: i32 = 0;
  ai: i32 = 0; ak: i32 = 0; bk: i32 = 0; bj: i32 = 0;
  tm: i32 = 0; tn: i32 = 0; tilesM: i32 = 0; tilesN: i32 = 0;
  /** 1: C += alpha * a * b (C holds the addend), else C = a * b. */
  scaled: i32 = 0; alpha: f32 = 0;
}

function matPart(job: MatJob, part: i32, slot: i32): void {
  const perBatch = job.tilesM * job.tilesN;
  const b = part / perBatch, t = part % perBatch;
  const i0 = (t / job.tilesN) * job.tm, j0 = (t % job.tilesN) * job.tn;
  const ldc = <usize>job.n << 2;
  const at = job.offsets + (<usize>b << 3);
  const oa: usize = job.offsets ? <usize>load<u32>(at) : 0, ob: usize = job.offsets ? <usize>load<u32>(at, 4) : 0;
  const s = job.scratch + <usize>slot * job.slotBytes;
  gemmBlock(
    job.pa + oa + ((<usize>i0 * job.ai) << 2),
    job.pb + ob + ((<usize>j0 * job.bj) << 2),
    job.po + <usize>b * job.m * ldc + <usize>i0 * ldc + (<usize>j0 << 2),
    min(job.tm, job.m - i0), min(job.tn, job.n - j0), job.kk, job.ai, job.ak, job.bk, job.bj, ldc,
    s, s + job.apBytes, s + job.apBytes + job.bpBytes, job.scaled != 0, job.alpha);
}

/** A unary op over n contiguous 4-byte elements, `chunk` (a multiple of 4) per part: every
 *  part but the last is whole vectors, so each element takes the same vector or scalar path
 *  as in one call over all n, and only the last part uses the generated loops' tail scratch. */
@unmanaged
export class UnaryJob {
  px: usize = 0; po: usize = 0;
  op: i32 = 0; dtype: i32 = 0; n: i32 = 0; chunk: i32 = 0;
}

function unaryPart(job: UnaryJob, part: i32): void {
  const start = part * job.chunk;
  const at = <usize>start << 2;
  runUnary(job.op, job.dtype, job.px + at, job.po + at, min(job.chunk, job.n - start));
}

/** A run of a window op's output rows (window.ts). */
function rowsPart(job: RowsJob, part: i32, slot: i32): void {
  const r0 = part * job.rows, r1 = min(r0 + job.rows, WIN.n * WIN.oh);
  const k = job.kind;
  if (k == ROWS_MAX_POOL || k == ROWS_AVG_POOL) poolRows(job.a, job.out, k == ROWS_MAX_POOL, r0, r1);
  else depthwiseRows(k == ROWS_DEPTHWISE_1, job.a, job.b, job.out, job.scratch + <usize>slot * job.slotBytes, r0, r1);
}

/** Runs part `part` of the job at `job` for task `task`, with thread slot `slot`'s scratch. */
export function runPart(task: i32, job: usize, part: i32, slot: i32): void {
  if (task == TASK_MATMUL) matPart(changetype<MatJob>(job), part, slot);
  else if (task == TASK_UNARY) unaryPart(changetype<UnaryJob>(job), part);
  else if (task == TASK_GROUP) groupPart(changetype<GroupJob>(job), part, slot);
  else if (task == TASK_WINOGRAD) winogradPart(changetype<WinogradJob>(job), part, slot);
  else if (task == TASK_WINOGRAD_FILTER) winogradFilterPart(changetype<WinogradFilterJob>(job), part, slot);
  else if (task == TASK_ROWS) rowsPart(changetype<RowsJob>(job), part, slot);
}
