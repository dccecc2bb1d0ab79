import { Type, type Static } from 'typebox';

/** A printable document: PDF (Noto Sans embedded) or the same content as self-contained HTML, in Vietnamese or English. */
export const DocumentQuery = Type.Object({
  format: Type.Optional(Type.Enum(['pdf', 'html'], { default: 'pdf' })),
  lang: Type.Optional(Type.Enum(['vi', 'en'], { default: 'vi' })),
});
export type DocumentQuery = Static<typeof DocumentQuery>;
