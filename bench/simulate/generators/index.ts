import type { Format, Generator } from '../types.ts';
import { cefLine } from './cef.ts';
import { ecsAlert } from './ecs.ts';
import { lachanAlert } from './lachan.ts';
import { suricataAlert } from './suricata.ts';
import { syslogLine } from './syslog.ts';
import { wazuhAlert } from './wazuh.ts';

/** One generator per ingest format; each writes one record (a JSON object or a text line, no newline). */
export const GENERATORS: Readonly<Record<Format, Generator>> = {
  wazuh: wazuhAlert,
  suricata: suricataAlert,
  ecs: ecsAlert,
  cef: cefLine,
  syslog: syslogLine,
  lachan: lachanAlert,
};
