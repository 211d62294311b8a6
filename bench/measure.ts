/** Timing and comparison helpers of the benchmark. */
import type { Answer } from "./shapes.ts";

export interface Timing {
  p50: number;
  p95: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

/** Runs `fn` a few times to warm up, then `runs` times; milliseconds. */
export async function time(fn: () => Promise<unknown>, runs: number, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** Analytics rounds to 4 decimals; the baseline may differ in the last bits of a float sum. */
function same(a: number | string | undefined, b: number | string | undefined): boolean {
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));
  return a === b;
}

/** The keys where the two answers differ (missing on one side, or another value); empty when equal. */
export function differences(chiso: Answer, baseline: Answer): string[] {
  const out: string[] = [];
  for (const key of new Set([...chiso.keys(), ...baseline.keys()])) {
    if (!same(chiso.get(key), baseline.get(key)))
      out.push(`${key}: chiso ${chiso.get(key) ?? "—"}, SQL ${baseline.get(key) ?? "—"}`);
  }
  return out;
}
