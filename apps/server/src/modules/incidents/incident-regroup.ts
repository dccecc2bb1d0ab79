import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { invalid } from '../../core/errors.ts';
import { incidentsRepository, type IncidentRow } from './incidents.repository.ts';
import { incidentRegroupRepository as repo } from './incident-regroup.repository.ts';
import { alertsTitle } from './incident-title.ts';
import { linkWithFacts, type LoadedAlert } from './alert-links.ts';

const SYSTEM = { name: 'system', orgId: null };

/**
 * Folds other incidents into `id`: their alerts, observables, indicators, techniques and assets, and
 * the promotion groups they collected (so the groups' next alerts come here); they end as rejected
 * (merged), each with a timeline entry naming the incident they went into.
 */
export async function absorb(tx: Kysely<DB>, id: string, others: readonly string[]): Promise<void> {
  if (!others.length) return;
  await repo.takeOverMembers(tx, id, others);
  await repo.recountMerged(tx, id, others);
  await repo.closeAsMerged(tx, others, id);
  for (const o of others) await incidentsRepository.addEvent(tx, o, 'merged', SYSTEM, { into: id });
}

/**
 * Moves some of an incident's alerts to a new incident of the same organisation, TLP and sharing,
 * related to the first; both recounted. Refused when an alert is not in the incident or none would stay.
 * Returns the new incident's id.
 */
export async function splitOff(tx: Kysely<DB>, ctx: RequestContext, row: IncidentRow, alerts: readonly LoadedAlert[], title: string | undefined): Promise<string> {
  if (await repo.countHeld(tx, row.id, alerts) !== alerts.length) throw invalid('some of these alerts are not in this incident');
  if (alerts.length >= row.alert_count) throw invalid('a split leaves at least one alert in the incident: move some, not all');
  const made = title ? null : alertsTitle(alerts);
  const severity = Math.max(...alerts.map((a) => a.severity));
  const id = await repo.insertSplit(tx, {
    orgId: row.org_id, title: title ?? made!.text, titleCode: made?.code ?? null, titleParams: made?.params ?? null, severity, tlp: row.tlp, pap: row.pap,
    relatedIncidentId: row.id, rsitClass: row.rsit_class, rsitType: row.rsit_type, createdByOrgId: ctx.actor.orgId,
  });
  await repo.removeAlerts(tx, row.id, alerts);
  await linkWithFacts(tx, id, alerts);
  // Whoever the incident was shared with sees its part too.
  await repo.copyLiveShares(tx, row.id, id, ctx.actor.name);
  await incidentsRepository.addEvent(tx, id, 'created', { name: ctx.actor.name, orgId: ctx.actor.orgId }, { source: 'split', from: row.id, alerts: alerts.length });
  return id;
}
