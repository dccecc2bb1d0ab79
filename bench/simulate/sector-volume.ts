import { Rng } from './rng.ts';

/**
 * The simulator's model of national daily alert volume per sector: a base level by sector, a weekly
 * profile (quieter weekends), a slow trend and overdispersed noise (gamma-Poisson, i.e. negative
 * binomial), with optional labelled surges. Seeded: the same arguments give the same series.
 */
const BASE: Record<string, number> = {
  EGOV: 2400, BANKING: 1800, ENERGY: 900, TELECOM: 1500, HEALTH: 700, TRANSPORT: 500, FINANCE: 600, EDUCATION: 450,
};
export const WEEKLY = [1.08, 1.12, 1.1, 1.06, 1.0, 0.72, 0.62]; // Monday .. Sunday
/** Gamma shape of the day's rate: smaller is noisier. */
const SHAPE = 60;

export interface Surge {
  start: number;
  days: number;
  factor: number;
}

/** A sector's average alerts per day, before its weekly profile and trend. */
export function sectorBase(sector: string, seed = 1): number {
  return BASE[sector] ?? 120 + (Rng.derive(seed, `base:${sector}`).next() * 300);
}

/** Expected alerts per day of a sector on a date, before noise. */
export function sectorLevel(sector: string, date: Date, seed = 1): number {
  const base = sectorBase(sector, seed);
  const dow = (date.getUTCDay() + 6) % 7;
  // About +18% a year from 2025-01-01.
  const trend = 1 + 0.0005 * (date.getTime() / 86_400_000 - 20_089);
  return base * WEEKLY[dow]! * trend;
}

/** Expected alerts per second of a sector at a moment (for live traffic). */
export function sectorRate(sector: string, at: Date, seed = 1): number {
  return sectorLevel(sector, at, seed) / 86_400;
}

function gamma(rng: Rng, shape: number): number {
  // Marsaglia–Tsang, shape >= 1.
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      const u1 = rng.next() || 1e-12;
      const u2 = rng.next();
      x = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      v = 1 + c * x;
    } while (v <= 0);
    v = v ** 3;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function poisson(rng: Rng, lambda: number): number {
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * Math.sqrt(-2 * Math.log(rng.next() || 1e-12)) * Math.cos(2 * Math.PI * rng.next())));
  let k = 0;
  let p = 1;
  const l = Math.exp(-lambda);
  do {
    k++;
    p *= rng.next();
  } while (p > l);
  return k - 1;
}

/** `days` daily counts of a sector ending yesterday of `end`, with surges multiplying the level. */
export function dailySeries(sector: string, days: number, seed: number, opts: { end?: Date; surges?: Surge[] } = {}): { start: string; counts: number[] } {
  const rng = Rng.derive(seed, `daily:${sector}`);
  const end = opts.end ?? new Date(Date.UTC(2026, 10, 21));
  const start = new Date(end.getTime() - days * 86_400_000);
  const counts = Array.from({ length: days }, (_, i) => {
    const date = new Date(start.getTime() + i * 86_400_000);
    const surge = opts.surges?.find((s) => i >= s.start && i < s.start + s.days);
    const level = sectorLevel(sector, date, seed) * (surge ? surge.factor : 1);
    return poisson(rng, level * (gamma(rng, SHAPE) / SHAPE));
  });
  return { start: start.toISOString().slice(0, 10), counts };
}
