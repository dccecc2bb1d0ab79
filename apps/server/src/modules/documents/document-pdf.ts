import PDFDocument from 'pdfkit';
import { TLP_COLOUR, nfc, type DocBlock, type PrintDocument } from './document.model.ts';
import { documentFonts } from './document-fonts.ts';

type Pdf = InstanceType<typeof PDFDocument>;

type Shaper = { layout: (text: string, features?: unknown, ...rest: unknown[]) => unknown };

/**
 * Selects a font with its glyph composition feature (ccmp) off. With it, Noto Sans splits a Vietnamese
 * letter such as "ị" into a base glyph and a mark, and the PDF's text layer (ToUnicode) then reads the
 * plain letter back wrongly ("Gịanh"); off, each letter is its own precomposed glyph and copies as itself.
 * Set as the shaper's default rather than per text call, so that pdfkit keeps its per-word layout cache
 * (per call, every string is shaped afresh: about twice the CPU).
 */
function useFont(pdf: Pdf, name: 'body' | 'bold'): Pdf {
  pdf.font(name);
  const shaper = (pdf as unknown as { _font?: { font?: Shaper & { composeOff?: true } } })._font?.font;
  if (shaper && !shaper.composeOff) {
    const layout = shaper.layout.bind(shaper);
    shaper.layout = (text, features, ...rest) => layout(text, features ?? { ccmp: false }, ...rest);
    shaper.composeOff = true;
  }
  return pdf;
}

const MARGIN = { top: 64, bottom: 64, left: 56, right: 56 };
const GREY = '#555555';
const LINE = '#cccccc';

/** The document as a PDF (A4, Noto Sans embedded), the TLP marking at the top and bottom of every page. */
export function renderPdf(d: PrintDocument, now: Date): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: 'A4', margins: MARGIN, bufferPages: true, lang: d.lang === 'vi' ? 'vi-VN' : 'en-GB',
    info: { Title: nfc(d.title), Producer: 'Lachan', Creator: 'Lachan', CreationDate: now, ModDate: now, Keywords: `TLP:${d.tlp}` },
  });
  const { regular, bold } = documentFonts();
  pdf.registerFont('body', regular);
  pdf.registerFont('bold', bold);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  useFont(pdf, 'bold').fontSize(16).fillColor('#000000').text(nfc(d.title));
  useFont(pdf, 'body').fontSize(9).fillColor(GREY);
  for (const m of d.meta) pdf.text(nfc(m));
  pdf.moveDown(0.5);
  for (const b of d.blocks) block(pdf, b);
  markPages(pdf, d);
  pdf.end();
  return done;
}

const width = (pdf: Pdf) => pdf.page.width - MARGIN.left - MARGIN.right;
const bottom = (pdf: Pdf) => pdf.page.height - MARGIN.bottom;
const room = (pdf: Pdf, h: number) => {
  if (pdf.y + h > bottom(pdf)) pdf.addPage();
};

function block(pdf: Pdf, b: DocBlock): void {
  pdf.x = MARGIN.left;
  switch (b.kind) {
    case 'heading': {
      room(pdf, 48);
      pdf.moveDown(0.6).font('bold').fontSize(12).fillColor('#000000').text(nfc(b.text));
      const y = pdf.y + 1;
      pdf.moveTo(MARGIN.left, y).lineTo(MARGIN.left + width(pdf), y).strokeColor(LINE).lineWidth(0.5).stroke();
      pdf.moveDown(0.3);
      return;
    }
    case 'paragraph':
      useFont(pdf, 'body').fontSize(10).fillColor('#000000').text(nfc(b.text), { width: width(pdf), paragraphGap: 4 });
      return;
    case 'list':
      useFont(pdf, 'body').fontSize(10).fillColor('#000000').list(b.items.map(nfc), { listType: 'numbered', width: width(pdf) - 16, paragraphGap: 2 });
      return;
    case 'fields':
      return grid(pdf, b.rows.map(([k, v]) => [k, v]), [0.32, 0.68], { header: false, numeric: false });
    case 'table':
      if (b.rows.length === 0 && b.empty) {
        useFont(pdf, 'body').fontSize(10).fillColor(GREY).text(nfc(b.empty));
        return;
      }
      return grid(pdf, [b.head, ...b.rows], columnShares(b.head.length), { header: true, numeric: !!b.numeric });
  }
}

function columnShares(n: number): number[] {
  if (n === 1) return [1];
  const first = n > 4 ? 0.22 : 0.4;
  return [first, ...Array.from({ length: n - 1 }, () => (1 - first) / (n - 1))];
}

/** Rows of cells with borders; a row that does not fit starts a new page (the header row repeats). */
function grid(pdf: Pdf, rows: string[][], shares: number[], o: { header: boolean; numeric: boolean }): void {
  const w = width(pdf);
  const cols = shares.map((s) => s * w);
  const pad = 3;
  const size = rows[0] && rows[0].length > 6 ? 8 : 9;
  const drawRow = (cells: string[], head: boolean) => {
    pdf.fontSize(size);
    const heights = cells.map((c, i) => useFont(pdf, head || (!o.header && i === 0) ? 'bold' : 'body').heightOfString(nfc(c), { width: cols[i]! - 2 * pad }));
    const h = Math.max(...heights, size) + 2 * pad;
    if (pdf.y + h > bottom(pdf)) {
      pdf.addPage();
      if (o.header && !head) drawRow(rows[0]!, true);
    }
    const y = pdf.y;
    let x = MARGIN.left;
    cells.forEach((c, i) => {
      if (head) pdf.rect(x, y, cols[i]!, h).fillColor('#f1f3f5').fill();
      pdf.rect(x, y, cols[i]!, h).strokeColor(LINE).lineWidth(0.5).stroke();
      const align = o.numeric && i > 0 && !head ? 'right' : 'left';
      useFont(pdf, head || (!o.header && i === 0) ? 'bold' : 'body').fontSize(size).fillColor(!o.header && i === 0 ? GREY : '#000000')
        .text(nfc(c), x + pad, y + pad, { width: cols[i]! - 2 * pad, align });
      x += cols[i]!;
    });
    pdf.x = MARGIN.left;
    pdf.y = y + h;
  };
  rows.forEach((r, i) => drawRow(r, o.header && i === 0));
  pdf.moveDown(0.4);
}

/** The TLP marking (black box, TLP colour) and its note at the top, the footer and page number at the bottom, on every page. */
function markPages(pdf: Pdf, d: PrintDocument): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const keep = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const label = `TLP:${d.tlp}`;
    useFont(pdf, 'bold').fontSize(9);
    const lw = pdf.widthOfString(label) + 10;
    const top = 28;
    const low = pdf.page.height - 40;
    for (const [x, y] of [[pdf.page.width - MARGIN.right - lw, top], [pdf.page.width - MARGIN.right - lw, low]] as const) {
      pdf.rect(x, y, lw, 15).fillColor('#000000').fill();
      pdf.fillColor(TLP_COLOUR[d.tlp]).text(label, x + 5, y + 2.5, { lineBreak: false });
    }
    useFont(pdf, 'body').fontSize(8).fillColor(GREY);
    pdf.text(nfc(d.tlpNote), MARGIN.left, top + 3, { width: width(pdf) - lw - 12, lineBreak: false, ellipsis: true });
    pdf.text(nfc(`${d.footer} · ${i - range.start + 1}/${range.count}`), MARGIN.left, low + 3, { width: width(pdf) - lw - 12, lineBreak: false, ellipsis: true });
    pdf.page.margins.bottom = keep;
  }
}
