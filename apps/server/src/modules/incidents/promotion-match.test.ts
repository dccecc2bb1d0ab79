import { describe, expect, it } from 'vitest';
import { groupKey, matchesConditions, type AlertFacts } from './promotion-match.ts';

const alert: AlertFacts = {
  orgId: 'o1', severity: 3, rsitClass: 'intrusion-attempts', format: 'wazuh', ruleId: '5712', title: 'sshd brute force',
  attack: ['T1110.001'], assetHostname: 'web01', srcIp: '203.0.113.9', observables: [{ value: '203.0.113.9' }],
};

describe('promotion conditions', () => {
  it('requires every given condition', () => {
    expect(matchesConditions({ minSeverity: 3, rsitClasses: ['intrusion-attempts'] }, alert)).toBe(true);
    expect(matchesConditions({ minSeverity: 4 }, alert)).toBe(false);
    expect(matchesConditions({ minSeverity: 2, formats: ['suricata'] }, alert)).toBe(false);
  });
  it('treats a technique as matching its sub-techniques', () => {
    expect(matchesConditions({ attack: ['T1110'] }, alert)).toBe(true);
    expect(matchesConditions({ attack: ['T1059'] }, alert)).toBe(false);
  });
  it('matches observables by value, ignoring case', () => {
    expect(matchesConditions({ observables: ['203.0.113.9'] }, alert)).toBe(true);
    expect(matchesConditions({ observables: ['198.51.100.1'] }, alert)).toBe(false);
  });
  it('groups per organisation and the chosen key', () => {
    expect(groupKey({ count: { threshold: 5, windowMinutes: 10, groupBy: 'srcIp' } }, alert)).toBe('o1|srcIp|203.0.113.9');
    expect(groupKey({}, alert)).toBe('o1|rule|5712');
  });
});
