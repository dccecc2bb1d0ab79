import type { StatsCount } from '@lachan/contracts';
import { activityLevel, PROVINCE_TILES } from '../dashboard/provinceGrid.ts';

/** The tile grid's sequential scale, as plain colours an SVG fill takes (level 0 = no activity). */
export const MAP_FILL = ['#f1f3f5', '#dbe4ff', '#bac8ff', '#91a7ff', '#5c7cfa', '#3b5bdb'] as const;

/** One province on the map: its level on the scale and the words its tooltip and accessible name say. */
export interface MapRegion {
  code: string;
  level: number;
  text: string;
}

/** The 34 provinces' regions for activity counts (occurrences), worded by `describe`. */
export function activityRegions(codes: readonly string[], byProvince: StatsCount[], describe: (code: string, c: StatsCount | undefined) => string): MapRegion[] {
  const counts = new Map(byProvince.map((p) => [p.key, p]));
  const max = Math.max(0, ...byProvince.map((p) => p.occurrences));
  return codes.map((code) => {
    const c = counts.get(code);
    return { code, level: activityLevel(c?.occurrences ?? 0, max), text: describe(code, c) };
  });
}

/** The regions of a set of chosen provinces (a warning's targets): chosen ones at the deepest step. */
export function chosenRegions(codes: readonly string[], chosen: readonly string[], describe: (code: string, isChosen: boolean) => string): MapRegion[] {
  const set = new Set(chosen);
  return codes.map((code) => ({ code, level: set.has(code) ? MAP_FILL.length - 1 : 0, text: describe(code, set.has(code)) }));
}

/** The codes of the 34 provincial units (Decision 19/2025), in the tile grid's order. */
export const PROVINCE_CODES: readonly string[] = PROVINCE_TILES.map((p) => p.code);
