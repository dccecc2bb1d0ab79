import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit row that its hash covers. */
export interface ChainedFields {
  id: string;
  at: string;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  orgId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
  prevHash: string;
}

/** SHA-256 over the canonical JSON (sorted keys) of the row's content and the previous hash. */
export function chainHash(fields: ChainedFields): string {
  return createHash('sha256').update(stringify(fields) ?? '').digest('hex');
}

/** A JSON round trip, so that what is hashed is exactly what jsonb gives back. */
export function jsonSnapshot(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value));
}
