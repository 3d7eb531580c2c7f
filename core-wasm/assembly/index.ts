// The core's exports: integers in, integers out. ts/engine/core.ts is the only caller.
import { slots, isAlive as alive, ptrOf, liveNodes, pendingNodes, HEADER } from './node';
import { initIntern } from './intern';
import * as G from './graph';
import * as C from './cut';
import * as P from './passes/pipeline';
import * as A from './passes/analysis';
import { computeDonations } from './donate';

initIntern();

/** Scratch words for inputs and attributes; grows on demand (JS must then refresh views). */
export function ioPtr(words: i32): usize { G.io.reserve(words); return G.io.ptr; }
export function build(op: i32, nIn: i32, nAttr: i32): i32 { return G.build(op, nIn, nAttr); }
export function makeData(dtype: i32, rank: i32, buf: i32): i32 { return G.makeData(dtype, rank, buf); }
export function makeScalar(dtype: i32, value: f64): i32 { return G.makeScalar(dtype, value); }
export function makeConst(dtype: i32, value: f64): i32 { return G.makeConst(dtype, value); }
export function retain(id: i32): void { G.retain(id); }
/** Returns how many buffers were freed; their handles are at freedPtr(). */
export function release(id: i32): i32 { return G.release(id); }
export function realize(id: i32, buf: i32): i32 { return G.realize(id, buf); }
export function freedPtr(): usize { return G.freed.ptr; }
export function isAlive(id: i32): bool { return alive(id); }
/** The node's block: header words, then dims (see node.ts for the layout). */
export function nodePtr(id: i32): usize { return ptrOf(id); }
/** Words before a node's dims (JS reads dims, inputs and attributes after them). */
export function nodeHeaderWords(): i32 { return HEADER; }
export function liveNodeCount(): i32 { return liveNodes; }
export function pendingNodeCount(): i32 { return pendingNodes; }
export function collectPending(): i32 { return C.collectPending(slots); }
export function pendingPtr(): usize { return C.pending.ptr; }
/** Walks and hashes what the roots need; returns the record count. With `donate`, also finds
 *  the params nothing reads after the step (donatedPtr(), one word a slot; the hash covers it). */
export function cut(rootsPtr: usize, nRoots: i32, donate: bool): i32 {
  const n = C.cut(rootsPtr, nRoots);
  computeDonations(donate);
  return n;
}
export function donatedPtr(): usize { return A.donated.ptr; }
/** Writes the last cut's Program; returns its word count (words at programPtr()). */
export function serialize(): i32 { return C.serialize(); }
export function programPtr(): usize { return C.program.ptr; }
export function paramsPtr(): usize { return C.params.ptr; }
export function paramCount(): i32 { return C.params.len; }
/** Node id of each record of the last cut (same order as the Program's records). */
export function recordNodesPtr(): usize { return C.recordNodes.ptr; }
export function hashLo(): i32 { return <i32>C.hash; }
export function hashHi(): i32 { return <i32>(C.hash >> 32); }
/** Runs the enabled passes (a PASS_* mask) on the last cut Program; returns the optimized
 *  Program's word count (its words are at optimizedPtr()). */
export function optimize(passes: i32): i32 { return P.optimize(C.program.ptr, passes); }
export function optimizedPtr(): usize { return P.optimized.ptr; }
/** Fusion groups of the optimized Program; returns the kernel count (groups at groupsPtr()). */
export function fuse(): i32 { return A.fuse(P.optimized.ptr); }
export function groupsPtr(): usize { return A.groups.ptr; }
/** Peak live bytes of the optimized Program, after fuse(). */
export function peakBytes(): f64 { return A.peakBytes(); }
