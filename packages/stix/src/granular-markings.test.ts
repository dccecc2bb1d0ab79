import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { granularTlp, parseSelector, redactGranular, selectorProblem, selectValue } from './granular-markings.ts';
import { TLP2_MARKING_IDS as TLP } from './tlp.ts';
import { validateObject } from './validate.ts';

// The vulnerability of STIX 2.1 §7.2.3.1's selector examples.
const vulnerability = () => ({
  type: 'vulnerability', spec_version: '2.1', id: 'vulnerability--ee916c28-c7a4-4d0d-ad56-a8d357f89fef',
  created: '2016-02-14T00:00:06.000Z', modified: '2016-02-14T00:00:06.000Z', name: 'CVE-2014-0160',
  description: 'The (1) TLS and (2) DTLS implementations in OpenSSL 1.0.1 before 1.0.1g do not properly handle Heartbeat Extension packets.',
  external_references: [{ source_name: 'cve', external_id: 'CVE-2014-0160' }],
  labels: ['heartbleed', 'has-logo'],
});

const indicator = (granular: unknown[]) => ({
  type: 'indicator', spec_version: '2.1', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: '2025-01-10T03:04:05.000Z', modified: '2025-01-10T03:04:05.000Z', name: 'C2 of the campaign',
  description: 'Seen in the ministry network on 9 January; source: our own sensor', pattern: "[ipv4-addr:value = '198.51.100.7']",
  pattern_type: 'stix', valid_from: '2025-01-10T03:04:05Z', labels: ['c2', 'apt', 'internal'],
  external_references: [{ source_name: 'report', url: 'https://intranet.example.vn/case/17', description: 'case file' }, { source_name: 'vendor', url: 'https://vendor.example.com/a' }],
  object_marking_refs: [TLP.GREEN], granular_markings: granular,
});

describe('granular-marking selectors (STIX 2.1 §7.2.3.1)', () => {
  it('resolves the specification\'s valid selectors and refuses the ones that select nothing', () => {
    const v = vulnerability();
    for (const s of ['id', 'description', 'external_references.[0].source_name', 'labels.[1]', 'labels', 'external_references.[0]']) expect(selectorProblem(v, s), s).toBeNull();
    expect(selectorProblem(v, 'pattern')).toMatch(/selects nothing/);
    expect(selectorProblem(v, 'external_references.[3]')).toMatch(/selects nothing/);
    expect(selectorProblem(v, 'labels.[0].name')).toMatch(/selects nothing/);
    expect(selectorProblem(v, '[0]')).toMatch(/not a selector/);
    expect(selectorProblem(v, 'labels[0]')).toMatch(/not a selector/);
    expect(selectorProblem(v, 'labels..[0]')).toMatch(/not a selector/);
    expect(parseSelector('external_references.[12].url')).toEqual(['external_references', 12, 'url']);
  });

  it('makes an object whose granular marking selects nothing invalid, naming the selector', () => {
    const o = { ...vulnerability(), granular_markings: [{ marking_ref: TLP.RED, selectors: ['description', 'external_references.[1].url'] }] };
    expect(validateObject(o)).toEqual(['granular_markings[0].selectors: "external_references.[1].url" selects nothing in the object']);
    expect(validateObject({ ...o, granular_markings: [{ marking_ref: TLP.RED, selectors: ['description'] }] })).toEqual([]);
  });

  it('reads the highest TLP the granular markings hold, AMBER+STRICT included', () => {
    expect(granularTlp(indicator([{ marking_ref: TLP.AMBER, selectors: ['name'] }, { marking_ref: TLP['AMBER+STRICT'], selectors: ['labels'] }]))).toBe('AMBER+STRICT');
    expect(granularTlp(indicator([{ lang: 'vi', selectors: ['name'] }]))).toBeNull();
  });
});

describe('redaction of granular markings', () => {
  it('takes out a RED description for a GREEN reader and keeps it for a RED one', () => {
    const o = indicator([{ marking_ref: TLP.RED, selectors: ['description'] }]);
    const green = redactGranular(o, 'GREEN')!;
    expect(green.object.description).toBeUndefined();
    expect(green.object.granular_markings).toBeUndefined();
    expect(green.withheld).toEqual(['description']);
    expect(validateObject(green.object)).toEqual([]);
    expect(redactGranular(o, 'RED')).toEqual({ object: o, withheld: [] });
    expect(o.description).toMatch(/ministry network/);
  });

  it('removes list items and nested properties, moving the other markings\' indices with them', () => {
    const o = indicator([
      { marking_ref: TLP.RED, selectors: ['external_references.[0]', 'labels.[0]'] },
      { marking_ref: TLP.AMBER, selectors: ['external_references.[1].url'] },
      { marking_ref: TLP.GREEN, selectors: ['labels.[2]', 'external_references.[1].source_name'] },
      { lang: 'en', selectors: ['labels.[1]'] },
    ]);
    const amber = redactGranular(o, 'AMBER')!;
    expect(amber.object.labels).toEqual(['apt', 'internal']);
    expect(amber.object.external_references).toEqual([{ source_name: 'vendor', url: 'https://vendor.example.com/a' }]);
    expect(amber.object.granular_markings).toEqual([
      { marking_ref: TLP.AMBER, selectors: ['external_references.[0].url'] },
      { marking_ref: TLP.GREEN, selectors: ['labels.[1]', 'external_references.[0].source_name'] },
      { lang: 'en', selectors: ['labels.[0]'] },
    ]);
    expect(validateObject(amber.object)).toEqual([]);
    const clear = redactGranular(o, 'CLEAR')!;
    expect(clear.object.labels).toEqual(['apt']);
    // Both references lose everything they held, so the list goes as a whole.
    expect(clear.object.external_references).toBeUndefined();
    expect(clear.withheld.sort()).toEqual(['external_references.[0]', 'external_references.[1].source_name', 'external_references.[1].url', 'labels.[0]', 'labels.[2]']);
    expect(clear.object.granular_markings).toEqual([{ lang: 'en', selectors: ['labels.[0]'] }]);
  });

  it('drops a list left empty, and the selectors that pointed into it', () => {
    const o = { ...vulnerability(), granular_markings: [{ marking_ref: TLP.RED, selectors: ['labels.[0]', 'labels.[1]'] }, { marking_ref: TLP.GREEN, selectors: ['labels'] }] };
    const r = redactGranular(o, 'AMBER')!;
    expect(r.object.labels).toBeUndefined();
    expect(r.object.granular_markings).toBeUndefined();
    expect(validateObject(r.object)).toEqual([]);
  });

  it('withholds the whole object when a structural property is marked above the ceiling', () => {
    expect(redactGranular(indicator([{ marking_ref: TLP.RED, selectors: ['id'] }]), 'AMBER')).toBeNull();
    expect(redactGranular(indicator([{ marking_ref: TLP['AMBER+STRICT'], selectors: ['granular_markings'] }]), 'AMBER')).toBeNull();
    expect(redactGranular(indicator([{ marking_ref: TLP['AMBER+STRICT'], selectors: ['granular_markings'] }]), 'AMBER+STRICT')).not.toBeNull();
  });

  it('reads AMBER+STRICT as above AMBER', () => {
    const o = indicator([{ marking_ref: TLP['AMBER+STRICT'], selectors: ['description'] }]);
    expect(redactGranular(o, 'AMBER')!.object.description).toBeUndefined();
    expect(redactGranular(o, 'AMBER+STRICT')!.object.description).toBe(o.description);
  });
});

