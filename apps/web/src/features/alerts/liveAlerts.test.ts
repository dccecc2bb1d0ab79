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
});
