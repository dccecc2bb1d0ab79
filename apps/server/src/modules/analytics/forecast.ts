import { fitHoltWinters, forecastHoltWinters } from './holt-winters.ts';
import { tameBursts } from './robust.ts';

/** Weekly seasonality of daily counts. */
export const PERIOD = 7;
export const HORIZON = 14;
const Z80 = 1.2816;
const Z95 = 1.96;

export type ModelName = 'ensemble' | 'holt_winters' | 'seasonal_mean' | 'seasonal_naive' | 'mean';

export interface ForecastPoint {
  date: string;
  mean: number;
  lo80: number;
  hi80: number;
  lo95: number;
  hi95: number;
}

export interface Forecast {
  model: ModelName;
  points: ForecastPoint[];
  backtest: { mase: number | null; coverage80: number | null; coverage95: number | null; origins: number };
  candidates: { model: ModelName; mase: number | null }[];
  note: string | null;
}

/** A model's h-step forecast on the square-root scale: means and standard deviations. */
type Predict = (z: number[], h: number) => { mean: number[]; sd: number[] };

const avg = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sdOf = (xs: number[]) => {
  const m = avg(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / Math.max(1, xs.length - 1));
};

/** y(t+h) = y(t+h−7k): last week repeated; its error grows with the number of weeks ahead. */
const seasonalNaive: Predict = (z, h) => {
  const resid = z.slice(PERIOD).map((v, i) => v - z[i]!);
  const s = sdOf(resid);
  const last = z.slice(-PERIOD);
  return { mean: Array.from({ length: h }, (_, k) => last[k % PERIOD]!), sd: Array.from({ length: h }, (_, k) => s * Math.sqrt(Math.floor(k / PERIOD) + 1)) };
};

/** The level of the last three weeks plus each weekday's mean offset over the last sixteen. */
const seasonalMean: Predict = (z, h) => {
  const weeks = Math.min(16, Math.floor(z.length / PERIOD));
  const tail = z.slice(-weeks * PERIOD);
  const level = avg(z.slice(-3 * PERIOD));
  const offsets = Array.from({ length: PERIOD }, (_, d) => avg(tail.filter((_, i) => i % PERIOD === d)) - avg(tail));
  const fitted = tail.map((_, i) => avg(tail) + offsets[i % PERIOD]!);
  const s = sdOf(tail.map((v, i) => v - fitted[i]!));
  return { mean: Array.from({ length: h }, (_, k) => level + offsets[(tail.length + k) % PERIOD]!), sd: Array.from({ length: h }, () => s * Math.sqrt(1 + 1 / weeks)) };
};

const holtWinters: Predict = (z, h) => forecastHoltWinters(fitHoltWinters(z, PERIOD), h);

const flatMean: Predict = (z, h) => {
  const s = sdOf(z);
  return { mean: Array.from({ length: h }, () => avg(z)), sd: Array.from({ length: h }, () => s * Math.sqrt(1 + 1 / Math.max(1, z.length))) };
};

/** The mean of Holt-Winters and the seasonal mean: their errors differ, and the average beats either more often. */
const ensemble: Predict = (z, h) => {
  const a = holtWinters(z, h);
  const b = seasonalMean(z, h);
  return { mean: a.mean.map((m, k) => (m + b.mean[k]!) / 2), sd: a.sd.map((s, k) => (s + b.sd[k]!) / 2) };
};

/**
 * A model fitted on the series with its bursts tamed (a wave of a few days is not a new level nor a
 * new weekly shape); its spread keeps the variance taming removed, so that intervals stay honest.
 */
const tamed = (fit: Predict): Predict => (z, h) => {
  const clean = tameBursts(z, PERIOD);
  const removed = avg(z.map((v, i) => (v - clean[i]!) ** 2));
  const p = fit(clean, h);
  return { mean: p.mean, sd: p.sd.map((s) => Math.sqrt(s * s + removed)) };
};

const MODELS: Record<ModelName, Predict> = {
  ensemble: tamed(ensemble), holt_winters: tamed(holtWinters), seasonal_mean: tamed(seasonalMean), seasonal_naive: seasonalNaive, mean: flatMean,
};

