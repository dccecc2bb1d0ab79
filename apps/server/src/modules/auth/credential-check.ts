import type { Role } from '@lachan/contracts';
import type { Actor, RequestContext } from '../../core/context.ts';
import type { AuthParts } from './auth-parts.ts';
import { authRepository } from './auth.repository.ts';
import { userActor } from './credentials.ts';
import { concerns, credentialSignal, type Credential } from './credential-signal.ts';
import type { CredentialFollower } from '../events/index.ts';

/**
 * The actor a credential stands for now, or null when it no longer works: the session was ended or
 * expired, the account disabled, the password changed (HTTP Basic), the key revoked or its organisation
 * retired. Reads the database every time: nothing here is cached, and the session is not prolonged.
 */
export async function actorNow(parts: Pick<AuthParts, 'db'>, credential: Credential): Promise<Actor | null> {
  if (credential.kind === 'apikey') {
    const key = await authRepository.apiKeyById(parts.db, credential.keyId);
    if (!key || key.revoked_at || key.org_status === 'retired') return null;
    return { type: 'apikey', id: key.id, name: key.name, orgId: key.org_id, role: key.role as Role };
  }
  if (credential.kind === 'session') {
    const row = await authRepository.sessionWithUser(parts.db, credential.idHash);
    return row && row.status === 'active' ? userActor(row) : null;
  }
  const user = await authRepository.userById(parts.db, credential.userId);
  return user && user.status === 'active' && user.password_hash === credential.passwordHash ? userActor(user) : null;
}

/** The caller's context rebuilt from its credential as it stands now (role and scope included), or null. */
export async function contextNow(parts: Pick<AuthParts, 'db' | 'orgTree'>, credential: Credential, previous: RequestContext): Promise<RequestContext | null> {
  const actor = await actorNow(parts, credential);
  if (!actor) return null;
  await parts.orgTree.ensure();
  return { actor, scope: parts.orgTree.scopeFor(actor.orgId, actor.role), ip: previous.ip, requestId: previous.requestId };
}

/** Whether two contexts act as the same principal with the same role in the same organisation. */
export const sameStanding = (a: Actor, b: Actor): boolean => a.type === b.type && a.id === b.id && a.role === b.role && a.orgId === b.orgId;

/** How the consoles' event stream follows its caller's credential (the events module asks; this module answers). */
export function credentialFollower(parts: Pick<AuthParts, 'db' | 'orgTree'>): CredentialFollower {
  return {
    isSignal: (e) => credentialSignal(e) !== null,
    concerns: (credential, e) => {
      const signal = credentialSignal(e);
      return signal !== null && concerns(credential, signal);
    },
    contextNow: (credential, previous) => contextNow(parts, credential, previous),
    sameStanding,
  };
}
