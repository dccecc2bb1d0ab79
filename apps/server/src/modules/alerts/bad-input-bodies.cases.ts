import { gzipSync } from 'node:zlib';
import type { AlertFormat } from '@lachan/contracts';

/**
 * The bad-input corpus of ingest, whole bodies: every row is sent in every format (lachan, ecs,
 * wazuh, suricata, cef, syslog). `sent` is how many records the body holds (a function when it depends
 * on the format); with it the answer must be 202 and the counts must add up to it. `refused` rows
 * must be a 4xx in the one error shape (of that status), with nothing stored. The test app's ingest
 * body limit is BODY_LIMIT. Adding a case is one line.
 */
export const BODY_LIMIT = 4 * 1024 * 1024;

const JSON_FORMATS: readonly AlertFormat[] = ['lachan', 'ecs', 'wazuh', 'suricata'];
const isJson = (f: AlertFormat) => JSON_FORMATS.includes(f);

/** A good record of the format, as text (a JSON object, or a CEF / syslog line). */
export function goodRecord(format: AlertFormat, marker: string): string {
  const title = `corpus ${marker}`;
  switch (format) {
    case 'lachan': return JSON.stringify({ title, severity: 'high', src: { ip: '198.51.100.23' } });
    case 'ecs': return JSON.stringify({ event: { kind: 'alert' }, rule: { name: title }, source: { ip: '198.51.100.23' } });
    case 'wazuh': return JSON.stringify({ rule: { level: 10, description: title, id: '5712' } });
    case 'suricata': return JSON.stringify({ event_type: 'alert', alert: { signature: title, signature_id: 1 }, src_ip: '198.51.100.23' });
    case 'cef': return `CEF:0|Acme|FW|1.0|100|${title}|7|src=198.51.100.7`;
    case 'syslog': return `<34>1 2026-01-01T00:00:00Z fw01 sshd - - - ${title}`;
  }
}

export interface BodyCase {
  name: string;
  body: (format: AlertFormat, marker: string) => string | Buffer;
  contentType?: string | null;
  headers?: Record<string, string>;
  sent?: number | ((format: AlertFormat) => number);
  refused?: number;
}

const lines = (f: AlertFormat, m: string, n: number) => Array.from({ length: n }, (_, i) => goodRecord(f, `${m}-${i}`));
const latin1 = (f: AlertFormat, m: string) => Buffer.from(lines(f, m, 3).map((l) => l.replace('corpus', 'corpus café')).join('\n'), 'latin1');

export const BODY_CASES: BodyCase[] = [
  { name: 'an empty body', body: () => '', sent: 1 },
  { name: 'only whitespace', body: () => ' \n\t\r\n ', sent: 1 },
  { name: 'only a byte order mark', body: () => '\ufeff', sent: 1 },
  { name: '64 KiB of binary bytes', body: () => Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 131 + 17) % 256).filter((b) => b !== 0x0a)), sent: 1 },
  { name: 'Latin-1 text (invalid UTF-8)', body: latin1, sent: 3 },
  { name: 'gzip bomb (50 MB of zeros)', body: () => gzipSync(Buffer.alloc(50_000_000)), headers: { 'content-encoding': 'gzip' }, refused: 413 },
  { name: 'gzip bomb of valid records', body: (f, m) => gzipSync(Buffer.from(`${goodRecord(f, m)}\n`.repeat(200_000))), headers: { 'content-encoding': 'gzip' }, refused: 413 },
  { name: 'corrupt gzip', body: () => Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xde, 0xad, 0xbe, 0xef, 0x00, 0x00, 0x01, 0x02]), headers: { 'content-encoding': 'gzip' }, refused: 400 },
  { name: 'truncated gzip', body: (f, m) => gzipSync(Buffer.from(lines(f, m, 50).join('\n'))).subarray(0, 60), headers: { 'content-encoding': 'gzip' }, refused: 400 },
  { name: 'plain text declared gzip', body: (f, m) => goodRecord(f, m), headers: { 'content-encoding': 'gzip' }, refused: 400 },
  { name: 'brotli encoding', body: (f, m) => goodRecord(f, m), headers: { 'content-encoding': 'br' }, refused: 415 },
  { name: 'deflate encoding', body: (f, m) => goodRecord(f, m), headers: { 'content-encoding': 'deflate' }, refused: 415 },
  { name: 'XML content type', body: () => '<alert><title>x</title></alert>', contentType: 'application/xml', refused: 415 },
  { name: 'HTML content type', body: (f, m) => goodRecord(f, m), contentType: 'text/html', refused: 415 },
  { name: 'no content type', body: (f, m) => goodRecord(f, m), contentType: null, refused: 415 },
  { name: 'a body over the ingest limit', body: (f, m) => `${goodRecord(f, m)}\n`.repeat(Math.ceil(BODY_LIMIT / 60)), refused: 413 },
  { name: '5,000 records, every one broken', body: () => Array.from({ length: 5000 }, (_, i) => `{"broken": ${i}`).join('\n'), sent: 5000 },
  { name: '5,000 good records', body: (f, m) => (isJson(f) ? `[${lines(f, m, 5000).join(',')}]` : lines(f, m, 5000).join('\n')), contentType: 'application/json', sent: 5000 },
  { name: 'nesting 1,000,000 levels deep', body: () => '['.repeat(1_000_000), sent: 1 },
  { name: 'only an opening bracket', body: () => '[', sent: 1 },
  { name: 'only an opening brace', body: () => '{', sent: 1 },
  { name: 'CRLF and blank lines between records', body: (f, m) => lines(f, m, 3).join('\r\n\r\n\r\n'), sent: 3 },
  { name: 'NDJSON declared application/json', body: (f, m) => lines(f, m, 3).join('\n'), contentType: 'application/json', sent: 3 },
  { name: 'a JSON array of records', body: (f, m) => `[${lines(f, m, 3).map((l) => (isJson(f) ? l : JSON.stringify(l))).join(',')}]`, contentType: 'application/json', sent: 3 },
  { name: 'a JSON array with a broken element between two good ones', body: (f, m) => { const [a, , c] = lines(f, m, 3); return isJson(f) ? `[${a}, {"x": [}, ${c}]` : `[${JSON.stringify(a)}, {"x": [}, ${JSON.stringify(c)}]`; }, contentType: 'application/json', sent: 3 },
  { name: 'a JSON array cut short', body: (f, m) => { const [a, b] = lines(f, m, 2) as [string, string]; return isJson(f) ? `[${a}, ${b.slice(0, 12)}` : `[${JSON.stringify(a)}, ${JSON.stringify(b).slice(0, 12)}`; }, contentType: 'application/json', sent: 2 },
  { name: 'text after the closing bracket', body: (f, m) => `[${isJson(f) ? goodRecord(f, m) : JSON.stringify(goodRecord(f, m))}] trailing words`, contentType: 'application/json', sent: 2 },
  { name: 'a charset Lachan does not read', body: (f, m) => Buffer.from(goodRecord(f, m), 'utf16le'), contentType: 'application/x-ndjson; charset=utf-16', sent: 1 },
];
