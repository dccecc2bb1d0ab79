import { ROLE_PERMISSIONS, type Me, type MePatch, type PasswordChange, type Role } from '@lachan/contracts';
import { AppError, invalid, unauthenticated } from '../../core/errors.ts';
import { recordChange, transact } from '../../core/change.ts';
import type { Actor, RequestContext } from '../../core/context.ts';
import type { Platform } from '../../core/platform.ts';
import { authRepository, type UserAuthRow } from './auth.repository.ts';
import { dummyHash, hashPassword, randomToken, sha256, verifyPassword } from './secrets.ts';

const LOCK_AFTER_FAILURES = 5;
const LOCK_MINUTES = 15;
const TOUCH_EVERY_MS = 5 * 60_000;
const KEY_TOUCH_EVERY_MS = 60_000;

export interface Caller {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** The signed-in user as the console sees them. */
export function presentMe(u: UserAuthRow): Me {
  const role = u.role as Role;
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role,
    locale: u.locale === 'en' ? 'en' : 'vi',
    org: { id: u.org_id, name: u.org_name, kind: u.org_kind as Me['org']['kind'] },
    permissions: [...ROLE_PERMISSIONS[role]],
  };
}

const userActor = (u: UserAuthRow): Actor => ({ type: 'user', id: u.id, name: u.name, orgId: u.org_id, role: u.role as Role });

/** Signing in and out, and turning a cookie or an API key into a request context. */
export class AuthService {
  #p: Platform;
  #keyTouched = new Map<string, number>();

  constructor(platform: Platform) {
    this.#p = platform;
  }

  async context(actor: Actor, caller: Caller): Promise<RequestContext> {
    await this.#p.orgTree.ensure();
    return { actor, scope: this.#p.orgTree.scopeFor(actor.orgId, actor.role), ip: caller.ip, requestId: caller.requestId };
  }

  /**
   * The actor behind an e-mail and password, for HTTP Basic on machine protocols (TAXII): the same
   * checks, failure counting and locking as sign-in, without opening a session.
   */
  async fromPassword(email: string, password: string, caller: Caller): Promise<Actor> {
    return userActor((await this.#checkPassword(email, password, caller)).user);
  }

  async #checkPassword(email: string, password: string, caller: Caller): Promise<{ user: UserAuthRow; ctx: RequestContext }> {
    const user = await authRepository.userByEmail(this.#p.db, email.trim());
    if (!user) {
      await verifyPassword(await dummyHash(), password);
      throw new AppError(401, 'invalid_credentials', 'wrong e-mail or password');
    }
    const retryAfter = (until: Date) => String(Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000)));
    if (user.locked_until && user.locked_until > new Date()) {
      throw new AppError(423, 'account_locked', 'too many failed attempts; try again later', undefined, { 'retry-after': retryAfter(user.locked_until) });
    }
    const ctx = await this.context(userActor(user), caller);
    if (!(await verifyPassword(user.password_hash, password))) {
      const after = await transact(this.#p, async (tx) => {
        const r = await authRepository.recordFailure(tx, user.id, LOCK_AFTER_FAILURES, LOCK_MINUTES);
        const locked = r.failed >= LOCK_AFTER_FAILURES;
        await recordChange(tx, ctx, { action: locked ? 'auth.locked' : 'auth.login_failed', entityType: 'user', entityId: user.id, orgId: user.org_id, after: { failedAttempts: r.failed } });
        return r;
      });
      if (after.lockedUntil && after.lockedUntil > new Date()) {
        throw new AppError(423, 'account_locked', 'too many failed attempts; try again later', undefined, { 'retry-after': retryAfter(after.lockedUntil) });
      }
      throw new AppError(401, 'invalid_credentials', 'wrong e-mail or password');
    }
    if (user.status !== 'active') throw new AppError(403, 'forbidden', 'this account is disabled');
    return { user, ctx };
  }

