import { describe, expect, it } from 'vitest';
import { parseAlert } from '@lachan/parsers';
import { parseCli } from './cli-args.ts';
import { GENERATORS } from './generators/index.ts';
import { ATTACKERS } from './generators/common.ts';
import { malformedRecord } from './malformed.ts';
import { Rng } from './rng.ts';
import { assetPlan, chooseReporters } from './setup.ts';
import { makeRecord } from './traffic.ts';
import { FORMATS, JSON_FORMATS, type Format, type GenContext, type OrgAssets } from './types.ts';
import type { Connector } from './setup.ts';
import type { OrgSummary } from '@lachan/contracts';

const NOW = Date.UTC(2025, 10, 21, 8, 30, 0);
const org = (index: number, slug: string): OrgAssets => ({
  orgId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, name: `Tổ chức ${slug} (demo)`, kind: 'ci_operator', index, slug,
  net: `10.64.${index}`, cidr: `10.64.${index}.0/24`, domain: `${slug}.example.vn`, hosts: [`www.${slug}.example.vn`, `${slug}-dc01`],
});
const VICTIM = org(17, 'evn-hn');
const SOC = org(42, 'ts-soc');

function records(format: Format, seed: number, n: number, reporter = VICTIM): string[] {
  const rng = new Rng(seed);
  return Array.from({ length: n }, (_, i) => GENERATORS[format]({ rng, now: NOW + i, victim: VICTIM, reporter, seq: i + 1 } satisfies GenContext));
}

