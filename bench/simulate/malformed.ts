import type { Rng } from './rng.ts';
import type { Format } from './types.ts';

/**
 * Broken records the server must quarantine: truncated or invalid JSON, JSON that is not an object,
 * members of the wrong type; CEF with a bad header or extension; syslog with an impossible header;
 * plain garbage. Each is one non-blank line. `valid` is a good record of the same format to damage.
 * Control characters occur, but never NUL (the server cannot store it in PostgreSQL text and answers
 * 400 for the whole batch: a server issue to fix separately, not a traffic pattern to benchmark).
 */

type Mutator = (doc: Record<string, unknown>, rng: Rng) => void;

/** Wrong types and missing members per JSON format (each makes the parser reject the record). */
const WRONG_TYPES: Record<'wazuh' | 'suricata' | 'ecs' | 'lachan', readonly Mutator[]> = {
  wazuh: [
    (d) => void ((d.rule as Record<string, unknown>).level = 'high'),
    (d) => void ((d.rule as Record<string, unknown>).level = 42),
    (d) => void delete d.rule,
  ],
  suricata: [
    (d) => void (d.alert = 'ET SCAN Potential SSH Scan'),
    (d) => void delete d.event_type,
    (d) => void (d.event_type = 'flow'),
  ],
  ecs: [
    (d) => void ((d.event as Record<string, unknown>).kind = 42),
    (d) => void ((d.event as Record<string, unknown>).kind = 'metric'),
  ],
  lachan: [
    (d) => void (d.severity = 'urgent'),
    (d) => void (d.title = 42),
    (d) => void (d.src = { ip: '999.1.2.3', port: 22 }),
    (d) => void (d.attack = ['Brute Force']),
    (d) => void delete d.title,
  ],
};

const JSON_GARBAGE = [
  '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>',
  '{"timestamp":"2025-11-21T10:00:00.000+0000",,"rule":{}}',
  "{'rule': {'level': 10}}",
  'undefined',
  '\u0001\u0002\u0003\u001b[0m binary',
];

function jsonMalformed(format: 'wazuh' | 'suricata' | 'ecs' | 'lachan', valid: string, rng: Rng): string {
  switch (rng.weighted([['truncate', 5], ['types', 4], ['array', 1], ['garbage', 1]] as const)) {
    case 'truncate':
      // A prefix of an object that lacks its closing brace is never valid JSON.
      return valid.slice(0, rng.int(1, valid.length - 2));
    case 'types': {
      const doc = JSON.parse(valid) as Record<string, unknown>;
      rng.pick(WRONG_TYPES[format])(doc, rng);
      return JSON.stringify(doc);
    }
    case 'array':
      return `[${valid}]`;
    case 'garbage':
      return rng.pick(JSON_GARBAGE);
  }
}

function cefMalformed(valid: string, rng: Rng): string {
  const at = valid.indexOf('CEF:');
  const prefix = valid.slice(0, at);
  const cef = valid.slice(at);
  const fields = cef.split('|');
  // An escaped pipe or an unescaped '=' inside a value is real vendor CEF (PAN-OS, Check Point): read, not broken.
  switch (rng.weighted([['header', 5], ['version', 3], ['nocef', 1]] as const)) {
    case 'header':
      return prefix + fields.slice(0, rng.int(2, 5)).join('|');
    case 'version':
      return `${prefix}CEF:zero|${fields.slice(1).join('|')}`;
    case 'nocef':
      return `${prefix}%ASA-4-106023: Deny tcp src outside:${rng.int(1, 254)}.0.2.1 by access-group "outside_in"`;
  }
}

// Lines without a standard header (a bare `kernel:` message, unterminated structured data) are real
// device output the receiver keeps with the receipt time: only what no syslog sender writes is broken.
const SYSLOG_GARBAGE = [
  (rng: Rng) => `<${rng.int(192, 999)}>Nov 21 10:00:00 host sshd[1]: Failed password for root`,
  () => '<38>Feb 30 25:61:00 host sshd[22]: Invalid user test',
  () => '<34>1 yesterday host su - ID47 - su root failed',
  () => '\u0016\u0003\u0001\u0002 TLS hello on the syslog port',
  (rng: Rng) => `<${rng.int(1, 190)}`,
];

/** A broken record in `format`, made from a valid one. */
export function malformedRecord(format: Format, valid: string, rng: Rng): string {
  if (format === 'cef') return cefMalformed(valid, rng);
  if (format === 'syslog') return rng.pick(SYSLOG_GARBAGE)(rng);
  return jsonMalformed(format, valid, rng);
}
