import type { NormalizedAlert } from '@lachan/contracts';
import { describe, expect, it } from 'vitest';
import { parseAlert } from '../parse-alert.ts';
import { corpusRecord } from '../testing/corpus.ts';

// ECS documents of the real-sample corpus (Elastic pipeline tests' expected output) whose severity is
// written on the source's own event.severity scale.
const receivedAt = new Date('2024-06-15T12:00:00.000Z');

function doc(file: string, index: number): NormalizedAlert {
  const r = parseAlert('ecs', corpusRecord('ecs', `ecs/${file}`, index, 'expected'), { receivedAt });
  if (!r.ok) throw new Error(`${r.code}: ${r.message}`);
  return r.alert;
}

describe('ECS severity on the scales Elastic writes for a source', () => {
  it('Defender for Endpoint: 1 informational and 2 low are low, 3 medium, 4 high', () => {
    const medium = doc('defender-endpoint-expected.json', 1);
    expect([medium.ruleId, medium.severity, medium.sourceSeverity]).toEqual([null, 2, '3']);
    expect([doc('defender-endpoint-expected.json', 0).severity, doc('defender-endpoint-expected.json', 3).severity]).toEqual([1, 1]);
  });

  it('PAN-OS: 5 (informational) is low, not the medium a 0–10 reading gives', () => {
    const a = doc('panw-threat-url-no-xff-expected.json', 0);
    expect([a.severity, a.sourceSeverity, a.srcIp, a.dstPort]).toEqual([1, '5', '192.168.15.224', 443]);
  });
});
