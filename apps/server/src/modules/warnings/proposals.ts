import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import { outboxRepository } from '../events/index.ts';
import { proposalFromCampaign, proposalFromSurge, type ProposalContent, type SurgeFacts } from './campaign-draft.ts';
import { proposalsRepository as repo, type ProposalKey } from './proposals.repository.ts';
import { warningsRepository } from './warnings.repository.ts';
import type { WarningsParts } from './warnings-parts.ts';

const ACTIVE = new Set(['detected', 'confirmed']);

/** A surge episode's news as the warnings module takes it (the statistics module's surge watcher). */
export interface SurgeProposal { episodeId: string; sector: string; observed: number; expected: number; hour: string | null; day: string; openedAt: string; signals: number; severity: number }

/**
 * The warnings proposed by the platform itself: one per campaign and one per surge episode, refreshed
 * while they are only proposed (targets, indicators, techniques, counts), never once issued. A
 * campaign that stops being active takes its proposal with it; one merged into another hands its
 * proposal over (or, when the other has one, discards it), so a merge never leaves two.
 */
export class WarningProposals {
  #p: Pick<WarningsParts, 'db' | 'relay' | 'orgTree'>;
  constructor(parts: Pick<WarningsParts, 'db' | 'relay' | 'orgTree'>) {
    this.#p = parts;
  }

  /** Brings the proposal of a campaign in line with the campaign as it is now, in the caller's transaction. */
  async syncCampaign(tx: Kysely<DB>, campaignId: string, depth = 0): Promise<void> {
    const c = await repo.campaign(tx, campaignId);
    if (!c || depth > 8) return;
    if (c.status === 'merged' && c.merged_into_id) {
      await this.#handOver(tx, c.id, c.merged_into_id);
      return this.syncCampaign(tx, c.merged_into_id, depth + 1);
    }
    const own = await repo.find(tx, { origin: 'campaign', campaignId });
    if (!ACTIVE.has(c.status)) {
      if (own) await repo.discard(tx, own.id, `campaign ${c.status}`);
      return;
    }
    const parts = await repo.campaignParts(tx, campaignId);
    for (const absorbed of parts.absorbed) await this.#handOver(tx, absorbed, campaignId);
    if (c.confidence === 'low' && !own) return;
    const count = new Map<string, number>();
    for (const o of parts.orgIds) for (const s of this.#p.orgTree.profile(o)?.sectors ?? []) count.set(s, (count.get(s) ?? 0) + 1);
    const codes = [...count.keys()].sort((a, b) => count.get(b)! - count.get(a)! || a.localeCompare(b));
    const names = await repo.sectorNames(tx, codes);
    const content = proposalFromCampaign({
      id: c.id, severity: c.severity, techniques: c.techniques, firstActivity: c.first_activity, lastActivity: c.last_activity, alertCount: c.alert_count,
      orgIds: parts.orgIds, evidence: parts.evidence, sectors: codes.map((code) => ({ code, nameVi: names.get(code)?.nameVi ?? code, nameEn: names.get(code)?.nameEn ?? code })),
    });
    // The proposal read above, unless merged campaigns' proposals were handed over to this one since.
    await this.#save(tx, { origin: 'campaign', campaignId }, content, codes, parts.absorbed.length ? undefined : (own ?? null));
  }

  /** Proposes (or refreshes) the warning of a surge episode to its sector, in its own transaction. */
  async fromSurge(s: SurgeProposal): Promise<void> {
    await this.#p.db.transaction().execute(async (tx) => {
      const name = (await repo.sectorNames(tx, [s.sector])).get(s.sector) ?? { nameVi: s.sector, nameEn: s.sector };
      const facts: SurgeFacts = { ...s, sector: { code: s.sector, ...name } };
      await this.#save(tx, { origin: 'surge', surgeKey: `episode:${s.episodeId}` }, proposalFromSurge(facts), [s.sector]);
    });
    this.#p.relay.wake();
  }

  /** The absorbed campaign's unissued proposal goes to the survivor, or is discarded when it has its own. */
  async #handOver(tx: Kysely<DB>, from: string, to: string): Promise<void> {
    const theirs = await repo.find(tx, { origin: 'campaign', campaignId: from });
    if (theirs?.status !== 'proposed') return;
    if (await repo.find(tx, { origin: 'campaign', campaignId: to })) await repo.discard(tx, theirs.id, `campaign merged into ${to}`);
    else await repo.repoint(tx, theirs.id, to);
  }

  /** Stores the proposal; a new or changed one is announced to the centre, or issued at once when a policy says so. */
  async #save(tx: Kysely<DB>, key: ProposalKey, content: ProposalContent, sectors: string[], found?: { id: string; status: string } | null): Promise<void> {
    const root = (await sql<{ id: string }>`select id from organizations where parent_id is null and kind = 'coordination_centre' limit 1`.execute(tx)).rows[0];
    if (!root) return;
    const saved = await repo.upsert(tx, key, root.id, content, found);
    if (!saved?.changed) return;
    const auto = await sql`select 1 from warning_policies where auto_issue and min_severity <= ${content.severity} and (sector_code is null or sector_code = any(${sectors}::text[])) limit 1`.execute(tx);
    if (auto.rows.length) await warningsRepository.issue(tx, saved.id, content.targeting.orgIds ?? (await warningsRepository.resolve(tx, content.targeting)).map((r) => r.id), 'policy');
    else await outboxRepository.insert(tx, 'warning.updated', { orgIds: [root.id] }, { id: saved.id, status: 'proposed', created: saved.created });
  }
}
