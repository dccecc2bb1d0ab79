import type { AssessmentOverview, Tally } from '@lachan/contracts';

const cell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const pct = (part: number, whole: number) => (whole ? Math.round((1000 * part) / whole) / 10 : 0);
const TALLY = ['tasks', 'submitted', 'overdue', 'completion_pct', 'met', 'partly', 'not_met', 'not_applicable', 'compliance_pct'];
const tally = (t: Tally) => [t.tasks, t.submitted, t.overdue, pct(t.submitted, t.tasks), t.met, t.partly, t.notMet, t.notApplicable, pct(t.met, t.met + t.partly + t.notMet)];

/** The overview's tables as one CSV file, each table after a `section` line. */
export function overviewCsv(o: AssessmentOverview): string {
  const lines: (string | number | null)[][] = [['section', 'key', 'name', ...TALLY]];
  lines.push(['total', null, o.campaign.title, ...tally(o.total)]);
  for (const m of o.byMinistry) lines.push(['ministry', m.orgId, m.name, ...tally(m)]);
  for (const p of o.byProvince) lines.push(['province', p.provinceCode, null, ...tally(p)]);
  for (const s of o.bySector) lines.push(['sector', s.sector, null, ...tally(s)]);
  for (const l of o.byLevel) lines.push(['level', l.level, null, ...tally(l)]);
  lines.push([]);
  lines.push(['section', 'requirement', 'text', 'met', 'partly', 'not_met', 'not_applicable']);
  for (const r of o.byRequirement) lines.push(['requirement', r.reqId, r.text.vi ?? r.text.en ?? '', r.met, r.partly, r.notMet, r.notApplicable]);
  return `${lines.map((l) => l.map(cell).join(',')).join('\r\n')}\r\n`;
}

const esc = (v: unknown) => String(v ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Words of the printable report in the reader's language. */
const WORDS = {
  vi: { title: 'Báo cáo đợt đánh giá', due: 'Hạn', tasks: 'Hệ thống', submitted: 'Đã nộp', overdue: 'Quá hạn', completion: 'Hoàn thành %', compliance: 'Đáp ứng %',
    ministry: 'Theo bộ, ngành', province: 'Theo tỉnh, thành phố', level: 'Theo cấp độ', requirement: 'Theo yêu cầu', worst: 'Hệ thống cấp độ 4-5 nhiều yêu cầu chưa đáp ứng nhất',
    met: 'Đáp ứng', partly: 'Một phần', notMet: 'Chưa đáp ứng', none: '(không thuộc bộ)', measured: 'Số liệu lúc' },
  en: { title: 'Assessment campaign report', due: 'Due', tasks: 'Systems', submitted: 'Submitted', overdue: 'Overdue', completion: 'Completion %', compliance: 'Compliance %',
    ministry: 'By ministry', province: 'By province', level: 'By security level', requirement: 'By requirement', worst: 'Level 4-5 systems with the most unmet requirements',
    met: 'Met', partly: 'Partly', notMet: 'Not met', none: '(no ministry)', measured: 'Figures as of' },
};

/** A printable HTML report of the overview (every value escaped; no script). */
export function overviewHtml(o: AssessmentOverview, lang: 'vi' | 'en'): string {
  const w = WORDS[lang];
  const head = `<tr><th></th><th>${w.tasks}</th><th>${w.submitted}</th><th>${w.overdue}</th><th>${w.completion}</th><th>${w.compliance}</th></tr>`;
  const row = (name: unknown, t: Tally) => `<tr><td>${esc(name)}</td><td>${t.tasks}</td><td>${t.submitted}</td><td>${t.overdue}</td><td>${pct(t.submitted, t.tasks)}</td><td>${pct(t.met, t.met + t.partly + t.notMet)}</td></tr>`;
  const table = (title: string, rows: string[]) => `<h2>${esc(title)}</h2><table>${head}${rows.join('')}</table>`;
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(o.campaign.title)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #999;padding:.25em .6em;text-align:right}td:first-child{text-align:left}@media print{h2{page-break-after:avoid}}</style></head><body>
<h1>${esc(w.title)}: ${esc(o.campaign.title)}</h1><p>${w.due}: ${esc(o.campaign.dueDate)} · ${w.measured} ${esc(o.measuredAt)}</p>
<table>${head}${row(o.campaign.title, o.total)}</table>
${table(w.ministry, o.byMinistry.map((m) => row(m.name ?? w.none, m)))}
${table(w.province, o.byProvince.map((p) => row(p.provinceCode ?? '-', p)))}
${table(w.level, o.byLevel.map((l) => row(l.level ?? '-', l)))}
<h2>${w.requirement}</h2><table><tr><th></th><th>${w.met}</th><th>${w.partly}</th><th>${w.notMet}</th></tr>${o.byRequirement.map((r) => `<tr><td>${esc(r.reqId)} ${esc(r.text[lang] ?? r.text.vi ?? r.text.en)}</td><td>${r.met}</td><td>${r.partly}</td><td>${r.notMet}</td></tr>`).join('')}</table>
<h2>${w.worst}</h2><table><tr><th></th><th>${w.notMet}</th><th>${w.partly}</th></tr>${o.worst.map((x) => `<tr><td>${esc(x.systemName)} (${esc(x.orgName)}, ${x.level})</td><td>${x.notMet}</td><td>${x.partly}</td></tr>`).join('')}</table>
</body></html>`;
}
