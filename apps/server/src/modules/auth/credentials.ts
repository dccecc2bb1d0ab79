import type { Role } from '@lachan/contracts';
import { AppError } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { Actor, RequestContext } from '../../core/context.ts';
import type { AuthParts } from './auth-parts.ts';
import { authRepository, type UserAuthRow } from './auth.repository.ts';
import { secondFactorRepository } from './second-factor.repository.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';
import { dummyHash, verifyPassword } from './secrets.ts';
import { acceptedStep, isTotpCode, recoveryCodeHash } from './totp.ts';
import type { TotpSeal } from './totp-seal.ts';

/** Where a request comes from: address, browser (device cookie) and ids for the audit. */
export interface Caller {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  /** The `lachan_device` cookie of a browser that completed a sign-in before. */
  deviceToken?: string | null;
}

export const userActor = (u: UserAuthRow): Actor => ({ type: 'user', id: u.id, name: u.name, orgId: u.org_id, role: u.role as Role });

/** How a wrong credential is answered: 401 while signing in, 400 when a signed-in user confirms an action. */
type Answer = 401 | 400;

/**
 * Every check of a password or a second-factor code goes through here: refused first when a throttle
 * block covers it, counted and audited when wrong (docs/adr/0008).
 */
export class Credentials {
  #p: Pick<AuthParts, 'db' | 'relay' | 'now'>;
  #throttle: SignInThrottle;

  #totp: TotpSeal;
  constructor(parts: Pick<AuthParts, 'db' | 'relay' | 'now'>, throttle: SignInThrottle, totp: TotpSeal) {
    this.#p = parts;
    this.#totp = totp;
    this.#throttle = throttle;
  }

  #context(user: UserAuthRow, caller: Caller): RequestContext {
    return { actor: userActor(user), scope: { all: false, manage: new Set(), read: new Set() }, ip: caller.ip, requestId: caller.requestId };
  }

  /**
   * The active user behind an e-mail and password. `counted`: the account had failures from this
   * address, which a completed sign-in forgets.
   */
  async password(email: string, password: string, caller: Caller, answer: Answer = 401): Promise<{ user: UserAuthRow; counted: boolean }> {
    const account = email.trim().toLowerCase();
    const user = await authRepository.userByEmail(this.#p.db, account);
    const { counted } = await this.#throttle.guard({ ip: caller.ip, account, userId: user?.id ?? null, deviceToken: caller.deviceToken ?? null });
    // an unknown e-mail costs the same hash and counts the same failures: nothing tells who exists
    const ok = user ? await verifyPassword(user.password_hash, password) : (await verifyPassword(await dummyHash(), password)) && false;
    if (!user || !ok) {
      const message = answer === 401 ? 'wrong e-mail or password' : 'the password is wrong';
      return this.#fail(user, account, caller, 'auth.login_failed', new AppError(answer, 'invalid_credentials', message));
    }
    if (user.status !== 'active') throw new AppError(403, 'forbidden', 'this account is disabled');
    return { user, counted };
  }

  /**
   * Checks a code of the user's enabled second factor: a TOTP code of a step not used before, or an
   * unused recovery code (spent by this check). `guarded`: the same request already passed the guard.
   */
  async code(user: UserAuthRow, code: string, caller: Caller, answer: Answer, guarded = false): Promise<'totp' | 'recovery_code'> {
    const account = user.email.toLowerCase();
    if (!guarded) await this.#throttle.guard({ ip: caller.ip, account, userId: user.id, deviceToken: caller.deviceToken ?? null });
    const factor = await secondFactorRepository.of(this.#p.db, user.id);
    const wrong = new AppError(answer, 'invalid_second_factor', 'the code is wrong, expired or already used');
    if (!factor?.enabledAt) return this.#fail(user, account, caller, 'auth.second_factor_failed', wrong);
    const accepted = await transact(this.#p, async (tx) => {
      if (isTotpCode(code)) {
        const step = acceptedStep(this.#totp.open(factor.secret), code, this.#p.now(), factor.lastStep);
        return step !== null && (await secondFactorRepository.useStep(tx, user.id, step)) ? ('totp' as const) : null;
      }
      return (await secondFactorRepository.spendRecoveryCode(tx, user.id, recoveryCodeHash(code))) ? ('recovery_code' as const) : null;
    });
    return accepted ?? this.#fail(user, account, caller, 'auth.second_factor_failed', wrong);
  }

  /** Counts the failure (and audits it on a known account); answers 429 if it started a block, else `error`. */
  async #fail(user: UserAuthRow | undefined, account: string, caller: Caller, action: string, error: AppError): Promise<never> {
    const started = await transact(this.#p, async (tx) => {
      const blocked = await this.#throttle.failed(tx, { ip: caller.ip, account });
      if (user) await recordChange(tx, this.#context(user, caller), { action, entityType: 'user', entityId: user.id, orgId: user.org_id });
      return blocked;
    });
    throw started ?? error;
  }
}
