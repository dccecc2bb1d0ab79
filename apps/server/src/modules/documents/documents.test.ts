import { describe, expect, it } from 'vitest';
import { renderHtml } from './document-html.ts';
import { renderPdf } from './document-pdf.ts';
import { incidentTitle } from './incident-document.ts';
import { vnTime } from './document-labels.ts';
import type { PrintDocument } from './document.model.ts';
import { pdfPages } from '../../testing/pdf-text.ts';

const doc = (over: Partial<PrintDocument> = {}): PrintDocument => ({
  lang: 'vi', tlp: 'RED', tlpNote: 'TLP:RED — chỉ dành cho người nhận.', title: 'Thử <b>in</b> & "trích"', meta: ['Đơn vị: Sở Y tế'], footer: 'Lá Chắn', fileName: 'x',
  blocks: [{ kind: 'heading', text: 'Mục' }, { kind: 'table', head: ['Loại', 'Giá trị'], rows: [], empty: 'Không có.' }], ...over,
});

describe('printable documents', () => {
  it('escapes every text in the HTML view and marks it at top and bottom', () => {
    const html = renderHtml(doc());
    expect(html).not.toContain('<b>in</b>');
    expect(html).toContain('Thử &#60;b&#62;in&#60;/b&#62; &#38; &#34;trích&#34;');
    expect(html.match(/data-tlp="RED"/g)).toHaveLength(2);
    expect(html).toContain('Không có.');
  });

  it('writes decomposed input as composed letters, in the PDF too', async () => {
    const decomposed = 'Quảng Trị'.normalize('NFD');
    expect(renderHtml(doc({ title: decomposed }))).toContain('Quảng Trị'.normalize('NFC'));
    const text = (await pdfPages(await renderPdf(doc({ title: decomposed }), new Date()))).join('\n');
    expect(text).toContain('Quảng Trị'.normalize('NFC'));
    expect(text).toContain('TLP:RED');
  });

  it('words a title the server made in the document’s language', () => {
    const made = { title: 'SSH brute force from 198.51.100.7', titleCode: 'promoted' as const, titleParams: { signature: 'SSH brute force', attacker: '198.51.100.7' } };
    expect(incidentTitle(made, 'vi')).toBe('SSH brute force từ 198.51.100.7');
    expect(incidentTitle(made, 'en')).toBe('SSH brute force from 198.51.100.7');
    expect(incidentTitle({ title: 'Viết tay', titleCode: null, titleParams: null }, 'en')).toBe('Viết tay');
  });

  it('gives times in Vietnam’s time zone', () => {
    expect(vnTime('2026-06-30T20:15:00Z', 'vi')).toBe('03:15 01/07/2026 (giờ Việt Nam, UTC+7)');
    expect(vnTime(null, 'en')).toBe('–');
  });
});
