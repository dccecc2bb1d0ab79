import { gzipSync } from 'node:zlib';

/**
 * The bad-input corpus of the JSON API: every route of ROUTES receives every mutation of MUTATIONS
 * (a body each), and QUERIES are sent as they are. Adding a case is one line in one of the tables.
 * `expect`: `refused` = a 4xx in the one error shape (optionally this status); `any` = anything but
 * a 5xx (a 4xx still in the error shape), for input that is odd but may be legitimate data.
 */
export type Expectation = { expect: 'refused'; status?: number } | { expect: 'any' };

/** Ids the routes need, made by the test before the cases run. */
export interface Ids { incidentId: string; orgId: string; quarantineId: string }

/** A route with a valid body, the text field the mutations poison and, when it has one, a date field. */
export interface ApiRoute {
  name: string;
  method: 'POST' | 'PATCH';
  url: (ids: Ids) => string;
  body: (ids: Ids) => Record<string, unknown>;
  text: string;
  date?: string;
  anonymous?: boolean;
}

/** What a mutation sends: a body as JSON, or raw bytes/text with their content type and headers. */
export type Sent = { json: unknown } | { raw: string | Buffer; contentType?: string; headers?: Record<string, string> };

export type Mutation = Expectation & { name: string; make: (body: Record<string, unknown>, r: ApiRoute) => Sent; only?: (r: ApiRoute) => boolean };

const NOW = '2026-01-01T00:00:00Z';
let unique = 0;
const u = () => `${Date.now().toString(36)}${(unique++).toString(36)}`;

export const ROUTES: ApiRoute[] = [
  { name: 'POST /incidents', method: 'POST', url: () => '/api/v1/incidents', body: () => ({ title: `Corpus incident ${u()}`, severity: 2, description: 'from the corpus', occurredAt: NOW }), text: 'title', date: 'occurredAt' },
  { name: 'PATCH /incidents/:id', method: 'PATCH', url: (i) => `/api/v1/incidents/${i.incidentId}`, body: () => ({ description: `patched ${u()}`, discoveredAt: NOW }), text: 'description', date: 'discoveredAt' },
  { name: 'POST /incidents/:id/comments', method: 'POST', url: (i) => `/api/v1/incidents/${i.incidentId}/comments`, body: () => ({ body: `comment ${u()}` }), text: 'body' },
  { name: 'POST /incidents/:id/tasks', method: 'POST', url: (i) => `/api/v1/incidents/${i.incidentId}/tasks`, body: () => ({ title: `task ${u()}`, dueAt: NOW }), text: 'title', date: 'dueAt' },
  { name: 'POST /orgs/:id/assets', method: 'POST', url: (i) => `/api/v1/orgs/${i.orgId}/assets`, body: () => ({ kind: 'domain', value: `corpus-${u()}.example.vn`, description: 'corpus asset' }), text: 'description' },
  { name: 'POST /alert-sources', method: 'POST', url: () => '/api/v1/alert-sources', body: (i) => ({ name: `corpus source ${u()}`, orgId: i.orgId, address: `192.0.2.${unique % 250}` }), text: 'name' },
  { name: 'PATCH /me', method: 'PATCH', url: () => '/api/v1/me', body: () => ({ name: `Corpus Admin ${u()}` }), text: 'name' },
  { name: 'POST /quarantine/replay', method: 'POST', url: () => '/api/v1/quarantine/replay', body: (i) => ({ ids: [i.quarantineId] }), text: 'ids' },
  { name: 'POST /auth/login', method: 'POST', url: () => '/api/v1/auth/login', body: () => ({ email: `nobody-${u()}@corpus.example.vn`, password: 'not-the-password-1' }), text: 'password', anonymous: true },
];

const set = (body: Record<string, unknown>, key: string, value: unknown) => ({ json: { ...body, [key]: value } });
const text = (body: Record<string, unknown>) => JSON.stringify(body);
const withBytes = (body: Record<string, unknown>, r: ApiRoute, bytes: number[]) => {
  const [head, tail] = text({ ...body, [r.text]: '@@' }).split('@@') as [string, string];
  return { raw: Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]) };
};
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

