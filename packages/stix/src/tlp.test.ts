import { describe, expect, it } from 'vitest';
import { stixJson } from './testing/samples.ts';
import { TLP1_MARKING_IDS, TLP2_MARKING_IDS, tlp2MarkingDefinition, tlpOf, tlpOfMarking, tlpRank } from './tlp.ts';

describe('TLP markings', () => {
  it('knows the TLP 2.0 marking definition of the validator sample', () => {
    const bundle = stixJson('examples/validator/tlp-amber.json') as { objects: Array<{ id: string; type: string; object_marking_refs?: string[] }> };
    const marking = bundle.objects.find((o) => o.type === 'marking-definition')!;
    expect(tlpOfMarking(marking.id)).toBe('AMBER');
    expect(marking.id).toBe(TLP2_MARKING_IDS.AMBER);
  });

  it('takes the most restrictive TLP of an object, reading TLP 1.0 WHITE as CLEAR', () => {
    expect(tlpOf({ object_marking_refs: [TLP2_MARKING_IDS.GREEN, TLP2_MARKING_IDS['AMBER+STRICT'], TLP1_MARKING_IDS.AMBER] })).toBe('AMBER+STRICT');
    expect(tlpOf({ object_marking_refs: [TLP1_MARKING_IDS.WHITE] })).toBe('CLEAR');
    expect(tlpOf({ object_marking_refs: ['marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41db'] })).toBeNull();
    expect(tlpOf({})).toBeNull();
  });

  it('ranks CLEAR lowest and RED highest', () => {
    expect(tlpRank('CLEAR')).toBe(0);
    expect(tlpRank('RED')).toBe(4);
  });

  it('writes the TLP 2.0 marking definitions as OASIS publishes them (AMBER+STRICT as such)', () => {
    expect(tlp2MarkingDefinition('AMBER+STRICT')).toEqual({
      type: 'marking-definition', spec_version: '2.1', id: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003', created: '2022-10-01T00:00:00.000Z', name: 'TLP:AMBER+STRICT',
      extensions: { 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d': { extension_type: 'property-extension', tlp_2_0: 'amber+strict' } },
    });
    const bundle = stixJson('examples/validator/tlp-amber.json') as { objects: Array<Record<string, unknown>> };
    expect(tlp2MarkingDefinition('AMBER')).toEqual(bundle.objects.find((o) => o.type === 'marking-definition'));
  });
});
