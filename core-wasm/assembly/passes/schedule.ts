// The order in which a fused Program's groups run, chosen to lower its peak memory: a greedy
// list schedule that, among the groups whose inputs are ready, runs next the one that adds
// the fewest bytes (its output, less the inputs it is the last to read). The Program's own
// order (a post-order walk from the roots) computes an activation's gradient mask long
// after the activation, or a large weight gradient while every smaller one still waits.
import * as K from '../generated/opcodes';
import { Vec } from '../vec';
import { Reader, R_WORDS } from './builder';

/** Larger Programs keep their own order: each greedy choice scans the ready groups, so the
 *  schedule costs up to units^2 / 2 steps (a few ms at this size). */
const MAX_UNITS = 1024;
const BYTES: StaticArray<i32> = [4, 4, 1];

export const order = new Vec();      // units (group roots and consts) in execution order
const unitAt = new Vec();            // per record: its unit, or -1 (params)
const depStart = new Vec(), deps = new Vec();   // per unit: the units it reads (distinct)
const userStart = new Vec(), users = new Vec(); // per unit: the units reading it
const stamp = new Vec(), remaining = new Vec(), indeg = new Vec(), ready = new Vec(), depEnd = new Vec();
const keep = new Vec();              // 1 for outputs: never freed
let size = new Float64Array(0);      // bytes per record, for the greedy choice

@inline function inputOf(r: Reader, i: i32, k: i32): i32 { const a = r.at(i); return r.w(a + R_WORDS + r.w(a + 2) + k); }
@inline function nIn(r: Reader, i: i32): i32 { return r.w(r.at(i) + 3); }

export function numelOf(r: Reader, i: i32): f64 {
  const a = r.at(i);
  let p: f64 = 1;
  for (let d = 0; d < r.w(a + 2); d++) p *= r.w(a + R_WORDS + d);
  return p;
}

export function bytesOf(r: Reader, i: i32): f64 {
  return numelOf(r, i) * BYTES[r.w(r.at(i) + 1)];
}

function reset(v: Vec, n: i32, x: i32): void {
  v.len = 0;
  for (let i = 0; i < n; i++) v.push(x);
}

/** The distinct units each unit reads: deps[depStart[u] .. depEnd[u]) (room is reserved for
 *  every input of its records); and the reverse, users[userStart[u] .. userStart[u + 1]). */
function buildEdges(r: Reader, n: i32): void {
  reset(depStart, n + 1, 0);
  for (let i = 0; i < n; i++) {
    const u = unitAt.get(i);
    if (u >= 0) depStart.set(u + 1, depStart.get(u + 1) + nIn(r, i));
  }
  for (let u = 0; u < n; u++) depStart.set(u + 1, depStart.get(u + 1) + depStart.get(u));
  reset(deps, depStart.get(n), -1);
  reset(depEnd, n, 0);
  for (let u = 0; u < n; u++) depEnd.set(u, depStart.get(u));
  reset(stamp, n, -1);
  for (let i = 0; i < n; i++) {
    const u = unitAt.get(i);
    if (u < 0) continue;
    for (let k = 0; k < nIn(r, i); k++) {
      const x = unitAt.get(inputOf(r, i, k));
      if (x < 0 || x == u || stamp.get(x) == u) continue; // a param, inside the group, or seen
      stamp.set(x, u);
      deps.set(depEnd.get(u), x);
      depEnd.set(u, depEnd.get(u) + 1);
    }
  }
  reset(userStart, n + 1, 0);
  for (let u = 0; u < n; u++) {
    for (let e = depStart.get(u); depEnd.get(u) > e; e++) userStart.set(deps.get(e) + 1, userStart.get(deps.get(e) + 1) + 1);
  }
  for (let u = 0; u < n; u++) userStart.set(u + 1, userStart.get(u + 1) + userStart.get(u));
  reset(users, userStart.get(n), 0);
  reset(stamp, n, 0);
  for (let u = 0; u < n; u++) {
    for (let e = depStart.get(u); depEnd.get(u) > e; e++) {
      const x = deps.get(e);
      users.set(userStart.get(x) + stamp.get(x), u);
      stamp.set(x, stamp.get(x) + 1);
    }
  }
}

/** Bytes unit u adds when it runs now: its output, less the inputs nobody reads after it. */
function delta(u: i32): f64 {
  let d = unchecked(size[u]);
  for (let e = depStart.get(u), end = depEnd.get(u); end > e; e++) {
    const x = deps.get(e);
    if (remaining.get(x) == 1 && !keep.get(x)) d -= unchecked(size[x]);
  }
  return d;
}

/** Writes `order`: the units of the Program (records whose group root is themselves, and
 *  consts), greedily by delta, ties in Program order; or in Program order when `greedy` is
 *  false or the Program is large. groups: per record its root, -1 for leaves. */
export function schedule(r: Reader, groups: Vec, greedy: bool): void {
  const n = r.count;
  order.len = 0;
  reset(unitAt, n, -1);
  let units = 0;
  for (let i = 0; i < n; i++) {
    const g = groups.get(i);
    if (g >= 0) unitAt.set(i, g); else if (r.op(i) == K.OP_CONST) unitAt.set(i, i);
    if (g == i || (g < 0 && r.op(i) == K.OP_CONST)) units++;
  }
  if (!greedy || units > MAX_UNITS) {
    for (let i = 0; i < n; i++) if (unitAt.get(i) == i) order.push(i);
    return;
  }
  buildEdges(r, n);
  if (size.length < n) size = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) unchecked(size[i] = bytesOf(r, i));
  reset(keep, n, 0);
  for (let k = 0; k < r.nOutputs; k++) keep.set(r.output(k), 1);
  reset(remaining, n, 0);
  reset(indeg, n, 0);
  ready.len = 0;
  for (let u = 0; u < n; u++) {
    if (unitAt.get(u) != u) continue;
    remaining.set(u, userStart.get(u + 1) - userStart.get(u));
    indeg.set(u, depEnd.get(u) - depStart.get(u));
    if (indeg.get(u) == 0) ready.push(u);
  }
  while (ready.len > 0) {
    let best = 0, bestD = delta(ready.get(0));
    for (let k = 1; k < ready.len; k++) {
      const d = delta(ready.get(k));
      if (d < bestD || (d == bestD && ready.get(k) < ready.get(best))) { best = k; bestD = d; }
    }
    const u = ready.get(best);
    ready.set(best, ready.get(ready.len - 1));
    ready.len--;
    order.push(u);
    for (let e = depStart.get(u); depEnd.get(u) > e; e++) remaining.set(deps.get(e), remaining.get(deps.get(e)) - 1);
    for (let e = userStart.get(u), end = userStart.get(u + 1); end > e; e++) {
      const v = users.get(e);
      indeg.set(v, indeg.get(v) - 1);
      if (indeg.get(v) == 0) ready.push(v);
    }
  }
}
