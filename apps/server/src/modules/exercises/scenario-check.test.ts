import { describe, expect, it } from 'vitest';
import { Value } from 'typebox/value';
import { ScenarioDocument, type ScenarioDocument as Doc } from '@lachan/contracts';
import { scenarioProblems } from './scenario-check.ts';
import { scenarioTemplates } from './templates.ts';

const base = (): Doc => structuredClone(scenarioTemplates()[0]!);

describe('scenario documents', () => {
  it('ships three templates in both languages, each valid, with alerts every parser reads', () => {
    const templates = scenarioTemplates();
    expect(templates.map((t) => t.key)).toEqual(['ransomware-hospital', 'ddos-banks', 'soc-provider-intrusion']);
    for (const t of templates) {
      expect(Value.Check(ScenarioDocument, t)).toBe(true);
      expect(scenarioProblems(t)).toEqual([]);
      expect(t.title.vi).not.toBe(t.title.en);
      const kinds = new Set(t.injects.flatMap((i) => i.expectations.map((e) => e.kind)));
      for (const k of ['incident_opened', 'initial_report_filed', 'warning_acknowledged', 'indicator_added', 'task_completed', 'support_requested', 'evaluator']) {
        expect(kinds.has(k as never), `${t.key} checks ${k}`).toBe(true);
      }
    }
  });

  it('the closed schema refuses a field it does not know', () => {
    const doc = base() as Doc & { extra?: number };
    doc.extra = 1;
    expect(Value.Check(ScenarioDocument, doc)).toBe(false);
    const inj = base();
    (inj.injects[0] as unknown as Record<string, unknown>).sound = 'siren';
    expect(Value.Check(ScenarioDocument, inj)).toBe(false);
  });

  it('names what a schema cannot: repeated keys, payload of another kind, expectations that cannot be checked, unreadable records', () => {
    const doc = base();
    doc.injects[1]!.key = doc.injects[0]!.key;
    doc.injects[2]!.alerts = { format: 'cef', connector: 'x', records: ['CEF:0|a|b|1|2|n|5|src=1.2.3.4'] };
    doc.injects[3]!.expectations.push({ key: 'ack', kind: 'warning_acknowledged', label: { vi: 'a', en: 'a' }, points: 1, withinMinutes: 5 });
    doc.injects[0]!.alerts!.records.push('this is not wazuh');
    doc.injects[5]!.offsetMinutes = doc.durationMinutes + 1;
    const paths = scenarioProblems(doc).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining([
      'injects[1].key', 'injects[2].alerts', 'injects[3].expectations[1].kind', 'injects[0].alerts.records[3]', 'injects[5].offsetMinutes',
    ]));
  });
});
