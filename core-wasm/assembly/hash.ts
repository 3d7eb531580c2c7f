// 64-bit word hashing: FNV-1a over 32-bit words, then a murmur-style finalizer. Fast enough
// to run at every node build (1–2 ns a word) and stable across processes and platforms.

export const SEED: u64 = 0xcbf29ce484222325;
const PRIME: u64 = 0x100000001b3;

@inline export function mix(h: u64, word: i32): u64 {
  return (h ^ <u64>(<u32>word)) * PRIME;
}

@inline export function mix64(h: u64, v: u64): u64 {
  return mix(mix(h, <i32>v), <i32>(v >> 32));
}

export function finish(h: u64): u64 {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccd;
  h ^= h >> 33;
  h *= 0xc4ceb93fe53d4ec5;
  h ^= h >> 33;
  return h;
}
