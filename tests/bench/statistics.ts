/** Median and 90th percentile of a list of timings. */
export function summarize(samples: readonly number[]): { median: number; p90: number; runs: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? Number.NaN;
  return { median: at(0.5), p90: at(0.9), runs: sorted.length };
}
