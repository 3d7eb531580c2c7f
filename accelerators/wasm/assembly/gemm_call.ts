// Runs matmul.ts's packed GEMM on raw float32 matrices through its public entry, execMatMul,
// by handing it a scratch Program of three records (two params and a matMul): the conv
// kernels share the one tuned GEMM instead of forking it, whatever matmul.ts does inside.
import { OP_PARAM, OP_MAT_MUL, DT_FLOAT32 } from '../../../core-wasm/assembly/generated/opcodes';
import { Exe, Ctx, setI32At, setPtrAt } from './record';
import { execMatMul } from './matmul';

/** Each scratch record: op, dtype, rank 2, nIn, nAttr, 2 dims, at most 2 inputs and 2 attrs. */
const REC_BYTES: usize = 16 * 4;
const RECS = memory.data(<i32>(3 * REC_BYTES), 16);
const RECORD_ADDRS = memory.data(2 * 4, 4);
const BUFS = memory.data(2 * sizeof<usize>(), 8);
const EXE = changetype<Exe>(memory.data(offsetof<Exe>(), 8));
const CTX = changetype<Ctx>(memory.data(offsetof<Ctx>(), 8));

function record(at: usize, op: i32, nIn: i32, nAttr: i32, d0: i32, d1: i32): usize {
  store<i32>(at, op); store<i32>(at, DT_FLOAT32, 4); store<i32>(at, 2, 8);
  store<i32>(at, nIn, 12); store<i32>(at, nAttr, 16); store<i32>(at, d0, 20); store<i32>(at, d1, 24);
  return at + 28;   // where the inputs, then the attributes, go
}

/** out[m x n] = op(a) . op(b), all dense row-major float32: a is m x k (k x m when transA),
 *  b is k x n (n x k when transB). */
export function gemmF32(a: usize, b: usize, out: usize, m: i32, n: i32, k: i32, transA: bool, transB: bool): void {
  const ra = RECS, rb = RECS + REC_BYTES, ro = RECS + 2 * REC_BYTES;
  store<i32>(record(ra, OP_PARAM, 0, 1, transA ? k : m, transA ? m : k), 0);
  store<i32>(record(rb, OP_PARAM, 0, 1, transB ? n : k, transB ? k : n), 1);
  const tail = record(ro, OP_MAT_MUL, 2, 2, m, n);
  store<i32>(tail, 0); store<i32>(tail, 1, 4); store<i32>(tail, transA ? 1 : 0, 8); store<i32>(tail, transB ? 1 : 0, 12);
  setI32At(RECORD_ADDRS, 0, <i32>ra);
  setI32At(RECORD_ADDRS, 1, <i32>rb);
  setPtrAt(BUFS, 0, a);
  setPtrAt(BUFS, 1, b);
  EXE.records = RECORD_ADDRS;
  EXE.nNodes = 2;
  CTX.exe = EXE;
  CTX.rec = ro;
  CTX.bufs = BUFS;
  CTX.out = out;
  execMatMul(CTX);
}
