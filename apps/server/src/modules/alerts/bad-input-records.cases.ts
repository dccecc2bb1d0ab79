/**
 * The bad-input corpus of ingest, record by record: each row of JSON_ROWS poisons one record of every
 * JSON format (lachan, ecs, wazuh, suricata), each row of TEXT_ROWS one line of cef and syslog. The
 * poisoned record travels between two good ones; whatever happens to it, the batch is answered 202,
 * the counts add up to 3, the good ones are kept and a refused one is in the quarantine as it was
 * sent. Adding a case is one line.
 */

/** A format's good record and where it keeps the fields the rows poison (dotted paths). */
export interface JsonFormat {
  format: 'lachan' | 'ecs' | 'wazuh' | 'suricata';
  good: (marker: string) => Record<string, unknown>;
  title: string;
  time: string;
  ip: string;
  port: string;
  url: string;
}

const NOW = '2026-01-01T00:00:00Z';
export const JSON_FORMATS: JsonFormat[] = [
  { format: 'lachan', good: (m) => ({ title: `corpus ${m}`, severity: 'high', time: NOW, src: { ip: '198.51.100.23' }, dst: { ip: '10.48.1.10', port: 22 }, description: 'corpus record' }), title: 'title', time: 'time', ip: 'src.ip', port: 'dst.port', url: 'description' },
  { format: 'ecs', good: (m) => ({ '@timestamp': NOW, event: { kind: 'alert' }, rule: { name: `corpus ${m}` }, source: { ip: '198.51.100.23', port: 4444 }, url: { original: 'http://x.example/a' } }), title: 'rule.name', time: '@timestamp', ip: 'source.ip', port: 'source.port', url: 'url.original' },
  { format: 'wazuh', good: (m) => ({ timestamp: NOW, rule: { level: 10, description: `corpus ${m}`, id: '5712' }, data: { srcip: '198.51.100.23', srcport: '4444', url: 'http://x.example/a' } }), title: 'rule.description', time: 'timestamp', ip: 'data.srcip', port: 'data.srcport', url: 'data.url' },
  { format: 'suricata', good: (m) => ({ timestamp: NOW, event_type: 'alert', src_ip: '198.51.100.23', src_port: 4444, alert: { signature: `corpus ${m}`, signature_id: 1 }, http: { url: 'http://x.example/a' } }), title: 'alert.signature', time: 'timestamp', ip: 'src_ip', port: 'src_port', url: 'http.url' },
];

type Obj = Record<string, unknown>;
/** A copy of `o` with the value at a dotted path replaced. */
export function setPath(o: Obj, path: string, value: unknown): Obj {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...o, [head]: value };
  const inner = typeof o[head] === 'object' && o[head] !== null ? (o[head] as Obj) : {};
  return { ...o, [head]: setPath(inner, rest.join('.'), value) };
}
/** Every string (and key) of a JSON value passed through `f`. */
function mapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (typeof v === 'object' && v !== null) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, mapStrings(x, f)]));
  return v;
}
const json = JSON.stringify;
/** The record with the value at `path` written as raw JSON text (`1e400`, `NaN`, nesting). */
const rawAt = (g: Obj, path: string, text: string) => json(setPath(g, path, '@@RAW@@')).replace('"@@RAW@@"', text);
/** The record's bytes with `bytes` spliced into the string at `path`. */
const bytesAt = (g: Obj, path: string, bytes: number[]) => {
  const [head, tail] = json(setPath(g, path, '@@BYTES@@')).split('@@BYTES@@') as [string, string];
  return Buffer.concat([Buffer.from(head), Buffer.from(bytes), Buffer.from(tail)]);
};
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

/** A poisoned record: its text, or its bytes. */
export type Poison = string | Buffer;
export type JsonRow = [name: string, poison: (good: Obj, f: JsonFormat) => Poison];

