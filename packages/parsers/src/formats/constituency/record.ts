/** The constituency report feeds Lachan reads. */
export const CONSTITUENCY_FEEDS = ['shadowserver', 'urlhaus', 'feodo', 'threatfox', 'csv'] as const;
export type ConstituencyFeed = (typeof CONSTITUENCY_FEEDS)[number];

/** Where each canonical field of a centre-defined CSV mapping comes from (column names). */
export const MAPPED_FIELDS = ['time', 'ip', 'port', 'domain', 'url', 'hostname', 'protocol', 'asn', 'severity', 'malware', 'description'] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** What a mapping adds to each of its rows (besides the renamed columns). */
export interface MappingFacts {
  name: string;
  rsitClass: string | null;
  rsitType: string | null;
  /** 1–4, used when the row names no severity. */
  severity: number;
  /** IANA zone of times written without one. */
  timeZone: string;
}

/**
 * One row of a constituency report as the `constituency` alert format receives it: self-contained JSON
 * (its header is applied, so the row can be quarantined, read and replayed on its own). `columns` and
 * `text` are set when the row does not have the header's number of cells; its parse then refuses it.
 */
export interface ConstituencyRecord {
  feed: ConstituencyFeed;
  /** Shadowserver report type (`scan_rdp`), `urlhaus`, `feodo`, `threatfox`, or the mapping's report type. */
  report: string;
  /** The report's day (YYYY-MM-DD) when the file says it; else the row's own time decides. */
  reportDay: string | null;
  line: number;
  fields: Record<string, string>;
  mapping?: MappingFacts;
  columns?: { expected: number; got: number };
  text?: string;
}

/** Tags a constituency alert carries, read back by the server (what feed, report and report day). */
export function constituencyFacts(tags: readonly string[]): { feed: string; report: string; reportDay: string } | null {
  const of = (p: string) => tags.find((t) => t.startsWith(p))?.slice(p.length);
  const feed = of('feed:');
  const report = of('report:');
  const reportDay = of('day:');
  return feed && report && reportDay ? { feed, report, reportDay } : null;
}
