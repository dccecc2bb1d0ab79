/**
 * Additive Holt-Winters (ETS(A,Ad,A)) with a damped trend, on an already transformed series:
 *   ŷ(t) = l + φb + s(t−m),  e = y − ŷ
 *   l ← l + φb + αe,  b ← φb + βe,  s(t) ← s(t−m) + γe
 * Forecast h ahead: l + (φ + … + φ^h)·b + s(t+h−m⌈h/m⌉). The h-step variance is σ²·(1 + Σ_{j<h} c_j²)
 * with c_j = α + β·(φ + … + φ^j) + γ·[j ≡ 0 mod m] (Hyndman et al., Forecasting with Exponential
 * Smoothing, class 1 models), σ² the variance of the one-step errors.
 */
export interface HoltWintersParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

export interface HoltWintersFit {
  params: HoltWintersParams;
  level: number;
  trend: number;
  /** The last m seasonal terms, oldest first. */
  season: number[];
  sigma2: number;
  sse: number;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Runs the recursions over `y` with fixed parameters. Needs at least two seasons. */
export function runHoltWinters(y: number[], m: number, params: HoltWintersParams): HoltWintersFit {
  const { alpha, beta, gamma, phi } = params;
  const first = y.slice(0, m);
  const second = y.slice(m, 2 * m);
  let level = mean(first);
  let trend = beta > 0 && second.length === m ? (mean(second) - mean(first)) / m : 0;
  const season = first.map((v) => v - level);
  let sse = 0;
  let n = 0;
  for (let t = m; t < y.length; t++) {
    const s = season[t - m]!;
    const e = y[t]! - (level + phi * trend + s);
    const newLevel = level + phi * trend + alpha * e;
    trend = phi * trend + beta * e;
    level = newLevel;
    season.push(s + gamma * e);
    sse += e * e;
    n++;
  }
  return { params, level, trend, season: season.slice(-m), sigma2: n > 1 ? sse / (n - 1) : 0, sse };
}

/** Point forecasts and standard deviations 1..h steps ahead. */
export function forecastHoltWinters(fit: HoltWintersFit, h: number): { mean: number[]; sd: number[] } {
  const { alpha, beta, gamma, phi } = fit.params;
  const m = fit.season.length;
  const means: number[] = [];
  const sds: number[] = [];
  let damp = 0;
  let acc = 0;
  for (let k = 1; k <= h; k++) {
    damp += phi ** k;
    means.push(fit.level + damp * fit.trend + fit.season[(k - 1) % m]!);
    if (k > 1) {
      const j = k - 1;
      let dj = 0;
      for (let i = 1; i <= j; i++) dj += phi ** i;
      const c = alpha + beta * dj + (j % m === 0 ? gamma : 0);
      acc += c * c;
    }
    sds.push(Math.sqrt(fit.sigma2 * (1 + acc)));
  }
  return { mean: means, sd: sds };
}

const GRID = {
  alpha: [0.02, 0.05, 0.1, 0.2, 0.35, 0.5],
  beta: [0, 0.01, 0.05],
  gamma: [0.01, 0.03, 0.05, 0.1, 0.2, 0.35],
};

/** Chooses α, β, γ on a grid by the smallest in-sample sum of squared one-step errors (φ = 0.98). */
export function fitHoltWinters(y: number[], m: number): HoltWintersFit {
  let best: HoltWintersFit | null = null;
  for (const alpha of GRID.alpha) {
    for (const beta of GRID.beta) {
      for (const gamma of GRID.gamma) {
        const fit = runHoltWinters(y, m, { alpha, beta, gamma, phi: 0.98 });
        if (!best || fit.sse < best.sse) best = fit;
      }
    }
  }
  return best!;
}
