import { ALERT_FORMATS, OBSERVABLE_TYPES, type AlertFormat } from '@lachan/contracts';
import fc from 'fast-check';
import { expect } from 'vitest';
import { normaliseObservable } from '../observables.ts';
import type { ParseOutcome } from '../types.ts';
import { sampleLines, wazuhAlertSamples } from './samples.ts';

/** Test-only fast-check arbitraries and the invariants every parse outcome must keep. */

/** Any UTF-16 code unit, lone surrogates and NUL included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
/** Pieces parsers look for, so random text reaches past their first check. */
const token = fc.constantFrom(
  '\u0000', '\ud800', '\udfff', '\ufeff', '"', '\\', '{', '}', '[', ']', ':', ',', '|', '=', ' ', '\n', '\r', '\t', '<34>', '<', '>', '1 ', '-',
  'CEF:0|', 'CEF:', 'T', 'Z', '+14:00', '-14:00', '9999-12-31T23:59:59', '0000-01-01', '2026-01-01T00:00:00', 'Jan', 'Feb 29', ' 9999 ',
  '198.51.100.7', '::1', 'fe80::1%eth0', 'example.vn', 'http://', 'hxxp://x[.]vn/', 'a@b.vn', 'd41d8cd98f00b204e9800998ecf8427e', '1e400', '-0', 'null',
  'true', 'rt=', 'src=', 'msg=', '\\=', '\\|', '[x@1 k="v"]', 'T1110', '.', '..', '%', '\u202e', '😀',
);
/** Text of any kind: code units, ASCII, full Unicode and parser tokens, mixed. */
export const anyText = fc.oneof(
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.array(fc.oneof(token, fc.string({ maxLength: 8 })), { maxLength: 40 }).map((a) => a.join('')),
);

/** A JSON value whose strings may hold anything (NUL, lone surrogates, tokens). */
export const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true },
    anyText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(anyText, tie('value'), { maxKeys: 5 })),
})).value;

/** Keys each JSON format reads, so structured records hit the mappers' paths with arbitrary values. */
const KEYS: Record<string, string[]> = {
  lachan: ['title', 'severity', 'time', 'sourceRef', 'description', 'vendor', 'product', 'rule', 'rsit', 'attack', 'src', 'dst', 'protocol', 'asset', 'tags', 'observables'],
  ecs: ['@timestamp', 'event', 'event.kind', 'event.severity', 'rule', 'rule.name', 'message', 'source', 'destination', 'host', 'threat', 'kibana.alert.rule.name', 'kibana.alert.original_time', 'related', 'url', 'file', 'dns', 'user', 'tags', 'observer', 'network'],
  wazuh: ['timestamp', '@timestamp', 'rule', 'agent', 'id', 'full_log', 'data', 'syscheck', 'predecoder', 'wazuh', 'wazuh.rule'],
  suricata: ['timestamp', 'flow_id', 'event_type', 'src_ip', 'src_port', 'dest_ip', 'dest_port', 'proto', 'alert', 'http', 'dns', 'tls', 'fileinfo', 'files', 'host'],
};
const NESTED: Record<string, string[]> = {
  lachan: ['ip', 'port', 'hostname', 'id', 'name', 'class', 'type', 'value', 'role'],
  ecs: ['kind', 'severity', 'risk_score', 'name', 'id', 'ip', 'port', 'original', 'technique', 'tactic', 'hash', 'question'],
  wazuh: ['level', 'description', 'id', 'groups', 'mitre', 'srcip', 'srcport', 'dstip', 'url', 'name', 'ip', 'md5_after'],
  suricata: ['signature', 'signature_id', 'severity', 'category', 'action', 'metadata', 'target', 'hostname', 'url', 'rrname', 'sni', 'md5'],
};
const fieldValue = (format: string) => fc.oneof(anyJson, fc.dictionary(fc.constantFrom(...NESTED[format]!), anyJson, { maxKeys: 6 }));

