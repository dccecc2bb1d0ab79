// Test-only: runs the real-sample corpus under fixtures/public/corpus (sources, licences and how the
// golden files were written: its README). Reads files, hence the exception to the no-I/O rule.
// eslint-disable-next-line no-restricted-imports -- the corpus lives in fixtures/public
import { readdirSync, readFileSync } from 'node:fs';
import type { AlertFormat, NormalizedAlert } from '@lachan/contracts';
import { topLevelMember } from '../json-scan.ts';
import { parseAlert } from '../parse-alert.ts';
import { splitRecords } from '../split-records.ts';

export const CORPUS_DIR = new URL('../../../../fixtures/public/corpus/', import.meta.url);

/** What a record must parse to: an alert with these fields, or a quarantine by design with this code. */
export interface GoldenRecord {
  index: number;
  outcome: 'accepted' | 'by_design';
  code?: string;
  why?: string;
  expect?: Partial<Pick<NormalizedAlert, 'eventTime' | 'srcIp' | 'srcPort' | 'dstIp' | 'dstPort' | 'severity' | 'ruleId' | 'ruleName' | 'assetHostname' | 'assetIp'>> & {
    observablesInclude?: string[];
  };
}

export interface GoldenFile {
  format: AlertFormat;
  product: string;
  category: string;
  /** Path from fixtures/public/corpus (`../alerts/…` for the older samples). */
  file: string;
  /**
   * When set, the records are the elements of this top-level array member of the file (an Elastic
   * pipeline test's `-expected.json` keeps its ECS documents in `expected`), cut as a JSON array body.
   */
  member?: string;
  receivedAt: string;
  source: { repository: string; path: string; commit: string; licence: string };
  records: GoldenRecord[];
}

export type Verdict = 'accepted' | 'by_design' | 'defect';

export interface RecordResult {
  golden: GoldenFile;
  index: number;
  verdict: Verdict;
  /** Why a record is a defect: quarantined when it should not be, or fields that differ from the golden. */
  problems: string[];
}

/** Every golden file of the corpus, in path order. */
export function loadGoldens(): GoldenFile[] {
  const out: GoldenFile[] = [];
  for (const format of readdirSync(CORPUS_DIR, { withFileTypes: true })) {
    if (!format.isDirectory()) continue;
    const dir = new URL(`${format.name}/`, CORPUS_DIR);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.golden.json')).sort()) out.push(JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as GoldenFile);
  }
  return out;
}

/** The records of a corpus file, cut the way the ingest endpoint cuts a text body. */
export function recordsOf(g: Pick<GoldenFile, 'format' | 'file' | 'member'>): string[] {
  const text = readFileSync(new URL(g.file, CORPUS_DIR), 'utf8');
  const body = g.member === undefined ? text : topLevelMember(text, g.member);
  if (body === null) throw new Error(`${g.file}: no top-level member ${g.member}`);
  // As a sender posts them: text lines, or a JSON body (one object, NDJSON, or concatenated objects).
  const media = g.format === 'syslog' || g.format === 'cef' ? 'text/plain' : 'application/json';
  const split = splitRecords(g.format, body, media);
  if (!('records' in split)) throw new Error(`${g.file}: ${split.error.message}`);
  return split.records;
}

/** One record of a corpus file (path from fixtures/public/corpus), for unit tests on a real sample. */
export function corpusRecord(format: AlertFormat, file: string, index: number, member?: string): string {
  const record = recordsOf({ format, file, member })[index];
  if (record === undefined) throw new Error(`${file} has no record ${index}`);
  return record;
}

function compare(alert: NormalizedAlert, expect: NonNullable<GoldenRecord['expect']>): string[] {
  const problems: string[] = [];
  for (const [k, want] of Object.entries(expect)) {
    if (k === 'observablesInclude') {
      const have = new Set(alert.observables.map((o) => o.value));
      for (const v of want as string[]) if (!have.has(v)) problems.push(`observable ${v} missing`);
    } else {
      const got = alert[k as keyof NormalizedAlert];
      if (got !== want) problems.push(`${k}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }
  }
  return problems;
}

/** Parses every record of one golden file as the platform does and judges it against its golden record. */
export function runGolden(g: GoldenFile): RecordResult[] {
  const records = recordsOf(g);
  if (records.length !== g.records.length) throw new Error(`${g.file}: ${records.length} records, ${g.records.length} golden records`);
  return g.records.map((r) => {
    const out = parseAlert(g.format, records[r.index]!, { receivedAt: new Date(g.receivedAt) });
    if (r.outcome === 'by_design') {
      if (!out.ok && out.code === r.code) return { golden: g, index: r.index, verdict: 'by_design', problems: [] };
      return { golden: g, index: r.index, verdict: 'defect', problems: [out.ok ? `accepted, expected quarantine ${r.code}` : `quarantined ${out.code}, expected ${r.code}`] };
    }
    if (!out.ok) return { golden: g, index: r.index, verdict: 'defect', problems: [`quarantined: ${out.code}: ${out.message}`] };
    const problems = compare(out.alert, r.expect ?? {});
    return { golden: g, index: r.index, verdict: problems.length ? 'defect' : 'accepted', problems };
  });
}
