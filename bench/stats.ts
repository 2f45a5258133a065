/** Percentiles and mean of a set of samples (milliseconds unless said otherwise). */
export type Summary = { n: number; mean: number; p50: number; p95: number; p99: number; max: number };

/** Summarises samples; percentiles use the nearest-rank method. */
export function summarise(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return { n: sorted.length, mean, p50: rank(50), p95: rank(95), p99: rank(99), max: sorted.at(-1) ?? 0 };
}

/** The median of a few samples. */
export function median(samples: readonly number[]): number {
  return summarise(samples).p50;
}
