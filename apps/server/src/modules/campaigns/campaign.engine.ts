import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/index.ts';
import type { CampaignEngineParts } from './campaigns-parts.ts';
import type { CommittedAlert } from '../../common/alert-feed.ts';
import type { CacheFill } from '../../common/module-parts.ts';
import type { OutboxEvent } from '../events/index.ts';
import { AlertBatchConsumer, BatchConsumerWorker, LARGE_GROUP, type BatchWrite } from '../alerts/index.ts';
import { ClusterTracker, DEFAULT_DETECTOR, type DetectorOptions } from './cluster-tracker.ts';
import { HeldAlerts, planRound, type CampaignPlan } from './campaign-plan.ts';
import { campaignsRepository, type CampaignWrite } from './campaigns.repository.ts';
import { linkFeatures, type LinkAlert } from './link-features.ts';
import type { OrgTraits } from './noise-model.ts';

const LOCK = 727_008;
const REBUILD_LIMIT = 200_000;
const PRUNE_EVERY_MS = 60_000;
/** How far back a campaign found in a round looks for the alerts that made it, within the held alerts' bound. */
const FIRST_ALERTS_MS = 3_600_000;
/** While clusters are provisional, they are judged again this often without new alerts (a wait ends even when traffic stops). */
const PENDING_TICK_MS = 1_000;
/** What a campaign's members are written from: the alert's key, organisation and severity. */
type Member = { id: string; day: string; orgId: string; severity: number };
type Row = LinkAlert & Member;
/** What the held alerts keep of a row (the row itself holds the alert's observables, title and tags). */
const memberOf = (r: Row): Member => ({ id: r.id, day: r.day, orgId: r.orgId, severity: r.severity });

/** Called inside the campaign's transaction after a campaign changed (warnings: propose, refresh, hand over, withdraw). */
export type CampaignHook = (tx: Kysely<DB>, c: { id: string; created: boolean; confidence: 'low' | 'medium' | 'high' }) => Promise<void>;

/** When an alert happened, for the window: its event time, never after it was received. */
export const alertTime = (a: Pick<CommittedAlert, 'eventTime' | 'lastSeen' | 'receivedAt'>): number => {
  const event = Date.parse(a.eventTime);
  const received = Date.parse(a.lastSeen);
  return Number.isFinite(event) ? Math.min(event, received) : received;
};

/** A committed alert as the detector takes it. */
export const linkAlertOf = (a: CommittedAlert): Row => ({
  id: a.id, day: a.day, orgId: a.orgId, reporterOrgId: a.reporterOrgId, at: alertTime(a), severity: a.severity, rsitClass: a.rsitClass, ruleId: a.ruleId, title: a.title,
  srcIp: a.srcIp, dstIp: a.dstIp, attack: a.attack, observables: a.observables, tags: a.tags ?? [],
});

/**
 * Links alerts of different organisations into campaigns: clusters of shared infrastructure and
 * tradecraft, judged against the noise model. A durable batch consumer (cursor, advisory lock, batches
 * from memory when committed here) at urgent priority: the warning a campaign raises is waited for
 * live. Analysts' false-positive marks (`alerts.false_positive`) feed the noise model.
 */
export class CampaignEngine extends BatchConsumerWorker {
  #p: CampaignEngineParts;
  #tracker: ClusterTracker;
  protected readonly consumer: AlertBatchConsumer;
  #prunedAt = 0;
  #unsubscribe: (() => void) | null = null;
  #rejudged: Promise<void> = Promise.resolve();
  #held: HeldAlerts<Row, Member>;
  #tick: ReturnType<typeof setInterval> | null = null;
  hook: CampaignHook | null = null;
  readonly opts: DetectorOptions;

