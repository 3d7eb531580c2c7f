// globalSetup of both projects (runs in the Node process that drives vitest): evaluates the
// fixed graphs of graphs.mjs in Node and provides the results, so that tests in Chromium (and
// in Node workers) can compare theirs with Node's:
//   inject('nodeSource')  the library from source (ts/index.ts), as the tests import it
//   inject('nodeDist')    the Node ESM bundle dist/lazytensor.mjs, or why it could not load
//   inject('nodeDeterministic')  FMA_GRAPHS from source under lt.env() DETERMINISTIC
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { TestProject } from 'vitest/node';
import type * as LT from '../../ts/index';
import { evaluate, FMA_GRAPHS, type GraphResult } from './graphs.mjs';

export interface NodeReference { node: string; results: GraphResult[] }

declare module 'vitest' {
  export interface ProvidedContext {
    nodeSource: NodeReference;
    nodeDist: NodeReference | { error: string };
    nodeDeterministic: NodeReference;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const node = process.version;
  const source = (await import('../../ts/index')) as typeof LT;
  await source.ready();
  project.provide('nodeSource', { node, results: evaluate(source) });
  source.env().set('DETERMINISTIC', true);
  await source.ready();
  project.provide('nodeDeterministic', { node, results: evaluate(source, FMA_GRAPHS) });
  source.env().set('DETERMINISTIC', false);
  await source.ready();

  const dist = fileURLToPath(new URL('../../dist/lazytensor.mjs', import.meta.url));
  if (!existsSync(dist)) {
    project.provide('nodeDist', { error: `${dist} is missing: run \`npm run build\` (npm test does)` });
    return;
  }
  try {
    const lt = (await import(/* @vite-ignore */ pathToFileURL(dist).href)) as typeof LT;
    await lt.ready();
    project.provide('nodeDist', { node, results: evaluate(lt) });
  } catch (e) {
    project.provide('nodeDist', { error: `loading ${dist} in Node failed: ${(e as Error).stack ?? e}` });
  }
}
