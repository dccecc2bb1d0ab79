import { TLP_COLOUR, nfc, type DocBlock, type PrintDocument } from './document.model.ts';

const esc = (s: string) => nfc(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function table(b: Extract<DocBlock, { kind: 'table' }>): string {
  if (b.rows.length === 0 && b.empty) return `<p class="empty">${esc(b.empty)}</p>`;
  const cls = b.numeric ? ' class="numeric"' : '';
  const head = `<thead><tr>${b.head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`;
  return `<table${cls}>${head}<tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function block(b: DocBlock): string {
  switch (b.kind) {
    case 'heading': return `<h2>${esc(b.text)}</h2>`;
    case 'paragraph': return b.text.split(/\n{2,}/).map((p) => `<p>${esc(p).replace(/\n/g, '<br>')}</p>`).join('');
    case 'fields': return `<dl>${b.rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
    case 'list': return `<ol>${b.items.map((i) => `<li>${esc(i)}</li>`).join('')}</ol>`;
    case 'table': return table(b);
  }
}

const CSS = `body{font:11pt/1.45 "Noto Sans","Segoe UI",Arial,sans-serif;color:#1a1b1e;margin:2cm}h1{font-size:16pt;margin:8pt 0 4pt}
h2{font-size:12pt;margin:18pt 0 6pt;border-bottom:1px solid #ccc}table{border-collapse:collapse;width:100%;margin:4pt 0}
th,td{border:1px solid #ccc;padding:3pt 6pt;text-align:left;vertical-align:top}table.numeric td:not(:first-child){text-align:right}th{background:#f1f3f5}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2pt 12pt;margin:4pt 0}dt{color:#555}dd{margin:0}.meta{color:#555}.empty{color:#777}
.tlp{display:flex;justify-content:space-between;align-items:center;font-size:9pt;color:#555}
.tlp b{background:#000;padding:2pt 6pt;font-weight:700;letter-spacing:.5pt}footer{margin-top:24pt;border-top:1px solid #ccc;padding-top:6pt}
@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}header.tlp{position:fixed;top:0;left:0;right:0}footer.tlp{position:fixed;bottom:0;left:0;right:0}main{margin:28pt 0}}`;

/** The document as self-contained printable HTML (no scripts, no external resources); the marking repeats on every printed page. */
export function renderHtml(d: PrintDocument): string {
  const mark = `<b style="color:${TLP_COLOUR[d.tlp]}" data-tlp="${d.tlp}">TLP:${esc(d.tlp)}</b>`;
  return `<!doctype html><html lang="${d.lang}"><head><meta charset="utf-8"><title>${esc(d.title)}</title><style>${CSS}</style></head><body>
<header class="tlp">${mark}<span>${esc(d.tlpNote)}</span></header>
<main><h1>${esc(d.title)}</h1>${d.meta.map((m) => `<div class="meta">${esc(m)}</div>`).join('')}
${d.blocks.map(block).join('\n')}</main>
<footer class="tlp"><span>${esc(d.footer)}</span>${mark}</footer>
</body></html>`;
}
