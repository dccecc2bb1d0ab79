import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { PromotionParts } from './incident-parts.ts';
import { AlertBatchConsumer, BatchConsumerWorker, type ConsumedBatch } from '../alerts/index.ts';
import { groupKey, matchesConditions } from './promotion-match.ts';
import { countsInWindow } from './promotion-counts.ts';
import { writeOpenings, type Opening, type PromotedAlert, type Rule } from './promotion-writer.ts';
import { IncidentClock } from './incident-clock.ts';

const LOCK = 727_003;

/** A group's alerts matched to the rules: each rule's groups (by group key), and the exercise of exercise groups' keys. */
type Matched = { byRule: Map<Rule, Map<string, PromotedAlert[]>>; exerciseOf: Map<string, string> };

/**
 * Opens or updates incidents from alerts by the promotion rules, as a durable consumer of committed
 * alert batches (a restart resumes where it stopped), and every step is idempotent (one active
 * incident per rule and group; an alert is linked once). Analysts' verdicts feed back: a repeat of an
 * alert marked false positive promotes nothing, and a group suppressed for a rule opens nothing
 * (see `writeOpenings`).
 */
export class PromotionEngine extends BatchConsumerWorker {
  #p: PromotionParts;
  #clock: IncidentClock;
  protected readonly consumer: AlertBatchConsumer;
  #prunedAt = 0;

  constructor(parts: PromotionParts) {
    super();
    this.#p = parts;
    this.#clock = new IncidentClock(parts);
    this.consumer = new AlertBatchConsumer(parts, {
      name: 'promotion',
      lock: LOCK,
      // Rules read and alerts matched before the transaction (nothing held while matching); a group nothing matches spends none.
      plan: async (batches, within) => {
        const rules = (await sql<Rule>`select id, org_id, name, conditions from promotion_rules where enabled`.execute(within ?? this.#p.db)).rows;
        const matched = this.#match(batches, rules);
        return matched.byRule.size ? (tx) => this.#write(tx, matched) : null;
      },
    });
  }

  /**
   * Each rule's groups of alerts, gathered over every batch of the group (a group seen in several
   * batches is one opening), in memory: only rules with alerts that match appear.
   */
  #match(batches: readonly ConsumedBatch[], enabled: Rule[]): Matched {
    const byRule = new Map<Rule, Map<string, PromotedAlert[]>>();
    /** Group keys of exercises' alerts -> their exercise. */
    const exerciseOf = new Map<string, string>();
    for (const b of batches) {
      // National rules and those of the organisation or any organisation above it.
      const owners = new Set([b.orgId, ...this.#p.orgTree.ancestors(b.orgId)]);
      const rules = enabled.filter((r) => r.org_id === null || owners.has(r.org_id));
      if (!rules.length) continue;
      const minSeverity = Math.min(...rules.map((r) => r.conditions.minSeverity ?? 1));
      const alerts = b.alerts.filter((a) => a.severity >= minSeverity).map((a) => ({ ...a, lastSeen: new Date(a.lastSeen) }));
      for (const rule of rules) {
        let groups = byRule.get(rule);
        for (const a of alerts) {
          if (!matchesConditions(rule.conditions, a)) continue;
          // An exercise's alerts group apart: they never join (nor reset the reporting clock of) a real incident.
          const key = b.exerciseId ? `exercise:${b.exerciseId}:${groupKey(rule.conditions, a)}` : groupKey(rule.conditions, a);
          if (b.exerciseId) exerciseOf.set(key, b.exerciseId);
          groups ??= byRule.set(rule, new Map()).get(rule)!;
          (groups.get(key) ?? groups.set(key, []).get(key)!).push(a);
        }
      }
    }
    return { byRule, exerciseOf };
  }

  /** The matched groups counted, filtered and written, in a fixed number of statements however many batches and organisations. */
  async #write(tx: Kysely<DB>, { byRule, exerciseOf }: Matched): Promise<void> {
    const opened: Opening[] = [];
    for (const [rule, groups] of byRule) opened.push(...(await this.#passing(tx, rule, groups, exerciseOf)));
    if (opened.length) await writeOpenings(tx, await withoutFalsePositives(tx, opened), this.#clock);
    if (Date.now() - this.#prunedAt > 3_600_000) {
      // Tallies older than the longest window a rule may have (7 days) count for nothing.
      await sql`delete from promotion_counts where minute < now() - interval '7 days'`.execute(tx);
      this.#prunedAt = Date.now();
    }
  }

  /** The groups a rule opens or updates an incident for (a count rule: only groups past its threshold). */
  async #passing(tx: Kysely<DB>, rule: Rule, groups: Map<string, PromotedAlert[]>, exerciseOf: ReadonlyMap<string, string>): Promise<Opening[]> {
    const c = rule.conditions;
    const counts = c.count ? await countsInWindow(tx, rule, groups) : null;
    return [...groups]
      .filter(([key]) => !counts || (counts.get(key) ?? 0) >= c.count!.threshold)
      .map(([key, members]) => ({ rule, key, exerciseId: exerciseOf.get(key) ?? null, members }));
  }
}

/**
 * Openings less the repeats of alerts an analyst marked false positive (a repeat folds into the marked
 * row): one lookup, of the repeats among the alerts about to be promoted only.
 */
async function withoutFalsePositives(tx: Kysely<DB>, openings: Opening[]): Promise<Opening[]> {
  const repeats = [...new Map(openings.flatMap((o) => o.members).filter((a) => !a.inserted).map((a) => [`${a.day}|${a.id}`, a])).values()];
  if (!repeats.length) return openings;
  const marked = await sql<{ k: string }>`select a.day::text || '|' || a.id::text as k from alerts a
    join unnest(${repeats.map((a) => a.day)}::date[], ${repeats.map((a) => a.id)}::bigint[]) as t(d, i) on a.day = t.d and a.id = t.i
    where a.false_positive_at is not null`.execute(tx);
  if (!marked.rows.length) return openings;
  const fp = new Set(marked.rows.map((r) => r.k));
  return openings.map((o) => ({ ...o, members: o.members.filter((a) => !fp.has(`${a.day}|${a.id}`)) })).filter((o) => o.members.length > 0);
}
