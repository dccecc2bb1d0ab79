import { describe, it, expect } from 'vitest';
import { ORG_KINDS } from '@lachan/contracts';
import { PROVINCES, SECTORS } from '../reference/index.ts';
import { buildDemoNetwork, type DemoOrg } from './demo-network.ts';

const orgs = buildDemoNetwork();
const byKey = new Map(orgs.map((o) => [o.key, o]));
const provinceCodes = new Set(PROVINCES.map((p) => p.code));
const sectorCodes = new Set(SECTORS.map((s) => s.code));

function allEmails(o: DemoOrg): string[] {
  return [...(o.incidentReceptionEmail ? [o.incidentReceptionEmail] : []), ...o.focalPoints.map((f) => f.email)];
}

describe('buildDemoNetwork', () => {
  it('has at least 70 organisations', () => {
    expect(orgs.length).toBeGreaterThanOrEqual(70);
  });

  it('has unique keys', () => {
    expect(byKey.size).toBe(orgs.length);
  });

  it('has exactly one root, the national coordination centre in Hà Nội', () => {
    const roots = orgs.filter((o) => o.parentKey === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]?.kind).toBe('coordination_centre');
    expect(roots[0]?.provinceCode).toBe('01');
    expect(orgs.filter((o) => o.kind === 'coordination_centre')).toHaveLength(1);
  });

  it('resolves every parentKey and socClientKey', () => {
    for (const o of orgs) {
      if (o.parentKey !== null) expect(byKey.has(o.parentKey), `${o.key} → ${o.parentKey}`).toBe(true);
      for (const c of o.socClientKeys) {
        expect(byKey.has(c), `${o.key} client ${c}`).toBe(true);
        expect(c).not.toBe(o.key);
      }
    }
  });

  it('has no cycles: every org reaches the root', () => {
    for (const o of orgs) {
      const seen = new Set<string>();
      let cur: DemoOrg | undefined = o;
      while (cur && cur.parentKey !== null) {
        expect(seen.has(cur.key), `cycle through ${cur.key}`).toBe(false);
        seen.add(cur.key);
        cur = byKey.get(cur.parentKey);
      }
      expect(cur?.key).toBe('ncc');
    }
  });

  it('lists every parent before its children', () => {
    const index = new Map(orgs.map((o, i) => [o.key, i]));
    for (const [i, o] of orgs.entries()) {
      if (o.parentKey !== null) expect(index.get(o.parentKey)).toBeLessThan(i);
    }
  });

  it('uses only known kinds, province codes and sector codes', () => {
    for (const o of orgs) {
      expect(ORG_KINDS).toContain(o.kind);
      if (o.provinceCode !== null) expect(provinceCodes.has(o.provinceCode), o.key).toBe(true);
      for (const s of o.sectors) expect(sectorCodes.has(s), `${o.key} sector ${s}`).toBe(true);
      expect(new Set(o.sectors).size).toBe(o.sectors.length);
      if (o.securityLevel !== null) {
        expect(o.securityLevel).toBeGreaterThanOrEqual(1);
        expect(o.securityLevel).toBeLessThanOrEqual(5);
      }
    }
  });

  it('has one province unit for each of the 34 provinces', () => {
    const units = orgs.filter((o) => o.kind === 'province');
    expect(units).toHaveLength(34);
    expect(new Set(units.map((u) => u.provinceCode))).toEqual(provinceCodes);
    for (const u of units) expect(u.parentKey).toBe('ncc');
  });

  it('has ministries and regulators under the centre', () => {
    expect(orgs.filter((o) => o.kind === 'ministry').length).toBeGreaterThanOrEqual(3);
    expect(orgs.filter((o) => o.kind === 'regulator').length).toBeGreaterThanOrEqual(3);
    for (const o of orgs.filter((x) => x.kind === 'ministry' || x.kind === 'regulator')) {
      expect(o.parentKey).toBe('ncc');
    }
  });

  it('covers all 17 sectors among critical-infrastructure operators', () => {
    const covered = new Set(orgs.filter((o) => o.kind === 'ci_operator').flatMap((o) => o.sectors));
    expect(SECTORS).toHaveLength(17);
    for (const s of SECTORS) expect(covered.has(s.code), s.code).toBe(true);
  });

  it('spreads critical-infrastructure operators over many provinces, under regulators, ministries or provinces', () => {
    const cis = orgs.filter((o) => o.kind === 'ci_operator');
    expect(new Set(cis.map((o) => o.provinceCode)).size).toBeGreaterThanOrEqual(15);
    for (const o of cis) {
      const parent = o.parentKey === null ? undefined : byKey.get(o.parentKey);
      expect(['regulator', 'ministry', 'province']).toContain(parent?.kind);
    }
  });

  it('has agencies under ministries or provinces', () => {
    const agencies = orgs.filter((o) => o.kind === 'agency');
    expect(agencies.length).toBeGreaterThan(0);
    for (const a of agencies) {
      const parent = a.parentKey === null ? undefined : byKey.get(a.parentKey);
      expect(['ministry', 'province']).toContain(parent?.kind);
    }
  });

  it('has at least 3 SOC providers, each with 4–10 clients; only SOC providers have clients', () => {
    const socs = orgs.filter((o) => o.kind === 'soc_provider');
    expect(socs.length).toBeGreaterThanOrEqual(3);
    expect(socs.length).toBeLessThanOrEqual(4);
    for (const s of socs) {
      expect(s.socClientKeys.length).toBeGreaterThanOrEqual(4);
      expect(s.socClientKeys.length).toBeLessThanOrEqual(10);
      expect(new Set(s.socClientKeys).size).toBe(s.socClientKeys.length);
    }
    for (const o of orgs.filter((x) => x.kind !== 'soc_provider')) expect(o.socClientKeys).toEqual([]);
  });

  it('has one or two response teams', () => {
    const teams = orgs.filter((o) => o.kind === 'response_team');
    expect(teams.length).toBeGreaterThanOrEqual(1);
    expect(teams.length).toBeLessThanOrEqual(2);
  });

  it('marks every organisation as demo data and avoids real company names', () => {
    const banned = /viettel|vnpt|\bfpt\b|\bcmc\b|bkav/i;
    for (const o of orgs) {
      expect(o.name).toMatch(/\(demo\)$/);
      expect(o.nameEn ?? '').toMatch(/\(demo\)$/);
      expect(`${o.name} ${o.nameEn ?? ''} ${o.shortName ?? ''}`).not.toMatch(banned);
    }
  });

  it('gives every org 1–2 focal points, exactly one primary, with well-formed contact data', () => {
    for (const o of orgs) {
      expect(o.focalPoints.length).toBeGreaterThanOrEqual(1);
      expect(o.focalPoints.length).toBeLessThanOrEqual(2);
      expect(o.focalPoints.filter((f) => f.isPrimary)).toHaveLength(1);
      expect(new Set(o.focalPoints.map((f) => f.email)).size).toBe(o.focalPoints.length);
      for (const f of o.focalPoints) {
        expect(f.name.split(' ').length).toBeGreaterThanOrEqual(3);
        expect(f.position.length).toBeGreaterThan(0);
        expect(f.phone).toMatch(/^\+84 2\d \d{4} \d{4}$/);
        expect(f.email).toMatch(/^[a-z0-9.]+@[a-z0-9-]+\.example\.vn$/);
      }
    }
  });

  it('uses only .example.vn e-mail addresses and websites', () => {
    for (const o of orgs) {
      for (const e of allEmails(o)) expect(e.endsWith('.example.vn'), e).toBe(true);
      if (o.website !== null) expect(o.website).toMatch(/^https:\/\/[a-z0-9-]+\.example\.vn$/);
    }
  });

  it('is deterministic', () => {
    expect(buildDemoNetwork()).toEqual(buildDemoNetwork());
    expect(buildDemoNetwork()).toEqual(orgs);
  });
});
