import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { mispObservables, mispPattern } from './misp-attributes.ts';
import { galaxyObjects, tagLabels, tlpMarking } from './misp-tags.ts';

export { tlpMarking } from './misp-tags.ts';

type Tag = { name?: string };
/** A MISP attribute as the feed format writes it (numbers and booleans may arrive as strings). */
export interface MispAttribute {
  uuid?: string; type?: string; category?: string; value?: string; timestamp?: string | number; comment?: string;
  to_ids?: boolean | string | number; deleted?: boolean | string | number; first_seen?: string; last_seen?: string; Tag?: Tag[];
}
/** A MISP event (the `Event` member of a feed file). */
export interface MispEvent {
  uuid?: string; info?: string; date?: string; timestamp?: string | number; Tag?: Tag[]; Attribute?: MispAttribute[];
  Object?: Array<{ uuid?: string; name?: string; Attribute?: MispAttribute[] }>;
}

/** What an event's import made of its attributes: detection ones as indicators, the rest as context, and what was left out, with why. */
export interface MispImportCount {
  attributes: number; indicators: number; context: number;
  /** Detection attributes of a type STIX has no pattern for, kept as context (never matched nor exported). */
  demoted: Record<string, number>;
  dropped: Record<string, number>;
}

/** An import count in words, for the intake run's notes. */
export function describeCounts(c: MispImportCount): string {
  const list = (m: Record<string, number>) => Object.entries(m).map(([k, n]) => `${k} ${n}`).join(', ');
  const demoted = Object.values(c.demoted).reduce((a, b) => a + b, 0);
  const dropped = Object.values(c.dropped).reduce((a, b) => a + b, 0);
  return `${c.attributes} attributes: ${c.indicators} indicators, ${c.context} kept as context`
    + (demoted ? ` (of which ${demoted} detection attributes without a STIX pattern: ${list(c.demoted)})` : '')
    + `, ${dropped} dropped${dropped ? ` (${list(c.dropped)})` : ''}`;
}

