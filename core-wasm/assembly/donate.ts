// Buffer donation: which params of the last cut nothing will read after the step runs, so the
// executable may overwrite their buffers (an SGD update W - lr*g written over W). A data leaf
// is donatable when no JS handle holds it and every node that reads it is freed once the
// roots are realized: those are the cut's nodes that are not roots, have no handle, and are
// read by no node that outlives the step (one outside the cut, or one of the cut kept alive).
import * as K from './generated/opcodes';
import { Vec } from './vec';
import { ptrOf, field, input, F_OP, F_NIN, F_REFS, F_EXT, F_LOCAL } from './node';
import { recordNodes, params, cutRoots, cutRootCount, mixIntoHash } from './cut';
import { donated } from './passes/analysis';

const inRefs = new Vec();  // per record: references from records of the cut
const kept = new Vec();    // per record: 1 root, 2 outlives the step, 0 freed with the step

/** Fills analysis.ts's `donated` (per param slot, 1 = its buffer may be overwritten) for the
 *  last cut; all zero unless `enabled`. When any slot is donated the cut's hash takes the
 *  mask in: the memory plan, hence the executable, depends on it. Returns the count. */
export function computeDonations(enabled: bool): i32 {
  const n = recordNodes.len;
  donated.len = 0;
  for (let s = 0; s < params.len; s++) donated.push(0);
  if (!enabled) return 0;
  // the common case on a cached sync: every data param still has a handle (inputs, weights
  // not reassigned): nothing to find, and no walk over the records
  let candidates = 0;
  for (let s = 0; s < params.len; s++) {
    const p = ptrOf(params.get(s));
    if (field(p, F_OP) == K.OP_DATA && field(p, F_EXT) == 0) candidates++;
  }
  if (candidates == 0) return 0;
  inRefs.len = 0; kept.len = 0;
  for (let i = 0; i < n; i++) { inRefs.push(0); kept.push(0); }
  for (let i = 0; i < n; i++) {
    const p = ptrOf(recordNodes.get(i));
    for (let k = 0; k < field(p, F_NIN); k++) {
      const x = field(ptrOf(input(p, k)), F_LOCAL);
      inRefs.set(x, inRefs.get(x) + 1);
    }
  }
  const roots = cutRoots();
  for (let r = 0; r < cutRootCount(); r++) kept.set(field(ptrOf(load<i32>(roots + (<usize>r << 2))), F_LOCAL), 1);
  // users come after their inputs: walking backwards, a record's fate is known before its inputs'
  for (let i = n - 1; i >= 0; i--) {
    const p = ptrOf(recordNodes.get(i));
    const k0 = kept.get(i);
    if (k0 == 1) continue; // a root: realized, its inputs released
    if (k0 == 2 || field(p, F_EXT) > 0 || field(p, F_REFS) > inRefs.get(i)) {
      kept.set(i, 2);
      for (let k = 0; k < field(p, F_NIN); k++) {
        const x = field(ptrOf(input(p, k)), F_LOCAL);
        if (kept.get(x) != 1) kept.set(x, 2); // a root read later is its value, not its inputs
      }
    }
  }
  let count = 0;
  for (let s = 0; s < params.len; s++) {
    const p = ptrOf(params.get(s));
    if (field(p, F_OP) != K.OP_DATA || kept.get(field(p, F_LOCAL)) != 0) continue;
    donated.set(s, 1);
    mixIntoHash(s);
    count++;
  }
  if (count > 0) mixIntoHash(-count);
  return count;
}
