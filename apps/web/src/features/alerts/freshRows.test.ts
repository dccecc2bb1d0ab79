import { describe, expect, it } from 'vitest';
import type { AlertSummary } from '@lachan/contracts';
import { freshIds } from './freshRows.ts';

const row = (id: string, occurrences = 1) => ({ id, occurrences }) as AlertSummary;

describe('freshIds', () => {
  it('flags rows new at the top and rows whose count rose', () => {
    const prev = [row('1-3'), row('1-2', 4), row('1-1')];
    const next = [row('1-5'), row('1-4'), row('1-3'), row('1-2', 6), row('1-1')];
    expect([...freshIds(prev, next)]).toEqual(['1-5', '1-4', '1-2']);
  });

  it('does not flag older rows appended by "load older"', () => {
    const prev = [row('1-3'), row('1-2')];
    expect(freshIds(prev, [row('1-3'), row('1-2'), row('1-1'), row('1-0')]).size).toBe(0);
  });

  it('flags nothing when no row was shown before (a new filter)', () => {
    expect(freshIds([row('1-9')], [row('2-1'), row('2-0')]).size).toBe(0);
  });
});
