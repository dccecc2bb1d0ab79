import { extractText } from 'unpdf';

/** The text layer of each page of a PDF, as a reader copying it would get it (tests only). */
export async function pdfPages(pdf: Buffer): Promise<string[]> {
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new Error('not a PDF');
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  return text;
}
