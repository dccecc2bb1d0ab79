import { createHash } from 'node:crypto';

/** One value to export, from a live indicator. */
export interface ExportEntry { type: string; value: string; score: number; indicatorId: string; name: string; tlp: string | null; object: Record<string, unknown> }

/** Formats the outer-shield exports speak. */
export const EXPORT_FORMATS = ['txt', 'suricata', 'rpz', 'csv', 'stix'] as const;
/** One of {@link EXPORT_FORMATS}. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Suricata sids from the local range (1000000-1999999 is for local rules), stable per value, unique in one file. */
function sids(entries: ExportEntry[]): number[] {
  const used = new Set<number>();
  return entries.map((e) => {
    let sid = 1_000_000 + (parseInt(createHash('sha256').update(`${e.type}:${e.value}`).digest('hex').slice(0, 8), 16) % 999_999);
    while (used.has(sid)) sid = sid >= 1_999_999 ? 1_000_000 : sid + 1;
    used.add(sid);
    return sid;
  });
}

/** The export body and its content type. */
export function renderExport(format: ExportFormat, entries: ExportEntry[]): { body: string; contentType: string } {
  switch (format) {
    case 'txt':
      return { body: entries.map((e) => `${e.value}\n`).join(''), contentType: 'text/plain; charset=utf-8' };
    case 'csv':
      return { body: ['type,value,score,tlp,indicator_id,name', ...entries.map((e) => [e.type, e.value, e.score.toFixed(1), e.tlp ?? '', e.indicatorId, e.name].map(csvCell).join(','))].join('\n') + '\n', contentType: 'text/csv; charset=utf-8' };
    case 'suricata': {
      const rules = entries.filter((e) => e.type === 'ipv4' || e.type === 'ipv6' || e.type === 'domain');
      const sid = sids(rules);
      return {
        body: rules.map((e, i) => {
          const msg = `LACHAN intel ${e.type} ${e.value} (${e.indicatorId})`.replace(/[;"\\]/g, '');
          return e.type === 'domain'
            ? `alert dns any any -> any any (msg:"${msg}"; dns.query; content:"${e.value}"; nocase; endswith; sid:${sid[i]}; rev:1;)\n`
            : `alert ip any any -> ${e.value} any (msg:"${msg}"; sid:${sid[i]}; rev:1;)\n`;
        }).join(''),
        contentType: 'text/plain; charset=utf-8',
      };
    }
    case 'rpz': {
      // The serial follows the newest indicator, so an unchanged list keeps its ETag.
      const serial = Math.floor(Math.max(0, ...entries.map((e) => Date.parse(String(e.object.modified ?? '')) || 0)) / 1000);
      const head = `$TTL 300\n@ IN SOA localhost. hostmaster.localhost. ${serial} 3600 600 86400 300\n@ IN NS localhost.\n`;
      const domains = entries.filter((e) => e.type === 'domain').map((e) => `${e.value} CNAME .\n*.${e.value} CNAME .\n`);
      return { body: head + domains.join(''), contentType: 'text/dns; charset=utf-8' };
    }
    case 'stix': {
      const seen = new Set<string>();
      const objects = entries.filter((e) => !seen.has(e.indicatorId) && seen.add(e.indicatorId)).map((e) => e.object);
      const id = createHash('sha256').update(objects.map((o) => o.id).join(',')).digest('hex');
      return { body: JSON.stringify({ type: 'bundle', id: `bundle--${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-8${id.slice(17, 20)}-${id.slice(20, 32)}`, objects }), contentType: 'application/stix+json;version=2.1' };
    }
  }
}
