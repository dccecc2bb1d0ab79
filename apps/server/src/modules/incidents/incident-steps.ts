import type { Kysely } from 'kysely';
import type { ReportContent, ReportKind, Tlp } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { incidentsRepository } from './incidents.repository.ts';
import { incidentSharesRepository } from './incident-shares.repository.ts';
import { regimesRepository } from './regimes.repository.ts';

/** Shares the incident with the national centre (escalation, or a report it receives), at the incident's TLP. */
export async function shareWithCentre(tx: Kysely<DB>, ctx: RequestContext, id: string, centreId: string, tlp: Tlp, reason: 'escalation' | 'report'): Promise<void> {
  if (await incidentsRepository.ownerOrgId(tx, id) === centreId) return;
  await incidentSharesRepository.raiseCentreShare(tx, id, centreId, tlp);
  await incidentSharesRepository.insertCentreShareIfNone(tx, id, centreId, tlp, reason, ctx.actor.name);
}

/**
 * Files a report as the next version of its kind (per regime, or for all the incident's regimes),
 * marks the incident reported and lets the national centre, which receives reports, see it.
 */
export async function fileReport(tx: Kysely<DB>, ctx: RequestContext, id: string, r: { kind: ReportKind; regimeId?: string | null; content: ReportContent }, now: Date, centreId: string | null): Promise<string> {
  const regimeId = r.regimeId ?? null;
  const version = await regimesRepository.nextReportVersion(tx, id, r.kind, regimeId);
  const reportId = await regimesRepository.insertReport(tx, {
    incidentId: id, regimeId, kind: r.kind, version, content: r.content, byId: ctx.actor.type === 'user' ? ctx.actor.id : null, byName: ctx.actor.name, byOrgId: ctx.actor.orgId, at: now,
  });
  const tlp = await incidentsRepository.markReported(tx, id, now, r.content.beyondCapacity === true);
  if (centreId) await shareWithCentre(tx, ctx, id, centreId, tlp, 'report');
  await incidentsRepository.addEvent(tx, id, 'report', { name: ctx.actor.name, orgId: ctx.actor.orgId }, { kind: r.kind, version, regimeId });
  return reportId;
}