describe('redaction, for any markings (property-based)', () => {
  const LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
  // Every string in the object is unique, so finding it in the output means its content leaked.
  const objectArb = fc.record({
    labels: fc.integer({ min: 1, max: 4 }),
    refs: fc.array(fc.boolean(), { minLength: 1, maxLength: 3 }),
  }).map(({ labels, refs }) => ({
    ...indicator([]),
    description: 'text-description',
    labels: Array.from({ length: labels }, (_, i) => `text-label-${i}`),
    external_references: refs.map((hasUrl, i) => ({ source_name: `text-source-${i}`, ...(hasUrl ? { url: `https://text-url-${i}.example` } : {}) })),
  }));
  const selectorsOf = (o: { labels: string[]; external_references: Array<{ url?: string }> }): string[] => [
    'name', 'description', 'pattern', 'labels', 'external_references',
    ...o.labels.map((_, i) => `labels.[${i}]`),
    ...o.external_references.flatMap((r, i) => [`external_references.[${i}]`, `external_references.[${i}].source_name`, ...('url' in r ? [`external_references.[${i}].url`] : [])]),
  ];
  const caseArb = objectArb.chain((o) => fc.record({
    o: fc.constant(o),
    marks: fc.array(fc.record({ selector: fc.constantFrom(...selectorsOf(o)), tlp: fc.constantFrom(...LEVELS) }), { minLength: 1, maxLength: 6 }),
    ceiling: fc.constantFrom(...LEVELS),
  }));
  const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);

  it('never shows content marked above the ceiling, keeps the rest, and leaves markings that still select the same content', () => {
    fc.assert(fc.property(caseArb, ({ o, marks, ceiling }) => {
      const object = { ...o, granular_markings: marks.map((m) => ({ marking_ref: TLP[m.tlp], selectors: [m.selector] })) };
      const r = redactGranular(object, ceiling);
      expect(r).not.toBeNull();
      const rank = (t: string) => LEVELS.indexOf(t as (typeof LEVELS)[number]);
      const hidden = new Set(marks.filter((m) => rank(m.tlp) > rank(ceiling)).flatMap((m) => strings(selectValue(object, parseSelector(m.selector)!)).filter((s) => s.startsWith('text-') || s.startsWith('https://text-'))));
      const shown = strings({ ...r!.object, granular_markings: undefined });
      for (const s of hidden) expect(shown).not.toContain(s);
      for (const s of strings(o).filter((x) => (x.startsWith('text-') || x.startsWith('https://text-')) && !hidden.has(x))) expect(shown).toContain(s);
      const kept = (r!.object.granular_markings ?? []) as Array<{ marking_ref: string; selectors: string[] }>;
      for (const m of kept) for (const s of m.selectors) expect(selectorProblem(r!.object, s)).toBeNull();
      // Each marking that still covers visible content covers exactly that content after the removal.
      const texts = (v: unknown) => strings(v).filter((x) => x.startsWith('text-') || x.startsWith('https://text-')).sort();
      for (const m of marks.filter((x) => rank(x.tlp) <= rank(ceiling))) {
        const visible = texts(selectValue(object, parseSelector(m.selector)!)).filter((x) => !hidden.has(x));
        if (visible.length === 0) continue;
        const covering = kept.filter((k) => k.marking_ref === TLP[m.tlp]).flatMap((k) => k.selectors).map((sel) => texts(selectValue(r!.object, parseSelector(sel)!)));
        expect(covering).toContainEqual(visible);
      }
      // Only taking out a required property (the pattern, a reference's source_name) leaves an invalid object.
      const requiredHidden = marks.some((m) => /^pattern$|\.source_name$/.test(m.selector) && rank(m.tlp) > rank(ceiling));
      if (!requiredHidden) expect(validateObject(r!.object)).toEqual([]);
    }), { numRuns: 500 });
  });
});