/** A JSON object of the format's keys with arbitrary values, as text (kind and event type often right). */
export function structuredRecord(format: 'lachan' | 'ecs' | 'wazuh' | 'suricata'): fc.Arbitrary<string> {
  const base = format === 'suricata' ? { event_type: 'alert' } : format === 'ecs' ? { event: { kind: 'alert' } } : format === 'lachan' ? { title: 't', severity: 1 } : { rule: { level: 5 } };
  return fc.tuple(fc.dictionary(fc.constantFrom(...KEYS[format]!), fieldValue(format), { maxKeys: 8 }), fc.boolean())
    .map(([o, keep]) => JSON.stringify(keep ? { ...base, ...o } : o));
}

/** Real sample records of each format (public fixtures), to be mutated. */
export function seedRecords(format: AlertFormat): string[] {
  switch (format) {
    case 'suricata': return sampleLines('suricata/test-eve-small.log');
    case 'ecs': return [JSON.stringify(JSON.parse(sampleLines('ecs/snort-log-sample_event.json').join('\n')))];
    case 'wazuh': return wazuhAlertSamples('wazuh/cases_integratord_read_valid_json_alerts.yaml').map((s) => s.alert);
    case 'cef': return sampleLines('cef/test-cef.log');
    case 'lachan': return [JSON.stringify({ title: 'SSH brute force', severity: 'high', time: '2026-01-01T00:00:00+07:00', src: { ip: '198.51.100.23' }, dst: { ip: '10.0.0.5', port: 22 }, tags: ['x'], observables: [{ type: 'domain', value: 'evil.example' }] })];
    case 'syslog': return ['<34>1 2026-01-01T00:00:00.003Z fw01.example.vn sshd 42 ID47 [ex@32473 ip="198.51.100.9"] Failed password from 203.0.113.5', '<13>Oct 11 22:14:15 gw sudo: pam_unix(sudo:auth): authentication failure; rhost=198.51.100.4'];
  }
}

/** A sample record cut, spliced or overwritten at random places. */
export function mutatedRecord(format: AlertFormat): fc.Arbitrary<string> {
  const seeds = seedRecords(format);
  return fc.tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), anyText), { minLength: 1, maxLength: 4 }))
    .map(([seed, edits]) => edits.reduce((s, [at, drop, insert]) => {
      const i = s.length === 0 ? 0 : at % (s.length + 1);
      return s.slice(0, i) + insert + s.slice(i + drop);
    }, seed));
}

export const anyFormat = fc.constantFrom(...ALERT_FORMATS);
export const anyDate = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true });
const MIN = Date.parse('0001-01-01T00:00:00Z');
const MAX = Date.parse('9999-12-31T23:59:59.999Z');

/** Holds when text has neither NUL nor an unpaired surrogate. */
export const storable = (s: string) => s.isWellFormed() && !s.includes('\u0000');

/**
 * The invariants of a parse outcome: a failure is a stable snake_case code with a storable message; an
 * alert has a title of 1–512 storable characters, a severity 1–4, a time in years 1–9999 UTC or none,
 * storable text everywhere, at most 200 observables, each of a known type and in canonical form.
 */
export function expectSound(out: ParseOutcome, label: string): void {
  expect(typeof out.ok, label).toBe('boolean');
  if (!out.ok) {
    expect(out.code, label).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
    expect(storable(out.message), label).toBe(true);
    return;
  }
  const a = out.alert;
  expect(a.title.length, label).toBeGreaterThan(0);
  expect(a.title.length, label).toBeLessThanOrEqual(512);
  expect([1, 2, 3, 4], label).toContain(a.severity);
  if (a.eventTime !== null) {
    const ms = Date.parse(a.eventTime);
    expect(ms >= MIN && ms <= MAX, `${label}: ${a.eventTime}`).toBe(true);
  }
  for (const [k, v] of Object.entries(a)) if (typeof v === 'string') expect(storable(v), `${label}: ${k}`).toBe(true);
  for (const t of [...a.tags, ...a.attackTechniques]) expect(storable(t), label).toBe(true);
  expect(a.observables.length, label).toBeLessThanOrEqual(200);
  for (const o of a.observables) {
    expect(OBSERVABLE_TYPES, label).toContain(o.type);
    expect(normaliseObservable(o.type, o.value), `${label}: ${o.type} ${o.value}`).toBe(o.value);
  }
}
