import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { WarningCreate, WarningPatch, WarningTargeting } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import { outboxRepository } from '../events/index.ts';

/** A recipient organisation as targeting resolves it. */
export interface Recipient { id: string; name: string; provinceCode: string | null; sectors: string[] }
/** A warnings row as stored. */
export interface WarningRow {
  id: string; author_org_id: string; status: string; origin: string; campaign_id: string | null; title_vi: string; title_en: string; body_vi: string; body_en: string;
  severity: number; tlp: string; targeting: WarningTargeting; actions: { vi: string; en: string }[]; indicators: { type: string; value: string }[];
  cves: { id: string; cvss?: number; cvssVector?: string; epss?: number; knownExploited?: boolean }[]; references: { url: string; summary: string }[];
  revisions: { number: number; date: string; summary: string }[]; valid_from: Date | null; valid_until: Date | null; issued_at: Date | null; created_at: Date; updated_at: Date;
  exercise_id?: string | null;
}

/** A warning with its delivery figures, as the issuer's list shows them. */
export type CountedWarningRow = WarningRow & { d_targeted: number; d_acked: number; d_pending: number; d_failed: number };
/** When an organisation read and acknowledged a warning it received. */
export type ReceiptRow = { read_at: Date | null; acked_at: Date | null };
/** Who reads a list: every organisation (`all`), or those it reads and those it manages (whose warnings it authored). */
export type ListScope = { all: boolean; read: readonly string[]; manage: readonly string[] };

/** A one-element revision history array (jsonb) dated now: concatenated to a warning's `revisions`. */
export const revision = (number: number | RawBuilder<number>, summary: string): RawBuilder<unknown> =>
  sql`jsonb_build_array(jsonb_build_object('number', ${number}::int, 'date', to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'summary', ${summary}::text))`;

/**
 * Which side of the exercise line a list reads (issue 17): real warnings by default, those of exercises
 * with `exercise`, those of one exercise with `exerciseId`. The table is aliased `w`.
 */
export function exerciseFilter(q: { exercise?: boolean; exerciseId?: string }): RawBuilder<boolean> {
  if (q.exerciseId) return sql<boolean>`w.exercise_id = ${q.exerciseId}`;
  return q.exercise ? sql<boolean>`w.exercise_id is not null` : sql<boolean>`w.exercise_id is null`;
}

const arr = <T>(v: T[] | undefined): T[] | null => (v && v.length ? v : null);

/**
 * Targeting by security level (and `criticalOnly`) reads the registry: organisations owning at least
 * one active system at those levels (critical when asked). An organisation that has registered no
 * system yet is judged by the level declared on its profile, as before the registry existed.
 */
function bySystems(t: WarningTargeting): RawBuilder<boolean> {
  const levels = arr(t.securityLevels);
  if (!levels && !t.criticalOnly) return sql<boolean>`true`;
  const system = sql`s.org_id = o.id and s.status = 'active'`;
  return sql<boolean>`(exists (select 1 from information_systems s where ${system}
      and (${levels}::int[] is null or s.security_level = any(${levels}::int[])) and (${!t.criticalOnly} or s.critical))
    or (not ${!!t.criticalOnly} and not exists (select 1 from information_systems s where ${system}) and o.security_level = any(${levels}::int[])))`;
}

