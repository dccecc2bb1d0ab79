import { describe, expect, it } from 'vitest';
import { validateObject } from '@lachan/stix';
import { freetextPattern, mispEventToStix, tlpMarking } from './misp.ts';

describe('MISP to STIX', () => {
  it('turns supported attributes into valid indicators marked with the event TLP, and skips the rest', () => {
    const out = mispEventToStix({
      uuid: 'e1', info: 'Phishing wave', timestamp: '1700000000', Tag: [{ name: 'tlp:amber' }, { name: 'phishing' }],
      Attribute: [
        { uuid: '706224e7-85a6-502a-890e-57fbd2c98805', type: 'ip-dst', value: '203.0.113.5' },
        { type: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
        { type: 'email-src', value: "o'brien@example.com" },
        { type: 'text', value: 'a note' },
      ],
      Object: [{ Attribute: [{ type: 'hostname', value: 'c2.example.net' }] }],
    });
    expect(out.map((o) => o.pattern)).toEqual([
      "[ipv4-addr:value = '203.0.113.5']",
      "[file:hashes.'SHA-256' = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855']",
      "[email-addr:value = 'o\\'brien@example.com']",
      "[domain-name:value = 'c2.example.net']",
    ]);
    expect(out[0]).toMatchObject({ id: 'indicator--706224e7-85a6-502a-890e-57fbd2c98805', labels: ['phishing'], object_marking_refs: ['marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421'] });
    for (const o of out) expect(validateObject(o)).toEqual([]);
    expect(mispEventToStix({ uuid: 'e1', Attribute: [{ type: 'domain', value: 'x.example' }] })[0]!.id).toBe(mispEventToStix({ uuid: 'e1', Attribute: [{ type: 'domain', value: 'x.example' }] })[0]!.id);
  });

  it('maps tlp:white to CLEAR and ignores unknown TLP tags', () => {
    expect(tlpMarking([{ name: 'TLP:WHITE' }])).toBe('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487');
    expect(tlpMarking([{ name: 'tlp:ex:chr' }])).toBeNull();
  });

  it('detects the type of a free-text value', () => {
    expect(freetextPattern('2001:db8::1')).toBe("[ipv6-addr:value = '2001:db8::1']");
    expect(freetextPattern('10.0.0.0/8')).toBe("[ipv4-addr:value = '10.0.0.0/8']");
    expect(freetextPattern('da39a3ee5e6b4b0d3255bfef95601890afd80709')).toBe("[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']");
    expect(freetextPattern('https://x.example/a')).toBe("[url:value = 'https://x.example/a']");
    expect(freetextPattern('# comment')).toBeNull();
    expect(freetextPattern('not a value')).toBeNull();
  });
});
