import { describe, expect, it } from 'vitest';
import { isRsitPair, normaliseRsit, RSIT_CLASSES, RSIT_TAXONOMY } from './rsit.ts';

describe('RSIT v1003', () => {
  it('has 11 classes and 39 types', () => {
    expect(RSIT_CLASSES).toHaveLength(11);
    expect(Object.values(RSIT_TAXONOMY).flat()).toHaveLength(39);
    expect(isRsitPair('intrusions', 'system-compromise')).toBe(true);
    expect(isRsitPair('intrusions', 'brute-force')).toBe(false);
  });

  it('keeps valid pairs and fills the class from a type', () => {
    expect(normaliseRsit('intrusion-attempts', 'brute-force')).toEqual({ rsitClass: 'intrusion-attempts', rsitType: 'brute-force' });
    expect(normaliseRsit(undefined, 'phishing')).toEqual({ rsitClass: 'fraud', rsitType: 'phishing' });
    expect(normaliseRsit('other', 'phishing')).toEqual({ rsitClass: 'fraud', rsitType: 'phishing' });
    expect(normaliseRsit('phishing')).toEqual({ rsitClass: 'fraud', rsitType: 'phishing' });
    expect(normaliseRsit('Malicious Code', 'Infected System')).toEqual({ rsitClass: 'malicious-code', rsitType: 'infected-system' });
  });

  it('maps the IntelMQ and legacy aliases', () => {
    const cases: Array<[string, string, string]> = [
      ['unauthorized-use-of-resources', 'fraud', 'unauthorised-use-of-resources'],
      ['botnet drone', 'malicious-code', 'infected-system'],
      ['ransomware', 'malicious-code', 'infected-system'],
      ['c&c', 'malicious-code', 'c2-server'],
      ['leak', 'information-content-security', 'data-leak'],
      ['vulnerable client', 'vulnerable', 'vulnerable-system'],
      ['vulnerable service', 'vulnerable', 'vulnerable-system'],
      ['unknown', 'other', 'undetermined'],
    ];
    for (const [alias, cls, type] of cases) expect(normaliseRsit(null, alias), alias).toEqual({ rsitClass: cls, rsitType: type });
  });

  it('answers nulls for what it does not know, keeping a known class', () => {
    expect(normaliseRsit('nonsense', 'nonsense')).toEqual({ rsitClass: null, rsitType: null });
    expect(normaliseRsit()).toEqual({ rsitClass: null, rsitType: null });
    expect(normaliseRsit('availability', 'nonsense')).toEqual({ rsitClass: 'availability', rsitType: null });
  });
});
