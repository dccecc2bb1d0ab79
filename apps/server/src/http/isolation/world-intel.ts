import { randomUUID } from 'node:crypto';
import type { Caller } from '../../testing/harness.ts';
import { finishedRun } from '../../testing/intake-runs.ts';
import { must, type World } from './world.ts';

export const TLP_MARKING = {
  CLEAR: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  AMBER: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
} as const;
/** The headers of a TAXII 2.1 request with a body. */
export const TAXII = { accept: 'application/taxii+json;version=2.1', 'content-type': 'application/taxii+json;version=2.1' };

/** The own organisation's threat knowledge: STIX objects, an intake run, a TAXII collection, a feed. */
export interface IntelPart {
  amber: { id: string; value: string };
  /** A CLEAR indicator of the own organisation: every intel reader sees it. */
  clear: { id: string; value: string };
  runId: string;
  collectionId: string;
  /** An AMBER indicator posted to the own collection over TAXII, and that POST's status. */
  taxiiObjectId: string;
  statusId: string;
  feedId: string;
  /** A fresh AMBER indicator the own organisation uploaded; its id. */
  freshIndicator(): Promise<string>;
  /** A fresh AMBER indicator in the own collection; its id. */
  freshTaxiiObject(): Promise<string>;
}

const now = () => new Date().toISOString();
/** A STIX indicator of one IPv4 value. */
export function indicator(name: string, ip: string, tlp: keyof typeof TLP_MARKING, id = `indicator--${randomUUID()}`): Record<string, unknown> {
  const at = now();
  return {
    type: 'indicator', spec_version: '2.1', id, created: at, modified: at, name, pattern: `[ipv4-addr:value = '${ip}']`,
    pattern_type: 'stix', valid_from: at, confidence: 80, object_marking_refs: [TLP_MARKING[tlp]],
  };
}

/** Uploads a bundle as `c` and waits for its intake run to end; the run's id. */
export async function upload(c: Caller, objects: unknown[]): Promise<string> {
  const { runId } = must<{ runId: string }>(await c.post('/api/v1/intel/bundles', { type: 'bundle', id: `bundle--${randomUUID()}`, objects }), 202);
  await finishedRun(c, runId);
  return runId;
}

export async function addIntel(w: World): Promise<IntelPart> {
  const { callers: c, marker } = w;
  const amber = indicator(`C2 riêng ${marker}`, '100.200.113.48', 'AMBER');
  const clear = indicator(`C2 công khai ${w.sharedMarker}`, '100.200.113.49', 'CLEAR');
  const runId = await upload(c.ownAnalyst, [amber, clear]);
  const collectionId = must(await c.centre.post('/api/v1/intel/collections', {
    title: `Bộ sưu tập ${marker}`, tlpCeiling: 'AMBER', grants: [{ orgId: w.org.own, canRead: true, canWrite: true }],
  }), 201).id!;
  const addToCollection = async (o: Record<string, unknown>) =>
    must(await c.ownAnalyst.request('POST', `/taxii2/lachan/collections/${collectionId}/objects/`, { objects: [o] }, TAXII), 202);
  const taxiiObject = indicator(`C2 TAXII ${marker}`, '100.200.113.50', 'AMBER');
  const status = await addToCollection(taxiiObject);
  const feedId = must(await c.ownAnalyst.post('/api/v1/intel/feeds', { name: `Nguồn MISP ${marker}`, kind: 'misp', location: 'feed' }), 201).id!;
  const part: IntelPart = {
    amber: { id: amber.id as string, value: '100.200.113.48' }, clear: { id: clear.id as string, value: '100.200.113.49' },
    runId, collectionId, taxiiObjectId: taxiiObject.id as string, statusId: status.id!, feedId,
    async freshIndicator() {
      const o = indicator(`C2 riêng ${marker} ${w.unique()}`, '100.200.113.51', 'AMBER');
      await upload(c.ownAnalyst, [o]);
      return o.id as string;
    },
    async freshTaxiiObject() {
      const o = indicator(`C2 TAXII ${marker} ${w.unique()}`, '100.200.113.52', 'AMBER');
      await addToCollection(o);
      return o.id as string;
    },
  };
  w.secrets.push(part.amber.id, part.amber.value, runId, collectionId, part.taxiiObjectId, part.statusId, feedId);
  return part;
}
