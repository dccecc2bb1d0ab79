import type { AuditEntry } from '@lachan/contracts';
import type { AuditRow } from './audit.repository.ts';

/** An audit row as the API presents it. */
export const presentAuditEntry = (x: AuditRow): AuditEntry => ({
  id: x.id, at: x.at.toISOString(), actorType: x.actor_type, actorId: x.actor_id, actorName: x.actor_name, orgId: x.org_id, action: x.action,
  entityType: x.entity_type, entityId: x.entity_id, before: x.before, after: x.after, ip: x.ip, requestId: x.request_id,
});

const COLUMNS = ['id', 'at', 'actorType', 'actorName', 'actorId', 'orgId', 'action', 'entityType', 'entityId', 'ip', 'requestId', 'before', 'after'] as const;

/** One CSV cell: quoted when needed; a text a spreadsheet would run as a formula is prefixed with an apostrophe. */
function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The entries as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheets read Vietnamese right). */
export function auditCsv(entries: AuditEntry[]): string {
  const lines = [COLUMNS.join(','), ...entries.map((e) => COLUMNS.map((c) => cell(e[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The entries as NDJSON, one entry a line. */
export const auditNdjson = (entries: AuditEntry[]): string => entries.map((e) => JSON.stringify(e)).join('\n') + (entries.length ? '\n' : '');
