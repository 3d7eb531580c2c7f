// Uploads take the tensor's shape, on either transport: a program over a 2 x 3 buffer transposes
// it (values checked by hand), and dims that disagree with the data throw. (XLA's CPU client
// accepts any buffer of the right byte size for a param, so only a GPU or TPU plugin would
// reject a 1-D buffer here; shaped buffers are what every plugin expects.)
import { expect } from 'vitest';
import type { XlaAddon } from '../../accelerators/xla/index';

const TRANSPOSE = `module @m {
  func.func public @main(%a: tensor<2x3xf32>) -> tensor<3x2xf32> {
    %t = stablehlo.transpose %a, dims = [1, 0] : (tensor<2x3xf32>) -> tensor<3x2xf32>
    return %t : tensor<3x2xf32>
  }
}`;

/** Runs the checks on a transport (`who` prefixes its messages: xla or pjrt). */
export function expectShapedUploads(addon: XlaAddon, who: string): void {
  const exe = addon.compile(TRANSPOSE);
  const a = addon.upload(0, new Float32Array([1, 2, 3, 4, 5, 6]), [2, 3]);
  const [t] = addon.execute(exe, [a]);
  const got = addon.download(t);
  expect(Array.from(new Float32Array(got.slice().buffer))).toEqual([1, 4, 2, 5, 3, 6]);
  expect(() => addon.upload(0, new Float32Array(6), [4, 2])).toThrow(new RegExp(`^${who}: upload: dims hold 8 elements, data has 6$`));
  expect(() => addon.upload(0, new Float32Array(6), [65536, 65536, 65536, 65536])).toThrow(/dims hold 18446744073709552000 elements, data has 6$/);
  expect(() => addon.upload(0, new Float32Array(6), [-6])).toThrow(/dims must be an array of non-negative integers/);
  expect(() => addon.upload(0, new Float32Array(6), [1.5, 4])).toThrow(/dims must be an array of non-negative integers/);
  expect(() => addon.upload(0, new Float32Array(6), 6 as unknown as number[])).toThrow(/dims must be an array/);
  const empty = addon.upload(0, new Float32Array(0), [0, 3]);
  expect(addon.download(empty).byteLength).toBe(0);
  for (const h of [a, t, empty]) addon.free(h);
  addon.release(exe);
}
