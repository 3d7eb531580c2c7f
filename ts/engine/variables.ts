// The registry of variables by name, as tfjs's ENGINE.registeredVariables: variableGrads and
// minimize default to every trainable variable, and applyGradients finds variables by name.
// Entries are weak: a variable that is disposed or collected leaves the registry.
import type { Variable } from '../tensor';

const registry = new Map<string, WeakRef<Variable>>();

/** Adds a variable to the registry (tfjs throws on a name already in use). */
export function registerVariable(v: Variable): void {
  if (registeredVariable(v.name)) throw new Error(`Variable with name ${v.name} was already registered`);
  registry.set(v.name, new WeakRef(v));
}

/** The live variable of that name, if any. */
export function registeredVariable(name: string): Variable | undefined {
  const v = registry.get(name)?.deref();
  if (v && !v.isDisposed) return v;
  registry.delete(name);
  return undefined;
}

/** Every live registered variable, in creation order. */
export function registeredVariables(): Variable[] {
  const out: Variable[] = [];
  for (const name of [...registry.keys()]) {
    const v = registeredVariable(name);
    if (v) out.push(v);
  }
  return out;
}
