import type { Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { incidentSystemsRepository as repo, type AlertLink, type AttachedRow } from './incident-systems.repository.ts';

/** Who attached systems, as the timeline names them. */
export type Attacher = { name: string; orgId: string | null };
/** What re-chooses an incident's reporting regimes (the incident clock). */
export type RegimeChooser = { chooseRegimes(tx: Kysely<DB>, id: string): Promise<void> };

/**
 * After alerts were linked to incidents (by promotion or by hand): attaches the systems they land on,
 * raises severity for level 4-5 or critical systems, adds the regimes those bring, and writes it all
 * on each incident's timeline, in the caller's transaction.
 */
export async function attachSystemsFromAlerts(tx: Kysely<DB>, links: readonly AlertLink[], clock: RegimeChooser,
  by: Attacher = PROMOTION): Promise<void> {
  await settleAttached(tx, await repo.attachFromAlerts(tx, links), clock, by, 'alerts');
}

/** After a merge: the incident takes the systems of the incidents folded into it, with what they bring. */
export async function attachSystemsOfMerged(tx: Kysely<DB>, id: string, merged: readonly string[], clock: RegimeChooser, by: Attacher): Promise<void> {
  if (!merged.length) return;
  await settleAttached(tx, await repo.copyFrom(tx, id, merged), clock, by, 'merge');
}

const PROMOTION: Attacher = { name: 'promotion', orgId: null };

async function settleAttached(tx: Kysely<DB>, attached: AttachedRow[], clock: RegimeChooser, by: Attacher, source: string): Promise<void> {
  if (!attached.length) return;
  const ids = [...new Set(attached.map((a) => a.incident_id))];
  const raised = new Map((await repo.inherit(tx, ids)).map((r) => [r.id, r]));
  for (const id of await repo.withRegimesChosen(tx, ids)) await clock.chooseRegimes(tx, id);
  const lines = ids.map((id) => ({
    id, data: JSON.stringify({ source, added: attached.filter((a) => a.incident_id === id).map((a) => ({ id: a.system_id, name: a.name })), severity: raised.get(id) ?? null }),
  }));
  await repo.addSystemsEntries(tx, lines, by);
}
