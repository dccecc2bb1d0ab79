import { describe, expect, it } from 'vitest';
import { filtersFromParams } from './useQueueFilters.ts';

describe('the incident queue address', () => {
  it('lists one exercise\'s incidents with ?exerciseId=, and ignores a malformed id rather than sending it', () => {
    const id = '5b0c0f8e-7d1a-4c7e-9a43-0d6f7e1d2a10';
    expect(filtersFromParams(new URLSearchParams(`exerciseId=${id}`), '').exerciseId).toBe(id);
    expect(filtersFromParams(new URLSearchParams('exerciseId=drill-1'), '').exerciseId).toBeUndefined();
    expect(filtersFromParams(new URLSearchParams('exercise=true'), '')).toMatchObject({ exercise: true, exerciseId: undefined });
  });
});
