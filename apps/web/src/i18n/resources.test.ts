/**
 * Issue 18, item 3: the console's two languages hold the same keys with no empty text, and every code the
 * server sends as a code (quarantine reasons, timeline kinds, title codes, error codes, report recipients,
 * STIX properties) reads in both languages. Codes are enumerated from their source of truth (contracts),
 * never from a hand list here; RSIT classes, sectors and the printed documents are checked beside the
 * parsers and the server in scripts/i18n-coverage.test.ts.
 */
import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import {
  CAMPAIGN_TITLE_CODES, ERROR_CODES, type Deadline, INCIDENT_TITLE_CODES, QUARANTINE_REASONS, REPORT_RECIPIENTS, TIMELINE_KINDS,
} from '@lachan/contracts';
import { vi } from './vi.ts';
import { en } from './en.ts';
import { CAMPAIGN_TITLE_KEYS } from '../features/campaigns/campaignTitle.ts';
import { incidentTitle } from '../features/incidents/madeTitle.ts';
import { quarantineReason } from '../features/alerts/quarantineReason.ts';
import { reportRecipients } from '../features/incidents/reportRecipients.ts';
import { STIX_PROPERTIES, STIX_RELATIONSHIP_TYPES } from '../features/intel/stixProperties.ts';

type Tree = { [k: string]: string | Tree };

/** Every leaf of a resource tree as `path -> text`. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

/** English counts one and other; Vietnamese has only `_other`: an English `_one` beside its `_other` is not extra. */
const withoutEnglishOne = (keys: Map<string, string>) => [...keys.keys()].filter((k) => !(k.endsWith('_one') && keys.has(k.replace(/_one$/, '_other'))));

const instance = i18next.createInstance();
await instance.init({ resources: { vi: { translation: vi }, en: { translation: en } }, lng: 'vi', initAsync: false, interpolation: { escapeValue: false } });
/** Loosely typed: the keys checked here are built from codes at run time. */
type Translate = (key: string, options?: Record<string, unknown>) => string;
const T: Record<'vi' | 'en', Translate> = { vi: instance.getFixedT('vi') as unknown as Translate, en: instance.getFixedT('en') as unknown as Translate };
const LANGS = ['vi', 'en'] as const;
/** A translated text that is really the key (i18next's answer to a missing key) or empty. */
const missing = (lng: 'vi' | 'en', key: string) => !instance.exists(key, { lng }) || T[lng](key) === '' || T[lng](key) === key;

describe('the console resources', () => {
  const viKeys = leaves(vi as unknown as Tree);
  const enKeys = leaves(en as unknown as Tree);

  it('has the same namespaces and keys in Vietnamese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const viList = [...viKeys.keys()];
    const enList = withoutEnglishOne(enKeys);
    expect(viList.filter((k) => !enKeys.has(k)), 'keys missing in English').toEqual([]);
    expect(enList.filter((k) => !viKeys.has(k)), 'keys English has and Vietnamese lacks').toEqual([]);
  });

  it('holds no empty text in either language', () => {
    expect([...viKeys].filter(([, s]) => s.trim() === '').map(([k]) => k)).toEqual([]);
    expect([...enKeys].filter(([, s]) => s.trim() === '').map(([k]) => k)).toEqual([]);
  });
});

describe('codes the server sends, in both languages', () => {
  const check = (family: string, codes: readonly string[], key: (c: string) => string[]) => {
    expect(codes.length, family).toBeGreaterThan(0);
    const gaps = LANGS.flatMap((l) => codes.flatMap((c) => key(c).filter((k) => missing(l, k)).map((k) => `${l}: ${k}`)));
    expect(gaps, family).toEqual([]);
  };

  it('words every quarantine reason with a label and a hint, never the code', () => {
    check('quarantine', QUARANTINE_REASONS, (c) => [`alerts.quarantine.reasons.${c}.label`, `alerts.quarantine.reasons.${c}.hint`]);
    for (const l of LANGS) for (const c of QUARANTINE_REASONS) expect(quarantineReason(T[l], c).label).not.toContain(c);
    expect(quarantineReason(T.vi, 'missing_field').label).not.toBe(quarantineReason(T.en, 'missing_field').label);
  });

  it('names every timeline kind the server may write', () => {
    check('timeline', TIMELINE_KINDS, (k) => [`incidents.timeline.kinds.${k}`]);
  });

  it('words every server-made incident and campaign title in the reader’s language', () => {
    const params = { rule: 'Critical alert', signature: '', attacker: '203.0.113.5', asset: 'web01', count: '3' };
    for (const code of INCIDENT_TITLE_CODES) {
      const made = { title: 'English title', titleCode: code, titleParams: Object.fromEntries(Object.entries(params).filter(([, v]) => v)) };
      const [inVi, inEn] = LANGS.map((l) => incidentTitle(T[l], made));
      expect(inVi, code).not.toBe(inEn);
      expect(inVi).not.toMatch(/Critical alert|madeTitle/);
    }
    check('campaign titles', CAMPAIGN_TITLE_CODES, (c) => [CAMPAIGN_TITLE_KEYS[c as keyof typeof CAMPAIGN_TITLE_KEYS]]);
  });

  it('explains every error code a user may be shown', () => {
    check('errors', ERROR_CODES, (c) => [`errors.${c}`]);
  });

  it('names every report recipient', () => {
    check('recipients', REPORT_RECIPIENTS, (c) => [`incidents.reportRecipients.${c}`]);
    const d = { recipientCodes: ['national_coordinator', 'mps_a05'] as Deadline['recipientCodes'], recipients: 'antt@example.vn' };
    expect(reportRecipients(T.vi, 'vi', d)).toContain('Cơ quan điều phối quốc gia');
    expect(reportRecipients(T.en, 'en', d)).toBe('National coordinating agency and Ministry of Public Security (A05) (antt@example.vn)');
  });

  it('labels every STIX property and relationship type the knowledge base names', () => {
    check('stix', STIX_PROPERTIES, (p) => [`intel.stix.${p}`]);
    check('relationships', STIX_RELATIONSHIP_TYPES, (r) => [`intel.relTypes.${r}`]);
  });
});
