// (a) Tracing overhead per op: x.add(s) repeated in a chain of 10, 1k and 10k ops.
// lazytensor only records (nothing executes: the chain is dropped at the end of lt.tidy, which
// is part of what a user pays, so the headline is record + dispose; record alone is an extra
// row). Peers: tfjs's per-op dispatch (cpu and wasm backends, eager, tiny [1] tensors),
// jax-js eager dispatch (dropped without reading, like lazytensor's), and jax-js's tracer
// (makeJaxpr: what jit pays to trace, once per new shape).
import { useTf } from '../peers.mjs';
import { measureParts } from '../measure.mjs';

export const title = 'Tracing overhead per op (record only, no execution)';

const LENGTHS = [10, 1000, 10000];
const label = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));

export function cases({ lt, peers, ltBackends, quick }) {
  const { tf, jax } = peers;
  return LENGTHS.map((n) => ({
    suite: 'tracing',
    name: `chain of ${label(n)} adds`,
    unit: 'µs/op',
    value: (ms) => (ms * 1e3) / n,
    impls: [
      ...ltBackends.map((b) => ({
        name: `lazytensor[${b}]`,
        async setup() {
          lt.setBackend(b);
          const x = lt.tensor(new Float32Array([1]));
          const s = lt.scalar(0.001);
          x.dataSync(); s.dataSync();
          const chain = () => lt.tidy(() => { let y = x; for (let i = 0; i < n; i++) y = y.add(s); });
          return {
            check() {
              const m0 = lt.metrics();
              chain();
              const m1 = lt.metrics();
              if (m1.opsTraced - m0.opsTraced !== n) throw new Error(`expected ${n} ops traced, metrics say ${m1.opsTraced - m0.opsTraced}`);
              if (m1.graphsExecuted !== m0.graphsExecuted) throw new Error('a graph executed while only tracing');
              return null;
            },
            fn: chain,
            extras() {
              // Split one tidy into recording and the disposal at its end.
              let t1 = 0;
              const parts = measureParts(() => {
                const t0 = performance.now();
                lt.tidy(() => { let y = x; for (let i = 0; i < n; i++) y = y.add(s); t1 = performance.now(); });
                const t2 = performance.now();
                return { record: t1 - t0, dispose: t2 - t1 };
              }, { quick });
              const rows = [
                { label: 'record only', value: (parts.record.median * 1e3) / n, unit: 'µs/op' },
                { label: 'dispose at end of tidy', value: (parts.dispose.median * 1e3) / n, unit: 'µs/op' },
              ];
              if (n === 1000) {
                // The common user spelling: a JS number becomes a scalar parameter node per op.
                const p2 = measureParts(() => {
                  const t0 = performance.now();
                  lt.tidy(() => { let y = x; for (let i = 0; i < n; i++) y = y.add(0.001); });
                  return { all: performance.now() - t0 };
                }, { quick });
                rows.push({ label: 'x.add(0.001) with a JS number, record + dispose', value: (p2.all.median * 1e3) / n, unit: 'µs/op' });
              }
              return rows;
            },
            teardown() { lt.dispose([x, s]); },
          };
        },
      })),
      ...['cpu', 'wasm'].map((be) => ({
        name: `tfjs-${be}`,
        async setup() {
          await useTf(tf, be);
          const x = tf.tensor1d([1]);
          const s = tf.scalar(0.001);
          return {
            fn: () => tf.tidy(() => { let y = x; for (let i = 0; i < n; i++) y = tf.add(y, s); }),
            detail: 'eager dispatch incl. a tiny kernel per op',
            teardown() { tf.dispose([x, s]); },
          };
        },
      })),
      {
        name: 'jax-js eager',
        async setup() {
          const np = peers.np;
          const x = np.array(new Float32Array([1]));
          const s = np.array(new Float32Array([0.001]));
          return {
            fn: () => { let y = x.ref; for (let i = 0; i < n; i++) y = y.add(s.ref); y.dispose(); },
            detail: 'eager dispatch, result dropped unread',
            teardown() { x.dispose(); s.dispose(); },
          };
        },
      },
      {
        name: 'jax-js jit',
        async setup() {
          const np = peers.np;
          const x = np.array(new Float32Array([1]));
          const s = np.array(new Float32Array([0.001]));
          const f = (a, b) => { let y = a; for (let i = 0; i < n; i++) y = y.add(b.ref); b.dispose(); return y; };
          return {
            fn: () => { jax.makeJaxpr(f)(x, s).jaxpr.dispose(); }, // makeJaxpr does not consume its arguments
            detail: 'trace only: jax.makeJaxpr',
            teardown() { x.dispose(); s.dispose(); },
          };
        },
      },
    ],
  }));
}
