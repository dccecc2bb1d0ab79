import type { Tlp, Warning, WarningCreate, WarningTargeting } from '@lachan/contracts';
import { formatCves, parseCves } from './cveText.ts';

/** What the composer edits: the warning's fields, lists as plain text the author types line by line. */
export interface ComposerForm {
  titleVi: string;
  titleEn: string;
  bodyVi: string;
  bodyEn: string;
  severity: number;
  tlp: Tlp;
  sectors: string[];
  provinces: string[];
  orgIds: string[];
  /** Security levels (1–5) as select values. */
  securityLevels: string[];
  /** Only organisations owning an active system critical to national security. */
  criticalOnly: boolean;
  /** Products or keywords, one per line or comma (shown to readers, listed as products in CSAF). */
  keywords: string;
  actionsVi: string;
  actionsEn: string;
  indicators: string;
  cves: string;
  /** External references, one per line: `https://… what it is`. */
  references: string;
  validFrom: string;
  validUntil: string;
}

/** An empty warning: medium severity, TLP:GREEN (shareable within the community). */
export const EMPTY_FORM: ComposerForm = { titleVi: '', titleEn: '', bodyVi: '', bodyEn: '', severity: 2, tlp: 'GREEN', sectors: [], provinces: [], orgIds: [], securityLevels: [], criticalOnly: false, keywords: '', actionsVi: '', actionsEn: '', indicators: '', cves: '', references: '', validFrom: '', validUntil: '' };

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** The targeting the form describes; empty criteria are left out (empty = everyone). */
export function targetingOf(form: Pick<ComposerForm, 'sectors' | 'provinces' | 'orgIds'> & Partial<Pick<ComposerForm, 'securityLevels' | 'criticalOnly' | 'keywords'>>): WarningTargeting {
  const targeting: WarningTargeting = {};
  if (form.sectors.length) targeting.sectors = form.sectors;
  if (form.provinces.length) targeting.provinces = form.provinces;
  if (form.orgIds.length) targeting.orgIds = form.orgIds;
  if (form.securityLevels?.length) targeting.securityLevels = form.securityLevels.map(Number);
  if (form.criticalOnly) targeting.criticalOnly = true;
  const keywords = (form.keywords ?? '').split(/[\n,]+/).map((k) => k.trim()).filter(Boolean);
  if (keywords.length) targeting.keywords = keywords;
  return targeting;
}

/** `datetime-local` value to ISO, or null when empty. */
const isoOrNull = (local: string) => (local ? new Date(local).toISOString() : null);
/** ISO to a `datetime-local` value in the browser's zone. */
const toLocal = (iso: string | null) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** The request body for the form: actions paired by line (English falls back to Vietnamese), indicators "type: value". */
export function bodyOf(form: ComposerForm): WarningCreate {
  const vi = lines(form.actionsVi);
  const en = lines(form.actionsEn);
  return {
    titleVi: form.titleVi.trim(),
    titleEn: form.titleEn.trim(),
    bodyVi: form.bodyVi.trim(),
    bodyEn: form.bodyEn.trim(),
    severity: form.severity,
    tlp: form.tlp,
    targeting: targetingOf(form),
    actions: vi.map((v, i) => ({ vi: v, en: en[i] ?? v })),
    indicators: lines(form.indicators).map((l) => {
      const at = l.indexOf(':');
      return at > 0 ? { type: l.slice(0, at).trim(), value: l.slice(at + 1).trim() } : { type: 'other', value: l };
    }),
    cves: parseCves(form.cves),
    references: lines(form.references).map((l) => {
      const [url, ...words] = l.split(/\s+/);
      return { url: url!, summary: words.join(' ') || url! };
    }),
    validFrom: isoOrNull(form.validFrom),
    validUntil: isoOrNull(form.validUntil),
  };
}

/** The form for a saved warning (reopening a draft). */
export function formOf(w: Warning): ComposerForm {
  return {
    titleVi: w.titleVi,
    titleEn: w.titleEn,
    bodyVi: w.bodyVi,
    bodyEn: w.bodyEn,
    severity: w.severity,
    tlp: w.tlp,
    sectors: w.targeting.sectors ?? [],
    provinces: w.targeting.provinces ?? [],
    orgIds: w.targeting.orgIds ?? [],
    securityLevels: (w.targeting.securityLevels ?? []).map(String),
    criticalOnly: w.targeting.criticalOnly ?? false,
    keywords: (w.targeting.keywords ?? []).join('\n'),
    actionsVi: w.actions.map((a) => a.vi).join('\n'),
    actionsEn: w.actions.map((a) => a.en).join('\n'),
    indicators: w.indicators.map((i) => `${i.type}: ${i.value}`).join('\n'),
    cves: formatCves(w.cves),
    references: w.references.map((r) => (r.summary === r.url ? r.url : `${r.url} ${r.summary}`)).join('\n'),
    validFrom: toLocal(w.validFrom),
    validUntil: toLocal(w.validUntil),
  };
}
