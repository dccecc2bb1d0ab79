import type { NormalizedAlert } from '@lachan/contracts';
import type { OrgTree } from '../orgs/index.ts';
import type { AssetIndex } from './asset-index.ts';
import { fingerprint } from './fingerprint.ts';
import type { PreparedAlert } from './alert-row.ts';
import type { IndicatorMatcher } from '../../core/indicator-matcher.ts';

export interface Reporter {
  orgId: string;
  /** Organisations the reporter may attribute to: its subtree and SOC clients, or all for the centre. */
  mayAttribute: (orgId: string) => boolean;
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
 * the fingerprint, and repeats inside the batch folded into one row with their count. `slot[i]` is the
 * index in `prepared` of the row that input `i` became.
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
    const fp = fingerprint(alert, ctx.reporter.orgId, eventMs, ctx.bucketSeconds);
    const seen = byFingerprint.get(fp);
    const iso = new Date(eventMs).toISOString();
    if (!slotOf.has(fp)) slotOf.set(fp, slotOf.size);
    slot.push(slotOf.get(fp)!);
    if (seen) {
      seen.occurrences++;
      if (iso < seen.firstSeen) seen.firstSeen = iso;
      if (iso > seen.lastSeen) {
        seen.lastSeen = iso;
        seen.raw = raw;
      }
      continue;
    }
    const owner = attribute(alert, ctx.assets, ctx.reporter);
    const orgId = owner ?? ctx.reporter.orgId;
    const profile = ctx.orgs.profile(orgId);
    byFingerprint.set(fp, {
      alert, fingerprint: fp, day, orgId, attributed: owner !== null, sectors: profile?.sectors ?? [], provinceCode: profile?.provinceCode ?? null,
      eventTime: iso, firstSeen: iso, lastSeen: iso, occurrences: 1, raw, indicatorMatches: ctx.indicators?.match(alert.observables) ?? [],
    });
  }
  return { prepared: [...byFingerprint.values()], slot };
}
