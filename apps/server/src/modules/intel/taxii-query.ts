import { createHash } from 'node:crypto';
import { parseInstant } from '@lachan/contracts';
import { isStixTimestamp, timestampKey } from '@lachan/stix';

/** Largest page the server returns; a larger `limit` is lowered to it (TAXII 2.1 §3.4). */
export const MAX_PAGE = 1000;

/** The filters of one objects / manifest / versions request, parsed and checked. */
export interface TaxiiFilter {
  addedAfter: string | null;
  limit: number;
  ids: string[] | null;
  types: string[] | null;
  /** 'all', or which of first / last / explicit version keys to keep. */
  versions: { all: boolean; first: boolean; last: boolean; keys: string[] };
  specVersions: string[] | null;
  /** Position after which this page starts (from `next`). */
  after: { dateAdded: string; seq: string } | null;
}

/** A request parameter that cannot be used; the route answers 400 with this message. */
export class TaxiiQueryError extends Error {}

type Query = Record<string, string | string[] | undefined>;

const list = (q: Query, key: string): string[] | null => {
  const raw = q[key];
  if (raw === undefined) return null;
  const items = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  return items.length > 0 ? items : null;
};

/**
 * Parse the TAXII URL filters: added_after, limit, next and match[id|type|version|spec_version].
 * `allowed` names the match keys the endpoint accepts (the single-object endpoints take fewer).
 */
export function parseTaxiiQuery(q: Query, allowed: ReadonlyArray<'id' | 'type' | 'version' | 'spec_version'>): TaxiiFilter {
  const addedAfter = typeof q.added_after === 'string' ? q.added_after : null;
  if (addedAfter !== null && !isStixTimestamp(addedAfter)) throw new TaxiiQueryError(`added_after must be a timestamp such as 2025-01-10T03:04:05.000Z, got "${addedAfter}"`);
  let limit = MAX_PAGE;
  if (q.limit !== undefined) {
    const text = String(q.limit);
    if (!/^\d+$/.test(text) || Number(text) <= 0) throw new TaxiiQueryError(`limit must be a positive integer, got "${text}"`);
    limit = Math.min(MAX_PAGE, Number(text));
  }
  for (const key of Object.keys(q)) {
    const m = /^match\[(.+)\]$/.exec(key);
    if (m && !(allowed as readonly string[]).includes(m[1]!)) throw new TaxiiQueryError(`match[${m[1]}] is not a filter of this endpoint`);
  }
  const versionItems = list(q, 'match[version]') ?? ['last'];
  const versions = { all: false, first: false, last: false, keys: [] as string[] };
  for (const v of versionItems) {
    if (v === 'all' || v === 'first' || v === 'last') versions[v] = true;
    else if (isStixTimestamp(v)) versions.keys.push(timestampKey(v));
    else throw new TaxiiQueryError(`match[version] takes first, last, all or timestamps, got "${v}"`);
  }
  const filter: TaxiiFilter = {
    addedAfter: addedAfter === null ? null : addedAfter,
    limit,
    ids: list(q, 'match[id]'),
    types: list(q, 'match[type]'),
    versions,
    specVersions: list(q, 'match[spec_version]'),
    after: null,
  };
  const next = typeof q.next === 'string' ? q.next : null;
  if (next !== null) filter.after = readCursor(next, fingerprint(filter));
  return filter;
}

/** The opaque `next` value that continues after the given row, bound to this request's filters. */
export function makeCursor(filter: TaxiiFilter, last: { dateAdded: string; seq: string }): string {
  return Buffer.from(JSON.stringify([last.dateAdded, last.seq, fingerprint(filter)])).toString('base64url');
}

function readCursor(next: string, expected: string): { dateAdded: string; seq: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(next, 'base64url').toString('utf8'));
  } catch {
    throw new TaxiiQueryError('next is not a value this server gave');
  }
  // The cursor is not sealed, so what it carries is checked like any other parameter before SQL sees it.
  if (!Array.isArray(parsed) || parsed.length !== 3 || typeof parsed[0] !== 'string' || parseInstant(parsed[0]) === null || !/^\d{1,18}$/.test(String(parsed[1]))) {
    throw new TaxiiQueryError('next is not a value this server gave');
  }
  if (parsed[2] !== expected) throw new TaxiiQueryError('the filters changed between pages: repeat the same query with next');
  return { dateAdded: parsed[0], seq: String(parsed[1]) };
}

/** What must stay the same across the pages of one cursor (limit may change, TAXII allows it). */
function fingerprint(f: TaxiiFilter): string {
  const basis = JSON.stringify([f.addedAfter, f.ids, f.types, f.versions, f.specVersions]);
  return createHash('sha256').update(basis).digest('base64url').slice(0, 16);
}
