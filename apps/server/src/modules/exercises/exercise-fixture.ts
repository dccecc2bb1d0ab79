import type { Inject, ScenarioDocument } from '@lachan/contracts';
import { scenarioTemplates } from './templates.ts';

const label = (en: string) => ({ vi: `${en} (vi)`, en });

/**
 * A short scenario for tests and the benchmark: every kind of inject within a few scenario minutes,
 * the alerts taken from the ransomware template. `injects` repeats the alert inject that many times.
 */
export function shortScenario(key = 'short-drill', alertInjects = 1): ScenarioDocument {
  const ransomware = scenarioTemplates()[0]!;
  const alerts = ransomware.injects[0]!;
  const repeated: Inject[] = Array.from({ length: alertInjects }, (_, i) => ({
    ...alerts, key: i === 0 ? 'alerts' : `alerts-${i}`, offsetMinutes: i === 0 ? 0 : Math.min(9, i * 0.05),
    expectations: [
      { key: 'open', kind: 'incident_opened', label: label('Take up the incident'), points: 100, withinMinutes: 30 },
      { key: 'report', kind: 'initial_report_filed', label: label('Initial report'), points: 50, withinMinutes: 60 },
      { key: 'support', kind: 'support_requested', label: label('Request support'), points: 30, withinMinutes: 60 },
      { key: 'task', kind: 'task_completed', label: label('Containment task'), points: 20, withinMinutes: 60 },
    ],
  }));
  return {
    schema: 'lachan-exercise/1', key, title: label('Short drill'), summary: label('Every inject kind in ten minutes.'), durationMinutes: 10,
    injects: [
      ...repeated,
      { key: 'call', offsetMinutes: 0.5, kind: 'pressure', title: label('The press calls'), message: { from: 'Press', channel: 'media', subject: label('Confirm?'), body: label('Do you confirm?') },
        expectations: [{ key: 'statement', kind: 'evaluator', label: label('Holding statement'), points: 40, withinMinutes: 5 }] },
      { key: 'warn', offsetMinutes: 1, kind: 'warning', title: label('Centre warning'), warning: { severity: 3, title: label('LockBit'), body: label('Block the C2.') },
        expectations: [{ key: 'ack', kind: 'warning_acknowledged', label: label('Acknowledge'), points: 10, withinMinutes: 5 }] },
      { key: 'case', offsetMinutes: 1, kind: 'incident', title: label('An incident'), incident: { severity: 2, title: label('Reported intrusion'), description: label('A unit reports it.') },
        expectations: [{ key: 'take', kind: 'incident_opened', label: label('Take it up'), points: 10, withinMinutes: 5 }] },
      { key: 'memo', offsetMinutes: 1.5, kind: 'document', title: label('A memo'), message: { from: 'IT', subject: label('Memo'), body: label('Text') }, expectations: [] },
    ],
  };
}
