import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Noto Sans (SIL Open Font License 1.1, shipped with its licence in `@expo-google-fonts/noto-sans`,
 * LICENSE_FONT): full TrueType files covering Latin and every Vietnamese letter, embedded (subset) in
 * each PDF so that diacritics print and copy as text on any reader.
 */
let fonts: { regular: Buffer; bold: Buffer } | undefined;

export function documentFonts(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf')),
    bold: readFileSync(require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf')),
  };
  return fonts;
}
