import { describe, expect, it } from 'vitest';
import { changedFields } from './EditIncidentModal.tsx';

const base = { title: 'A', description: '', severity: 2, tlp: 'AMBER' as const, pap: 'AMBER' as const, serious: false, personalData: false, beyondCapacity: false };

describe('editing an incident', () => {
  it('sends only what changed', () => {
    expect(changedFields(base, { ...base })).toEqual({});
    expect(changedFields(base, { ...base, severity: 4, serious: true })).toEqual({ severity: 4, serious: true });
  });
});
