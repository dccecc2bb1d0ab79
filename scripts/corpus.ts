/**
 * npm run corpus: runs the real-sample corpus (fixtures/public/corpus) through the parsers and prints, per
 * format and product, the records sent, accepted, quarantined by design (non-alert events, published
 * samples that are invalid) and quarantined or mis-read by defect, with the first defects. Exits 1 when
 * any record is a defect.
 */
import { loadGoldens, runGolden, type RecordResult } from '../packages/parsers/src/testing/corpus.ts';

const rows = new Map<string, { format: string; product: string; sent: number; accepted: number; byDesign: number; defect: number }>();
const defects: RecordResult[] = [];
for (const g of loadGoldens()) {
  const key = `${g.format}|${g.product}`;
  const row = rows.get(key) ?? { format: g.format, product: g.product, sent: 0, accepted: 0, byDesign: 0, defect: 0 };
  for (const r of runGolden(g)) {
    row.sent++;
    if (r.verdict === 'accepted') row.accepted++;
    else if (r.verdict === 'by_design') row.byDesign++;
    else {
      row.defect++;
      defects.push(r);
    }
  }
  rows.set(key, row);
}
const list = [...rows.values()].sort((a, b) => a.format.localeCompare(b.format) || a.product.localeCompare(b.product));
const width = Math.max(...list.map((r) => r.product.length), 7);
const line = (c: string[]) => console.log(`${c[0]!.padEnd(9)} ${c[1]!.padEnd(width)} ${c.slice(2).map((x) => x.padStart(9)).join(' ')}`);
line(['format', 'product', 'sent', 'accepted', 'by design', 'by defect']);
for (const r of list) line([r.format, r.product, String(r.sent), String(r.accepted), String(r.byDesign), String(r.defect)]);
const total = list.reduce((t, r) => ({ sent: t.sent + r.sent, accepted: t.accepted + r.accepted, byDesign: t.byDesign + r.byDesign, defect: t.defect + r.defect }), { sent: 0, accepted: 0, byDesign: 0, defect: 0 });
line(['all', `${list.length} products, ${new Set(list.map((r) => r.format)).size} formats`, String(total.sent), String(total.accepted), String(total.byDesign), String(total.defect)]);
for (const d of defects.slice(0, 30)) console.log(`defect: ${d.golden.file} record ${d.index}: ${d.problems.join('; ')}`);
process.exitCode = total.defect === 0 ? 0 : 1;
