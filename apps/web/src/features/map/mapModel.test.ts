import { describe, expect, it } from 'vitest';
import geo from './vn-provinces.json';
import { activityRegions, chosenRegions, MAP_FILL, PROVINCE_CODES } from './mapModel.ts';

describe('province map', () => {
  it('draws exactly the 34 units of July 2025, by their Decision 19/2025 codes, with Hoàng Sa and Trường Sa', () => {
    const codes = geo.features.map((f) => f.properties.code).sort();
    expect(codes).toEqual([...PROVINCE_CODES].sort());
    expect(codes).toHaveLength(34);
    const rings = (code: string) => geo.features.find((f) => f.properties.code === code)!.geometry.coordinates.length;
    // Đà Nẵng carries the Hoàng Sa islands and Khánh Hòa the Trường Sa islands: many polygons each.
    expect(rings('48')).toBeGreaterThan(10);
    expect(rings('56')).toBeGreaterThan(50);
    const eastmost = Math.max(...geo.features.find((f) => f.properties.code === '56')!.geometry.coordinates.flat(2).map((p) => p[0]!));
    expect(eastmost).toBeGreaterThan(114);
  });

  it('shades by the tile grid’s scale and words every province', () => {
    const regions = activityRegions(PROVINCE_CODES, [{ key: '01', alerts: 9, occurrences: 100 }, { key: '79', alerts: 1, occurrences: 4 }], (code, c) => `${code}:${c?.alerts ?? 0}`);
    expect(regions).toHaveLength(34);
    expect(regions.find((r) => r.code === '01')).toEqual({ code: '01', level: MAP_FILL.length - 1, text: '01:9' });
    expect(regions.find((r) => r.code === '79')!.level).toBe(1);
    expect(regions.find((r) => r.code === '46')!.level).toBe(0);
    const chosen = chosenRegions(PROVINCE_CODES, ['48'], (code, yes) => `${code}${yes ? '+' : '-'}`);
    expect(chosen.filter((r) => r.level > 0).map((r) => r.text)).toEqual(['48+']);
  });
});
