import { describe, expect, it } from 'vitest';
import { durationParts, nextStatuses, urgency } from './incidentLabels.ts';

describe('incident labels', () => {
  it('offers the moves the lifecycle allows', () => {
    expect(nextStatuses('new')).toEqual(['triage', 'containment', 'eradication', 'recovery', 'closed', 'rejected']);
    expect(nextStatuses('containment')).not.toContain('containment');
    expect(nextStatuses('closed')).toEqual(['triage']);
    expect(nextStatuses('rejected')).toEqual(['triage']);
  });

  it('counts down in days and hours, then hours and minutes; overdue below zero, soon within a day', () => {
    expect(durationParts(5 * 86_400 - 60)).toEqual({ d: 4, h: 23, m: 0 });
    expect(durationParts(-(3 * 3_600 + 125))).toEqual({ d: 0, h: 3, m: 2 });
    expect([urgency(-1), urgency(3_600), urgency(2 * 86_400)]).toEqual(['overdue', 'soon', 'later']);
  });
});
