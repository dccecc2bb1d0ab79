/**
 * The bad-input corpus of the syslog listener, from a registered sender: each UDP row is one datagram,
 * each TCP row the bytes of one connection. `messages` is how many of the messages carrying the
 * case's marker must end up stored as alerts or in the quarantine (raw), no more, no fewer. After the
 * rows, the listener must still store a good message. Adding a case is one line.
 */
export interface ListenerCase {
  name: string;
  send: (marker: string) => Buffer | string;
  messages: number;
  /** TCP only: end the connection with a reset instead of a clean close. */
  reset?: boolean;
  /** TCP only: write the bytes this many at a time. */
  chunk?: number;
}

const T = '2026-01-01T00:00:00Z';
const line = (m: string, rest = '') => `<34>1 ${T} fw01 sshd - - - ${m} ${rest}`;
const bytes = (m: string, b: number[], after = '') => Buffer.concat([Buffer.from(`<34>1 ${T} fw01 app - - - ${m} `), Buffer.from(b), Buffer.from(after)]);
const noise = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * seed + 13) % 256).filter((b) => b !== 0x0a));
const octets = (s: string | Buffer) => Buffer.concat([Buffer.from(`${Buffer.byteLength(s)} `), Buffer.from(s)]);

export const UDP_CASES: ListenerCase[] = [
  { name: 'dated 9999-12-31T23:59:59-14:00 (past year 9999 UTC)', send: (m) => `<34>1 9999-12-31T23:59:59-14:00 fw01 sshd - - - ${m} far`, messages: 1 },
  { name: 'dated year 0000', send: (m) => `<34>1 0000-01-01T00:00:00Z fw01 sshd - - - ${m}`, messages: 1 },
  { name: 'an RFC 3164 time in year 9999 west of UTC', send: (m) => `<34>Dec 31 9999 23:59:59 fw01 sshd: ${m}`, messages: 1 },
  { name: 'an impossible calendar date', send: (m) => `<34>1 2026-02-30T00:00:00Z fw01 sshd - - - ${m}`, messages: 1 },
  { name: 'NUL bytes in the message', send: (m) => bytes(m, [0, 0, 0x41, 0], ' tail') , messages: 1 },
  { name: 'invalid UTF-8', send: (m) => bytes(m, [0xff, 0xfe, 0xc3]), messages: 1 },
  { name: 'overlong UTF-8', send: (m) => bytes(m, [0xc0, 0xaf, 0xe0, 0x80, 0xaf]), messages: 1 },
  { name: 'a UTF-8-encoded surrogate (CESU)', send: (m) => bytes(m, [0xed, 0xa0, 0x80]), messages: 1 },
  { name: 'binary noise after a marker', send: (m) => Buffer.concat([Buffer.from(`${m} `), noise(4000, 97)]), messages: 1 },
  { name: 'a 60,000-byte datagram', send: (m) => line(m, 'z'.repeat(60_000)), messages: 1 },
  { name: 'PRI 999', send: (m) => `<999>1 ${T} fw01 app - - - ${m}`, messages: 1 },
  { name: 'a negative PRI', send: (m) => `<-5>${m}`, messages: 1 },
  { name: 'only a PRI and a marker', send: (m) => `<34>${m}`, messages: 1 },
  { name: 'an unterminated structured-data value', send: (m) => `<34>1 ${T} fw01 app - - [x@1 k="${m} never closed`, messages: 1 },
  { name: '1,000 structured-data elements', send: (m) => `<34>1 ${T} fw01 app - - ${'[e@1 k="v"]'.repeat(1000)} ${m}`, messages: 1 },
  { name: '50,000 opening brackets', send: (m) => `<34>1 ${T} fw01 app - ${m} ${'['.repeat(50_000)}`, messages: 1 },
  { name: 'CEF with 1,000 pipes', send: (m) => `<34>Jan  1 00:00:00 fw01 CEF:0|${m}${'|'.repeat(1000)}`, messages: 1 },
  { name: 'CEF with an escaped pipe in the extension', send: (m) => `<34>Jan  1 00:00:00 fw01 CEF:0|a|b|c|d|${m}|5|msg=a\\|b`, messages: 1 },
  { name: 'CRLF and several lines in one datagram', send: (m) => `${line(m)}\r\nSecond: line\r\nthird line`, messages: 1 },
  { name: 'SQL injection', send: (m) => line(m, "'); drop table alerts; --"), messages: 1 },
  { name: 'format-string injection', send: (m) => line(m, '%s%n%x%p%s%s'), messages: 1 },
  { name: 'RTL override, zero-width and emoji', send: (m) => line(m, '\u202egnp.exe\u200b 😀'), messages: 1 },
  { name: 'a byte order mark before the message', send: (m) => `<34>1 ${T} fw01 app - - - \ufeff${m}`, messages: 1 },
  { name: 'thirty fractional digits in the time', send: (m) => `<34>1 2026-01-01T00:00:00.123456789012345678901234567890Z fw01 app - - - ${m}`, messages: 1 },
  { name: 'an empty datagram', send: () => '', messages: 0 },
];

export const TCP_CASES: ListenerCase[] = [
  { name: 'an octet-counted frame dated past year 9999 UTC', send: (m) => octets(`<34>1 9999-12-31T23:59:59-14:00 fw01 sshd - - - ${m}`), messages: 1 },
  { name: 'a frame announcing 999,999,999 octets, then the connection closes', send: (m) => `999999999 ${line(m)}`, messages: 1 },
  { name: 'an octet count of zero', send: (m) => `0 ${line(m)}\n`, messages: 1 },
  { name: 'an octet count with letters', send: (m) => `12a ${line(m)}\n`, messages: 1 },
  { name: 'a last line without LF', send: (m) => line(m), messages: 1 },
  { name: 'a 200,000-byte line without LF (cut at the size limit)', send: (m) => line(m, 'q'.repeat(200_000)), messages: 1 },
  { name: 'frames written one byte at a time', send: (m) => Buffer.concat([octets(line(`${m}-1`)), Buffer.from(`${line(`${m}-2`)}\n`)]), messages: 2, chunk: 1 },
  { name: 'octet counting and LF framing mixed', send: (m) => Buffer.concat([octets(line(`${m}-1`)), Buffer.from(`${line(`${m}-2`)}\n`), octets(line(`${m}-3`))]), messages: 3 },
  { name: 'NUL bytes inside a frame', send: (m) => octets(bytes(m, [0, 1, 0])), messages: 1 },
  { name: 'invalid UTF-8 inside a frame', send: (m) => octets(bytes(m, [0xff, 0xfe])), messages: 1 },
  { name: '1,000 messages on one connection', send: (m) => Array.from({ length: 1000 }, (_, i) => `${line(`${m}-${i}`)}\n`).join(''), messages: 1000 },
  { name: 'binary noise after a marker line', send: (m) => Buffer.concat([Buffer.from(`${line(m)}\n`), noise(64_000, 61)]), messages: 1 },
  // What arrived of a frame cut by a reset is kept too (it will not parse, so it is quarantined as received).
  { name: 'a connection reset in the middle of a frame', send: (m) => `${line(`${m}-whole`)}\n500 <34>1 ${T} fw01 app - - - ${m}-cut`, messages: 2, reset: true },
  { name: 'a frame whose count runs past the data, then a reset', send: (m) => Buffer.concat([octets(line(`${m}-first`)), Buffer.from(`9000 ${line(`${m}-partial`)}`)]), messages: 2, reset: true },
];
