// Where Chromium is, for the browser tests (vitest.config.ts) and the browser benchmark
// (bench/browser.mjs): Debian's (`apt-get install -y chromium`; .ci/run installs it), never a
// browser that playwright downloads.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** $LT_CHROMIUM, else Debian's real binary (beside the /usr/bin/chromium wrapper script, which
 *  prints a harmless shell warning), else `chromium` on PATH. */
export function chromiumPath() {
  if (process.env.LT_CHROMIUM) return process.env.LT_CHROMIUM;
  if (existsSync('/usr/lib/chromium/chromium')) return '/usr/lib/chromium/chromium';
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return '/usr/bin/chromium'; // not installed: the launch error names this path
}
