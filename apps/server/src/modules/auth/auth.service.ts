import type { Kysely } from 'kysely';
import { ROLE_PERMISSIONS, type Me, type MePatch, type PasswordChange, type Role, type SignInStage } from '@lachan/contracts';
import { AppError, conflict, forbidden, unauthenticated } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { Actor, RequestContext } from '../../core/context.ts';
import type { AuthParts } from './auth-parts.ts';
import type { DB } from '../../db/index.ts';
import { authRepository, type UserAuthRow } from './auth.repository.ts';
import type { Credential } from './credential-signal.ts';
import { Credentials, userActor, type Caller } from './credentials.ts';
import { loadTotpSeal, type TotpSeal } from './totp-seal.ts';
import { assertStrongPassword } from './password-policy.ts';
import { SignInThrottle } from './sign-in-throttle.ts';
import { hashPassword, randomToken, sha256 } from './secrets.ts';

export { userActor, type Caller } from './credentials.ts';

const TOUCH_EVERY_MS = 5 * 60_000;
const KEY_TOUCH_EVERY_MS = 60_000;
/** A password-only session has this long to bring its second factor. */
const SECOND_FACTOR_MINUTES = 10;

/** The signed-in user as the console sees them, with how far their session got. */
export function presentMe(u: UserAuthRow, stage: SignInStage, requiredRoles: readonly Role[]): Me {
  const role = u.role as Role;
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role,
    locale: u.locale === 'en' ? 'en' : 'vi',
    org: { id: u.org_id, name: u.org_name, nameEn: u.org_name_en, kind: u.org_kind as Me['org']['kind'] },
    permissions: [...ROLE_PERMISSIONS[role]],
    stage,
    secondFactor: { enabled: u.second_factor_enabled, required: requiredRoles.includes(role) },
  };
}

/** The account of a signed-in caller; a machine key is authenticated but has no profile or password (403). */
function userIdOf(ctx: RequestContext): string {
  if (ctx.actor.type !== 'user' || !ctx.actor.id) throw forbidden('only a signed-in user has a profile and a password');
  return ctx.actor.id;
}

/** A new session: its cookie token and CSRF token, the user, and the device cookie to set (if any). */
export interface OpenedSession {
  token: string;
  csrf: string;
  user: Me;
  deviceToken: string | null;
}

/** Signing in and out, and turning a cookie, a password or an API key into a request context. */
export class AuthService {
  #p: AuthParts;
  #keyTouched = new Map<string, number>();
  readonly throttle: SignInThrottle;
  readonly credentials: Credentials;
  /** Seals and opens users' TOTP secrets (the same key as the platform's start-up pass). */
  readonly totpSeal: TotpSeal;

  constructor(parts: AuthParts) {
    this.#p = parts;
    this.throttle = new SignInThrottle(parts);
    this.totpSeal = loadTotpSeal(parts.config).seal;
    this.credentials = new Credentials(parts, this.throttle, this.totpSeal);
  }

