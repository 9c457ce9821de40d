// Timing helpers for the benchmark: wall time of one call, and latency percentiles over samples
// taken with process.hrtime.bigint (nanoseconds, monotonic).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export type LatencySummary = { median: number; p95: number; p99: number; mean: number; min: number; max: number };

export function timeOnce<T>(run: () => T): { value: T; milliseconds: number } {
  const start = process.hrtime.bigint();
  const value = run();
  return { value, milliseconds: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Percentiles by the nearest-rank method; all figures in nanoseconds. */
export function summarizeNanoseconds(samples: readonly bigint[]): LatencySummary {
  if (samples.length === 0) throw new Error('no samples to summarise');
  const sorted = samples.map(Number).sort((a, b) => a - b);
  const rank = (percentile: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil((percentile / 100) * sorted.length) - 1)] ?? 0;
  return {
    median: rank(50),
    p95: rank(95),
    p99: rank(99),
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    min: sorted[0] ?? 0,
    max: sorted.at(-1) ?? 0,
  };
}

let collect: (() => void) | null = null;

/**
 * A full garbage collection now, so the next timed phase does not pay for collecting the previous phase's garbage
 * (V8's --expose-gc switched on at run time, so the npm scripts need no flag).
 */
export function collectGarbage(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc !== 'function') throw new Error('V8 did not expose gc()');
    collect = () => {
      gc();
    };
  }
  collect();
}
