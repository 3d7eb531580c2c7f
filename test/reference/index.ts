// The independent float64 reference used by the op tests (house rule 7). See README.md.

export * from './core';
export * from './prng';
export * from './elementwise';
export * from './reduce';
export * from './shape';
export * from './linalg';
export * from './conv';
