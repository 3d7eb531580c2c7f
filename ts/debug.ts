// Looking inside: the graph that syncing some tensors would run, as a hash, text, numbers or
// Graphviz, without running it.
import * as core from './engine/core';
import { OP_NAMES } from './generated/ops';
import { DTYPES } from './engine/runtime';
import { flags, passMask } from './engine/env';
import type { Tensor } from './tensor';
import { parseProgram } from '../accelerators/program';

const LEAF_OPS = new Set([0, 1, 2, 3]);

interface Graphs { program: Int32Array; optimized: Int32Array; hash: string }

/** The Program that syncing these tensors would run, before and after the passes. */
function programsOf(tensors: Tensor[], donate = false): Graphs {
  const roots = [...new Set(tensors.map((t) => t.live('debug')))];
  const c = core.cut(roots);
  // the same cut again, finding the params a sync of these roots would donate (the plan
  // depends on them; the hash reported stays the structural one)
  if (donate) core.cut(roots, true);
  const program = c.program;
  const optimized = core.optimize(passMask());
  return { program, optimized, hash: c.hashHi.toString(16).padStart(8, '0') + c.hashLo.toString(16).padStart(8, '0') };
}

/**
 * The 64-bit structural hash (hex) of the graph that syncing these tensors would run: equal
 * for equal structure, shapes and dtypes, whatever the data.
 * @example
 * lt.debug.graphHash(lt.tensor([1, 2]).add(1));
 */
export function graphHash(...tensors: Tensor[]): string {
  const roots = [...new Set(tensors.map((t) => t.live('graphHash')))];
  const c = core.cut(roots);
  return c.hashHi.toString(16).padStart(8, '0') + c.hashLo.toString(16).padStart(8, '0');
}

function formatConst(attrs: number[]): string {
  return String(new Float64Array(new Int32Array(attrs).buffer)[0]);
}

/** One line a record: `%3 = add(%1, %2) : float32[2,3]`, then the return line. */
export function programText(p: Int32Array): string[] {
  const { records, outputs } = parseProgram(p);
  const lines = records.map((r, i) => {
    const args = r.op === 1 ? formatConst(r.attrs) : r.op === 0 ? `slot ${r.attrs[0]}` : [...r.inputs.map((x) => `%${x}`), ...(r.attrs.length ? [`[${r.attrs.join(',')}]`] : [])].join(', ');
    return `%${i} = ${OP_NAMES[r.op]}(${args}) : ${DTYPES[r.dtype]}[${r.dims.join(',')}]`;
  });
  return [...lines, `return ${outputs.map((o) => `%${o}`).join(', ')}`];
}

/**
 * The graph as text, before and after the optimization passes, one node a line:
 * `%3 = add(%1, %2) : float32[2,3]`.
 * @example
 * console.log(lt.debug.graphText(lt.tensor([1, 2]).add(1)));
 */
export function graphText(...tensors: Tensor[]): string {
  const g = programsOf(tensors);
  return [`graph ${g.hash}`, 'before passes:', ...programText(g.program),
    `after passes (${flags.PASSES.join(', ') || 'none'}):`, ...programText(g.optimized)].join('\n');
}

/**
 * Numbers about the graph that syncing these tensors would run, without running it: records
 * before and after the passes, kernels (fused groups), parameters, constants, and peakBytes:
 * the most bytes of tensor buffers live at once while the WASM interpreter runs it (its params,
 * the buffers its memory plan materializes, outputs), which is exactly what the interpreter
 * allocates (fixed kernel scratch aside). With the DONATE flag (the default) it assumes the
 * inputs a sync of these tensors would donate: freed, or written over, where they die.
 * @example
 * lt.debug.graphStats(lt.tensor([1, 2]).add(1)); // { nodesBefore: 3, nodesAfter: 3, ... }
 */
export function graphStats(...tensors: Tensor[]): {
  nodesBefore: number; nodesAfter: number; kernels: number; parameters: number; constants: number; peakBytes: number; hash: string;
} {
  const g = programsOf(tensors, flags.DONATE);
  const { kernels, peakBytes } = core.analyze();
  const after = parseProgram(g.optimized);
  return {
    nodesBefore: g.program[2], nodesAfter: g.optimized[2], kernels, parameters: after.nParams,
    constants: after.records.filter((r) => r.op === 1).length, peakBytes, hash: g.hash,
  };
}

/**
 * The optimized graph in Graphviz dot syntax, fused groups as clusters.
 * @example
 * require('fs').writeFileSync('g.dot', lt.debug.graphDot(y));
 */
export function graphDot(...tensors: Tensor[]): string {
  const g = programsOf(tensors);
  const { groups } = core.analyze();
  const { records, outputs } = parseProgram(g.optimized);
  const lines = [`digraph "${g.hash}" {`, '  node [shape=box, fontname="monospace"];'];
  const clusters = new Map<number, number[]>();
  records.forEach((r, i) => {
    const style = LEAF_OPS.has(r.op) ? ', style=rounded' : outputs.includes(i) ? ', style=bold' : '';
    const label = `  n${i} [label="%${i} ${OP_NAMES[r.op]} ${DTYPES[r.dtype]}[${r.dims.join(',')}]"${style}];`;
    if (groups[i] >= 0) clusters.set(groups[i], [...(clusters.get(groups[i]) ?? []), i]);
    lines.push(label);
  });
  for (const [group, members] of clusters) {
    if (members.length < 2) continue;
    lines.push(`  subgraph cluster_${group} { label="fused"; style=dashed; ${members.map((m) => `n${m};`).join(' ')} }`);
  }
  records.forEach((r, i) => { for (const x of r.inputs) lines.push(`  n${x} -> n${i};`); });
  lines.push('}');
  return lines.join('\n');
}

export { explainLastMiss } from './engine/explain';
export { stablehlo } from './debug-stablehlo';
