/** Median, 90th and 99th percentiles of a list of timings. */
export function summarize(samples: readonly number[]): {
  median: number;
  p90: number;
  p99: number;
  runs: number;
} {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
  return { median: at(0.5), p90: at(0.9), p99: at(0.99), runs: sorted.length };
}
