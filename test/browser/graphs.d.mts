// Types of graphs.mjs.
import type * as LT from '../../ts/index';

export interface GraphResult {
  name: string;
  hash: string;
  text: string;
  shape: number[];
  dtype: string;
  /** The values' bytes, hex (bitwise comparison, NaN payloads included). */
  bytes: string;
  /** The values (non-finite ones as strings), for messages. */
  values: Array<number | string>;
}

export const GRAPHS: Record<string, (lt: typeof LT) => LT.Tensor>;
export const FMA_GRAPHS: Record<string, (lt: typeof LT) => LT.Tensor>;
export function evaluate(lt: typeof LT, graphs?: Record<string, (lt: typeof LT) => LT.Tensor>): GraphResult[];
