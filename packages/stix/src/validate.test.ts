import { describe, expect, it } from 'vitest';
import { exampleObjects, stixJson } from './testing/samples.ts';
import { validateBundle, validateObject } from './validate.ts';

const samples = exampleObjects();
const first = (type: string) => structuredClone(samples.find((s) => s.object.type === type)!.object);

describe('validateObject', () => {
  it('accepts every object of the OASIS example bundles', () => {
    expect(samples.length).toBeGreaterThan(300);
    for (const { file, object } of samples) expect(validateObject(object), `${file} ${object.id}`).toEqual([]);
  });

  it('accepts the sample bundles as bundles', () => {
    expect(validateBundle(stixJson('examples/oasis/threat-reports/apt1.json'))).toEqual([]);
    expect(validateBundle(stixJson('examples/validator/tlp-amber.json'))).toEqual([]);
  });

  it('rejects the validator suite’s invalid identities', () => {
    expect(validateObject(stixJson('examples/validator/invalid_identity.json'))).toEqual(['modified is required']);
    expect(validateObject(stixJson('examples/validator/invalid_timestamp.json'))).toEqual(['modified must not be earlier than created']);
  });

  it('names each missing required property', () => {
    const cases: Array<[string, string, string]> = [
      ['indicator', 'pattern', 'pattern is required and must be a non-empty string'],
      ['indicator', 'pattern_type', 'pattern_type is required and must be a non-empty string'],
      ['indicator', 'valid_from', 'valid_from is required'],
      ['relationship', 'relationship_type', 'relationship_type is required and must be a non-empty string'],
      ['relationship', 'source_ref', 'source_ref is required and must be an id'],
      ['relationship', 'target_ref', 'target_ref is required and must be an id'],
      ['malware', 'is_family', 'is_family is required and must be a boolean'],
      ['report', 'object_refs', 'object_refs is required and must be a non-empty list of ids'],
      ['campaign', 'name', 'name is required and must be a non-empty string'],
      ['identity', 'created', 'created is required'],
      ['ipv4-addr', 'value', 'value is required and must be a non-empty string'],
    ];
    for (const [type, prop, message] of cases) {
      const o = first(type);
      delete o[prop];
      expect(validateObject(o), `${type} without ${prop}`).toContain(message);
    }
  });

  it('requires sighting_of_ref on a sighting', () => {
    const sighting = { type: 'sighting', spec_version: '2.1', id: 'sighting--ee20065d-2555-424f-ad9e-0f8428623c75', created: '2025-01-10T03:04:05.000Z', modified: '2025-01-10T03:04:05.000Z' };
    expect(validateObject(sighting)).toEqual(['sighting_of_ref is required and must be an id']);
    expect(validateObject({ ...sighting, sighting_of_ref: 'indicator--cd981c25-8042-4166-8945-51178443bdac', count: 3 })).toEqual([]);
  });

  it('rejects bad ids, timestamps and spec versions', () => {
    const ind = first('indicator');
    expect(validateObject({ ...ind, id: 'malware--cd981c25-8042-4166-8945-51178443bdac' })[0]).toMatch(/^id must be "indicator--<uuid>"/);
    expect(validateObject({ ...ind, id: 'indicator--not-a-uuid' })[0]).toMatch(/^id must be/);
    expect(validateObject({ ...ind, created: '2025-02-30T00:00:00Z' })).toContain('created must be an RFC 3339 UTC timestamp ending in Z, got "2025-02-30T00:00:00Z"');
    expect(validateObject({ ...ind, modified: '2025-01-10 03:04:05' })[0]).toMatch(/^modified must be an RFC 3339/);
    expect(validateObject({ ...ind, created: '0000-01-01T00:00:00Z' })).toContain('created must be an RFC 3339 UTC timestamp ending in Z, got "0000-01-01T00:00:00Z"');
    expect(validateObject({ ...ind, valid_from: '0000-02-29T00:00:00Z' })).not.toEqual([]);
    expect(validateObject({ ...ind, created: '0001-01-01T00:00:00Z', valid_from: '0004-02-29T00:00:00Z' })).toEqual([]);
    expect(validateObject({ ...ind, spec_version: '2.0' })).toEqual(['spec_version must be "2.1", got "2.0"']);
    expect(validateObject({ ...ind, confidence: 101 })).toEqual(['confidence must be an integer from 0 to 100']);
    expect(validateObject({ ...ind, object_marking_refs: ['identity--cd981c25-8042-4166-8945-51178443bdac'] })).toEqual(['object_marking_refs must be a list of marking-definition ids']);
  });

  it('rejects a malformed STIX pattern with the parser’s message', () => {
    const errors = validateObject({ ...first('indicator'), pattern: "[ipv4-addr:value = '1.2.3.4'" });
    expect(errors).toEqual(['pattern: malformed STIX pattern: expected "]" at offset 28, found end of pattern']);
  });

  it('rejects unknown types but accepts x- custom types', () => {
    expect(validateObject({ type: 'weapon', id: 'weapon--cd981c25-8042-4166-8945-51178443bdac' })).toEqual(['type "weapon" is not a STIX 2.1 type (custom types start with x-)']);
    const custom = { type: 'x-lachan-case', spec_version: '2.1', id: 'x-lachan-case--cd981c25-8042-4166-8945-51178443bdac', created: '2025-01-10T03:04:05.000Z', modified: '2025-01-10T03:04:05.000Z' };
    expect(validateObject(custom)).toEqual([]);
    expect(validateObject('nope')).toEqual(['a STIX object must be a JSON object']);
  });

  it('prefixes bundle errors with the failing object id', () => {
    const bundle = structuredClone(stixJson('examples/oasis/indicator-for-c2-ip-address.json')) as { objects: Array<Record<string, unknown>> };
    delete bundle.objects[0]!.valid_from;
    expect(validateBundle(bundle)).toEqual([`${String(bundle.objects[0]!.id)}: valid_from is required`]);
  });
});
