// Turns the core's error codes into messages that name the op and the input shapes.
import { nodeShape } from './core';

const REASONS: Record<number, string> = {
  [-1]: 'wrong number of inputs or attributes',
  [-2]: 'unsupported dtype',
  [-3]: 'inputs have different dtypes',
  [-4]: 'shapes cannot be broadcast together',
  [-5]: 'axis out of range',
  [-6]: 'an axis is repeated',
  [-7]: 'not a permutation of the axes',
  [-8]: 'the new shape has a different number of elements',
  [-9]: 'rank out of range',
  [-10]: 'invalid dimension (negative or not an integer)',
  [-11]: 'inner dimensions do not match',
  [-12]: 'inputs differ in shape off the concat axis',
  [-13]: 'slice out of bounds',
  [-14]: 'malformed attributes',
  [-15]: 'a tensor was used after it was disposed',
  [-16]: 'more than 2^31 - 1 elements',
  [-17]: 'unknown op',
  [-18]: "the filter's input channels do not match the input's",
  [-19]: 'bad stride, dilation or padding, or the window does not fit the input',
};

export const fmtShape = (s: readonly number[]) => `[${s.join(',')}]`;

/** The Error for a failed op: `add: shapes cannot be broadcast together (shapes [2,3] and [4])`. */
export function opError(op: string, code: number, inputs: readonly number[], detail = ''): Error {
  const shapes = inputs.map((n) => fmtShape(nodeShape(n)));
  const list = shapes.length <= 1 ? shapes.join('') : `${shapes.slice(0, -1).join(', ')} and ${shapes[shapes.length - 1]}`;
  const what = shapes.length === 1 ? 'shape' : 'shapes';
  return new Error(`${op}: ${REASONS[code] ?? `error ${code}`}${detail ? `: ${detail}` : ''} (${what} ${list})`);
}

/** An Error for an argument the op cannot use, raised before anything is recorded. */
export function argError(op: string, message: string): Error {
  return new Error(`${op}: ${message}`);
}

/** Runs fn; an Error it throws (out of memory in an accelerator, say) is re-thrown with its
 *  message prefixed by the public call that failed, unless the message already names it. */
export function namedErrors<T>(op: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof Error && !e.message.startsWith(`${op}:`)) e.message = `${op}: ${e.message}`;
    throw e;
  }
}
