import type { Warning } from '@lachan/contracts';
import type { WarningRow } from './warnings.repository.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** What a reader outside the issuer sees of the targeting: organisations named in it only when they may see them. */
function targetingFor(t: WarningRow['targeting'], mayName: ((orgId: string) => boolean) | undefined): Warning['targeting'] {
  if (!mayName || !t.orgIds) return t;
  return { ...t, orgIds: t.orgIds.filter(mayName) };
}

/**
 * Turns a warnings row (and, for a recipient, its own read/ack times) into the API payload. `mayName`
 * is given for readers other than the issuer: the other recipients a targeting names stay out.
 */
export function presentWarning(r: WarningRow, mine?: { read_at: Date | null; acked_at: Date | null }, delivery?: Warning['delivery'], mayName?: (orgId: string) => boolean): Warning {
  return {
    id: r.id, status: r.status as Warning['status'], origin: r.origin as Warning['origin'], campaignId: r.campaign_id, authorOrgId: r.author_org_id,
    titleVi: r.title_vi, titleEn: r.title_en, bodyVi: r.body_vi, bodyEn: r.body_en, severity: r.severity, tlp: r.tlp as Warning['tlp'], targeting: targetingFor(r.targeting, mayName),
    actions: r.actions, indicators: r.indicators, cves: r.cves, references: r.references ?? [], revisions: r.revisions ?? [], validFrom: iso(r.valid_from), validUntil: iso(r.valid_until), issuedAt: iso(r.issued_at),
    createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(), exerciseId: r.exercise_id ?? null,
    ...(mine ? { mine: { readAt: iso(mine.read_at), ackedAt: iso(mine.acked_at) } } : {}),
    ...(delivery ? { delivery } : {}),
  };
}
