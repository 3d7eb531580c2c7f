// Looking inside: the graph that syncing some tensors would run, as a hash, text, numbers or
// Graphviz, without running it.
import * as core from './engine/core';
import { OP_NAMES } from './generated/ops';
import { DTYPES } from './engine/runtime';
import type { Tensor } from './tensor';

const LEAF_OPS = new Set([0, 1, 2, 3]);

interface Record_ { op: string; code: number; dtype: string; shape: number[]; inputs: number[]; attrs: number[] }

/** Parses a Program (docs/PROGRAM.md) into records and outputs. */
export function parseProgram(p: Int32Array): { records: Record_[]; outputs: number[]; params: number } {
  const records: Record_[] = [];
  let k = 8;
  for (let i = 0; i < p[2]; i++) {
    const [code, dt, rank, nIn, nAttr] = p.subarray(k, k + 5);
    k += 5;
    const shape = Array.from(p.subarray(k, k + rank)); k += rank;
    const inputs = Array.from(p.subarray(k, k + nIn)); k += nIn;
    const attrs = Array.from(p.subarray(k, k + nAttr)); k += nAttr;
    records.push({ op: OP_NAMES[code], code, dtype: DTYPES[dt], shape, inputs, attrs });
  }
  return { records, outputs: Array.from(p.subarray(k, k + p[4])), params: p[3] };
}

function programOf(tensors: Tensor[]): { program: Int32Array; hash: string } {
  const roots = [...new Set(tensors.map((t) => t.live('debug')))];
  const c = core.cut(roots);
  return { program: c.program, hash: c.hashHi.toString(16).padStart(8, '0') + c.hashLo.toString(16).padStart(8, '0') };
}

/**
 * The 64-bit structural hash (hex) of the graph that syncing these tensors would run: equal
 * for equal structure, shapes and dtypes, whatever the data.
 * @example
 * lt.debug.graphHash(lt.tensor([1, 2]).add(1));
 */
export function graphHash(...tensors: Tensor[]): string { return programOf(tensors).hash; }

function formatConst(attrs: number[]): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setInt32(0, attrs[0], true);
  view.setInt32(4, attrs[1], true);
  return String(view.getFloat64(0, true));
}

/**
 * The graph as text, one node a line: `%3 = add(%1, %2) : float32[2,3]`.
 * @example
 * console.log(lt.debug.graphText(lt.tensor([1, 2]).add(1)));
 */
export function graphText(...tensors: Tensor[]): string {
  const { program, hash } = programOf(tensors);
  const { records, outputs } = parseProgram(program);
  const lines = records.map((r, i) => {
    const args = r.code === 1 ? formatConst(r.attrs) : r.code === 0 ? `slot ${r.attrs[0]}` : [...r.inputs.map((x) => `%${x}`), ...(r.attrs.length ? [`[${r.attrs.join(',')}]`] : [])].join(', ');
    return `%${i} = ${r.op}(${args}) : ${r.dtype}[${r.shape.join(',')}]`;
  });
  return [`graph ${hash}`, ...lines, `return ${outputs.map((o) => `%${o}`).join(', ')}`].join('\n');
}

/**
 * Numbers about the graph that syncing these tensors would run.
 * @example
 * lt.debug.graphStats(lt.tensor([1, 2]).add(1)); // { nodesBefore: 3, ... }
 */
export function graphStats(...tensors: Tensor[]): { nodesBefore: number; nodesAfter: number; kernels: number; parameters: number; constants: number; hash: string } {
  const { program, hash } = programOf(tensors);
  const { records, params } = parseProgram(program);
  const constants = records.filter((r) => r.code === 1).length;
  const kernels = records.filter((r) => !LEAF_OPS.has(r.code)).length;
  return { nodesBefore: records.length, nodesAfter: records.length, kernels, parameters: params, constants, hash };
}

/**
 * The graph in Graphviz dot syntax.
 * @example
 * require('fs').writeFileSync('g.dot', lt.debug.graphDot(y));
 */
export function graphDot(...tensors: Tensor[]): string {
  const { program, hash } = programOf(tensors);
  const { records, outputs } = parseProgram(program);
  const lines = [`digraph "${hash}" {`, '  node [shape=box, fontname="monospace"];'];
  records.forEach((r, i) => {
    const style = LEAF_OPS.has(r.code) ? ', style=rounded' : outputs.includes(i) ? ', style=bold' : '';
    lines.push(`  n${i} [label="${r.op} ${r.dtype}[${r.shape.join(',')}]"${style}];`);
    for (const x of r.inputs) lines.push(`  n${x} -> n${i};`);
  });
  lines.push('}');
  return lines.join('\n');
}
