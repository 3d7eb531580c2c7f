// Issue 7: the browser demo (examples/browser/) trains its MNIST MLP in headless Chromium. The
// page is loaded as it is, in an iframe served by the test server; the test waits for its
// window.demoDone, checks the held-out accuracy and the loss chart, and saves a screenshot to
// examples/browser/out/demo.png (gitignored). Imports dist/lazytensor.browser.mjs: `npm test`
// builds it first (pretest); run `npm run build` before running this file alone.
import { describe, it, expect } from 'vitest';
import { page } from 'vitest/browser';

interface DemoResult { accuracy: number; seconds: number; loadSeconds: number; steps: number; losses: number[]; compiles: number; cacheHits: number }

const WIDTH = 720, HEIGHT = 640;

/** Loads examples/browser/index.html in an iframe; resolves when its script has started. */
async function openDemo(): Promise<{ frame: HTMLIFrameElement; done: Promise<DemoResult> }> {
  document.body.style.margin = '0';
  const frame = document.createElement('iframe');
  frame.style.cssText = `width:${WIDTH}px;height:${HEIGHT}px;border:0;display:block`;
  frame.src = '/examples/browser/index.html';
  const loaded = new Promise((resolve, reject) => { frame.onload = resolve; frame.onerror = reject; });
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as (Window & { demoDone?: Promise<DemoResult> }) | null;
  // the page's module script runs after its imports have loaded
  for (let t = 0; t < 600 && !win?.demoDone; t++) await new Promise((r) => setTimeout(r, 50));
  if (!win?.demoDone) throw new Error(`the demo did not start: ${frame.contentDocument?.getElementById('status')?.textContent}`);
  return { frame, done: win.demoDone };
}

/** Pixels of the chart canvas that are the loss curves' blue (not white, grey or black). */
function curvePixels(canvas: HTMLCanvasElement): number {
  const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i + 2] - data[i] > 60) n++;
  return n;
}

describe('examples/browser: the MNIST demo page', () => {
  it('trains to >= 90% held-out accuracy, draws its loss chart and saves a screenshot', async () => {
    await page.viewport(WIDTH, HEIGHT);
    const { frame, done } = await openDemo();
    const doc = frame.contentDocument!;
    const chart = doc.getElementById('loss-chart') as HTMLCanvasElement;

    // live: the chart has points while the training still runs
    let finished = false;
    done.then(() => { finished = true; }, () => { finished = true; });
    while (!finished && !(Number(chart.dataset.points) >= 10)) await new Promise((r) => setTimeout(r, 20));
    const pointsWhileTraining = finished ? 0 : Number(chart.dataset.points);
    const result = await done;
    expect(pointsWhileTraining, 'chart points drawn before the training ended').toBeGreaterThanOrEqual(10);
    expect(pointsWhileTraining).toBeLessThan(result.steps);

    expect(doc.body.dataset.state).toBe('done');
    expect(result.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(doc.getElementById('accuracy')!.textContent).toMatch(/held-out accuracy after epoch \d+: \d+\.\d+%/);
    // three compiles: the first step (which also computes the variables' initial values), the
    // steps after it, and the evaluation; then cache hits
    expect(result.compiles).toBeLessThanOrEqual(3);
    expect(result.cacheHits).toBeGreaterThan(result.steps - 3);

    // the chart: one point per step, the loss going down, blue curve pixels on the canvas
    expect(Number(chart.dataset.points)).toBe(result.steps);
    expect(result.losses).toHaveLength(result.steps);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(result.losses.slice(-20))).toBeLessThan(mean(result.losses.slice(0, 5)) / 3);
    const pixels = curvePixels(chart);
    expect(pixels).toBeGreaterThan(500);

    // the predictions: ten held-out digits with their predicted labels
    const captions = Array.from(doc.querySelectorAll('#digits figcaption'), (c) => c.textContent);
    expect(captions).toHaveLength(10);
    for (const c of captions) expect(c).toMatch(/^\d [✓✗]/);

    await page.screenshot({ path: '../../examples/browser/out/demo.png', element: frame });
    console.log(`browser demo: held-out accuracy ${(result.accuracy * 100).toFixed(2)}% after ${result.steps} steps in ${result.seconds.toFixed(1)} s (digits loaded in ${result.loadSeconds.toFixed(1)} s; ${pixels} curve pixels); screenshot examples/browser/out/demo.png`);
  }, 120_000);
});
