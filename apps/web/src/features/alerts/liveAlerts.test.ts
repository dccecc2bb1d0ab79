import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '@lachan/contracts';
import { countNewAlerts } from './useLiveAlerts.ts';

const ingested = (exerciseId?: string) =>
  ({ type: 'alerts.ingested', data: { count: 2, alerts: [{ severity: 3, rsitClass: null, new: true }, { severity: 1, rsitClass: null, new: true }], ...(exerciseId ? { exerciseId } : {}) } }) as unknown as StreamEvent;

describe('countNewAlerts while the stream is paused', () => {
  it('counts real alerts in the real stream only, and an exercise\'s in the exercise view only', () => {
    expect(countNewAlerts(ingested(), {})).toBe(2);
    expect(countNewAlerts(ingested('5b0c0f8e-7d1a-4c7e-9a43-0d6f7e1d2a10'), {})).toBe(0);
    expect(countNewAlerts(ingested('5b0c0f8e-7d1a-4c7e-9a43-0d6f7e1d2a10'), { exercise: true })).toBe(2);
    expect(countNewAlerts(ingested(), { exercise: true })).toBe(0);
    expect(countNewAlerts(ingested(), { severity: 2 })).toBe(1);
  });

  it('counts in one exercise\'s view the alerts of that exercise only', () => {
    const one = '5b0c0f8e-7d1a-4c7e-9a43-0d6f7e1d2a10';
    expect(countNewAlerts(ingested(one), { exerciseId: one })).toBe(2);
    expect(countNewAlerts(ingested('6c1d1f9e-8e2b-4d8f-8b54-1e7f8f2e3b21'), { exerciseId: one })).toBe(0);
    expect(countNewAlerts(ingested(), { exerciseId: one })).toBe(0);
  });
});
