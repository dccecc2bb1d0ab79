import { fail } from '../failure.ts';
import { parseMonthDayTime, zoneOf } from '../time.ts';
import type { ParseContext } from '../types.ts';
import type { SyslogMessage } from './syslog-parse.ts';

/**
 * Syslog lines as real devices send them without a standard RFC 3164/5424 header (formats.md §5):
 * - Cisco IOS / NX-OS: `<PRI>[seq: ][host: ][*|.]TIME[ ZONE]: MSG`, TIME `yyyy Mmm dd hh:mm:ss[.fff]` or
 *   `Mmm dd [yyyy] hh:mm:ss[.fff]`; NX-OS files also write `TIME HOST MSG` without PRI;
 * - a ctime prefix `Www Mmm dd hh:mm:ss yyyy[:] MSG` (Cisco ESA);
 * - anything else (SonicWall, FortiGate and other key=value firewall lines, an application's bare text):
 *   the whole text is the MSG and the line has no time (the receipt time stands; a time inside the
 *   message is read by the key=value reader).
 * The same Cisco prefix after a relay's standard header is the device's own time (`devicePrefix`).
 */

const TIME = '(\\d{4} [A-Za-z]{3} {1,2}\\d{1,2}|[A-Za-z]{3} {1,2}\\d{1,2}(?: \\d{4})?) (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})?)';
const ZONE = '(?: ([A-Za-z]{2,5}|[+-]\\d{2}:?\\d{2}))?';
const CISCO = new RegExp(`^:? ?(?:(\\d+): )?(?:([^\\s:]*): )?[*.]?${TIME}${ZONE}: ?`);
const NXOS_FILE = new RegExp(`^(\\d{4} [A-Za-z]{3} {1,2}\\d{1,2}) (\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,6})?)${ZONE} (\\S+) `);
const CTIME = /^((?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Za-z]{3} {1,2}\d{1,2} \d{2}:\d{2}:\d{2} \d{4}):? /;
// Starts like a time but is not one that can exist (`Oct 32 22:14:15`): refused, not guessed around.
const TIME_LIKE = /^[A-Za-z]{3} {1,2}\d{1,2} \d{2}:\d{2}:\d{2}/;

/** Epoch ms of a Cisco date (`2023 May  2` or `May  2[ 2023]`) and time, in the written zone or ctx's. */
function ciscoTime(date: string, clock: string, zone: string | undefined, ctx: ParseContext): number {
  const d = /^\d{4} /.test(date) ? `${date.slice(5)} ${date.slice(0, 4)}` : date;
  const written = zone === undefined ? null : zoneOf(zone);
  const ms = parseMonthDayTime(`${d.replace(/ {2,}/g, ' ')} ${clock}`, written ?? ctx.timeZone, ctx.receivedAt);
  if (ms === null) fail('bad_syslog_header', `invalid timestamp "${date} ${clock}"`);
  return ms;
}

function message(rfc: 3164, facility: number | null, severity: number | null, time: number | null, hostname: string | null, text: string): SyslogMessage {
  return { rfc, facility, severity, time, hostname, appName: null, procId: null, msgId: null, structuredData: [], structuredDataText: null, message: text };
}

/** A line whose PRI (if any) is followed by no standard timestamp. */
export function readWithoutHeader(rest: string, facility: number | null, severity: number | null, ctx: ParseContext): SyslogMessage {
  const cisco = CISCO.exec(rest);
  if (cisco !== null) {
    const host = cisco[2] === undefined || cisco[2] === '' ? null : cisco[2];
    return message(3164, facility, severity, ciscoTime(cisco[3]!, cisco[4]!, cisco[5], ctx), host, rest.slice(cisco[0].length));
  }
  const nxos = NXOS_FILE.exec(rest);
  if (nxos !== null) return message(3164, facility, severity, ciscoTime(nxos[1]!, nxos[2]!, nxos[3], ctx), nxos[4]!, rest.slice(nxos[0].length));
  const ctime = CTIME.exec(rest);
  if (ctime !== null) {
    const ms = parseMonthDayTime(ctime[1]!, ctx.timeZone, ctx.receivedAt);
    if (ms === null) fail('bad_syslog_header', `invalid timestamp "${ctime[1]!}"`);
    return message(3164, facility, severity, ms, null, rest.slice(ctime[0].length));
  }
  if (TIME_LIKE.test(rest)) fail('bad_syslog_header', `invalid timestamp "${rest.slice(0, 15)}"`);
  return message(3164, facility, severity, null, null, rest.trim());
}

/** The device's own `[seq: ]TIME[ ZONE]: ` at the start of MSG (after a relay's header), or null. */
export function devicePrefix(body: string, ctx: ParseContext): { time: number; message: string } | null {
  const m = CISCO.exec(body);
  if (m === null || (m[2] !== undefined && m[2] !== '')) return null;
  return { time: ciscoTime(m[3]!, m[4]!, m[5], ctx), message: body.slice(m[0].length) };
}
