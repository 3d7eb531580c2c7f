// Helpers shared by the generators.
import { mkdirSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';

export const HEADER = '// Generated from ops/table.mjs by scripts/gen-ops.mjs. Do not edit.\n';

/** `floorDiv` -> `OP_FLOOR_DIV`. */
export const constName = (name) => 'OP_' + name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();

/** Writes a file only when its text changed, so watchers and asc caches stay quiet. */
export function emit(path, text) {
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
