// Assembles Programs (docs/PROGRAM.md) by hand: records in order, then the output list.
import { fileURLToPath, pathToFileURL } from 'node:url';

export type DType = 'float32' | 'int32' | 'bool';
export const DTYPE_CODE: Record<DType, number> = { float32: 0, int32: 1, bool: 2 };

type OpRow = { name: string; code: number; kind: string };
const tableUrl = pathToFileURL(fileURLToPath(new URL('../../ops/table.mjs', import.meta.url))).href;
const { OPS } = (await import(/* @vite-ignore */ tableUrl)) as { OPS: OpRow[] };

/** Opcode of a table row, by its name. */
export function opcode(name: string): number {
  const row = OPS.find((o) => o.name === name);
  if (!row) throw new Error(`no op ${name}`);
  return row.code;
}

/** Names of the table's rows of one kind (unary, binary, reduce...). */
export const opsOfKind = (kind: string): string[] => OPS.filter((o) => o.kind === kind).map((o) => o.name);

export const MAGIC = 0x4750544c;

type Rec = { op: number; dtype: DType; dims: number[]; inputs: number[]; attrs: number[] };

/** A built Program: its words and what each output is. */
export type Program = { words: Int32Array; outputs: { dtype: DType; dims: number[] }[] };

export class ProgramBuilder {
  readonly recs: Rec[] = [];
  nParams = 0;

  /** Appends a raw record; returns its index. */
  node(op: string | number, dtype: DType, dims: number[], inputs: number[] = [], attrs: number[] = []): number {
    this.recs.push({ op: typeof op === 'number' ? op : opcode(op), dtype, dims, inputs, attrs });
    return this.recs.length - 1;
  }

  /** A param in the next slot. */
  param(dtype: DType, dims: number[]): number {
    return this.node('param', dtype, dims, [], [this.nParams++]);
  }

  /** A const with the f64 value `v` (rank 0 unless dims are given). */
  constant(dtype: DType, v: number, dims: number[] = []): number {
    const w = new Int32Array(new Float64Array([v]).buffer);
    return this.node('const', dtype, dims, [], [w[0], w[1]]);
  }

  dims(i: number): number[] {
    return this.recs[i].dims;
  }

  dtype(i: number): DType {
    return this.recs[i].dtype;
  }

  build(outputs: number[]): Program {
    const words: number[] = [MAGIC, 1, this.recs.length, this.nParams, outputs.length, 0, 0, 0];
    for (const r of this.recs) {
      words.push(r.op, DTYPE_CODE[r.dtype], r.dims.length, r.inputs.length, r.attrs.length);
      words.push(...r.dims, ...r.inputs, ...r.attrs);
    }
    words.push(...outputs);
    words[5] = words.length;
    return {
      words: Int32Array.from(words),
      outputs: outputs.map((i) => ({ dtype: this.recs[i]?.dtype ?? 'float32', dims: this.recs[i]?.dims ?? [] })),
    };
  }
}
