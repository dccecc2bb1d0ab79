import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/index.ts';
import { alertOnSystem } from '../registry/index.ts';
import { exerciseAlertSql } from '../alerts/index.ts';
import { exerciseIncidentSql } from '../incidents/index.ts';

export type IncidentLine = { id: string; title: string; severity: number; status: string; opened_at: Date };
export type AlertLine = { id: string; title: string; severity: number; received_at: Date };
export type IndicatorLine = { value: string; type: string; last_seen: Date; count: number };
export type UnmetLine = { campaign_id: string; campaign_title: string; req_id: string; text_vi: string | null; text_en: string | null; answer: 'not_met' | 'partly' };

/**
 * Alerts about the system (its owner's, within the window) that no verdict closed: not a false positive,
 * not in a closed incident; an exercise's alerts are not the system's.
 */
const openAlertsOf = (systemId: string, orgId: string, days: number) => sql`alerts a where a.org_id = ${orgId} and a.day >= current_date - ${days}::int
  and a.false_positive_at is null and not ${exerciseAlertSql('a')} and ${alertOnSystem(systemId)}
  and not exists (select 1 from incident_alerts l join incidents i on i.id = l.incident_id where l.alert_day = a.day and l.alert_id = a.id and i.status in ('closed', 'rejected'))`;

/** SQL of what happens on one information system: its incidents, open alerts, indicators seen and unmet requirements. */
export const systemActivityRepository = {
  /** Real incidents naming the system that the caller may open (`visible` is the incidents policy in SQL on alias `i`), newest first. */
  async incidents(db: Kysely<DB>, systemId: string, visible: RawBuilder<boolean>, limit: number): Promise<IncidentLine[]> {
    return (await sql<IncidentLine>`select i.id, i.title, i.severity, i.status, i.created_at as opened_at
      from incident_systems l join incidents i on i.id = l.incident_id where l.system_id = ${systemId} and not ${exerciseIncidentSql('i')} and ${visible}
      order by i.created_at desc limit ${limit}`.execute(db)).rows;
  },

  async openAlertCount(db: Kysely<DB>, systemId: string, orgId: string, days: number): Promise<number> {
    return (await sql<{ n: number }>`select count(*)::int as n from ${openAlertsOf(systemId, orgId, days)}`.execute(db)).rows[0]!.n;
  },

  async openAlerts(db: Kysely<DB>, systemId: string, orgId: string, days: number, limit: number): Promise<AlertLine[]> {
    return (await sql<AlertLine>`select to_char(a.day, 'YYYYMMDD') || '-' || a.id as id, a.title, a.severity, a.received_at
      from ${openAlertsOf(systemId, orgId, days)} order by a.received_at desc, a.id desc limit ${limit}`.execute(db)).rows;
  },

  /** Indicator values the system's real alerts matched within the window (an exercise's indicators left out): how many alerts, last seen. */
  async indicators(db: Kysely<DB>, systemId: string, orgId: string, days: number, limit: number): Promise<IndicatorLine[]> {
    return (await sql<IndicatorLine>`select v.value, v.type, max(a.last_seen) as last_seen, count(distinct (a.day, a.id))::int as count
      from alerts a cross join jsonb_array_elements(a.indicator_matches) m join intel_indicator_values v on v.id = (m->>'indicatorId')::bigint
      where a.org_id = ${orgId} and a.day >= current_date - ${days}::int and jsonb_array_length(a.indicator_matches) > 0 and not ${exerciseAlertSql('a')}
        and not exists (select 1 from stix_objects o where o.id = v.stix_id and o.exercise_id is not null) and ${alertOnSystem(systemId)}
      group by v.value, v.type order by max(a.last_seen) desc, v.value limit ${limit}`.execute(db)).rows;
  },

  /** Requirements answered not met or partly met in the system's assessments, newest campaign first. */
  async unmet(db: Kysely<DB>, systemId: string, limit: number): Promise<UnmetLine[]> {
    return (await sql<UnmetLine>`select c.id as campaign_id, c.title as campaign_title, x.req_id, r.text_vi, r.text_en, x.answer
      from assessment_tasks t join assessment_campaigns c on c.id = t.campaign_id
        join assessment_answers x on x.task_id = t.id and x.answer in ('not_met', 'partly')
        left join catalogue_requirements r on r.catalogue_id = c.catalogue_id and r.req_id = x.req_id
      where t.system_id = ${systemId}
      order by c.created_at desc, (x.answer = 'not_met') desc, r.position limit ${limit}`.execute(db)).rows;
  },

  /** The reader's language: the user's own, else English. */
  async locale(db: Kysely<DB>, userId: string | null): Promise<'vi' | 'en'> {
    if (!userId) return 'en';
    const r = await sql<{ locale: 'vi' | 'en' }>`select locale from users where id = ${userId}`.execute(db);
    return r.rows[0]?.locale ?? 'en';
  },
};
