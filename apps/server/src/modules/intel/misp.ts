import { createHash } from 'node:crypto';
import { isIP } from 'node:net';

/** A MISP attribute as the feed format writes it. */
interface MispAttribute { uuid?: string; type?: string; value?: string; timestamp?: string; comment?: string; to_ids?: boolean }
/** A MISP event (the `Event` member of a feed file). */
export interface MispEvent { uuid?: string; info?: string; timestamp?: string; Tag?: Array<{ name?: string }>; Attribute?: MispAttribute[]; Object?: Array<{ Attribute?: MispAttribute[] }> }

/** STIX 2.1 TLP marking-definition ids (the standard ones). */
const TLP_MARKINGS: Record<string, string> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487', white: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb', amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** STIX pattern comparison for a MISP attribute type; null for types the knowledge base does not take. */
function patternOf(type: string, value: string): string | null {
  const v = value.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
  switch (type) {
    case 'ip-dst': case 'ip-src': {
      const ip = value.split('/')[0]!;
      return isIP(ip) === 6 ? `[ipv6-addr:value = '${v}']` : isIP(ip) === 4 ? `[ipv4-addr:value = '${v}']` : null;
    }
    case 'domain': case 'hostname': return `[domain-name:value = '${v}']`;
    case 'url': return `[url:value = '${v}']`;
    case 'md5': return `[file:hashes.MD5 = '${v}']`;
    case 'sha1': return `[file:hashes.'SHA-1' = '${v}']`;
    case 'sha256': return `[file:hashes.'SHA-256' = '${v}']`;
    case 'email-src': case 'email-dst': return `[email-addr:value = '${v}']`;
    default: return null;
  }
}

/** A stable STIX id from a name, so re-running a feed yields the same objects. */
export function stableId(type: string, name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${type}--${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** The TLP marking for the event's `tlp:*` tag, if any. */
export function tlpMarking(tags: Array<{ name?: string }> | undefined): string | null {
  const t = tags?.map((x) => x.name?.toLowerCase() ?? '').find((n) => n.startsWith('tlp:'));
  return t ? TLP_MARKINGS[t.slice(4)] ?? null : null;
}

/** STIX indicators for an event's supported attributes (object attributes included), marked with its TLP. */
export function mispEventToStix(e: MispEvent): Record<string, unknown>[] {
  const marking = tlpMarking(e.Tag);
  const when = new Date(Number(e.timestamp ?? 0) * 1000 || Date.now()).toISOString();
  const labels = (e.Tag ?? []).map((t) => t.name ?? '').filter((n) => n && !n.toLowerCase().startsWith('tlp:'));
  const attrs = [...(e.Attribute ?? []), ...(e.Object ?? []).flatMap((o) => o.Attribute ?? [])];
  const out: Record<string, unknown>[] = [];
  for (const a of attrs) {
    if (!a.type || !a.value) continue;
    const pattern = patternOf(a.type, a.value);
    if (!pattern) continue;
    out.push({
      type: 'indicator', spec_version: '2.1', id: a.uuid ? `indicator--${a.uuid}` : stableId('indicator', `${e.uuid}:${a.type}:${a.value}`),
      created: when, modified: when, name: `${a.type} ${a.value}`, description: e.info, pattern, pattern_type: 'stix', valid_from: when,
      indicator_types: ['malicious-activity'], ...(labels.length > 0 ? { labels } : {}), ...(marking ? { object_marking_refs: [marking] } : {}),
    });
  }
  return out;
}

/** The STIX pattern for one free-text value, its type detected; null when not recognised. */
export function freetextPattern(raw: string): string | null {
  const v = raw.trim();
  if (v === '' || v.startsWith('#')) return null;
  if (isIP(v.split('/')[0]!) !== 0) return patternOf('ip-dst', v);
  if (/^[a-f0-9]{64}$/i.test(v)) return patternOf('sha256', v);
  if (/^[a-f0-9]{40}$/i.test(v)) return patternOf('sha1', v);
  if (/^[a-f0-9]{32}$/i.test(v)) return patternOf('md5', v);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return patternOf('url', v);
  if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v)) return patternOf('email-src', v);
  if (/^(?=.{1,253}$)([a-z0-9_-]{1,63}\.)+[a-z]{2,63}$/i.test(v)) return patternOf('domain', v);
  return null;
}
