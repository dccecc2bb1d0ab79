import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { invalid, type AppError } from '../../core/errors.ts';
import { factsOf, type AlertFactsSource } from './incident-facts.ts';
import { addFacts } from './incident-facts.repository.ts';
import { incidentsRepository } from './incidents.repository.ts';
import type { AlertFacts } from './promotion-match.ts';

/** A stored alert as incident work needs it: its keys, owner, and the facts it gives its incident. */
export type LoadedAlert = AlertFacts & AlertFactsSource & {
  day: string; id: string; publicId: string; reporterOrgId: string; rsitType: string | null; falsePositive: boolean;
  observables: { type: string; value: string }[];
};

const PUBLIC_ID = /^(\d{4})(\d{2})(\d{2})-(\d{1,18})$/;

/**
 * The alerts named by public ids (`20261121-4711`), each once, that the caller may see (its scope holds
 * their organisation or their reporter); `hidden` is thrown when one is missing or outside the scope,
 * so that naming another organisation's alert tells nothing about it.
 */
export async function loadAlerts(db: Kysely<DB>, ctx: RequestContext, ids: readonly string[], hidden: () => AppError): Promise<LoadedAlert[]> {
  const unique = [...new Set(ids)];
  if (!unique.length) return [];
  const keys = unique.map((x) => PUBLIC_ID.exec(x)).map((m) => (m ? { day: `${m[1]}-${m[2]}-${m[3]}`, id: m[4]! } : null));
  if (keys.some((k) => !k)) throw invalid('alert ids look like 20261121-4711');
  const scope = ctx.scope.all ? null : [...ctx.scope.read];
  const r = await sql<LoadedAlert>`select a.day::text as day, a.id::text as id, to_char(a.day, 'YYYYMMDD') || '-' || a.id as "publicId", a.org_id as "orgId",
      a.reporter_org_id as "reporterOrgId", a.severity, a.rsit_class as "rsitClass", a.rsit_type as "rsitType", a.format, a.rule_id as "ruleId", a.title, a.attack,
      a.asset_hostname as "assetHostname", host(a.src_ip) as "srcIp", host(a.dst_ip) as "dstIp", a.observables, a.indicator_matches as "indicatorMatches",
      a.false_positive_at is not null as "falsePositive"
    from alerts a join unnest(${keys.map((k) => k!.day)}::date[], ${keys.map((k) => k!.id)}::bigint[]) as t(d, i) on a.day = t.d and a.id = t.i
    ${scope ? sql`where (a.org_id = any(${scope}::uuid[]) or a.reporter_org_id = any(${scope}::uuid[]))` : sql``}`.execute(db);
  if (r.rows.length !== unique.length) throw hidden();
  return r.rows;
}

/** Links alerts to an incident, recounts it, and gives it their facts (class, techniques, assets, observables, indicators). */
export async function linkWithFacts(tx: Kysely<DB>, incidentId: string, alerts: readonly LoadedAlert[]): Promise<void> {
  await incidentsRepository.linkAlerts(tx, incidentId, alerts);
  if (alerts.length) await addFacts(tx, [{ incidentId, facts: factsOf(alerts) }]);
}
