import type { Tlp } from '@lachan/contracts';

/** The languages a printable document is written in. */
export type DocLang = 'vi' | 'en';

/** One block of a printable document's body. */
export type DocBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: (readonly [string, string])[] }
  | { kind: 'list'; items: string[] }
  /** `numeric`: columns after the first hold figures (right-aligned). */
  | { kind: 'table'; head: string[]; rows: string[][]; numeric?: boolean; empty?: string };

/**
 * A printable document as one content model: the HTML view and the PDF are both rendered from it, so
 * they cannot say different things. Builders fill it only with what the reader may see.
 */
export interface PrintDocument {
  lang: DocLang;
  /** The TLP marking printed at the top and bottom of every page. */
  tlp: Tlp;
  /** The line explaining the marking, in the document's language. */
  tlpNote: string;
  title: string;
  /** Lines under the title: basis, organisation, period, reference. */
  meta: string[];
  blocks: DocBlock[];
  /** The footer line of every page (issuer, time generated). */
  footer: string;
  /** Base of the downloaded file's name, without extension (ASCII). */
  fileName: string;
}

/** TLP 2.0 colours of the marking: text on black. */
export const TLP_COLOUR: Record<Tlp, string> = {
  CLEAR: '#FFFFFF', GREEN: '#33FF00', AMBER: '#FFC000', 'AMBER+STRICT': '#FFC000', RED: '#FF2B2B',
};

/** Text as the document writes it: composed (NFC), so each Vietnamese letter is one glyph of the font. */
export const nfc = (s: string): string => s.normalize('NFC');
