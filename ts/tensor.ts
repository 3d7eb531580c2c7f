// The Tensor handle: a node id, its dtype and shape. Creating one records nothing by itself;
// reading its values (data, dataSync, array, print) is an observation point that runs the graph.
import * as core from './engine/core';
import { DTYPES, readNode, readNodeAsync, syncNodes, maybeAutoCut } from './engine/runtime';
import { fmtShape, namedErrors } from './engine/errors';
import type { DataType, TypedArray } from '../accelerators/accelerator';
import { track, untrack, type Cell } from './engine/lifetimes';
import { registerVariable, registeredVariable } from './engine/variables';

export type { DataType, TypedArray };
export type Rank = number;
/** Nested arrays of numbers or booleans, as tfjs's `array()` returns them. */
export type NestedArray = number | boolean | NestedArray[];

let nextId = 0;

export class Tensor {
  /** A unique id, as in tfjs. */
  readonly id = nextId++;
  /** @internal The graph node; -1 once disposed. */
  node: number;
  private _shape: number[] | undefined;
  private _dtype: DataType | undefined;
  /** @internal Set by lt.keep(): a tidy scope will not dispose it. */
  kept = false;
  /** @internal The safety net's view of this handle (lifetimes.ts), if registered. */
  cell: Cell | undefined = undefined;

  /** @internal Wraps a node the caller holds one reference to. */
  constructor(node: number, tracked = true) {
    this.node = node;
    if (tracked) track(this);
    maybeAutoCut();
  }

  get dtype(): DataType {
    return (this._dtype ??= DTYPES[core.nodeDtype(this.live('dtype'))]);
  }

  get shape(): number[] {
    return (this._shape ??= core.nodeShape(this.live('shape')));
  }

  get rank(): number { return this.shape.length; }
  get size(): number { return this.shape.reduce((a, b) => a * b, 1); }
  get isDisposed(): boolean { return this.node < 0; }

  /** @internal The node id, or a clear error if the tensor was disposed. */
  live(op: string): number {
    if (this.node < 0) throw new Error(`${op}: tensor ${this.id} ${this._shape ? fmtShape(this._shape) + ' ' : ''}was disposed`);
    return this.node;
  }

  /**
   * The values, synchronously: runs the pending graph this tensor needs.
   * @example
   * lt.tensor([1, 2]).mul(2).dataSync(); // Float32Array [2, 4]
   */
  dataSync(): TypedArray {
    const node = this.live('dataSync');
    try {
      return readNode(node);
    } catch (e) {
      throw this.readError('dataSync', e);
    }
  }

  /**
   * The values, as a Promise (tfjs's async read). A value still being computed by
   * lt.markStepAsync() is awaited without blocking the thread.
   * @example
   * await lt.tensor([1, 2]).mul(2).data(); // Float32Array [2, 4]
   */
  async data(): Promise<TypedArray> {
    const node = this.live('data');
    try {
      return await readNodeAsync(node);
    } catch (e) {
      throw this.readError('data', e);
    }
  }

  /** A failed read's error, named after the read and this tensor's shape (once). */
  private readError(read: string, e: unknown): unknown {
    const message = (e as Error).message;
    return message.startsWith(`${read}:`) ? e : new Error(`${read}: ${message} (shape ${fmtShape(this.shape)})`);
  }

  /**
   * The values as nested arrays.
   * @example
   * lt.tensor([[1, 2], [3, 4]]).arraySync(); // [[1, 2], [3, 4]]
   */
  arraySync(): NestedArray {
    const flat = this.dataSync();
    const values: (number | boolean)[] = this.dtype === 'bool' ? Array.from(flat, (v) => v !== 0) : Array.from(flat);
    return nest(values, this.shape, 0, 0);
  }

  async array(): Promise<NestedArray> { return this.arraySync(); }

  /** Materializes this tensor (an explicit sync of one root). */
  sync(): this {
    const node = this.live('sync');
    namedErrors('sync', () => syncNodes([node]));
    return this;
  }

  toString(verbose = false): string {
    const body = JSON.stringify(this.arraySync());
    return verbose ? `Tensor\n  dtype: ${this.dtype}\n  rank: ${this.rank}\n  shape: ${fmtShape(this.shape)}\n  values: ${body}` : `Tensor ${body}`;
  }

  /**
   * Prints the values (an observation point).
   * @example
   * lt.tensor([1, 2, 3]).print();
   */
  print(verbose = false): void { console.log(this.toString(verbose)); }

  /**
   * Releases the tensor's graph node and, when nothing else needs it, its buffer.
   * @example
   * const t = lt.tensor([1, 2]); t.dispose();
   */
  dispose(): void {
    if (this.node < 0) return;
    this._shape ??= core.nodeShape(this.node);
    const node = this.node;
    this.node = -1;
    untrack(this);
    core.release(node);
  }
}

function nest(values: (number | boolean)[], shape: number[], axis: number, offset: number): NestedArray {
  if (shape.length === 0) return values[0];
  const n = shape[axis];
  if (axis === shape.length - 1) return values.slice(offset, offset + n);
  const stride = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const out: NestedArray[] = [];
  for (let i = 0; i < n; i++) out.push(nest(values, shape, axis + 1, offset + i * stride));
  return out;
}

/**
 * A mutable tensor: `assign` rebinds it to a new value, recorded lazily like any op.
 * @example
 * const v = lt.variable(lt.zeros([2]));
 * v.assign(v.add(1));
 */
export class Variable extends Tensor {
  /** @internal Registers the variable by name (tfjs throws on a name in use). */
  constructor(node: number, public trainable = true, public readonly name = `variable${nextVariable++}`) {
    if (registeredVariable(name)) throw new Error(`Variable with name ${name} was already registered`);
    super(node, false);
    track(this, true);
    registerVariable(this);
  }

  /** Replaces the value; the new value must have the same shape and dtype. */
  assign(value: Tensor): void {
    if (!(value instanceof Tensor)) throw new Error(`assign: expected a Tensor, got ${value === null ? 'null' : typeof value} (variable ${fmtShape(this.shape)})`);
    const node = value.live('assign');
    const own = this.live('assign');
    if (!core.sameShapeNodes(node, own) || value.dtype !== this.dtype) {
      throw new Error(`assign: the new value ${fmtShape(value.shape)} ${value.dtype} must match the variable ${fmtShape(this.shape)} ${this.dtype}`);
    }
    core.retain(node);
    this.node = node;
    if (this.cell) this.cell.node = node;
    core.release(own);
  }
}
let nextVariable = 0;
