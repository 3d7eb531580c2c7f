// Reading a Program (docs/PROGRAM.md), the one contract between the core and every
// accelerator: one checked parser for the accelerators and the debug tools.

export type DT = 0 | 1 | 2; // float32, int32, bool

/** One parsed record of a Program. */
export interface Rec {
  op: number;
  dtype: DT;
  dims: number[];
  inputs: number[];
  attrs: number[];
}

export interface ParsedProgram {
  records: Rec[];
  outputs: number[];
  nParams: number;
}

const MAGIC = 0x4750544c;

/** Parses and checks the layout of a Program; throws on a malformed one. */
export function parseProgram(p: Int32Array): ParsedProgram {
  if (p.length < 8 || p[0] !== MAGIC) throw new Error(`Program: not a Program (bad magic; ${p.length} words: ${Array.from(p.subarray(0, 8))})`);
  if (p[1] !== 1) throw new Error(`Program: unknown Program version ${p[1]}`);
  const nNodes = p[2], nParams = p[3], nOutputs = p[4];
  if (p[5] !== p.length) throw new Error(`Program: Program length ${p.length} != header word count ${p[5]}`);
  const records: Rec[] = [];
  let k = 8;
  const need = (n: number) => { if (k + n > p.length) throw new Error('Program: truncated Program'); };
  for (let i = 0; i < nNodes; i++) {
    need(5);
    const op = p[k], dtype = p[k + 1], rank = p[k + 2], nIn = p[k + 3], nAttr = p[k + 4];
    k += 5;
    if (dtype < 0 || dtype > 2) throw new Error(`Program: record ${i}: bad dtype ${dtype}`);
    if (rank < 0 || rank > 8 || nIn < 0 || nAttr < 0) throw new Error(`Program: record ${i}: bad header`);
    need(rank + nIn + nAttr);
    const dims = Array.from(p.subarray(k, k + rank)); k += rank;
    const inputs = Array.from(p.subarray(k, k + nIn)); k += nIn;
    const attrs = Array.from(p.subarray(k, k + nAttr)); k += nAttr;
    for (const d of dims) if (d < 0) throw new Error(`Program: record ${i}: negative dim`);
    for (const x of inputs) if (x < 0 || x >= i) throw new Error(`Program: record ${i}: input ${x} does not precede it`);
    records.push({ op, dtype: dtype as DT, dims, inputs, attrs });
  }
  need(nOutputs);
  const outputs = Array.from(p.subarray(k, k + nOutputs));
  for (const o of outputs) if (o < 0 || o >= nNodes) throw new Error(`Program: output ${o} out of range`);
  if (k + nOutputs !== p.length) throw new Error('Program: trailing words after the outputs');
  return { records, outputs, nParams };
}
