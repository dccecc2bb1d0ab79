import { describe, expect, it } from 'vitest';
import type { PromotionConditions } from '@lachan/contracts';
import { assetOf, attackerOf, groupKey, groupLabel, matchesConditions, type AlertFacts } from './promotion-match.ts';
import { alertsTitle, promotedTitle } from './incident-title.ts';

const alert: AlertFacts = {
  orgId: 'o1', severity: 3, rsitClass: 'intrusion-attempts', format: 'wazuh', ruleId: '5712', title: 'sshd brute force',
  attack: ['T1110.001'], assetHostname: 'web01', srcIp: '203.0.113.9', dstIp: '10.1.2.3', observables: [{ value: '203.0.113.9' }],
};
/** The shipped critical rule: one incident per signature and asset. */
const critical: PromotionConditions = { minSeverity: 4, group: { by: ['signature', 'asset'], windowMinutes: 1440 } };
const byAttacker: PromotionConditions = { minSeverity: 4, group: { by: ['signature', 'attackerOrAsset'] } };

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
});

describe('who is the attacker and what is the asset', () => {
  it('takes the outside party as the attacker, the source of an inbound alert or the destination of an outbound one', () => {
    expect(attackerOf({ srcIp: '203.0.113.9', dstIp: '10.1.2.3' })).toBe('203.0.113.9');
    expect(attackerOf({ srcIp: '192.168.4.7', dstIp: '198.51.100.77' })).toBe('198.51.100.77');
    expect(attackerOf({ srcIp: '10.0.0.5', dstIp: '10.0.0.9' })).toBe('10.0.0.5');
    expect(attackerOf({ srcIp: null, dstIp: null })).toBeNull();
    expect(attackerOf({ srcIp: 'fd00::5', dstIp: '2001:db8::1' })).toBe('2001:db8::1');
  });
  it('names the asset by its host name, else by its address inside the organisation', () => {
    expect(assetOf({ assetHostname: 'WEB01', srcIp: '203.0.113.9', dstIp: '10.1.2.3' })).toBe('web01');
    expect(assetOf({ assetHostname: null, srcIp: '203.0.113.9', dstIp: '10.1.2.3' })).toBe('10.1.2.3');
    expect(assetOf({ assetHostname: null, srcIp: '172.16.0.4', dstIp: '198.51.100.77' })).toBe('172.16.0.4');
    expect(assetOf({ assetHostname: null, srcIp: '203.0.113.9', dstIp: '198.51.100.77' })).toBeNull();
  });
});

describe('grouping alerts into incidents', () => {
  it('groups per organisation and the rule\'s fields, the older count form included', () => {
    expect(groupKey({ count: { threshold: 5, windowMinutes: 10, groupBy: 'srcIp' } }, alert)).toBe('o1|srcIp|203.0.113.9');
    expect(groupKey({}, alert)).toBe('o1|signature|5712');
    expect(groupKey({ group: { by: [] } }, alert)).toBe('o1||');
  });
  it('puts critical alerts of one signature on one system together whatever the attackers (the shipped rule)', () => {
    expect(groupKey(critical, { ...alert, srcIp: '203.0.113.10' })).toBe(groupKey(critical, alert));
    expect(groupKey(critical, alert)).toBe('o1|signature+asset|5712|web01');
    expect(groupKey(critical, { ...alert, assetHostname: 'db02' })).not.toBe(groupKey(critical, alert));
    expect(groupKey(critical, { ...alert, ruleId: '5720' })).not.toBe(groupKey(critical, alert));
    expect(groupKey(critical, { ...alert, orgId: 'o2' })).not.toBe(groupKey(critical, alert));
  });
  it('can group by attacker instead, falling back to the asset for alerts naming none', () => {
    expect(groupKey(byAttacker, { ...alert, assetHostname: 'db02', dstIp: '10.1.2.4' })).toBe(groupKey(byAttacker, alert));
    expect(groupKey(byAttacker, { ...alert, srcIp: '203.0.113.10' })).not.toBe(groupKey(byAttacker, alert));
    const malware = { ...alert, ruleId: '87105', title: 'VirusTotal: Alert', srcIp: null, dstIp: null, assetHostname: 'pc-17' };
    expect(groupKey(byAttacker, malware)).toBe('o1|signature+attackerOrAsset|87105|asset:pc-17');
    expect(groupKey(byAttacker, { ...malware, assetHostname: 'pc-18' })).not.toBe(groupKey(byAttacker, malware));
  });
});

describe('titles that tell incidents apart', () => {
  it('names the rule, the signature and the system or attacker the group shares', () => {
    const t = promotedTitle('Critical alert', groupLabel(critical, alert));
    expect(t).toEqual({
      code: 'promoted', params: { rule: 'Critical alert', signature: 'sshd brute force (5712)', asset: 'web01' },
      text: 'Critical alert: sshd brute force (5712) on web01',
    });
    expect(promotedTitle('Critical alert', groupLabel(byAttacker, alert)).text).toBe('Critical alert: sshd brute force (5712) from 203.0.113.9');
    expect(promotedTitle('Brute-force burst', groupLabel({ group: { by: ['attacker'] } }, alert)).text).toBe('Brute-force burst from 203.0.113.9');
  });
  it('names what chosen alerts share, else how many they are', () => {
    expect(alertsTitle([alert, { ...alert, assetHostname: 'db02' }])).toEqual({
      code: 'alerts', params: { count: '2', signature: 'sshd brute force', attacker: '203.0.113.9' }, text: 'sshd brute force from 203.0.113.9',
    });
    expect(alertsTitle([alert, { ...alert, ruleId: 'x', srcIp: '198.51.100.2' }]).text).toBe('2 alerts on web01');
  });
});