  /** Checks the password, counts failures (locking after five) and opens a session. */
  async login(email: string, password: string, caller: Caller): Promise<{ token: string; csrf: string; user: Me }> {
    const { user, ctx } = await this.#checkPassword(email, password, caller);
    const token = randomToken();
    const csrf = randomToken();
    await transact(this.#p, async (tx) => {
      await authRepository.recordSuccess(tx, user.id);
      await authRepository.createSession(tx, {
        idHash: sha256(token), userId: user.id, csrf, ip: caller.ip, ua: caller.userAgent?.slice(0, 300) ?? null,
        expiresAt: new Date(Date.now() + this.#p.config.sessionHours * 3_600_000),
      });
      await recordChange(tx, ctx, { action: 'auth.login', entityType: 'user', entityId: user.id, orgId: user.org_id });
    });
    return { token, csrf, user: presentMe(user) };
  }

  async logout(token: string, ctx: RequestContext): Promise<void> {
    await transact(this.#p, async (tx) => {
      await authRepository.deleteSession(tx, sha256(token));
      await recordChange(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.id, orgId: ctx.actor.orgId });
    });
  }

  /** Resolves a session cookie; sliding expiry is written at most every few minutes. */
  async fromSession(token: string): Promise<{ actor: Actor; csrf: string; user: UserAuthRow } | null> {
    const idHash = sha256(token);
    const row = await authRepository.sessionWithUser(this.#p.db, idHash);
    if (!row || row.status !== 'active') return null;
    if (Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await authRepository.touchSession(this.#p.db, idHash, new Date(Date.now() + this.#p.config.sessionHours * 3_600_000));
    }
    return { actor: userActor(row), csrf: row.csrf_token, user: row };
  }

  /** Resolves a Bearer API key; a revoked key, or one of a retired organisation, is refused. */
  async fromApiKey(key: string): Promise<Actor | null> {
    const row = await authRepository.apiKeyByHash(this.#p.db, sha256(key));
    if (!row || row.revoked_at || row.org_status === 'retired') return null;
    const last = this.#keyTouched.get(row.id) ?? 0;
    if (Date.now() - last > KEY_TOUCH_EVERY_MS) {
      this.#keyTouched.set(row.id, Date.now());
      await authRepository.touchApiKey(this.#p.db, row.id);
    }
    return { type: 'apikey', id: row.id, name: row.name, orgId: row.org_id, role: row.role as Role };
  }

  async me(ctx: RequestContext): Promise<Me> {
    const u = ctx.actor.id ? await authRepository.userById(this.#p.db, ctx.actor.id) : undefined;
    if (!u) throw unauthenticated('only a signed-in user has a profile');
    return presentMe(u);
  }

  async updateMe(ctx: RequestContext, patch: MePatch): Promise<Me> {
    if (ctx.actor.type !== 'user' || !ctx.actor.id) throw unauthenticated('only a signed-in user has a profile');
    const id = ctx.actor.id;
    await transact(this.#p, async (tx) => {
      const profile = { ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.locale !== undefined ? { locale: patch.locale } : {}) };
      await authRepository.updateProfile(tx, id, profile);
      await recordChange(tx, ctx, { action: 'user.update_self', entityType: 'user', entityId: id, orgId: ctx.actor.orgId, after: profile });
    });
    return this.me(ctx);
  }

  /** Changes one's own password and ends every other session of that user. */
  async changePassword(ctx: RequestContext, body: PasswordChange): Promise<void> {
    const u = ctx.actor.id ? await authRepository.userById(this.#p.db, ctx.actor.id) : undefined;
    if (!u) throw unauthenticated('only a signed-in user has a password');
    if (!(await verifyPassword(u.password_hash, body.currentPassword))) throw invalid('the current password is wrong');
    const stored = await hashPassword(body.newPassword);
    await transact(this.#p, async (tx) => {
      await authRepository.setPassword(tx, u.id, stored);
      await authRepository.deleteUserSessions(tx, u.id);
      await recordChange(tx, ctx, { action: 'user.password_changed', entityType: 'user', entityId: u.id, orgId: u.org_id });
    });
  }
}
