import type { AlertDetail, AlertListQuery, AlertSource, AlertSummary, QuarantineItem, QuarantineListQuery, QuarantineReplay, QuarantineReplayResult, SyslogSourceCreate } from '@lachan/contracts';
import { isIP } from 'node:net';
import { canManage, canRead, type RequestContext } from '../../core/context.ts';
import { requirePermission } from '../../core/authorize.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { AlertsParts } from './alerts-parts.ts';
import { alertsRepository, parseAlertId } from './alerts.repository.ts';
import { alertPublicId, presentAlertDetail, presentAlertSummary } from './alerts.presenter.ts';
import { sourcesRepository, type SourceRow } from './sources.repository.ts';
import { quarantineRepository, type QuarantineRow } from './quarantine.repository.ts';
import type { IngestService } from './ingest.service.ts';

const readScope = (ctx: RequestContext) => (ctx.scope.all ? null : [...ctx.scope.read]);

const presentSource = (r: SourceRow): AlertSource => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name, name: r.name, format: r.format as AlertSource['format'], kind: r.syslog_address ? 'syslog' : 'api',
  syslogAddress: r.syslog_address, createdAt: r.created_at.toISOString(), lastSeenAt: r.last_seen_at?.toISOString() ?? null,
  accepted: Number(r.accepted), duplicates: Number(r.duplicates), rejected: Number(r.rejected), ratePerMinute: r.last_5min / 5, rejectedLast5Min: r.rejected_5min,
});

const presentQuarantine = (r: QuarantineRow): QuarantineItem => ({
  id: r.id, receivedAt: r.received_at.toISOString(), orgId: r.org_id, sourceId: r.source_id, format: r.format as QuarantineItem['format'], code: r.code,
  message: r.message, raw: r.raw, attempts: r.attempts, replayedAt: r.replayed_at?.toISOString() ?? null,
  alertId: r.alert_day && r.alert_id ? alertPublicId(r.alert_day, r.alert_id) : null,
});

/** Reading alerts, connectors and the quarantine, within the caller's scope; replaying the quarantine. */
export class AlertsService {
  #p: AlertsParts;
  #ingest: IngestService;
  constructor(parts: AlertsParts, ingest: IngestService) {
    this.#p = parts;
    this.#ingest = ingest;
  }

  async list(ctx: RequestContext, q: AlertListQuery): Promise<AlertSummary[]> {
    requirePermission(ctx, 'alerts.read');
    return (await alertsRepository.list(this.#p.db, readScope(ctx), q)).map(presentAlertSummary);
  }

  async get(ctx: RequestContext, publicId: string): Promise<AlertDetail> {
    requirePermission(ctx, 'alerts.read');
    const key = parseAlertId(publicId);
    const row = key ? await alertsRepository.byId(this.#p.db, key.day, key.id) : undefined;
    if (!row || !(canRead(ctx.scope, row.org_id) || canRead(ctx.scope, row.reporter_org_id))) throw notFound('alert');
    return presentAlertDetail(row);
  }

  async sources(ctx: RequestContext): Promise<AlertSource[]> {
    requirePermission(ctx, 'alerts.read');
    return (await sourcesRepository.list(this.#p.db, readScope(ctx))).map(presentSource);
  }

  /** Registers a syslog sender address as a connector of an organisation. */
  async createSyslogSource(ctx: RequestContext, body: SyslogSourceCreate): Promise<AlertSource> {
    requirePermission(ctx, 'alerts.manage');
    if (!canManage(ctx.scope, body.orgId)) throw forbidden('that organisation is outside your scope');
    if (!isIP(body.address)) throw invalid('the sender address must be an IP address');
    const id = await transact(this.#p, async (tx) => {
      if (await tx.selectFrom('alert_sources').select('id').where('syslog_address', '=', body.address).executeTakeFirst()) throw conflict('this sender address is already registered');
      const row = await tx.insertInto('alert_sources').values({ org_id: body.orgId, name: body.name, format: body.format ?? 'syslog', syslog_address: body.address }).returning('id').executeTakeFirstOrThrow();
      await recordChange(tx, ctx, { action: 'source.create', entityType: 'alert_source', entityId: row.id, orgId: body.orgId, after: body, event: { type: 'source.changed', audience: { orgIds: [body.orgId] }, data: { id: row.id } } });
      return row.id;
    });
    return (await this.sources(ctx)).find((s) => s.id === id)!;
  }

  async quarantine(ctx: RequestContext, q: QuarantineListQuery): Promise<QuarantineItem[]> {
    requirePermission(ctx, 'alerts.read');
    return (await quarantineRepository.list(this.#p.db, readScope(ctx), q)).map(presentQuarantine);
  }

  async quarantineItem(ctx: RequestContext, id: string): Promise<QuarantineItem> {
    requirePermission(ctx, 'alerts.read');
    const row = await quarantineRepository.byId(this.#p.db, id);
    if (!row || !canRead(ctx.scope, row.org_id)) throw notFound('quarantined record');
    return presentQuarantine(row);
  }

  async replay(ctx: RequestContext, body: QuarantineReplay): Promise<QuarantineReplayResult> {
    requirePermission(ctx, 'alerts.manage');
    if (!body.ids && !body.sourceId && !body.all) throw invalid('name the records (ids), a source (sourceId) or all');
    const rows = await quarantineRepository.openForReplay(this.#p.db, ctx.scope.all ? null : [...ctx.scope.manage], body, 10_000);
    const result = await this.#ingest.replay(rows);
    await transact(this.#p, (tx) => recordChange(tx, ctx, { action: 'quarantine.replay', entityType: 'quarantine', entityId: null, orgId: ctx.actor.orgId, after: { ...body, ...result } }));
    return result;
  }
}