/**
 * MASE: the mean absolute error of the forecasts divided by the in-sample mean absolute error of the
 * one-step seasonal-naive forecast (|y(t) − y(t−7)|) on the training data (Hyndman & Koehler, 2006).
 * Below 1, the model beats last week's repeat; null when the training data has no variation to scale by.
 */
export function mase(actual: number[], predicted: number[], training: number[], period = PERIOD): number | null {
  const scale = avg(training.slice(period).map((v, i) => Math.abs(v - training[i]!)));
  if (!(scale > 0) || actual.length === 0) return null;
  return avg(actual.map((a, i) => Math.abs(a - predicted[i]!))) / scale;
}

/** Counts are forecast on the square-root scale (their variance grows with the level) and squared back. */
function predictCounts(model: ModelName, y: number[], h: number) {
  const z = y.map((v) => Math.sqrt(Math.max(0, v)));
  const p = MODELS[model](z, h);
  const back = (v: number) => Math.max(0, v) ** 2;
  return p.mean.map((mu, k) => ({
    mean: back(mu), lo80: back(mu - Z80 * p.sd[k]!), hi80: back(mu + Z80 * p.sd[k]!), lo95: back(mu - Z95 * p.sd[k]!), hi95: back(mu + Z95 * p.sd[k]!),
  }));
}

/** Rolling-origin backtest: forecasts HORIZON days from several origins over the last weeks. */
function backtest(model: ModelName, y: number[], origins: number) {
  const errs: number[] = [];
  let inside80 = 0;
  let inside95 = 0;
  let n = 0;
  const scores: number[] = [];
  for (let o = 0; o < origins; o++) {
    const cut = y.length - HORIZON - o * PERIOD;
    const train = y.slice(0, cut);
    const actual = y.slice(cut, cut + HORIZON);
    const pred = predictCounts(model, train, actual.length);
    const score = mase(actual, pred.map((p) => p.mean), train);
    if (score !== null) scores.push(score);
    actual.forEach((a, i) => {
      errs.push(Math.abs(a - pred[i]!.mean));
      if (a >= pred[i]!.lo80 && a <= pred[i]!.hi80) inside80++;
      if (a >= pred[i]!.lo95 && a <= pred[i]!.hi95) inside95++;
      n++;
    });
  }
  return { mase: scores.length ? avg(scores) : null, coverage80: n ? inside80 / n : null, coverage95: n ? inside95 / n : null };
}

const addDays = (day: string, k: number) => new Date(Date.parse(`${day}T00:00:00Z`) + k * 86_400_000).toISOString().slice(0, 10);

/**
 * Forecasts a daily count series HORIZON days ahead with 80% and 95% prediction intervals. Each
 * candidate (Holt-Winters with damped trend, the seasonal mean, their average, all fitted with bursts
 * tamed; last week's repeat as the benchmark) is backtested from rolling origins over the last weeks;
 * the one with the lowest MASE forecasts. Series shorter than five weeks get a flat mean forecast, and say so.
 */
export function forecastDaily(y: number[], lastDay: string): Forecast {
  const points = (model: ModelName) => predictCounts(model, y, HORIZON).map((p, k) => ({ date: addDays(lastDay, k + 1), ...p }));
  if (y.length < 5 * PERIOD || y.every((v) => v === 0)) {
    const note = y.length === 0 ? 'no history yet' : y.length < 5 * PERIOD ? 'fewer than five weeks of history: flat mean' : 'no activity in the history';
    return { model: 'mean', points: points('mean'), backtest: { mase: null, coverage80: null, coverage95: null, origins: 0 }, candidates: [], note };
  }
  const origins = Math.max(1, Math.min(12, Math.floor((y.length - 3 * PERIOD - HORIZON) / PERIOD) + 1));
  const tried = (['ensemble', 'holt_winters', 'seasonal_mean', 'seasonal_naive'] as const).map((model) => ({ model, ...backtest(model, y, origins) }));
  const best = tried.reduce((b, c) => ((c.mase ?? Infinity) < (b.mase ?? Infinity) ? c : b), tried[0]!);
  return {
    model: best.model,
    points: points(best.model),
    backtest: { mase: best.mase, coverage80: best.coverage80, coverage95: best.coverage95, origins },
    candidates: tried.map((t) => ({ model: t.model, mase: t.mase })),
    note: null,
  };
}
