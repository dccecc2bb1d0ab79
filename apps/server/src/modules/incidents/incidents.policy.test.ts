import { describe, expect, it } from 'vitest';
import type { Role, Tlp } from '@lachan/contracts';
import { accessTo, allows, audienceOf, closeDecision, countsFor, visibilityOf, type IncidentActor, type IncidentFacts, type LinkGrant } from './incidents.policy.ts';

// Regulator 'reg' with unit 'bank'; SOC provider 'soc' monitoring 'bank'; province 'prov' linked to 'bank'; foreign 'other'.
const actor = (orgId: string, role: Role = 'analyst', links: [string, LinkGrant][] = []): IncidentActor => {
  const manage = { reg: ['reg', 'bank'], bank: ['bank'], soc: ['soc'], prov: ['prov'], other: ['other'], ncc: ['ncc', 'reg', 'bank', 'soc', 'prov', 'other'] }[orgId] ?? [orgId];
  const read = orgId === 'soc' ? ['soc', 'bank'] : manage;
  return { orgId, role, all: role === 'national_coordinator', manage: new Set(manage), read: new Set(read), links: new Map(links) };
};
const incident = (tlp: Tlp, more: Partial<IncidentFacts> = {}): IncidentFacts => ({ orgId: 'bank', tlp, reported: false, shares: [], ...more });
const supervised: LinkGrant = { type: 'supervised', profile: 'read_only', tlpCeiling: 'AMBER' };

describe('incident access', () => {
  it('gives the owner organisation everything at every TLP', () => {
    for (const tlp of ['CLEAR', 'AMBER', 'AMBER+STRICT', 'RED'] as Tlp[]) expect(accessTo(actor('bank'), incident(tlp))).toMatchObject({ profile: 'owner', canManage: true });
  });
  it('lets parents and SOC providers work AMBER incidents but not AMBER+STRICT or RED ones', () => {
    expect(accessTo(actor('reg'), incident('AMBER'))).toMatchObject({ profile: 'analyst', via: ['hierarchy'], canManage: false });
    expect(accessTo(actor('soc'), incident('AMBER'))?.via).toEqual(['soc']);
    expect(accessTo(actor('reg'), incident('AMBER+STRICT'))).toBeNull();
    expect(accessTo(actor('reg'), incident('RED'))).toBeNull();
    expect(accessTo(actor('soc'), incident('RED'))).toBeNull();
  });
  it('keeps foreign organisations out unless shared, and a share stops at its TLP ceiling or revocation', () => {
    expect(accessTo(actor('other'), incident('GREEN'))).toBeNull();
    const share = { orgId: 'other', profile: 'analyst' as const, tlpCeiling: 'AMBER' as Tlp, revoked: false };
    expect(accessTo(actor('other'), incident('AMBER', { shares: [share] }))).toMatchObject({ profile: 'analyst', via: ['share'] });
    expect(accessTo(actor('other'), incident('RED', { shares: [share] }))).toBeNull();
    expect(accessTo(actor('other'), incident('AMBER', { shares: [{ ...share, revoked: true }] }))).toBeNull();
    expect(accessTo(actor('other'), incident('RED', { shares: [{ ...share, tlpCeiling: 'RED' }] }))?.profile).toBe('analyst');
  });
  it('lets a supervised link see everything up to its ceiling, a notify link only once reported', () => {
    expect(accessTo(actor('prov', 'analyst', [['bank', supervised]]), incident('AMBER'))).toMatchObject({ profile: 'read_only', canWrite: false });
    expect(accessTo(actor('prov', 'analyst', [['bank', supervised]]), incident('RED'))).toBeNull();
    expect(accessTo(actor('prov', 'analyst', [['bank', { ...supervised, tlpCeiling: 'GREEN' }]]), incident('AMBER'))).toBeNull();
    const notify: LinkGrant = { ...supervised, type: 'notify' };
    expect(accessTo(actor('prov', 'analyst', [['bank', notify]]), incident('AMBER'))).toBeNull();
    expect(accessTo(actor('prov', 'analyst', [['bank', notify]]), incident('AMBER', { reported: true }))).not.toBeNull();
    expect(accessTo(actor('prov', 'analyst', [['bank', { ...supervised, type: 'manual' }]]), incident('CLEAR'))).toBeNull();
  });
  it('gives the national centre the AMBER view, and RED only when shared', () => {
    expect(accessTo(actor('ncc', 'national_coordinator'), incident('AMBER'))?.via).toContain('national');
    expect(accessTo(actor('ncc', 'national_coordinator'), incident('RED'))).toBeNull();
  });
  it('makes viewers read-only whatever their organisation grants', () => {
    const g = accessTo(actor('bank', 'viewer'), incident('AMBER'));
    expect(g).toMatchObject({ profile: 'read_only', canWrite: false });
    expect(allows(g, 'read')).toBe(true);
    expect(allows(g, 'work')).toBe(false);
    expect(accessTo(actor('bank', 'connector'), incident('AMBER'))).toBeNull();
  });
});

