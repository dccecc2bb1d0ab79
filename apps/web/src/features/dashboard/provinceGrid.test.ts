import { describe, expect, it } from 'vitest';
import { activityLevel, GRID_SIZE, PROVINCE_TILES } from './provinceGrid.ts';

describe('the province tile grid', () => {
  it('places each of the 34 units once, on distinct squares', () => {
    expect(PROVINCE_TILES).toHaveLength(34);
    expect(new Set(PROVINCE_TILES.map((t) => t.code)).size).toBe(34);
    expect(new Set(PROVINCE_TILES.map((t) => `${t.row}:${t.col}`)).size).toBe(34);
    expect(GRID_SIZE).toEqual({ rows: 17, cols: 5 });
  });

  it('keeps the north above the south (Hà Nội above Huế above Hồ Chí Minh above Cà Mau)', () => {
    const row = (code: string) => PROVINCE_TILES.find((t) => t.code === code)!.row;
    expect(row('01')).toBeLessThan(row('46'));
    expect(row('46')).toBeLessThan(row('79'));
    expect(row('79')).toBeLessThan(row('96'));
  });
});

describe('the activity colour scale', () => {
  it('leaves quiet units uncoloured and gives any activity at least the first step', () => {
    expect(activityLevel(0, 100)).toBe(0);
    expect(activityLevel(1, 10_000)).toBe(1);
    expect(activityLevel(100, 100)).toBe(5);
  });

  it('spreads values on a square-root scale', () => {
    expect(activityLevel(4, 100)).toBe(1);
    expect(activityLevel(25, 100)).toBe(3);
    expect(activityLevel(64, 100)).toBe(4);
  });
});