export const JSON_ROWS: JsonRow[] = [
  ['NUL escape in the title', (g, f) => json(setPath(g, f.title, 'nul \u0000 title'))],
  ['NUL escape in every string', (g) => json(mapStrings(g, (s) => `${s}\u0000`))],
  ['lone high surrogate in the title', (g, f) => json(setPath(g, f.title, 'high \ud800 alone'))],
  ['lone low surrogate in the title', (g, f) => json(setPath(g, f.title, 'low \udfff alone'))],
  ['surrogates in the wrong order', (g, f) => json(setPath(g, f.title, 'swapped \udc00\ud800'))],
  ['lone surrogate in a URL field', (g, f) => json(setPath(g, f.url, 'http://x.example/\ud800'))],
  ['NUL escape in a property name', (g) => json({ ...g, 'key\u0000name': 1 })],
  ['lone surrogate in a property name', (g) => json({ ...g, 'key\ud800': 1 })],
  ['date past year 9999 UTC', (g, f) => json(setPath(g, f.time, '9999-12-31T23:59:59-14:00'))],
  ['year 0000', (g, f) => json(setPath(g, f.time, '0000-01-01T00:00:00Z'))],
  ['six-digit year', (g, f) => json(setPath(g, f.time, '+010000-01-01T00:00:00Z'))],
  ['epoch 1e20', (g, f) => json(setPath(g, f.time, 1e20))],
  ['negative epoch', (g, f) => json(setPath(g, f.time, -1e15))],
  ['impossible calendar date', (g, f) => json(setPath(g, f.time, '2026-02-30T00:00:00Z'))],
  ['time as an object', (g, f) => json(setPath(g, f.time, { when: 'now' }))],
  ['number beyond a double as the time', (g, f) => rawAt(g, f.time, '1e400')],
  ['integer past 2^64 as the port', (g, f) => rawAt(g, f.port, '18446744073709551616123')],
  ['truncated record', (g) => json(g).slice(0, Math.floor(json(g).length / 2))],
  ['unclosed string', (g) => json(g).replace(/"([^"]*)"\}$/, '"$1}')],
  ['trailing comma', (g) => json(g).replace(/\}$/, ',}')],
  ['single-quoted JSON', (g) => json(g).replaceAll('"', "'")],
  ['comment in JSON', (g) => `/* corpus */ ${json(g)}`],
  ['NaN literal', (g, f) => rawAt(g, f.port, 'NaN')],
  ['deep nesting (100,000 levels) in a field', (g) => rawAt(g, 'extra', deep(100_000))],
  ['deep nesting (100,000 levels) as the record', () => deep(100_000)],
  ['huge array (100,000 items) in a field', (g) => rawAt(g, 'extra', `[${'1,'.repeat(99_999)}1]`)],
  ['record over 1 MiB', (g, f) => json(setPath(g, f.url, 'x'.repeat(1_100_000)))],
  ['500 unknown fields', (g) => json({ ...g, ...Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`unknown_${i}`, i])) })],
  ['__proto__ property', (g) => json(g).replace(/^\{/, '{"__proto__":{"polluted":true},')],
  ['constructor.prototype property', (g) => json(g).replace(/^\{/, '{"constructor":{"prototype":{"polluted":true}},')],
  ['SQL injection in the title', (g, f) => json(setPath(g, f.title, "x'); drop table alerts; --"))],
  ['script injection in the title', (g, f) => json(setPath(g, f.title, '<script>alert(1)</script><img src=x onerror=alert(1)>'))],
  ['CRLF injection in the title', (g, f) => json(setPath(g, f.title, 'line\r\nX-Injected: yes\r\n'))],
  ['format-string and template injection', (g, f) => json(setPath(g, f.title, '%s%n%x%p ${7*7} {{7*7}}'))],
  ['path traversal in a URL field', (g, f) => json(setPath(g, f.url, '../../../../etc/passwd\u0000.png'))],
  ['a 100,000-character property name', (g) => json({ ...g, ['k'.repeat(100_000)]: 1 })],
  ['null', () => 'null'],
  ['an array', () => '[1, 2, 3]'],
  ['a string', () => '"alert"'],
  ['a number', () => '42'],
  ['an empty object', () => '{}'],
  ['every value replaced by an array of objects', (g) => json(Object.fromEntries(Object.keys(g).map((k) => [k, [{}]])))],
  ['an invalid IPv4 address', (g, f) => json(setPath(g, f.ip, '999.1.1.1'))],
  ['an IPv6 address with a zone', (g, f) => json(setPath(g, f.ip, 'fe80::1%eth0'))],
  ['a port out of range', (g, f) => json(setPath(g, f.port, 99_999))],
  ['a negative port', (g, f) => json(setPath(g, f.port, -1))],
  ['binary bytes as the record', () => Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256).filter((b) => b !== 0x0a && b !== 0x0d))],
  ['invalid UTF-8 inside a string', (g, f) => bytesAt(g, f.title, [0x61, 0xff, 0xfe, 0x62])],
  ['overlong UTF-8 encoding', (g, f) => bytesAt(g, f.title, [0xc0, 0xaf])],
  ['UTF-8-encoded surrogate (CESU)', (g, f) => bytesAt(g, f.title, [0xed, 0xa0, 0x80])],
  ['a raw NUL byte inside a string', (g, f) => bytesAt(g, f.title, [0x00])],
  ['escaped C0 controls in every string', (g) => json(mapStrings(g, (s) => `${s}\u0001\u0007\u001b[31m`))],
  ['U+2028 and U+2029 in strings', (g, f) => json(setPath(g, f.title, 'a\u2028b\u2029c'))],
  ['RTL override and zero-width characters', (g, f) => json(setPath(g, f.title, 'exe.\u202etxt\u200b'))],
  ['astral characters', (g, f) => json(setPath(g, f.title, '😀 𝔘 🏴‍☠️'))],
  ['duplicate property names', (g, f) => json(g).replace(/^\{/, `{"${f.title.split('.')[0]!}":"first",`)],
  ['byte order mark inside the record', (g) => `${json(g).slice(0, 1)}\ufeff${json(g).slice(1)}`],
];

/** A text format's good line, and the line with a given timestamp written its way. */
export interface TextFormat {
  format: 'cef' | 'syslog';
  good: (marker: string) => string;
  at: (marker: string, time: string) => string;
}

