import { describe, expect, it } from 'vitest';
import { parsePattern } from './pattern.ts';
import { patternObservables } from './pattern-observables.ts';
import { exampleObjects } from './testing/samples.ts';

const indicators = exampleObjects().filter((s) => s.object.type === 'indicator').map((s) => s.object as unknown as { pattern: string; pattern_type: string });

describe('STIX patterns', () => {
  it('parses every pattern of the sample bundles', () => {
    expect(indicators.length).toBeGreaterThan(20);
    for (const i of indicators) expect(parsePattern(i.pattern).ok, i.pattern).toBe(true);
  });

  it('takes domains and addresses out of the APT1 OR-patterns', () => {
    const r = patternObservables("[domain-name:value = 'www.webserver.fartit.com' OR ipv4-addr:value = '113.10.246.30' OR ipv4-addr:value = '219.90.112.203']");
    expect(r).toEqual({ ok: true, skipped: [], observables: [
      { type: 'domain', value: 'www.webserver.fartit.com' },
      { type: 'ipv4', value: '113.10.246.30' },
      { type: 'ipv4', value: '219.90.112.203' },
    ] });
  });

  it('reads CIDR ranges, quoted and bare hash names, URLs, e-mail and IPv6', () => {
    const cases: Array<[string, Array<{ type: string; value: string }>]> = [
      ["[ipv4-addr:value = '112.64.0.0/15']", [{ type: 'cidr', value: '112.64.0.0/15' }]],
      ["[ ipv4-addr:value = '10.0.0.0' ]", [{ type: 'ipv4', value: '10.0.0.0' }]],
      ["[file:hashes.'SHA-256' = 'EF537F25C895BFA782526529A9B63D97AA631564D5D789C2B765448C8635FB6C']", [{ type: 'sha256', value: 'ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c' }]],
      ["[file:hashes.md5 = '001dd76872d80801692ff942308c64e6']", [{ type: 'md5', value: '001dd76872d80801692ff942308c64e6' }]],
      ["[file:hashes.'SHA-1' = '5374e08903744ceeaedd8f5e1bfc06b2c4688e76'] AND [url:value = 'http://x.example/a?b=1']", [{ type: 'sha1', value: '5374e08903744ceeaedd8f5e1bfc06b2c4688e76' }, { type: 'url', value: 'http://x.example/a?b=1' }]],
      ["[email-addr:value = 'Bad@Evil.example'] WITHIN 600 SECONDS", [{ type: 'email', value: 'bad@evil.example' }]],
      ["[ipv6-addr:value = '2001:DB8::/32'] OR [ipv6-addr:value = '2001:db8::1']", [{ type: 'cidr', value: '2001:db8::/32' }, { type: 'ipv6', value: '2001:db8::1' }]],
      ["[domain-name:value IN ('a.example', 'b.example')] REPEATS 2 TIMES START t'2025-01-01T00:00:00Z' STOP t'2025-02-01T00:00:00Z'", [{ type: 'domain', value: 'a.example' }, { type: 'domain', value: 'b.example' }]],
    ];
    for (const [pattern, want] of cases) expect(patternObservables(pattern), pattern).toMatchObject({ ok: true, observables: want });
  });

  it('lists comparisons it cannot match by value instead of inventing values', () => {
    expect(patternObservables("[file:name = 'CBricksDoc']")).toEqual({ ok: true, observables: [], skipped: ["file:name = 'CBricksDoc'"] });
    expect(patternObservables("[email-message:subject MATCHES '^[IMPORTANT] Please Review Before']")).toMatchObject({ skipped: ['email-message:subject MATCHES'] });
    expect(patternObservables("[domain-name:value = 'domain autuo.xicp.net' OR ipv4-addr:value != '1.2.3.4']")).toMatchObject({ observables: [], skipped: ["domain-name:value = 'domain autuo.xicp.net'", 'ipv4-addr:value !='] });
  });

  it('refuses malformed patterns with a clear message', () => {
    const bad: Array<[string, string]> = [
      ["ipv4-addr:value = '1.2.3.4'", 'expected "[" or "(" at offset 0, found "ipv4-addr"'],
      ["[ipv4-addr:value = '1.2.3.4'", 'expected "]" at offset 28, found end of pattern'],
      ["[ipv4-addr:value '1.2.3.4']", 'expected a comparison operator at offset 17, found "\'1.2.3.4\'"'],
      ["[ipv4-addr:value = '1.2.3.4]", 'unterminated string starting at offset 19'],
      ["[ipv4-addr = '1.2.3.4']", 'expected ":" at offset 11, found "="'],
      ["[a:b = 'x'] WITHIN SECONDS", 'expected a number at offset 19, found "SECONDS"'],
      ["[a:b = 'x'] AND", 'expected "[" or "(" at offset 15, found end of pattern'],
      ["[a:b = 'x' ; ]", 'unexpected character ";" at offset 11'],
    ];
    for (const [pattern, message] of bad) expect(patternObservables(pattern), pattern).toEqual({ ok: false, error: `malformed STIX pattern: ${message}` });
  });
});
