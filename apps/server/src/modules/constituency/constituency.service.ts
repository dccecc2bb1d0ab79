import type {
  ConstituencyDigest, ConstituencyDigestQuery, ConstituencyFeedName, ConstituencyMapping, ConstituencyMappingCreate, ConstituencyMappingUpdate, ConstituencyReportQuery,
  ConstituencyReportResult, ConstituencyRow, ConstituencyRowQuery, ConstituencyStats, ConstituencyStatsQuery,
} from '@lachan/contracts';
import { parseAlert, splitConstituencyReport, type CsvMappingInput } from '@lachan/parsers';
import type { RequestContext } from '../../core/context.ts';
import { forbidden, invalid, notFound } from '../../core/errors.ts';
import type { ConstituencyParts } from './constituency-parts.ts';
import { fingerprint, type IngestService } from '../alerts/index.ts';
import { constituencyPolicy as policy } from './constituency.policy.ts';
import { rowsRepository } from './rows.repository.ts';
import { digestsRepository } from './digests.repository.ts';
import { mappingsRepository, type MappingRecord } from './mappings.repository.ts';
import { presentMapping, presentRow } from './constituency.presenter.ts';
import { ConstituencyMappings } from './mappings.service.ts';

const DAY_SECONDS = 86_400;
/** Split failures that are the request's fault (nothing to keep): 400. Others quarantine the body. */
const REQUEST_FAULTS = new Set(['report_type_unknown', 'invalid_report_type', 'mapping_required']);
const DIGEST_ROWS = 200;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);
const readScope = (ctx: RequestContext) => (ctx.scope.all ? null : [...ctx.scope.read]);

/**
 * Constituency reports: a connector sends a report (Shadowserver, abuse.ch, or CSV through a mapping);
 * each row becomes an alert of the organisation that registered its host (the alert pipeline's
 * attribution), one per host, report type and report day, even when the report is sent again on another
 * day; rows no organisation registered stay with the sender. Reading: rows, statistics and digests in
 * the caller's scope.
 */
export class ConstituencyService {
  #p: ConstituencyParts;
  #ingest: IngestService;
  readonly mappings: ConstituencyMappings;

  constructor(parts: ConstituencyParts, ingest: IngestService) {
    this.#p = parts;
    this.#ingest = ingest;
    this.mappings = new ConstituencyMappings(parts);
  }

