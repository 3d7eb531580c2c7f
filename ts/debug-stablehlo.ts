// lt.debug.stablehlo: the StableHLO MLIR text that the XLA accelerator would compile for the
// graph that syncing some tensors would run (the optimized Program, lowered by
// accelerators/xla/lower.ts), without running it.
import * as core from './engine/core';
import { readNode, DTYPES } from './engine/runtime';
import { passMask } from './engine/env';
import { Op } from './generated/ops';
import { typedArrayFor, type DataType, type TypedArray } from '../accelerators/accelerator';
import { lowerProgram } from '../accelerators/xla/lower';
import type { Tensor } from './tensor';

/** One input of a lowered graph: what its param slot would receive when the graph runs. */
export interface StablehloParam { dtype: DataType; shape: number[]; data: TypedArray }

/** @internal The lowered module, the optimized Program it comes from, and the current value
 *  of every param slot (read from the accelerator: the tensors' graphs are not run). */
export function stablehloCase(...tensors: Tensor[]): { text: string; program: Int32Array; params: StablehloParam[] } {
  const roots = [...new Set(tensors.map((t) => t.live('stablehlo')))];
  const c = core.cut(roots);
  const nodes = Array.from(c.params);
  void c.program; // serializes the cut (the passes read it), as the runtime does before optimizing
  const program = core.optimize(passMask());
  const text = lowerProgram(program);
  const params = nodes.map((node) => {
    const dtype = DTYPES[core.nodeDtype(node)];
    const shape = core.nodeShape(node);
    if (core.nodeOp(node) === Op.data) return { dtype, shape, data: readNode(node) };
    const data = typedArrayFor(dtype, 1);
    data[0] = core.nodeValue(node);
    return { dtype, shape, data };
  });
  return { text, program, params };
}

/**
 * The StableHLO module (MLIR text) that the XLA accelerator would compile for the graph that
 * syncing these tensors would run, after the optimization passes; nothing is run.
 * @example
 * console.log(lt.debug.stablehlo(lt.tensor([1, 2]).exp()));
 */
export function stablehlo(...tensors: Tensor[]): string {
  return stablehloCase(...tensors).text;
}