/** SQL of warnings: targeting, issue (recipients, deliveries, event) and reads. */
export const warningsRepository = {
  /** Active organisations matching every criterion of the targeting (empty targeting: all of them). */
  async resolve(db: Kysely<DB>, t: WarningTargeting): Promise<Recipient[]> {
    const r = await sql<{ id: string; name: string; province_code: string | null; sectors: string[] | null }>`select o.id, o.name, o.province_code,
        (select array_agg(sector_code order by sector_code) from org_sectors s where s.org_id = o.id) as sectors
      from organizations o where o.status = 'active'
        and (${arr(t.orgIds)}::uuid[] is null or o.id = any(${arr(t.orgIds)}::uuid[]))
        and (${arr(t.provinces)}::text[] is null or o.province_code = any(${arr(t.provinces)}::text[]))
        and (${arr(t.kinds)}::text[] is null or o.kind = any(${arr(t.kinds)}::text[]))
        and ${bySystems(t)}
        and (${arr(t.sectors)}::text[] is null or exists (select 1 from org_sectors s where s.org_id = o.id and s.sector_code = any(${arr(t.sectors)}::text[])))
      order by o.name`.execute(db);
    return r.rows.map((x) => ({ id: x.id, name: x.name, provinceCode: x.province_code, sectors: x.sectors ?? [] }));
  },

  async get(db: Kysely<DB>, id: string): Promise<WarningRow | undefined> {
    return (await sql<WarningRow>`select * from warnings where id = ${id}`.execute(db)).rows[0];
  },

  /**
   * Withdraws a published warning as its next revision (pending deliveries dead-lettered): the CSAF
   * version moves on, the history says when and why.
   */
  async withdraw(tx: Kysely<DB>, id: string, summary: string): Promise<void> {
    await sql`update warnings set status = 'withdrawn', updated_at = now(),
      revisions = revisions || ${revision(sql<number>`jsonb_array_length(revisions) + 1`, summary)} where id = ${id}`.execute(tx);
    await sql`update warning_deliveries set status = 'dead', last_error = 'withdrawn' where warning_id = ${id} and status = 'pending'`.execute(tx);
  },

  /**
   * Issues a warning inside the caller's transaction: recipients, one delivery per webhook and e-mail
   * address of each (and to each of their users who asked for warnings of this severity by e-mail), and `warning.issued` heard by exactly the recipients (and the centre).
   */
  async issue(tx: Kysely<DB>, id: string, recipients: string[], by: string): Promise<void> {
    await sql`update warnings set status = 'issued', issued_at = now(), issued_by = ${by}, valid_from = coalesce(valid_from, now()), updated_at = now(),
      revisions = ${revision(1, 'Initial release')} where id = ${id}`.execute(tx);
    await sql`insert into warning_recipients (warning_id, org_id) select ${id}::uuid, unnest(${recipients}::uuid[]) on conflict do nothing`.execute(tx);
    await sql`insert into warning_deliveries (warning_id, org_id, channel, target)
      select ${id}::uuid, w.org_id, 'webhook', w.id::text from warning_webhooks w where w.enabled and w.org_id = any(${recipients}::uuid[])
      union all
      select ${id}::uuid, o.id, 'email', coalesce(o.incident_reception_email, (select f.email from focal_points f where f.org_id = o.id order by f.is_primary desc, f.sort limit 1))
        from organizations o where o.id = any(${recipients}::uuid[]) and coalesce(o.incident_reception_email, (select f.email from focal_points f where f.org_id = o.id limit 1)) is not null
      union all
      select ${id}::uuid, u.org_id, 'email', u.email from users u join user_mail_preferences p on p.user_id = u.id join warnings w on w.id = ${id}::uuid
        where u.status = 'active' and u.org_id = any(${recipients}::uuid[]) and p.warning_min_severity <= w.severity`.execute(tx);
    const w = (await sql<WarningRow>`select * from warnings where id = ${id}`.execute(tx)).rows[0]!;
    await outboxRepository.insert(tx, 'warning.issued', { orgIds: recipients }, { id, titleVi: w.title_vi, titleEn: w.title_en, severity: w.severity, tlp: w.tlp, issuedAt: w.issued_at });
  },

  async recipientIds(db: Kysely<DB>, id: string): Promise<string[]> {
    return (await sql<{ org_id: string }>`select org_id from warning_recipients where warning_id = ${id}`.execute(db)).rows.map((r) => r.org_id);
  },

  /**
   * The newest warnings a scope sees (those its organisations authored, and issued or withdrawn ones sent
   * to them), of one status when asked (discarded ones only when asked), with their delivery figures.
   */
  async listVisible(db: Kysely<DB>, scope: ListScope, q: { status?: string; limit?: number; exercise?: boolean; exerciseId?: string }): Promise<CountedWarningRow[]> {
    const read = scope.all ? null : [...scope.read];
    return (await sql<CountedWarningRow>`select w.*, (select count(*)::int from warning_recipients r where r.warning_id = w.id) as d_targeted,
        (select count(*)::int from warning_recipients r where r.warning_id = w.id and r.acked_at is not null) as d_acked,
        (select count(*)::int from warning_deliveries d where d.warning_id = w.id and d.status = 'pending') as d_pending,
        (select count(*)::int from warning_deliveries d where d.warning_id = w.id and d.status = 'dead') as d_failed
      from warnings w where (${read === null} or w.author_org_id = any(${[...scope.manage]}::uuid[])
        or (w.status in ('issued', 'withdrawn') and exists (select 1 from warning_recipients r where r.warning_id = w.id and r.org_id = any(${read ?? []}::uuid[]))))
        and (${q.status ?? null}::text is null and w.status <> 'discarded' or w.status = ${q.status ?? null})
        and ${exerciseFilter(q)} order by w.created_at desc limit ${q.limit ?? 100}`.execute(db)).rows;
  },

  /** The latest 200 issued warnings an organisation received, with its read and ack times. */
  async inboxOf(db: Kysely<DB>, orgId: string, q: { exercise?: boolean; exerciseId?: string }): Promise<(WarningRow & ReceiptRow)[]> {
    return (await sql<WarningRow & ReceiptRow>`select w.*, r.read_at, r.acked_at from warning_recipients r join warnings w on w.id = r.warning_id
      where r.org_id = ${orgId} and w.status = 'issued' and ${exerciseFilter(q)} order by w.issued_at desc limit 200`.execute(db)).rows;
  },

  /** When `orgId` read and acknowledged the warning; none when it was not a recipient. */
  async receipt(db: Kysely<DB>, id: string, orgId: string): Promise<ReceiptRow | undefined> {
    return (await sql<ReceiptRow>`select read_at, acked_at from warning_recipients where warning_id = ${id} and org_id = ${orgId}`.execute(db)).rows[0];
  },

  async insertDraft(tx: Kysely<DB>, authorOrgId: string, campaignId: string | null, b: WarningCreate, cves: unknown[]): Promise<WarningRow> {
    return (await sql<WarningRow>`insert into warnings (author_org_id, campaign_id, title_vi, title_en, body_vi, body_en, severity, tlp, targeting, actions, indicators, cves, "references", valid_from, valid_until)
      values (${authorOrgId}, ${campaignId}, ${b.titleVi}, ${b.titleEn}, ${b.bodyVi}, ${b.bodyEn}, ${b.severity}, ${b.tlp ?? 'AMBER'}, ${JSON.stringify(b.targeting)}, ${JSON.stringify(b.actions ?? [])},
        ${JSON.stringify(b.indicators ?? [])}, ${JSON.stringify(cves)}, ${JSON.stringify(b.references ?? [])}, ${b.validFrom ?? null}, ${b.validUntil ?? null}) returning *`.execute(tx)).rows[0]!;
  },

  /** Changes the fields the patch names (`cves`: checked, in place of the patch's); answers the row. */
  async updateDraft(tx: Kysely<DB>, id: string, p: WarningPatch, cves: unknown[] | undefined): Promise<WarningRow> {
    const j = (v: unknown) => (v === undefined ? null : JSON.stringify(v));
    return (await sql<WarningRow>`update warnings set title_vi = coalesce(${p.titleVi ?? null}, title_vi), title_en = coalesce(${p.titleEn ?? null}, title_en),
      body_vi = coalesce(${p.bodyVi ?? null}, body_vi), body_en = coalesce(${p.bodyEn ?? null}, body_en), severity = coalesce(${p.severity ?? null}::smallint, severity),
      tlp = coalesce(${p.tlp ?? null}, tlp), targeting = coalesce(${j(p.targeting)}::jsonb, targeting), actions = coalesce(${j(p.actions)}::jsonb, actions),
      indicators = coalesce(${j(p.indicators)}::jsonb, indicators), cves = coalesce(${j(cves)}::jsonb, cves),
      "references" = coalesce(${j(p.references)}::jsonb, "references"), updated_at = now() where id = ${id} returning *`.execute(tx)).rows[0]!;
  },

  async discard(tx: Kysely<DB>, id: string): Promise<void> {
    await sql`update warnings set status = 'discarded', updated_at = now() where id = ${id}`.execute(tx);
  },

  /** Notes the first time `orgId` read the warning. */
  async markRead(tx: Kysely<DB>, id: string, orgId: string): Promise<void> {
    await sql`update warning_recipients set read_at = coalesce(read_at, now()) where warning_id = ${id} and org_id = ${orgId}`.execute(tx);
  },

  /** Notes the first acknowledgement by `orgId` (and its reading, if not yet noted). */
  async markAcknowledged(tx: Kysely<DB>, id: string, orgId: string, byName: string): Promise<void> {
    await sql`update warning_recipients set acked_at = coalesce(acked_at, now()), read_at = coalesce(read_at, now()), acked_by = coalesce(acked_by, ${byName}) where warning_id = ${id} and org_id = ${orgId}`.execute(tx);
  },
};
