import { mase } from '../../apps/server/src/modules/analytics/index.ts';

/** One sector's held-out window: the forecast, last week repeated, and what a forecaster knowing the true level would say. */
export interface Window {
  training: number[];
  actual: number[];
  forecast: number[];
  oracle: number[];
}

/** Last week of the training repeated over the horizon: the benchmark every forecast must beat. */
export const seasonalNaive = (training: number[], h: number): number[] => Array.from({ length: h }, (_, k) => training[training.length - 7 + (k % 7)]!);

/** A sector's MASE over its windows (summed): the forecast's, last week's repeat's, the oracle's; and the ratios to the repeat. */
export function scoreSector(windows: Window[]): { mase: number; naive: number; oracle: number; ratio: number; oracleRatio: number } {
  let m = 0;
  let n = 0;
  let o = 0;
  for (const w of windows) {
    m += mase(w.actual, w.forecast, w.training) ?? 0;
    n += mase(w.actual, seasonalNaive(w.training, w.actual.length), w.training) ?? 0;
    o += mase(w.actual, w.oracle, w.training) ?? 0;
  }
  const k = Math.max(1, windows.length);
  return { mase: m / k, naive: n / k, oracle: o / k, ratio: n > 0 ? m / n : Infinity, oracleRatio: n > 0 ? o / n : Infinity };
}