  constructor(parts: CampaignEngineParts, opts: DetectorOptions = DEFAULT_DETECTOR) {
    super();
    this.#p = parts;
    this.opts = opts;
    this.#tracker = new ClusterTracker((o) => traitsOf(parts, o), opts);
    // Held for the longest provisional wait, and at least an hour: a campaign found now takes its first victims' alerts of the hour before.
    this.#held = new HeldAlerts(Math.max(opts.publish.maxHoldMs + PENDING_TICK_MS, FIRST_ALERTS_MS), memberOf);
    this.consumer = new AlertBatchConsumer(parts, { name: 'campaigns', lock: LOCK, priority: 'urgent', group: LARGE_GROUP, plan: (batches) => this.#plan(batches.filter((b) => b.exerciseId === null).flatMap((b) => b.alerts)) });
  }

  /** Seeds the campaigns followed, rebuilds the window from recent alerts, then catches up and follows the relay. */
  override async start(): Promise<void> {
    await this.#p.orgTree.ensure();
    const since = new Date(this.#p.now().getTime() - this.opts.windowMs);
    for (const c of await campaignsRepository.known(this.#p.db)) this.#tracker.seed(c.link_key, c.created_at.getTime(), c.features);
    const rows = await sql<CommittedAlert & { eventTime: Date; lastSeen: Date }>`select id::text as id, day::text as day, org_id as "orgId", reporter_org_id as "reporterOrgId", severity, rsit_class as "rsitClass",
        rule_id as "ruleId", title, attack, host(src_ip) as "srcIp", host(dst_ip) as "dstIp", observables, tags, event_time as "eventTime", last_seen as "lastSeen"
      from alerts where day >= ${since.toISOString().slice(0, 10)}::date and last_seen >= ${since} and false_positive_at is null
        and not exists (select 1 from alert_sources s where s.id = alerts.source_id and s.exercise_id is not null)
      order by last_seen desc limit ${REBUILD_LIMIT}`.execute(this.#p.db);
    for (const r of rows.rows.reverse()) this.#tracker.observe(linkAlertOf({ ...r, eventTime: r.eventTime.toISOString(), lastSeen: r.lastSeen.toISOString() }));
    this.#tracker.round(this.#p.now().getTime());
    this.#unsubscribe = this.#p.relay.subscribe((events) => this.#falsePositives(events));
    this.#tick = setInterval(() => this.#rejudgePending(), PENDING_TICK_MS);
    this.#tick.unref();
    await this.consumer.start();
  }

  override stop(): void {
    if (this.#tick) clearInterval(this.#tick);
    this.#tick = null;
    this.#unsubscribe?.();
    super.stop();
  }

  /** Alerts marked false positive: their values stop counting for that organisation, and the campaigns are judged again. */
  #falsePositives(events: OutboxEvent[]): void {
    let marked = false;
    for (const e of events) {
      if (e.type !== 'alerts.false_positive') continue;
      const d = e.payload as { orgId?: string; observables?: { type: string; value: string }[] };
      if (!d.orgId || !d.observables?.length) continue;
      this.#tracker.index.markFalsePositive(d.orgId, this.#tracker.keysOfObservables(d.orgId, d.observables));
      marked = true;
    }
    if (marked) this.#rejudge();
  }

  /** Provisional clusters waiting with no new alerts: their wait may have ended. */
  #rejudgePending(): void {
    if (this.#tracker.provisional > 0) this.#rejudge();
  }

  #rejudge(): void {
    const now = this.#p.now().getTime();
    const plan = planRound(this.#tracker, [], now, this.#held);
    if (plan.campaigns.length || plan.retracted.length) {
      this.#rejudged = this.#rejudged.then(() => this.#p.db.transaction().execute((tx) => this.#write(tx, plan, now))).then(() => this.#p.relay.wake()).catch(() => {});
    }
  }

  /** How full the value index and the held alerts are (both bounded by count). */
  get caches(): CacheFill[] {
    return [
      { cache: 'campaign_values', entries: this.#tracker.index.values.size, bound: this.#tracker.index.bound },
      { cache: 'campaign_held_alerts', entries: this.#held.retained, bound: this.#held.bound },
    ];
  }

  /** Resolves when campaigns judged again after false-positive marks are written (tests, shutdown). */
  override async idle(): Promise<void> {
    await this.#rejudged;
    await super.idle();
  }

  #plan(alerts: CommittedAlert[]): BatchWrite | null {
    const now = this.#p.now().getTime();
    if (now - this.#prunedAt > PRUNE_EVERY_MS) {
      this.#tracker.index.prune(now - this.opts.windowMs);
      this.#prunedAt = now;
    }
    const plan = planRound(this.#tracker, alerts.map(linkAlertOf), now, this.#held);
    if (!plan.campaigns.length && !plan.retracted.length && !plan.scanners.length) return null;
    return (tx) => this.#write(tx, plan, now);
  }

  /**
   * A part split off a campaign takes the old campaign's alerts (and so their incidents) whose values
   * are now its own and none of the old part's, and the members that had only those; the history of
   * both says how many moved.
   */
  async #split(tx: Kysely<DB>, id: string, fromId: string, c: CampaignPlan<Member>['campaigns'][number]['cluster'], windowEdge: Date): Promise<void> {
    const mine = new Set(c.values);
    const theirs = this.#tracker.valuesOf(c.splitFrom!.key);
    const held = await campaignsRepository.alertsOf(tx, fromId, windowEdge.toISOString().slice(0, 10));
    const moving = held.filter((a) => {
      const keys = linkFeatures(a, this.opts.warninglisted).map((f) => f.key);
      return keys.some((k) => mine.has(k)) && !keys.some((k) => theirs.has(k));
    });
    const keep = [...new Set([...theirs].flatMap((v) => [...(this.#tracker.index.values.get(v)?.sightings.keys() ?? [])]))];
    await campaignsRepository.moveAlerts(tx, fromId, id, moving, keep);
    const moved = { code: 'moved', params: { alerts: moving.length, orgs: new Set(moving.map((a) => a.orgId)).size } };
    await campaignsRepository.split(tx, id, fromId, [...c.splitFrom!.reasons, moved]);
  }

  async #write(tx: Kysely<DB>, plan: CampaignPlan<Member>, now: number): Promise<void> {
    const windowEdge = new Date(now - this.opts.windowMs);
    const values = (k: string) => this.#tracker.index.values.get(k)?.sightings;
    const touched = new Map<string, { id: string; created: boolean; confidence: CampaignWrite['confidence'] }>();
    for (const p of plan.campaigns) {
      const c = p.cluster;
      const write: CampaignWrite = { linkKey: c.key, confidence: c.explanation.level, techniques: c.explanation.techniques, severity: p.severity, cluster: c, members: p.members, windowEdge };
      const saved = await campaignsRepository.upsert(tx, write, values);
      touched.set(c.key, { id: saved.id, created: saved.created, confidence: write.confidence });
      const others = await campaignsRepository.idsOf(tx, [...c.absorbed.map((a) => a.key), ...(c.splitFrom ? [c.splitFrom.key] : [])]);
      for (const a of c.absorbed) {
        const id = others.get(a.key);
        if (id) await campaignsRepository.merge(tx, id, saved.id, [{ code: 'joined', params: { values: a.via.slice(0, 10).join(', ') } }]);
      }
      const from = c.splitFrom && others.get(c.splitFrom.key);
      if (from) await this.#split(tx, saved.id, from, c, windowEdge);
    }
    const retracted = await campaignsRepository.idsOf(tx, plan.retracted.map((r) => r.key));
    for (const r of plan.retracted) {
      const id = retracted.get(r.key);
      if (id && (await campaignsRepository.retract(tx, id, r.reasons))) touched.set(r.key, { id, created: false, confidence: 'low' });
    }
    await campaignsRepository.scanners(tx, plan.scanners.map((s) => ({
      value: s.key.slice(5), type: s.key.slice(0, 4), orgCount: s.verdict.orgs.length, reasons: s.verdict.reasons, first: new Date(s.first), last: new Date(s.last),
      sectors: [...new Set(s.verdict.orgs.flatMap((o) => this.#p.orgTree.profile(o)?.sectors ?? []))].sort(),
    })));
    if (this.hook) for (const t of touched.values()) await this.hook(tx, t);
  }
}

/** An organisation's sectors, province and kind, from the organisation tree. */
function traitsOf(p: Pick<CampaignEngineParts, 'orgTree'>, orgId: string): OrgTraits | null {
  const o = p.orgTree.profile(orgId);
  return o ? { sectors: o.sectors, provinceCode: o.provinceCode, kind: o.kind ?? null } : null;
}

export { DEFAULT_DETECTOR };