describe('closing a Circular 20 incident', () => {
  it('belongs to the national centre, after the final report', () => {
    const owner = actor('bank', 'org_admin');
    const centre = actor('ncc', 'national_coordinator');
    expect(closeDecision(owner, accessTo(owner, incident('AMBER')), { underCircular20: true, finalReportFiled: true })).toBe('forbidden');
    expect(closeDecision(centre, accessTo(centre, incident('AMBER')), { underCircular20: true, finalReportFiled: false })).toBe('needs_final_report');
    expect(closeDecision(centre, accessTo(centre, incident('AMBER')), { underCircular20: true, finalReportFiled: true })).toBe('ok');
    expect(closeDecision(owner, accessTo(owner, incident('AMBER')), { underCircular20: false, finalReportFiled: false })).toBe('ok');
  });
});

describe('visibility filter and audience', () => {
  it('lists own incidents at any TLP, relationships up to their ceilings', () => {
    const v = visibilityOf(actor('prov', 'analyst', [['bank', { ...supervised, tlpCeiling: 'GREEN' }]]));
    expect(v.orgs).toEqual(expect.arrayContaining([{ orgId: 'prov', maxRank: 4, needsReport: false }, { orgId: 'bank', maxRank: 1, needsReport: false }]));
  });
  it('names exactly who may see: RED reaches only owner and shares', () => {
    const rel = { ancestors: ['reg', 'ncc'], socProviders: ['soc'], links: [{ fromOrgId: 'prov', type: 'supervised' as const, tlpCeiling: 'AMBER' as Tlp }] };
    expect(audienceOf(incident('AMBER'), rel)).toEqual({ orgIds: ['bank', 'reg', 'ncc', 'soc', 'prov'], exact: true, national: true });
    const red = incident('RED', { shares: [{ orgId: 'other', profile: 'read_only', tlpCeiling: 'RED', revoked: false }] });
    expect(audienceOf(red, rel)).toEqual({ orgIds: ['bank', 'other'], exact: true, national: false });
  });
});

describe('what cross-organisation aggregates count', () => {
  it('counts another organisation’s CLEAR and GREEN incidents, its AMBER and above only when the actor may open them', () => {
    expect(['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'].map((tlp) => countsFor(actor('other'), incident(tlp as Tlp)))).toEqual([true, true, false, false, false]);
    expect(countsFor(actor('reg'), incident('AMBER'))).toBe(true);
    expect(countsFor(actor('reg'), incident('RED'))).toBe(false);
    expect(countsFor(actor('ncc', 'national_coordinator'), incident('AMBER+STRICT'))).toBe(false);
    expect(countsFor(actor('other'), incident('RED', { shares: [{ orgId: 'other', profile: 'read_only', tlpCeiling: 'RED', revoked: false }] }))).toBe(true);
    expect(countsFor(actor('other', 'connector'), incident('GREEN'))).toBe(false);
  });
});