/** Strips an RFC 3164 header (`<PRI>Mmm dd hh:mm:ss host `) in front of CEF. */
const afterSyslogPrefix = (line: string): string => line.replace(/^<\d{1,3}>[A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \S+ /, '');

describe('generators', () => {
  for (const format of FORMATS) {
    it(`${format}: one line per record, in the format's own syntax, and the parser takes it`, () => {
      for (const r of [...records(format, 1, 300), ...records(format, 2, 100, SOC)]) {
        expect(r).not.toMatch(/[\r\n]/);
        if (JSON_FORMATS.has(format)) expect(typeof JSON.parse(r)).toBe('object');
        if (format === 'cef') expect(afterSyslogPrefix(r).startsWith('CEF:0|')).toBe(true);
        if (format === 'syslog') expect(r).toMatch(/^<\d{1,3}>/);
        const out = parseAlert(format, r, { receivedAt: new Date(NOW) });
        if (!out.ok) throw new Error(`${format} record rejected (${out.code}: ${out.message}): ${r}`);
        expect(out.alert.title).not.toBe('');
      }
    });
  }

  it('wazuh: rule.id and srcport are strings, the offset has no colon', () => {
    for (const r of records('wazuh', 3, 100)) {
      const doc = JSON.parse(r) as { timestamp: string; rule: { id: unknown; level: number }; data?: { srcport?: unknown } };
      expect(typeof doc.rule.id).toBe('string');
      expect(doc.rule.level).toBeGreaterThanOrEqual(0);
      expect(doc.rule.level).toBeLessThanOrEqual(15);
      expect(doc.timestamp).toMatch(/T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{4}$/);
      if (doc.data?.srcport !== undefined) expect(typeof doc.data.srcport).toBe('string');
    }
  });

  it('suricata: flow_id is an integer literal in the text, most beyond 2^53', () => {
    const ids = records('suricata', 4, 200).map((r) => /"flow_id":(\d+),/.exec(r)?.[1]);
    expect(ids.every((id) => id !== undefined)).toBe(true);
    expect(ids.filter((id) => BigInt(id!) > 2n ** 53n).length).toBeGreaterThan(100);
    expect(ids.every((id) => BigInt(id!) < 2n ** 64n)).toBe(true);
  });

  it('attackers come from documentation ranges, victims from the organisation', () => {
    expect(ATTACKERS.every((ip) => /^(198\.51\.100|203\.0\.113|192\.0\.2)\.\d{1,3}$/.test(ip))).toBe(true);
    for (const format of FORMATS) {
      for (const r of records(format, 5, 100)) {
        const alert = parseAlert(format, r, { receivedAt: new Date(NOW) });
        if (!alert.ok) throw new Error(alert.message);
        for (const ip of [alert.alert.srcIp, alert.alert.dstIp].filter((x) => x !== null)) expect(ip).toMatch(/^(10\.64\.17|198\.51\.100|203\.0\.113|192\.0\.2)\./);
      }
    }
  });

  it('is deterministic by seed', () => {
    for (const format of FORMATS) {
      expect(records(format, 7, 50)).toEqual(records(format, 7, 50));
      expect(records(format, 7, 50)).not.toEqual(records(format, 8, 50));
    }
  });
});

describe('malformed records', () => {
  for (const format of FORMATS) {
    it(`${format}: broken records are rejected by the parser`, () => {
      const rng = new Rng(11);
      for (const valid of records(format, 9, 200)) {
        const bad = malformedRecord(format, valid, rng);
        expect(bad).not.toMatch(/[\r\n]/);
        expect(bad.trim()).not.toBe('');
        expect(bad).not.toBe(valid);
        const out = parseAlert(format, bad, { receivedAt: new Date(NOW) });
        if (out.ok) throw new Error(`${format} malformed record accepted: ${bad}`);
      }
    });
  }

  it('JSON formats: broken records are not JSON objects of the right shape', () => {
    const rng = new Rng(12);
    for (const valid of records('wazuh', 13, 100)) {
      const bad = malformedRecord('wazuh', valid, rng);
      let doc: unknown;
      try {
        doc = JSON.parse(bad);
      } catch {
        continue;
      }
      const rule = (doc as { rule?: { level?: unknown } } | null)?.rule;
      expect(Array.isArray(doc) || typeof doc !== 'object' || rule === undefined || typeof rule.level !== 'number' || rule.level > 16).toBe(true);
    }
  });
});

describe('traffic mix', () => {
  it('repeats re-send earlier records verbatim; fractions hold', () => {
    const connector: Connector = { id: 0, format: 'suricata', key: 'k', keyId: 'id', reporter: VICTIM, victims: [VICTIM], weight: 1 };
    const lane = { connector, rng: new Rng(3), seq: 0, recent: [] as string[] };
    const seen = new Set<string>();
    const counts = { valid: 0, malformed: 0, repeat: 0 };
    for (let i = 0; i < 5000; i++) {
      const { record, kind } = makeRecord(lane, NOW + i, 0.2, 0.05);
      counts[kind]++;
      if (kind === 'repeat') expect(seen.has(record)).toBe(true);
      if (kind === 'valid') seen.add(record);
    }
    expect(counts.repeat / 5000).toBeGreaterThan(0.17);
    expect(counts.repeat / 5000).toBeLessThan(0.23);
    expect(counts.malformed / 5000).toBeGreaterThan(0.035);
    expect(counts.malformed / 5000).toBeLessThan(0.065);
  });
});

describe('setup choices', () => {
  const kinds = ['ci_operator', 'ci_operator', 'province', 'agency', 'soc_provider', 'ministry', 'ci_operator', 'province'] as const;
  const orgs: OrgSummary[] = Array.from({ length: 80 }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `Org ${String(i).padStart(2, '0')}`, nameEn: `Organisation number ${i}`, shortName: i % 10 === 0 ? `ORG-${i}` : null,
    kind: kinds[i % kinds.length]!, parentId: null, provinceCode: String(i % 34).padStart(2, '0'), sectors: [['ENERGY', 'BANKING', 'TELECOM', 'HEALTH'][i % 4]!], status: 'active', mergedIntoId: null,
  }));

  it('chooses the same organisations for the same seed, SOC providers included', () => {
    const a = chooseReporters(orgs, 20, Rng.derive(1, 'setup')).map((o) => o.id);
    expect(chooseReporters(orgs, 20, Rng.derive(1, 'setup')).map((o) => o.id)).toEqual(a);
    expect(new Set(a).size).toBe(20);
    expect(chooseReporters(orgs, 20, Rng.derive(1, 'setup')).filter((o) => o.kind === 'soc_provider').length).toBeGreaterThan(0);
  });

  it('gives every organisation its own private /24, domain and host names', () => {
    const plan = [...assetPlan(orgs).values()];
    expect(new Set(plan.map((p) => p.cidr)).size).toBe(orgs.length);
    expect(new Set(plan.map((p) => p.domain)).size).toBe(orgs.length);
    for (const p of plan) {
      expect(p.cidr).toMatch(/^10\.\d+\.\d+\.0\/24$/);
      expect(p.domain).toMatch(/^[a-z0-9-]+\.example\.vn$/);
    }
  });
});

describe('command line', () => {
  it('reads the options and refuses remote servers', () => {
    const o = parseCli(['--url', 'http://127.0.0.1:8096', '--orgs', '20', '--rate', '1000', '--duration', '10', '--formats', 'wazuh,cef', '--gzip']);
    expect(o).toMatchObject({ orgs: 20, rate: 1000, duration: 10, formats: ['wazuh', 'cef'], gzip: true, batch: 500, repeat: 0.2, malformed: 0.01, seed: 1 });
    expect(() => parseCli(['--url', 'http://example.com:8080'])).toThrow(/this machine/);
    expect(() => parseCli(['--url', 'http://127.0.0.1:1', '--formats', 'pcap'])).toThrow(/formats/);
    expect(() => parseCli(['--url', 'http://127.0.0.1:1', '--rate', '-5'])).toThrow(/rate/);
  });
});