export const TEXT_FORMATS: TextFormat[] = [
  { format: 'cef', good: (m) => `CEF:0|Acme|FW|1.0|100|corpus ${m}|7|src=198.51.100.7 dst=10.48.0.5 dpt=3389`, at: (m, t) => `CEF:0|Acme|FW|1.0|100|corpus ${m}|7|rt=${t} src=198.51.100.7` },
  { format: 'syslog', good: (m) => `<34>1 ${NOW} fw01 sshd 42 ID47 - corpus ${m} from 198.51.100.8`, at: (m, t) => `<34>1 ${t} fw01 sshd 42 ID47 - corpus ${m}` },
];

export type TextRow = [name: string, poison: (good: string, f: TextFormat, marker: string) => Poison];
const spliceBytes = (line: string, bytes: number[]) => Buffer.concat([Buffer.from(line.slice(0, 20)), Buffer.from(bytes), Buffer.from(line.slice(20))]);

export const TEXT_ROWS: TextRow[] = [
  ['a raw NUL byte in the line', (l) => `${l.slice(0, 20)}\u0000${l.slice(20)}`],
  ['date past year 9999 UTC', (_l, f, m) => f.at(m, f.format === 'cef' ? 'Dec 31 9999 23:59:59 America/New_York' : '9999-12-31T23:59:59-14:00')],
  ['year 0000', (_l, f, m) => f.at(m, f.format === 'cef' ? 'Jan 01 0000 00:00:00' : '0000-01-01T00:00:00Z')],
  ['impossible calendar date', (_l, f, m) => f.at(m, f.format === 'cef' ? 'Feb 30 2026 00:00:00' : '2026-02-30T00:00:00Z')],
  ['epoch 1e20', (_l, f, m) => f.at(m, '100000000000000000000')],
  ['thirty fractional digits', (_l, f, m) => f.at(m, '2026-01-01T00:00:00.123456789012345678901234567890Z')],
  ['an unknown time zone', (_l, f, m) => f.at(m, 'Jan 01 2026 00:00:00 Mars/Olympus')],
  ['PRI 999', (l) => `<999>${l.replace(/^<\d+>/, '')}`],
  ['negative PRI', (l) => `<-1>${l.replace(/^<\d+>/, '')}`],
  ['empty PRI', (l) => `<>${l.replace(/^<\d+>/, '')}`],
  ['only a PRI', () => '<34>'],
  ['only "CEF:"', () => 'CEF:'],
  ['a CEF header cut after the version', () => 'CEF:0|'],
  ['a CEF line of 1,000 pipes', () => `CEF:0${'|'.repeat(1000)}`],
  ['a CEF extension of 10,000 equals signs', () => `CEF:0|a|b|c|d|e|5|${'='.repeat(10_000)}`],
  ['a CEF extension of 5,000 keys', () => `CEF:0|a|b|c|d|e|5|${Array.from({ length: 5000 }, (_, i) => `k${i}=v`).join(' ')}`],
  ['a trailing backslash', (l) => `${l}\\`],
  ['an escaped pipe in the CEF extension', () => 'CEF:0|a|b|c|d|e|5|msg=a\\|b src=198.51.100.9'],
  ['an absurd CEF severity', () => 'CEF:0|a|b|c|d|e|99999999999999999999|src=198.51.100.9'],
  ['a line over 1 MiB', (l) => `${l} ${'y'.repeat(1_100_000)}`],
  ['binary bytes as the line', () => Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 53 + 7) % 256).filter((b) => b !== 0x0a && b !== 0x0d))],
  ['invalid UTF-8 in the line', (l) => spliceBytes(l, [0xff, 0xfe, 0xfd])],
  ['overlong UTF-8 encoding', (l) => spliceBytes(l, [0xc0, 0xaf])],
  ['UTF-8-encoded surrogate (CESU)', (l) => spliceBytes(l, [0xed, 0xa0, 0x80])],
  ['a CR in the middle', (l) => `${l.slice(0, 20)}\r${l.slice(20)}`],
  ['tabs everywhere', (l) => l.replaceAll(' ', '\t')],
  ['SQL injection', (l) => `${l} '); drop table alerts; --`],
  ['format-string injection', (l) => `${l} %s%n%x%p`],
  ['an unterminated structured-data value', (_l, _f, m) => `<34>1 ${NOW} fw01 app - - [ex@1 k="never closed ${m}`],
  ['an SD-ID of 1,000 characters', (_l, _f, m) => `<34>1 ${NOW} fw01 app - - [${'s'.repeat(1000)}] corpus ${m}`],
  ['1,000 structured-data elements', (_l, _f, m) => `<34>1 ${NOW} fw01 app - - ${'[e@1 k="v"]'.repeat(1000)} corpus ${m}`],
  ['100,000 opening brackets', () => `<34>1 ${NOW} fw01 app - - ${'['.repeat(100_000)}`],
  ['RTL override and emoji', (l) => `${l} \u202egnp.exe 😀`],
  ['100,000 spaces', (l) => `${l}${' '.repeat(100_000)}x`],
];
