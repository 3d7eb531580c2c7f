// Counters and timings of the engine, read by lt.metrics() and explained by lt.metricsReport().

export interface Metrics {
  opsTraced: number;
  graphsExecuted: number;
  cacheHits: number;
  cacheMisses: number;
  compileMs: number;
  executeMs: number;
  transfersToDevice: number;
  transfersFromDevice: number;
  fallbackOps: number;
  autoCuts: number;
}

const zero = (): Metrics => ({
  opsTraced: 0, graphsExecuted: 0, cacheHits: 0, cacheMisses: 0, compileMs: 0, executeMs: 0,
  transfersToDevice: 0, transfersFromDevice: 0, fallbackOps: 0, autoCuts: 0,
});

/** The live counters; the engine increments fields directly (no call on the hot path). */
export const counters: Metrics = zero();

/**
 * A snapshot of the engine's counters and timings.
 * @example
 * const before = lt.metrics().graphsExecuted;
 * lt.tensor([1, 2]).add(1).dataSync();
 * console.log(lt.metrics().graphsExecuted - before); // 1
 */
export function metrics(): Metrics { return { ...counters }; }

/**
 * Resets every counter to zero.
 * @example
 * lt.resetMetrics();
 */
export function resetMetrics(): void { Object.assign(counters, zero()); }

/**
 * A human-readable summary of the metrics, with warnings about likely performance problems.
 * @example
 * console.log(lt.metricsReport());
 */
export function metricsReport(): string {
  const m = counters;
  const lines = [
    `ops traced          ${m.opsTraced}`,
    `graphs executed     ${m.graphsExecuted}`,
    `compile cache       ${m.cacheHits} hits, ${m.cacheMisses} misses`,
    `compile time        ${m.compileMs.toFixed(2)} ms` + (m.cacheMisses ? ` (${(m.compileMs / m.cacheMisses).toFixed(2)} ms each)` : ''),
    `execute time        ${m.executeMs.toFixed(2)} ms` + (m.graphsExecuted ? ` (${(m.executeMs / m.graphsExecuted).toFixed(3)} ms per graph)` : ''),
    `transfers           ${m.transfersToDevice} to device, ${m.transfersFromDevice} from device`,
    `fallback ops        ${m.fallbackOps}`,
    `automatic cuts      ${m.autoCuts}`,
  ];
  const warnings: string[] = [];
  if (m.graphsExecuted >= 5 && m.cacheMisses > m.graphsExecuted / 2) {
    warnings.push('recompiling every step: graph shapes or structure change between steps (see lt.debug.graphText)');
  }
  if (m.graphsExecuted > 0 && m.opsTraced / m.graphsExecuted < 3) {
    warnings.push('very small graphs: values are read after almost every op; batch reads or use lt.markStep()');
  }
  if (m.autoCuts > 0) warnings.push('pending graphs grew past the automatic cut size: call lt.markStep() once per step');
  return lines.join('\n') + warnings.map((w) => `\nwarning: ${w}`).join('');
}