  async context(actor: Actor, caller: Caller): Promise<RequestContext> {
    await this.#p.orgTree.ensure();
    return { actor, scope: this.#p.orgTree.scopeFor(actor.orgId, actor.role), ip: caller.ip, requestId: caller.requestId };
  }

  /** Whether the user's role must sign in with a second factor (LACHAN_SECOND_FACTOR_ROLES). */
  requiresSecondFactor(role: string): boolean {
    return (this.#p.config.secondFactorRoles as readonly string[]).includes(role);
  }

  /** How far a session got: a waiting second factor, a required factor not set up yet, or complete. */
  stageOf(u: UserAuthRow, stored: 'complete' | 'second_factor', method: 'password' | 'oidc' = 'password'): SignInStage {
    if (stored === 'second_factor') return 'second_factor';
    // a federated sign-in trusts the identity provider for the second factor (docs/oidc.md)
    if (method === 'oidc') return 'complete';
    return this.requiresSecondFactor(u.role) && !u.second_factor_enabled ? 'enrolment' : 'complete';
  }

  present(u: UserAuthRow, stage: SignInStage): Me {
    return presentMe(u, stage, this.#p.config.secondFactorRoles);
  }

  /**
   * The actor behind an e-mail and password, for HTTP Basic on TAXII: throttled like sign-in. An
   * account with a second factor (or whose role requires one) is refused: machines use API keys.
   */
  async fromPassword(email: string, password: string, caller: Caller): Promise<{ actor: Actor; credential: Credential }> {
    const { user, counted } = await this.credentials.password(email, password, caller);
    if (user.second_factor_enabled || this.requiresSecondFactor(user.role)) {
      throw new AppError(401, 'api_key_required', 'this account signs in with a second factor; TAXII clients use an API key (Basic apikey:<key> or Bearer)');
    }
    await this.throttle.succeeded({ ip: caller.ip, account: user.email.toLowerCase(), userId: user.id }, counted);
    return { actor: userActor(user), credential: { kind: 'password', userId: user.id, passwordHash: user.password_hash } };
  }

  /** Checks the password (throttled) and opens a session: complete, or waiting for the second factor. */
  async login(email: string, password: string, caller: Caller): Promise<OpenedSession> {
    const { user, counted } = await this.credentials.password(email, password, caller);
    const pending = user.second_factor_enabled;
    const opened = await this.#open(user, caller, pending ? 'second_factor' : 'complete', async (tx, ctx) => {
      if (!pending) await recordChange(tx, ctx, { action: 'auth.login', entityType: 'user', entityId: user.id, orgId: user.org_id });
    });
    if (!pending) await this.throttle.succeeded({ ip: caller.ip, account: user.email.toLowerCase(), userId: user.id, deviceToken: opened.deviceToken }, counted);
    return opened;
  }

  /** The second step: a TOTP or recovery code turns the waiting session into a new, complete one. */
  async completeSecondFactor(token: string, code: string, caller: Caller): Promise<OpenedSession> {
    const row = await authRepository.sessionWithUser(this.#p.db, sha256(token));
    if (!row || row.status !== 'active') throw unauthenticated();
    if (row.stage !== 'second_factor') throw conflict('this session is already signed in');
    const method = await this.credentials.code(row, code, caller, 401);
    const opened = await this.#open(row, caller, 'complete', async (tx, ctx) => {
      await authRepository.deleteSession(tx, sha256(token));
      await recordChange(tx, ctx, { action: 'auth.login', entityType: 'user', entityId: row.id, orgId: row.org_id, after: { secondFactor: method } });
    });
    await this.throttle.succeeded({ ip: caller.ip, account: row.email.toLowerCase(), userId: row.id, deviceToken: opened.deviceToken }, true);
    return opened;
  }

