import type { OutboxEvent } from '../events/index.ts';

/** What a request authenticated with: enough to check it again later, without keeping the secret. */
export type Credential =
  | { kind: 'session'; idHash: string; userId: string }
  | { kind: 'apikey'; keyId: string }
  | { kind: 'password'; userId: string; passwordHash: string };

/** The outbox event the database writes whenever a credential or the organisation tree changes (migration 0022). */
export const CREDENTIALS_CHANGED = 'credentials.changed';

/** Whom a `credentials.changed` event names. */
export interface CredentialSignal {
  userIds?: string[];
  apiKeyIds?: string[];
  orgIds?: string[];
}

/** The signal an event carries, or null for any other event. */
export function credentialSignal(e: OutboxEvent): CredentialSignal | null {
  return e.type === CREDENTIALS_CHANGED && typeof e.payload === 'object' && e.payload !== null ? (e.payload as CredentialSignal) : null;
}

/**
 * Whether a signal may change what this credential is worth: its own account or key changed, or the
 * organisation tree did (a move, merge, retirement or SOC link changes scopes, and a retired
 * organisation's keys stop working), which concerns every credential.
 */
export function concerns(credential: Credential, signal: CredentialSignal): boolean {
  if (signal.orgIds?.length) return true;
  if (credential.kind === 'apikey') return signal.apiKeyIds?.includes(credential.keyId) ?? false;
  return signal.userIds?.includes(credential.userId) ?? false;
}
