import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patternObservables, tlpOf, validateObject } from '@lachan/stix';
import { freetextPattern, mispEventToStix, tlpMarking, type MispEvent } from './misp.ts';

const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const byType = (objects: Record<string, unknown>[], type: string) => objects.filter((o) => o.type === type);

describe('MISP to STIX', () => {
  const { objects, counts } = mispEventToStix({
    uuid: '5b0b8ae4-7a4c-4d5a-9f1e-2a3b4c5d6e7f', info: 'Phishing wave', timestamp: '1700000000',
    Tag: [{ name: 'tlp:amber+strict' }, { name: 'misp-galaxy:mitre-attack-pattern="Phishing - T1566"' }, { name: 'misp-galaxy:threat-actor="Sofacy"' }, { name: 'osint:source-type="blog-post"' }],
    Attribute: [
      { uuid: '706224e7-85a6-502a-890e-57fbd2c98805', type: 'ip-dst', value: '100.200.0.5', to_ids: true },
      { type: 'ip-dst', value: '100.200.0.6', to_ids: false, comment: 'seen scanning, not malicious' },
      { type: 'filename|sha256', value: `invoice.exe|${SHA256}`, to_ids: '1' },
      { type: 'ip-dst|port', value: '100.200.0.7|8443', to_ids: true },
      { type: 'domain|ip', value: 'c2.example.net|100.200.0.8', to_ids: true },
      { type: 'ssdeep', value: '3072:Hq4WOzMb+RrHu7wKH:Hq4WOzMb+RrHu7w', to_ids: true },
      { type: 'tlsh', value: 'T1A5D0A8C2F6A1D3E5B7C9E1F3A5B7C9D1E3F5A7B9C1D3E5F7A9B1C3D5E7F9A1B3C5D7E9', to_ids: true },
      { type: 'imphash', value: 'f34d5f2d4577ed6d9ceec516c1f5a744', to_ids: true, Tag: [{ name: 'tlp:red' }] },
      { type: 'text', value: 'a note', to_ids: false },
      { type: 'link', value: 'https://blog.example.org/report', to_ids: false },
      { type: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427e', to_ids: true, deleted: true },
    ],
    Object: [{ Attribute: [{ type: 'hostname', value: 'c2.example.net', to_ids: true, Tag: [{ name: 'misp-galaxy:mitre-attack-pattern="Application Layer Protocol - T1071"' }] }] }],
  });
  const indicators = byType(objects, 'indicator');

  it('makes indicators of detection attributes only, composites split into their parts, fuzzy hashes and imphash kept', () => {
    expect(indicators.map((o) => o.pattern)).toEqual([
      "[ipv4-addr:value = '100.200.0.5']",
      `[file:name = 'invoice.exe' AND file:hashes.'SHA-256' = '${SHA256}']`,
      "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '100.200.0.7' AND network-traffic:dst_port = 8443]",
      "[domain-name:value = 'c2.example.net' AND domain-name:resolves_to_refs[*].value = '100.200.0.8']",
      "[file:hashes.'SSDEEP' = '3072:Hq4WOzMb+RrHu7wKH:Hq4WOzMb+RrHu7w']",
      "[file:hashes.'TLSH' = 'T1A5D0A8C2F6A1D3E5B7C9E1F3A5B7C9D1E3F5A7B9C1D3E5F7A9B1C3D5E7F9A1B3C5D7E9']",
      "[file:extensions.'windows-pebinary-ext'.imphash = 'f34d5f2d4577ed6d9ceec516c1f5a744']",
      "[domain-name:value = 'c2.example.net']",
    ]);
    // The parts are matched at ingest: the hash of a named file, the address of a connection, both ends of a resolution.
    const matchable = indicators.flatMap((o) => { const r = patternObservables(o.pattern as string); return r.ok ? r.observables.map((x) => x.value) : []; });
    expect(matchable).toEqual(['100.200.0.5', SHA256, '100.200.0.7', 'c2.example.net', '100.200.0.8', 'c2.example.net']);
    expect(counts).toEqual({ attributes: 12, indicators: 8, context: 3, demoted: {}, dropped: { 'deleted in MISP': 1 } });
    for (const o of objects) expect(validateObject(o), String(o.id)).toEqual([]);
  });

  it('keeps non-detection attributes as context: observed data, a note, the report\'s references; never indicators', () => {
    const observed = byType(objects, 'observed-data');
    expect(observed).toHaveLength(1);
    const sco = objects.find((o) => o.id === (observed[0]!.object_refs as string[])[0]);
    expect(sco).toMatchObject({ type: 'ipv4-addr', value: '100.200.0.6' });
    expect(byType(objects, 'note').map((o) => o.content)).toEqual(['a note']);
    const report = byType(objects, 'report')[0]!;
    expect(report.external_references).toContainEqual({ source_name: 'misp-link', url: 'https://blog.example.org/report' });
    const ids = new Set(objects.map((o) => o.id));
    expect((report.object_refs as string[]).every((id) => ids.has(id))).toBe(true);
    expect(indicators.some((o) => String(o.pattern).includes('100.200.0.6'))).toBe(false);
  });

  it('maps tags: TLP 2.0 markings (an attribute\'s own wins), ATT&CK techniques and threat actors the indicators indicate', () => {
    expect(tlpOf(indicators[0]!)).toBe('AMBER+STRICT');
    expect(tlpOf(indicators.find((o) => String(o.pattern).includes('imphash'))!)).toBe('RED');
    const techniques = byType(objects, 'attack-pattern');
    expect(techniques.map((o) => (o.external_references as Array<{ external_id: string }>)[0]!.external_id).sort()).toEqual(['T1071', 'T1566']);
    expect(byType(objects, 'threat-actor').map((o) => o.name)).toEqual(['Sofacy']);
    const rels = byType(objects, 'relationship');
    const t1566 = techniques.find((o) => o.name === 'Phishing')!.id;
    const t1071 = techniques.find((o) => o.name === 'Application Layer Protocol')!.id;
    expect(rels.filter((r) => r.target_ref === t1566 && r.relationship_type === 'indicates')).toHaveLength(indicators.length);
    expect(rels.filter((r) => r.target_ref === t1071).map((r) => r.source_ref)).toEqual([indicators.at(-1)!.id]);
    expect(indicators[0]!.labels).toEqual(['osint:source-type="blog-post"']);
  });

  it('maps tlp:white to CLEAR, ignores unknown TLP tags and keeps the most restrictive', () => {
    expect(tlpMarking([{ name: 'TLP:WHITE' }])).toBe('marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487');
    expect(tlpMarking([{ name: 'tlp:clear' }, { name: 'tlp:amber' }])).toBe('marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421');
    expect(tlpMarking([{ name: 'tlp:ex:chr' }])).toBeNull();
  });

  it('detects the type of a free-text value', () => {
    expect(freetextPattern('2001:db8::1')).toBe("[ipv6-addr:value = '2001:db8::1']");
    expect(freetextPattern('10.0.0.0/8')).toBe("[ipv4-addr:value = '10.0.0.0/8']");
    expect(freetextPattern('da39a3ee5e6b4b0d3255bfef95601890afd80709')).toBe("[file:hashes.'SHA-1' = 'da39a3ee5e6b4b0d3255bfef95601890afd80709']");
    expect(freetextPattern('https://x.example/a')).toBe("[url:value = 'https://x.example/a']");
    expect(freetextPattern('# comment')).toBeNull();
    expect(freetextPattern('not a value')).toBeNull();
  });
});

describe('the public MISP events and feeds (fixtures/public/misp)', () => {
  const root = new URL('../../../../../fixtures/public/misp/', import.meta.url);
  const events = ['events/', 'feed/'].flatMap((dir) => readdirSync(new URL(dir, root)).filter((f) => f !== 'manifest.json').map((f) => {
    const json = JSON.parse(readFileSync(new URL(dir + f, root), 'utf8')) as { Event?: MispEvent } & MispEvent;
    return { file: dir + f, event: json.Event ?? json };
  }));

  it('loses no detection attribute: 400 of 602 attributes are detection ones, 396 become indicators, the 4 free texts stay context', () => {
    const total = { attributes: 0, detection: 0, indicators: 0, context: 0, demoted: 0, dropped: 0 };
    for (const { file, event } of events) {
      const { objects, counts } = mispEventToStix(event);
      for (const o of objects) expect(validateObject(o), `${file} ${String(o.id)}`).toEqual([]);
      const ids = new Set(objects.map((o) => o.id));
      for (const o of objects) for (const ref of (o.object_refs as string[] | undefined) ?? []) expect(ids.has(ref), `${file} ${String(o.id)} -> ${ref}`).toBe(true);
      const attrs = [...(event.Attribute ?? []), ...(event.Object ?? []).flatMap((x) => x.Attribute ?? [])];
      total.attributes += counts.attributes;
      total.detection += attrs.filter((a) => a.to_ids === true || a.to_ids === '1' || a.to_ids === 1).length;
      total.indicators += counts.indicators;
      total.context += counts.context;
      total.demoted += Object.values(counts.demoted).reduce((a, b) => a + b, 0);
      total.dropped += Object.values(counts.dropped).reduce((a, b) => a + b, 0);
    }
    expect(total).toEqual({ attributes: 602, detection: 400, indicators: 396, context: 206, demoted: 4, dropped: 0 });
  });
});