  /**
   * Opens a complete session for an account an OpenID provider just vouched for (the federation
   * module checked the ID token and mapped the claims); a disabled account is refused.
   */
  async openFederated(userId: string, caller: Caller, audit: { providerId: string }): Promise<OpenedSession> {
    const user = await authRepository.userById(this.#p.db, userId);
    if (!user || user.status !== 'active') throw new AppError(403, 'oidc_account_disabled', 'this account is disabled');
    return this.#open(user, caller, 'complete', async (tx, ctx) => {
      await recordChange(tx, ctx, { action: 'auth.login', entityType: 'user', entityId: user.id, orgId: user.org_id, after: { method: 'oidc', providerId: audit.providerId } });
    }, 'oidc');
  }

  async #open(user: UserAuthRow, caller: Caller, stage: 'complete' | 'second_factor', inTx: (tx: Kysely<DB>, ctx: RequestContext) => Promise<void>,
    method: 'password' | 'oidc' = 'password'): Promise<OpenedSession> {
    const token = randomToken();
    const csrf = randomToken();
    const ctx = await this.context(userActor(user), caller);
    const minutes = stage === 'second_factor' ? SECOND_FACTOR_MINUTES : this.#p.config.sessionHours * 60;
    await transact(this.#p, async (tx) => {
      if (stage === 'complete') await authRepository.recordSuccess(tx, user.id);
      await authRepository.createSession(tx, {
        idHash: sha256(token), userId: user.id, csrf, ip: caller.ip, ua: caller.userAgent?.slice(0, 300) ?? null, stage, method,
        expiresAt: new Date(Date.now() + minutes * 60_000),
      });
      await inTx(tx, ctx);
    });
    const deviceToken = stage === 'complete' ? (caller.deviceToken ?? randomToken()) : null;
    return { token, csrf, user: this.present(user, this.stageOf(user, stage, method)), deviceToken };
  }

  async logout(token: string, ctx: RequestContext): Promise<void> {
    await transact(this.#p, async (tx) => {
      await authRepository.deleteSession(tx, sha256(token));
      await recordChange(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.id, orgId: ctx.actor.orgId });
    });
  }

  /** Resolves a session cookie; sliding expiry is written at most every few minutes (never for a waiting session). */
  async fromSession(token: string): Promise<{ actor: Actor; csrf: string; user: UserAuthRow; stage: SignInStage; credential: Credential } | null> {
    const idHash = sha256(token);
    const row = await authRepository.sessionWithUser(this.#p.db, idHash);
    if (!row || row.status !== 'active') return null;
    if (row.stage === 'complete' && Date.now() - row.last_seen_at.getTime() > TOUCH_EVERY_MS) {
      await authRepository.touchSession(this.#p.db, idHash, new Date(Date.now() + this.#p.config.sessionHours * 3_600_000));
    }
    return { actor: userActor(row), csrf: row.csrf_token, user: row, stage: this.stageOf(row, row.stage, row.sign_in_method), credential: { kind: 'session', idHash, userId: row.id } };
  }

  /**
   * Resolves an API key. A key cannot be guessed (240 random bits), so a valid one always passes;
   * a wrong one counts against the sending address like a wrong password, and a blocked address is
   * refused (429) without further database work.
   */
  async fromApiKey(key: string, caller: Caller): Promise<Actor> {
    const row = await authRepository.apiKeyByHash(this.#p.db, sha256(key));
    if (!row || row.revoked_at || row.org_status === 'retired') {
      this.throttle.refuseIfKnownBlocked(caller.ip);
      await this.throttle.guard({ ip: caller.ip, account: null });
      const started = await this.#p.db.transaction().execute((tx) => this.throttle.failed(tx, { ip: caller.ip, account: null }));
      throw started ?? unauthenticated('the API key is missing, unknown or revoked');
    }
    const last = this.#keyTouched.get(row.id) ?? 0;
    if (Date.now() - last > KEY_TOUCH_EVERY_MS) {
      this.#keyTouched.set(row.id, Date.now());
      await authRepository.touchApiKey(this.#p.db, row.id);
    }
    return { type: 'apikey', id: row.id, name: row.name, orgId: row.org_id, role: row.role as Role };
  }

  async me(ctx: RequestContext, stage: SignInStage): Promise<Me> {
    const u = await authRepository.userById(this.#p.db, userIdOf(ctx));
    if (!u) throw unauthenticated('only a signed-in user has a profile');
    // enrolment is looked at again (the user may just have completed it); the other stages are the session's own
    return this.present(u, stage === 'enrolment' ? this.stageOf(u, 'complete') : stage);
  }

  async updateMe(ctx: RequestContext, patch: MePatch, stage: SignInStage): Promise<Me> {
    const id = userIdOf(ctx);
    await transact(this.#p, async (tx) => {
      const profile = { ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.locale !== undefined ? { locale: patch.locale } : {}) };
      await authRepository.updateProfile(tx, id, profile);
      await recordChange(tx, ctx, { action: 'user.update_self', entityType: 'user', entityId: id, orgId: ctx.actor.orgId, after: profile });
    });
    return this.me(ctx, stage);
  }

  /** Changes one's own password (current one checked and throttled, new one by the policy); ends every session. */
  async changePassword(ctx: RequestContext, body: PasswordChange, caller: Caller): Promise<void> {
    const me = await authRepository.userById(this.#p.db, userIdOf(ctx));
    if (!me) throw unauthenticated('only a signed-in user has a password');
    const { user } = await this.credentials.password(me.email, body.currentPassword, caller, 400);
    assertStrongPassword(body.newPassword, { email: user.email, name: user.name, orgName: user.org_name }, this.#p.config.passwordMinScore);
    const stored = await hashPassword(body.newPassword);
    await transact(this.#p, async (tx) => {
      await authRepository.setPassword(tx, user.id, stored);
      await authRepository.deleteUserSessions(tx, user.id);
      await recordChange(tx, ctx, { action: 'user.password_changed', entityType: 'user', entityId: user.id, orgId: user.org_id });
    });
  }
}
