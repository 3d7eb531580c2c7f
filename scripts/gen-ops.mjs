// Turns the op table (ops/table.mjs) into the code each layer needs. Run by `npm run gen`.
import { genOpcodes } from './gen/opcodes.mjs';
import { genRules } from './gen/rules.mjs';
import { genTs } from './gen/ts.mjs';
import { genInterp } from './gen/interp.mjs';
import { genFold } from './gen/fold.mjs';

genOpcodes('core-wasm/assembly/generated/opcodes.ts');
genRules('core-wasm/assembly/generated/rules.ts');
genFold('core-wasm/assembly/generated/fold.ts');
genTs('ts/generated/ops.ts', 'ts/generated/elementwise.ts');
genInterp();
