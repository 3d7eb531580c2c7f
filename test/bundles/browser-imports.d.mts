// Types of browser-imports.mjs: the bundle has the API of ts/index.ts.
import type * as LT from '../../ts/index';

export const direct: typeof LT;
export const bySelfReference: typeof LT;
