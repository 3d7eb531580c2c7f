// The MLP training step of bench/suites/mlp.mjs (784-256-256-10, batch 128, hand-written
// backward, SGD lr 0.1, same data and weights) on 'xla' through a PJRT plugin (or XLA's CPU
// client with --cpu), after checking two steps against the interpreter ('wasm'). Prints JSON.
//   node bench/gpu/mlp-step.mjs --plugin /path/to/xla_cuda_plugin.so [--steps 200] [--cpu]
//        [--options '{"memory_fraction":0.5}']   (the plugin's client options, as JSON)
// Needs the bundles (npm run build) and native/build/lazytensor_pjrt.node (npm run build:native pjrt).
import * as lt from '../../dist/lazytensor.mjs';
import { NAMES, initData, handWrittenModel as model } from '../mlp-model.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const plugin = args.includes('--cpu') ? '' : opt('--plugin', process.env.LT_PJRT_PLUGIN);
const STEPS = Number(opt('--steps', 200));
if (plugin === undefined) throw new Error('mlp-step: --plugin <path> (or LT_PJRT_PLUGIN, or --cpu) is needed');

/** bench/measure.mjs's check (that module needs node_modules, which a GPU machine may lack):
 *  the worst |got - want| over max(1, max |want|) of each output. */
function compare(outs, refs) {
  let worst = 0, where = '';
  outs.forEach((a, k) => {
    const b = refs[k];
    let scale = 1;
    for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]));
    for (let i = 0; i < b.length; i++) {
      const d = Number.isNaN(a[i]) ? Infinity : Math.abs(a[i] - b[i]) / scale;
      if (d > worst) { worst = d; where = `${NAMES[k]}[${i}]: got ${a[i]}, expected ${b[i]}`; }
    }
  });
  return { err: worst, where };
}

await lt.ready();
const data = initData();
const status = lt.backends({ plugin, pluginOptions: JSON.parse(opt('--options', '{}')) }).xla;
if (!status.available) throw new Error(`mlp-step: xla is unavailable: ${status.reason}`);

// Reference: two steps on the interpreter.
lt.setBackend('wasm');
const ref = model(lt, data);
ref.step(); ref.step();
const want = NAMES.map((k) => ref.v[k].dataSync());
ref.dispose();

lt.setBackend('xla', { plugin, pluginOptions: JSON.parse(opt('--options', '{}')) });
const m = model(lt, data);
let t0 = performance.now();
m.step();
m.v.b3.dataSync();
const firstMs = performance.now() - t0;
m.step();
// The bench's own check: max |got - want| over max(1, max |want|), per parameter, within 1e-4.
const { err: maxRel, where } = compare(NAMES.map((k) => m.v[k].dataSync()), want);
if (!(maxRel <= 1e-4)) throw new Error(`mlp-step: xla's parameters after two steps differ from the interpreter's: ${where} (error ${maxRel})`);

for (let i = 0; i < 10; i++) m.step();   // warm
const m0 = lt.metrics();
const times = [];
for (let i = 0; i < STEPS; i++) {
  t0 = performance.now();
  m.step();
  times.push(performance.now() - t0);
}
m.v.b3.dataSync();
const m1 = lt.metrics();
times.sort((a, b) => a - b);
console.log(JSON.stringify({
  backend: 'xla', plugin: plugin || '(XLA CPU client)', platform: status.platform ?? 'cpu',
  checkErrVsInterpreter: maxRel, firstStepMs: +firstMs.toFixed(2), steps: STEPS,
  stepMsMedian: +times[STEPS >> 1].toFixed(3), stepMsP10: +times[Math.floor(STEPS * 0.1)].toFixed(3),
  stepMsP90: +times[Math.floor(STEPS * 0.9)].toFixed(3),
  cacheMisses: m1.cacheMisses - m0.cacheMisses, cacheHits: m1.cacheHits - m0.cacheHits,
  executeMsPerStep: +((m1.executeMs - m0.executeMs) / STEPS).toFixed(3),
}, null, 1));
m.dispose();
