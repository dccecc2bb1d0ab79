import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS, filtersOf } from './auditFilters.ts';

describe('the audit viewer filters', () => {
  it('leaves out empty fields and turns days into Vietnamese day boundaries', () => {
    expect(filtersOf(EMPTY_FILTERS)).toEqual({});
    expect(filtersOf({ ...EMPTY_FILTERS, action: ' Incident. ', actor: ' Lan ', fromDay: '2026-12-01', toDay: '2026-12-01' })).toEqual({
      action: 'incident.', actor: 'Lan', from: '2026-11-30T17:00:00.000Z', to: '2026-12-01T17:00:00.000Z',
    });
  });
});