/** A stable STIX id from a name, so re-running a feed yields the same objects. */
export function stableId(type: string, name: string): string {
  const h = createHash('sha256').update(name).digest('hex');
  return `${type}--${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const flag = (v: unknown) => v === true || v === 1 || v === '1' || v === 'true';
const iso = (v: unknown, fallback: string) => {
  const n = Number(v);
  return v !== undefined && v !== null && v !== '' && Number.isFinite(n) && n > 0 ? new Date(n * 1000).toISOString() : fallback;
};
const bump = (m: Record<string, number>, k: string) => void (m[k] = (m[k] ?? 0) + 1);

/**
 * A MISP event as STIX 2.1: a report (the event) referring to everything made of it. Detection
 * attributes (`to_ids`) become indicators, composites split into their parts within one pattern;
 * the others stay context: observed-data over cyber-observables (stored, searchable, shown, never
 * matched nor exported), `link`s the report's external references, and what STIX has no observable for
 * a note. Tags: `tlp:*` marks (TLP 2.0, `tlp:white` as CLEAR; an attribute's own TLP tag wins),
 * `misp-galaxy:mitre-attack-pattern` and `misp-galaxy:threat-actor` become attack-patterns and
 * threat-actors that the indicators indicate, other tags labels.
 */
export function mispEventToStix(e: MispEvent): { objects: Record<string, unknown>[]; counts: MispImportCount } {
  const eventTlp = tlpMarking(e.Tag);
  const when = iso(e.timestamp, e.date ? new Date(`${e.date}T00:00:00Z`).toISOString() : new Date().toISOString());
  const labels = tagLabels(e.Tag);
  const marking = (tags: Tag[] | undefined) => { const m = tlpMarking(tags) ?? eventTlp; return m ? { object_marking_refs: [m] } : {}; };
  const base = (at: string) => ({ spec_version: '2.1', created: at, modified: at });
  const counts: MispImportCount = { attributes: 0, indicators: 0, context: 0, demoted: {}, dropped: {} };
  const out: Record<string, unknown>[] = [];
  const refs: string[] = [];
  const links: Array<{ source_name: string; url: string; description?: string }> = [];
  const tagged: Array<{ id: string; tags: Tag[] | undefined }> = [];
  const attrs = [...(e.Attribute ?? []), ...(e.Object ?? []).flatMap((o) => o.Attribute ?? [])];
  for (const a of attrs) {
    counts.attributes++;
    if (flag(a.deleted)) { bump(counts.dropped, 'deleted in MISP'); continue; }
    if (!a.type || typeof a.value !== 'string' || a.value.trim() === '') { bump(counts.dropped, 'no type or value'); continue; }
    const at = iso(a.timestamp, when);
    const key = `${e.uuid}:${a.type}:${a.value}`;
    const name = `${a.type} ${a.value}`;
    const p = flag(a.to_ids) ? mispPattern(a.type, a.value) : null;
    if (p) {
      const id = a.uuid ? `indicator--${a.uuid}` : stableId('indicator', key);
      out.push({
        type: 'indicator', id, ...base(at), name, ...(e.info ? { description: e.info } : {}), pattern: p.pattern, pattern_type: p.patternType,
        valid_from: at, indicator_types: ['malicious-activity'], ...(labels.length ? { labels } : {}), ...marking(a.Tag),
      });
      refs.push(id);
      tagged.push({ id, tags: a.Tag });
      counts.indicators++;
      continue;
    }
    if (flag(a.to_ids)) bump(counts.demoted, a.type);
    if (a.type === 'link' && /^https?:\/\//i.test(a.value)) {
      links.push({ source_name: 'misp-link', url: a.value, ...(a.comment ? { description: a.comment } : {}) });
      counts.context++;
      continue;
    }
    const scos = mispObservables(a.type, a.value);
    const first = a.first_seen ?? at;
    const context = scos
      ? { type: 'observed-data', id: a.uuid ? `observed-data--${a.uuid}` : stableId('observed-data', key), ...base(at), first_observed: first, last_observed: a.last_seen ?? first, number_observed: 1, object_refs: scos.map((o) => o.id as string), ...marking(a.Tag) }
      : { type: 'note', id: a.uuid ? `note--${a.uuid}` : stableId('note', key), ...base(at), abstract: `MISP ${a.category ?? 'attribute'}: ${a.type}`, content: a.comment ? `${a.value}\n\n${a.comment}` : a.value, object_refs: [reportId(e)], ...marking(a.Tag) };
    out.push(...(scos ?? []).map((o) => ({ ...o, ...marking(a.Tag) })), context);
    refs.push(context.id);
    tagged.push({ id: context.id, tags: a.Tag });
    counts.context++;
  }
  const galaxy = galaxyObjects(e, tagged, when, marking(undefined));
  out.push(...galaxy);
  refs.push(...galaxy.map((o) => o.id as string));
  if (refs.length === 0 && links.length > 0) {
    // Only links: a note carries the event so that the report has an object to refer to.
    const note = { type: 'note', id: stableId('note', `${e.uuid}:event`), ...base(when), content: e.info || 'MISP event', object_refs: [reportId(e)], ...marking(undefined) };
    out.push(note);
    refs.push(note.id);
  }
  if (refs.length > 0) {
    out.unshift({
      type: 'report', id: reportId(e), ...base(when), name: e.info || `MISP event ${e.uuid ?? ''}`.trim(), report_types: ['threat-report'],
      published: e.date && !Number.isNaN(Date.parse(e.date)) ? new Date(`${e.date}T00:00:00Z`).toISOString() : when,
      object_refs: refs, ...(labels.length ? { labels } : {}),
      external_references: [{ source_name: 'misp', external_id: e.uuid ?? '' }, ...links], ...marking(undefined),
    });
  }
  return { objects: out, counts };
}

const reportId = (e: MispEvent) => (e.uuid && /^[0-9a-f-]{36}$/i.test(e.uuid) ? `report--${e.uuid}` : stableId('report', `misp:${e.uuid ?? e.info}`));

/** The STIX pattern for one free-text value, its type detected; null when not recognised. */
export function freetextPattern(raw: string): string | null {
  const v = raw.trim();
  if (v === '' || v.startsWith('#')) return null;
  const type = isIP(v.split('/')[0]!) !== 0 ? 'ip-dst'
    : /^[a-f0-9]{64}$/i.test(v) ? 'sha256' : /^[a-f0-9]{40}$/i.test(v) ? 'sha1' : /^[a-f0-9]{32}$/i.test(v) ? 'md5'
      : /^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? 'url' : /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v) ? 'email-src'
        : /^(?=.{1,253}$)([a-z0-9_-]{1,63}\.)+[a-z]{2,63}$/i.test(v) ? 'domain' : null;
  return type === null ? null : mispPattern(type, v)?.pattern ?? null;
}
