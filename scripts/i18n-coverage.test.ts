/**
 * Repository check (issue 18, item 3), across the package boundaries the console may not cross: every RSIT
 * class the parsers assign and every report recipient code reads in both languages in the console and in
 * printed documents, and every seeded sector has both names. Codes come from their source of truth.
 * The console's own keys and contract codes are checked in apps/web/src/i18n/resources.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { REPORT_RECIPIENTS } from '@lachan/contracts';
import { RSIT_TAXONOMY } from '@lachan/parsers';
import { vi } from '../apps/web/src/i18n/vi.ts';
import { en } from '../apps/web/src/i18n/en.ts';
import { SECTORS } from '../apps/server/src/modules/reference/sectors.data.ts';
import { RECIPIENTS, RSIT_CLASS } from '../apps/server/src/modules/documents/document-labels.ts';

describe('codes across the platform, in both languages', () => {
  it('names every RSIT class the parsers assign, in the console and in documents', () => {
    const classes = Object.keys(RSIT_TAXONOMY);
    expect(classes.length).toBeGreaterThan(10);
    for (const c of classes) {
      expect((vi.rsit as Record<string, string>)[c], `vi ${c}`).toBeTruthy();
      expect((en.rsit as Record<string, string>)[c], `en ${c}`).toBeTruthy();
      expect(RSIT_CLASS.vi[c], c).toBeTruthy();
      expect(RSIT_CLASS.en[c], c).toBeTruthy();
    }
  });

  it('names every report recipient in printed documents as the console does', () => {
    for (const c of REPORT_RECIPIENTS) {
      expect(RECIPIENTS.vi[c]).toBe(vi.incidents.reportRecipients[c]);
      expect(RECIPIENTS.en[c]).toBe(en.incidents.reportRecipients[c]);
    }
  });

  it('has both names of every seeded sector', () => {
    expect(SECTORS.length).toBeGreaterThan(5);
    for (const s of SECTORS) {
      expect(s.nameVi.trim(), s.code).not.toBe('');
      expect(s.nameEn.trim(), s.code).not.toBe('');
      expect(s.nameEn, s.code).not.toBe(s.nameVi);
    }
  });
});