export const MUTATIONS: Mutation[] = [
  { name: 'truncated JSON', expect: 'refused', status: 400, make: (b) => ({ raw: text(b).slice(0, Math.floor(text(b).length / 2)) }) },
  { name: 'not JSON at all', expect: 'refused', status: 400, make: () => ({ raw: 'hello, server' }) },
  { name: 'binary bytes', expect: 'refused', status: 400, make: () => ({ raw: Buffer.from([0x00, 0xff, 0xfe, 0x01, 0x80, 0x7b, 0x22, 0xc3]) }) },
  { name: 'invalid UTF-8 inside a string', expect: 'refused', status: 400, make: (b, r) => withBytes(b, r, [0x61, 0xff, 0xfe, 0x62]) },
  { name: 'overlong UTF-8 encoding of "/"', expect: 'refused', status: 400, make: (b, r) => withBytes(b, r, [0xc0, 0xaf]) },
  { name: 'UTF-8-encoded surrogate (CESU)', expect: 'refused', status: 400, make: (b, r) => withBytes(b, r, [0xed, 0xa0, 0x80]) },
  { name: 'byte order mark before the body', expect: 'any', make: (b) => ({ raw: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text(b))]) }) },
  { name: 'deep nesting in a field', expect: 'refused', status: 400, make: (b, r) => ({ raw: text({ ...b, [r.text]: '@@' }).replace('"@@"', deep(100_000)) }) },
  { name: 'deep nesting as the body', expect: 'refused', status: 400, make: () => ({ raw: deep(200_000) }) },
  { name: 'huge array in a field', expect: 'refused', status: 400, make: (b, r) => set(b, r.text, Array.from({ length: 100_000 }, () => 1)) },
  { name: 'body over the size limit', expect: 'refused', status: 413, make: (b, r) => set(b, r.text, 'x'.repeat(1_100_000)) },
  { name: 'gzip bomb with Content-Encoding gzip', expect: 'refused', make: () => ({ raw: gzipSync(Buffer.alloc(50_000_000)), headers: { 'content-encoding': 'gzip' } }) },
  { name: 'NUL escape in the text field', expect: 'refused', status: 400, make: (b, r) => set(b, r.text, 'a\u0000b') },
  { name: 'lone high surrogate in the text field', expect: 'refused', status: 400, make: (b, r) => set(b, r.text, 'a\ud800b') },
  { name: 'lone low surrogate in the text field', expect: 'refused', status: 400, make: (b, r) => set(b, r.text, 'a\udfffb') },
  { name: 'NUL escape in a property name', expect: 'refused', status: 400, make: (b) => set(b, 'x\u0000y', 1) },
  { name: 'NUL escape deep in an array', expect: 'refused', status: 400, make: (b) => set(b, 'extra', [[[['\u0000']]]]) },
  { name: 'date past year 9999 UTC', expect: 'refused', status: 400, only: (r) => r.date !== undefined, make: (b, r) => set(b, r.date!, '9999-12-31T23:59:59-14:00') },
  { name: 'year 0000', expect: 'refused', status: 400, only: (r) => r.date !== undefined, make: (b, r) => set(b, r.date!, '0000-01-01T00:00:00Z') },
  { name: 'impossible calendar date', expect: 'refused', status: 400, only: (r) => r.date !== undefined, make: (b, r) => set(b, r.date!, '2026-02-30T00:00:00Z') },
  { name: 'SQL injection string', expect: 'any', make: (b, r) => set(b, r.text, "x'); drop table incidents; --") },
  { name: 'script injection string', expect: 'any', make: (b, r) => set(b, r.text, '<script>alert(document.cookie)</script>') },
  { name: 'CRLF header/log injection', expect: 'any', make: (b, r) => set(b, r.text, 'line\r\nSet-Cookie: a=b\r\n\r\n') },
  { name: 'format string and template injection', expect: 'any', make: (b, r) => set(b, r.text, '%s%n%x ${7*7} {{7*7}} #{7*7}') },
  { name: 'emoji, RTL override and zero-width characters', expect: 'any', make: (b, r) => set(b, r.text, 'a\u202eb\u200bc😀𝔘') },
  { name: 'C0 control characters', expect: 'any', make: (b, r) => set(b, r.text, Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('')) },
  { name: 'a long text (100,000 characters)', expect: 'any', make: (b, r) => set(b, r.text, 'y'.repeat(100_000)) },
  { name: 'unknown field', expect: 'refused', status: 400, make: (b) => set(b, 'notAField', true) },
  { name: '__proto__ property (prototype pollution)', expect: 'refused', status: 400, make: (b) => ({ raw: text(b).replace(/^\{/, '{"__proto__":{"isAdmin":true},') }) },
  { name: 'constructor.prototype property', expect: 'refused', status: 400, make: (b) => ({ raw: text(b).replace(/^\{/, '{"constructor":{"prototype":{"isAdmin":true}},') }) },
  { name: 'wrong type: object for the text field', expect: 'refused', status: 400, make: (b, r) => set(b, r.text, { nested: 'object' }) },
  { name: 'number too large for a double', expect: 'refused', status: 400, make: (b, r) => ({ raw: text({ ...b, [r.text]: '@@' }).replace('"@@"', '1e400') }) },
  { name: 'NaN literal', expect: 'refused', status: 400, make: (b, r) => ({ raw: text({ ...b, [r.text]: '@@' }).replace('"@@"', 'NaN') }) },
  { name: 'duplicate property names', expect: 'any', make: (b, r) => ({ raw: text(b).replace(/^\{/, `{${JSON.stringify(r.text)}:"first",`) }) },
  { name: 'null as the body', expect: 'refused', status: 400, make: () => ({ raw: 'null' }) },
  { name: 'an array as the body', expect: 'refused', status: 400, make: (b) => ({ raw: `[${text(b)}]` }) },
  { name: 'a string as the body', expect: 'refused', status: 400, make: () => ({ raw: '"just a string"' }) },
  { name: 'empty body', expect: 'refused', status: 400, make: () => ({ raw: '' }) },
  { name: 'text/plain content type', expect: 'refused', status: 415, make: (b) => ({ raw: text(b), contentType: 'text/plain' }) },
  { name: 'XML content type', expect: 'refused', status: 415, make: () => ({ raw: '<incident><title>x</title></incident>', contentType: 'application/xml' }) },
  { name: 'UTF-16 body declared as such', expect: 'refused', make: (b) => ({ raw: Buffer.from(text(b), 'utf16le'), contentType: 'application/json; charset=utf-16' }) },
  { name: 'comments in JSON', expect: 'refused', status: 400, make: (b) => ({ raw: `/* hi */ ${text(b)}` }) },
  { name: 'trailing comma', expect: 'refused', status: 400, make: (b) => ({ raw: text(b).replace(/\}$/, ',}') }) },
];

/** A request sent as it is (query strings and path parameters), with its expectation. */
export type Query = Expectation & { name: string; url: (ids: Ids) => string; };

export const QUERIES: Query[] = [
  { name: 'negative limit', expect: 'refused', status: 400, url: () => '/api/v1/alerts?limit=-1' },
  { name: 'limit past a double', expect: 'refused', status: 400, url: () => '/api/v1/alerts?limit=1e400' },
  { name: 'limit not a number', expect: 'refused', status: 400, url: () => '/api/v1/alerts?limit=abc' },
  { name: 'limit twice', expect: 'any', url: () => '/api/v1/alerts?limit=1&limit=2' },
  { name: 'NUL in a search', expect: 'refused', status: 400, url: () => '/api/v1/alerts?q=a%00b' },
  { name: 'NUL in an incident search', expect: 'refused', status: 400, url: () => '/api/v1/incidents?q=a%00b' },
  { name: 'NUL in a knowledge-base search', expect: 'refused', status: 400, url: () => '/api/v1/intel/objects?q=a%00b' },
  { name: 'UTF-8-encoded surrogate in a search', expect: 'any', url: () => '/api/v1/alerts?q=%ED%A0%80' },
  { name: 'invalid percent-encoding', expect: 'any', url: () => '/api/v1/alerts?q=%E0%A4%A' },
  { name: 'SQL injection in a search', expect: 'any', url: () => `/api/v1/incidents?q=${encodeURIComponent("' OR 1=1 --")}` },
  { name: 'LIKE wildcards in a search', expect: 'any', url: () => '/api/v1/alerts?q=%25%25_%5C' },
  { name: 'a very long search', expect: 'refused', status: 400, url: () => `/api/v1/alerts?q=${'z'.repeat(5000)}` },
  { name: 'date past year 9999 UTC in a filter', expect: 'refused', status: 400, url: () => `/api/v1/alerts?since=${encodeURIComponent('9999-12-31T23:59:59-14:00')}` },
  { name: 'year 0000 in a filter', expect: 'refused', status: 400, url: () => '/api/v1/alerts?since=0000-01-01T00:00:00Z' },
  { name: 'impossible date in a statistics filter', expect: 'refused', status: 400, url: () => '/api/v1/stats/overview?from=2026-02-30' },
  { name: 'date past 9999 in a statistics filter', expect: 'refused', status: 400, url: () => `/api/v1/stats/overview?to=${encodeURIComponent('9999-12-31T23:59:59-14:00')}` },
  { name: 'garbage cursor', expect: 'refused', status: 400, url: () => '/api/v1/intel/objects?cursor=%00%ff!!' },
  { name: 'quarantine page before a number past bigint', expect: 'refused', status: 400, url: () => '/api/v1/quarantine?before=99999999999999999999' },
  { name: 'organisation filter that is not a uuid', expect: 'refused', status: 400, url: () => '/api/v1/alerts?orgId=not-a-uuid' },
  { name: 'severity out of range', expect: 'refused', status: 400, url: () => '/api/v1/alerts?severity=99' },
  { name: 'unknown format', expect: 'refused', status: 400, url: () => '/api/v1/alerts?format=xml' },
  { name: 'NUL as an incident id', expect: 'refused', url: () => '/api/v1/incidents/%00' },
  { name: 'path traversal as an incident id', expect: 'refused', url: () => '/api/v1/incidents/..%2F..%2F..%2Fetc%2Fpasswd' },
  { name: 'a 10,000-character incident id', expect: 'refused', url: () => `/api/v1/incidents/${'9'.repeat(10_000)}` },
  { name: 'alert id past bigint', expect: 'refused', url: () => '/api/v1/alerts/20260101-99999999999999999999999' },
  { name: 'alert id with an impossible day', expect: 'refused', url: () => '/api/v1/alerts/20261399-1' },
  { name: 'quarantine id past bigint', expect: 'refused', url: () => '/api/v1/quarantine/999999999999999999' },
  { name: 'knowledge object id with a surrogate', expect: 'refused', url: () => '/api/v1/intel/objects/indicator--%ED%A0%80' },
  { name: 'intake run id that is not a uuid', expect: 'refused', url: () => '/api/v1/intel/intake-runs/%27%3B--' },
  { name: 'unknown export format', expect: 'refused', url: () => '/api/v1/intel/exports/exe' },
  { name: 'periodic report of an impossible period', expect: 'refused', url: () => '/api/v1/stats/reports/periodic?period=2026-H3&format=json' },
  { name: 'unknown stats filter value', expect: 'any', url: () => '/api/v1/stats/overview?sector=%3Cscript%3E' },
  { name: 'incident id of another shape in a sub-resource', expect: 'refused', url: () => '/api/v1/incidents/123/comments' },
];
