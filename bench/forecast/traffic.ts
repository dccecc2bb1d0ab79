import { Rng } from '../simulate/rng.ts';
import { sectorBase, WEEKLY } from '../simulate/sector-volume.ts';

const DAY_MS = 86_400_000;

/** Marsaglia–Tsang gamma variate (shape >= 1). */
function gamma(rng: Rng, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v ** 3;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

function normal(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(rng.next() || 1e-12)) * Math.cos(2 * Math.PI * rng.next());
}

function poisson(rng: Rng, lambda: number): number {
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rng)));
  let k = 0;
  let p = 1;
  const l = Math.exp(-lambda);
  do {
    k++;
    p *= rng.next();
  } while (p > l);
  return k - 1;
}

/** What shapes one sector's traffic (drawn once per sector and seed). */
export interface SectorTraits {
  /** Growth per year (−15 % … +40 %). */
  growth: number;
  /** How much quieter weekends are than the simulator's national profile (0.6 … 1.4 times its dip). */
  weekendDepth: number;
}

export function sectorTraits(sector: string, seed: number): SectorTraits {
  const r = Rng.derive(seed, `traits:${sector}`);
  return { growth: -0.15 + r.next() * 0.55, weekendDepth: 0.6 + r.next() * 0.8 };
}

/**
 * A sector's daily alerts over `days` days starting `start`, as national traffic looks: the simulator's
 * level and weekly profile (weekdays busy, weekends quiet, the depth of the dip the sector's own), a
 * trend of the sector's own, a level drifting slowly (a random walk on the log scale, ~1 % a day:
 * attention moves between sectors over weeks), bursts (a scan or phishing wave lifting one to three days
 * 1.5–3×, about one day in 25) and overdispersed day-to-day noise (gamma-Poisson). Seeded.
 */
export function sectorHistory(sector: string, start: Date, days: number, seed: number, scale = 1): number[] {
  return sectorTraffic(sector, start, days, seed, scale).counts;
}

/** Gamma shape of the day's rate (CV ≈ 16 %), daily drift of the log level, chance a burst starts on a day. */
const SHAPE = 40;
const DRIFT = 0.01;
const BURST_START = 0.04;

/** The counts, and the expected level behind them without the bursts and the day's noise (what a perfect forecaster knows). */
export function sectorTraffic(sector: string, start: Date, days: number, seed: number, scale = 1): { counts: number[]; level: number[]; drift: number[] } {
  const rng = Rng.derive(seed, `history:${sector}`);
  const traits = sectorTraits(sector, seed);
  const origin = start.getTime();
  let drift = 0;
  let burst = { left: 0, factor: 1 };
  const out: number[] = [];
  const level: number[] = [];
  const drifts: number[] = [];
  for (let i = 0; i < days; i++) {
    const date = new Date(origin + i * DAY_MS);
    // The simulator's weekly profile, its weekend dip deepened or softened for this sector.
    const weekly = 1 + (WEEKLY[(date.getUTCDay() + 6) % 7]! - 1) * traits.weekendDepth;
    const trend = 1 + traits.growth * (i / 365);
    drift += DRIFT * normal(rng);
    if (burst.left === 0 && rng.next() < BURST_START) burst = { left: 1 + Math.floor(rng.next() * 3), factor: 1.5 + rng.next() * 1.5 };
    const lift = burst.left > 0 ? burst.factor : 1;
    if (burst.left > 0) burst.left--;
    const rate = sectorBase(sector, seed) * weekly * trend * Math.exp(drift) * scale;
    level.push(rate);
    drifts.push(drift);
    out.push(poisson(rng, rate * lift * (gamma(rng, SHAPE) / SHAPE)));
  }
  return { counts: out, level, drift: drifts };
}