  async ingestReport(ctx: RequestContext, feed: ConstituencyFeedName, body: string, q: ConstituencyReportQuery): Promise<ConstituencyReportResult> {
    if (!policy.maySend(ctx)) throw forbidden('constituency reports are sent with a connector API key');
    let mapping: CsvMappingInput | undefined;
    if (feed === 'csv') {
      if (!q.mappingId) throw invalid('a generic CSV report names its column mapping (mappingId)');
      const m = await mappingsRepository.byId(this.#p.db, q.mappingId);
      if (!m) throw notFound('mapping');
      mapping = mappingInput(m);
    } else if (q.mappingId) throw invalid('mappingId is for the csv feed only');
    const split = splitConstituencyReport({ feed, body, report: q.report, filename: q.filename, reportDate: q.reportDate, mapping });
    const sourceId = await this.#ingest.sourceForKey(ctx, 'constituency');
    const report = ('report' in split && split.report) || q.report || (feed === 'csv' ? mapping!.reportType : feed);
    if ('error' in split) {
      if (REQUEST_FAULTS.has(split.error.code)) throw invalid(split.error.message);
      const kept = await this.#ingest.gate.run(() => this.#ingest.ingestRecords({ ctx, format: 'constituency', records: [], sourceId, unsplittable: { ...split.error, raw: body } }));
      return { ...kept, report };
    }
    // A report sent again (another day, another connector run) adds nothing: its rows are already stored.
    const receivedAt = new Date();
    const outcomes = split.records.map((r) => parseAlert('constituency', r, { receivedAt }));
    const keys = outcomes.map((o) => {
      if (!o.ok) return null;
      const at = o.alert.eventTime ? Date.parse(o.alert.eventTime) : receivedAt.getTime();
      return fingerprint(o.alert, ctx.actor.orgId, at, DAY_SECONDS);
    });
    const seen = await rowsRepository.existingKeys(this.#p.db, ctx.actor.orgId, keys.filter((k): k is string => k !== null));
    const fresh: number[] = [];
    keys.forEach((k, i) => (k === null || !seen.has(k) ? fresh.push(i) : undefined));
    const result = await this.#ingest.gate.run(() => this.#ingest.ingestRecords({
      ctx, format: 'constituency', records: fresh.map((i) => split.records[i]!), outcomes: fresh.map((i) => outcomes[i]!), sourceId,
    }));
    return {
      ...result,
      duplicates: result.duplicates + (split.records.length - fresh.length),
      errors: result.errors.map((e) => ({ ...e, index: fresh[e.index] ?? e.index })),
      report,
    };
  }

  async rows(ctx: RequestContext, q: ConstituencyRowQuery): Promise<ConstituencyRow[]> {
    if (!policy.mayRead(ctx)) throw forbidden('your role may not read alerts');
    if (q.orgId && !policy.mayReadOrg(ctx, q.orgId)) throw forbidden('that organisation is outside your scope');
    return (await rowsRepository.list(this.#p.db, readScope(ctx), q)).map(presentRow);
  }

  async stats(ctx: RequestContext, q: ConstituencyStatsQuery): Promise<ConstituencyStats> {
    if (!policy.mayRead(ctx)) throw forbidden('your role may not read alerts');
    if (q.orgId && !policy.mayReadOrg(ctx, q.orgId)) throw forbidden('that organisation is outside your scope');
    const to = q.to ?? utcDay(this.#p.now());
    const from = q.from ?? utcDay(new Date(Date.parse(to) - 29 * DAY_SECONDS * 1000));
    if (from > to) throw invalid('from is after to');
    return { period: { from, to }, ...(await rowsRepository.stats(this.#p.db, readScope(ctx), { from, to, orgId: q.orgId })) };
  }

  /** An organisation's digest of one day (default: yesterday, UTC), and how its e-mail went. */
  async digest(ctx: RequestContext, q: ConstituencyDigestQuery): Promise<ConstituencyDigest> {
    const orgId = q.orgId ?? ctx.actor.orgId;
    if (!policy.mayReadOrg(ctx, orgId)) throw forbidden('that organisation is outside your scope');
    const day = q.day ?? utcDay(new Date(this.#p.now().getTime() - DAY_SECONDS * 1000));
    const { summary, rows } = await rowsRepository.digest(this.#p.db, orgId, day, DIGEST_ROWS);
    const mail = await digestsRepository.get(this.#p.db, orgId, day);
    return {
      orgId, day, total: summary.reduce((n, s) => n + s.rows, 0),
      byReportType: summary.map((s) => ({ reportType: s.report_type, rows: s.rows, hosts: s.hosts, maxSeverity: s.max_severity })),
      rows: rows.map(presentRow),
      email: mail ? { status: mail.status, recipient: mail.recipient, attempts: mail.attempts, lastError: mail.last_error, sentAt: mail.sent_at?.toISOString() ?? null } : null,
    };
  }

  listMappings(ctx: RequestContext): Promise<ConstituencyMapping[]> {
    return this.mappings.list(ctx);
  }

  createMapping(ctx: RequestContext, body: ConstituencyMappingCreate): Promise<ConstituencyMapping> {
    return this.mappings.create(ctx, body);
  }

  updateMapping(ctx: RequestContext, id: string, body: ConstituencyMappingUpdate): Promise<ConstituencyMapping> {
    return this.mappings.update(ctx, id, body);
  }

  removeMapping(ctx: RequestContext, id: string): Promise<ConstituencyMapping> {
    return this.mappings.remove(ctx, id);
  }
}

function mappingInput(m: MappingRecord): CsvMappingInput {
  const p = presentMapping(m);
  return { name: p.name, reportType: p.reportType, delimiter: p.delimiter, columns: p.columns, rsitClass: p.rsitClass, rsitType: p.rsitType, severity: p.severity, timeZone: p.timeZone };
}
