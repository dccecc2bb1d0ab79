import type { Tlp } from '@lachan/contracts';

/** TLP 2.0 marking-definition ids (STIX extension extension-definition--60a3c5c5…, created 2022-10-01). */
export const TLP2_MARKING_IDS: Readonly<Record<Tlp, string>> = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  GREEN: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'AMBER+STRICT': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  RED: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/** TLP 1.0 ids predefined in STIX 2.1, still seen on input; WHITE reads as CLEAR. */
export const TLP1_MARKING_IDS: Readonly<Record<'WHITE' | 'GREEN' | 'AMBER' | 'RED', string>> = {
  WHITE: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  GREEN: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  AMBER: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  RED: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
};

/** The TLP 2.0 extension definition id carried by TLP 2.0 marking definitions. */
export const TLP2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

const ORDER: readonly Tlp[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
const BY_ID = new Map<string, Tlp>([
  ...Object.entries(TLP2_MARKING_IDS).map(([tlp, id]) => [id, tlp as Tlp] as const),
  [TLP1_MARKING_IDS.WHITE, 'CLEAR'],
  [TLP1_MARKING_IDS.GREEN, 'GREEN'],
  [TLP1_MARKING_IDS.AMBER, 'AMBER'],
  [TLP1_MARKING_IDS.RED, 'RED'],
]);

/** TLP level named by a marking-definition id (TLP 1.0 or 2.0), or null for any other marking. */
export function tlpOfMarking(id: string): Tlp | null {
  return BY_ID.get(id) ?? null;
}

/** Rank of a TLP level, CLEAR = 0 … RED = 4, for ceilings and comparisons. */
export function tlpRank(tlp: Tlp): number {
  return ORDER.indexOf(tlp);
}

/**
 * The TLP of an object from its `object_marking_refs`: the most restrictive TLP marking present, or
 * null when it carries none (the caller decides the default, since TLP is not access control by itself).
 */
export function tlpOf(object: { object_marking_refs?: unknown }): Tlp | null {
  const refs = Array.isArray(object.object_marking_refs) ? object.object_marking_refs : [];
  let best: Tlp | null = null;
  for (const ref of refs) {
    const tlp = typeof ref === 'string' ? tlpOfMarking(ref) : null;
    if (tlp !== null && (best === null || tlpRank(tlp) > tlpRank(best))) best = tlp;
  }
  return best;
}

/** The TLP 2.0 marking-definition object of a level (as OASIS publishes it), for bundles that mark their objects. */
export function tlp2MarkingDefinition(tlp: Tlp): Record<string, unknown> {
  return {
    type: 'marking-definition', spec_version: '2.1', id: TLP2_MARKING_IDS[tlp], created: '2022-10-01T00:00:00.000Z', name: `TLP:${tlp}`,
    extensions: { [TLP2_EXTENSION_ID]: { extension_type: 'property-extension', tlp_2_0: tlp.toLowerCase() } },
  };
}
