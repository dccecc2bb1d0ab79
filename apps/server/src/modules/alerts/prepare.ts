import type { NormalizedAlert, Observable } from '@lachan/contracts';
import { MAX_OBSERVABLES } from '@lachan/parsers';
import type { OrgTree } from '../orgs/index.ts';
import type { AssetIndex } from './asset-index.ts';
import { fingerprint } from './fingerprint.ts';
import type { PreparedAlert } from './alert-row.ts';
import type { IndicatorMatcher } from '../../common/indicator-matcher.ts';

const DAY_SECONDS = 86_400;

export interface Reporter {
  orgId: string;
  /** Organisations the reporter may attribute to: its subtree and SOC clients, or all for the centre. */
  mayAttribute: (orgId: string) => boolean;
  /** Who the alerts are repeats of, when not the organisation alone (an exercise's: never a real alert). */
  dedupKey?: string;
}

/** The affected organisation: the owner of the asset, else of the destination, else of the source. */
function attribute(a: NormalizedAlert, assets: AssetIndex, reporter: Reporter): string | null {
  const candidates = [
    assets.ownerOfIp(a.assetIp),
    assets.ownerOfName(a.assetHostname),
    assets.ownerOfIp(a.dstIp),
    assets.ownerOfIp(a.srcIp),
  ];
  for (const c of candidates) if (c && reporter.mayAttribute(c)) return c;
  for (const o of a.observables) {
    const owner = o.type === 'domain' || o.type === 'hostname' ? assets.ownerOfName(o.value) : null;
    if (owner && reporter.mayAttribute(owner)) return owner;
  }
  return null;
}

/**
 * Completes parsed alerts: attribution to an organisation (inheriting its sectors and province),
 * the fingerprint, and repeats inside the batch folded into one row with their count. A repeat is the
 * same event (the fingerprint covers its observables and event key); whatever observable it still adds
 * is kept and matched against the indicators. The row keeps the first record as `raw` and the latest
 * received repeat as `rawLast` ('' when that is the first record over again, null while there is none). `slot[i]` is the index in `prepared` of the row that input `i` became.
 */
export function prepareAlerts(
  parsed: { alert: NormalizedAlert; raw: string }[],
  ctx: { reporter: Reporter; assets: AssetIndex; orgs: OrgTree; receivedAt: Date; bucketSeconds: number; indicators?: IndicatorMatcher },
): { prepared: PreparedAlert[]; slot: number[] } {
  const byFingerprint = new Map<string, PreparedAlert>();
  const slotOf = new Map<string, number>();
  const slot: number[] = [];
  const received = ctx.receivedAt.getTime();
  const day = ctx.receivedAt.toISOString().slice(0, 10);
  for (const { alert, raw } of parsed) {
    const parsedMs = alert.eventTime ? Date.parse(alert.eventTime) : NaN;
    const eventMs = Number.isFinite(parsedMs) ? parsedMs : received;
    // A constituency report row is one alert per host, report type and report day, whatever the hour.
    const fp = fingerprint(alert, ctx.reporter.dedupKey ?? ctx.reporter.orgId, eventMs, alert.format === 'constituency' ? DAY_SECONDS : ctx.bucketSeconds);
    const seen = byFingerprint.get(fp);
    const iso = new Date(eventMs).toISOString();
    if (!slotOf.has(fp)) slotOf.set(fp, slotOf.size);
    slot.push(slotOf.get(fp)!);
    if (seen) {
      seen.occurrences++;
      if (iso < seen.firstSeen) seen.firstSeen = iso;
      if (iso > seen.lastSeen) seen.lastSeen = iso;
      seen.rawLast = raw === seen.raw ? '' : raw;
      mergeObservables(seen, alert.observables, ctx.indicators);
      continue;
    }
    const owner = attribute(alert, ctx.assets, ctx.reporter);
    const orgId = owner ?? ctx.reporter.orgId;
    const profile = ctx.orgs.profile(orgId);
    byFingerprint.set(fp, {
      alert, fingerprint: fp, day, orgId, attributed: owner !== null, sectors: profile?.sectors ?? [], provinceCode: profile?.provinceCode ?? null,
      eventTime: iso, firstSeen: iso, lastSeen: iso, occurrences: 1, raw, rawLast: null, indicatorMatches: ctx.indicators?.match(alert.observables) ?? [],
    });
  }
  return { prepared: [...byFingerprint.values()], slot };
}

/** Adds the observables a repeat has and the row lacks (up to the alert's limit), with their indicator matches. */
function mergeObservables(row: PreparedAlert, incoming: readonly Observable[], indicators: IndicatorMatcher | undefined): void {
  const have = new Set(row.alert.observables.map((o) => `${o.type}\u0000${o.value}`));
  const added = incoming.filter((o) => !have.has(`${o.type}\u0000${o.value}`)).slice(0, Math.max(0, MAX_OBSERVABLES - row.alert.observables.length));
  if (added.length === 0) return;
  const offset = row.alert.observables.length;
  row.alert = { ...row.alert, observables: [...row.alert.observables, ...added] };
  for (const m of indicators?.match(added) ?? []) row.indicatorMatches.push({ observableIndex: m.observableIndex + offset, indicatorId: m.indicatorId });
}
