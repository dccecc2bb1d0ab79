import type { RecoveryCodes, SecondFactorDisable, SecondFactorEnrolment, SecondFactorStatus } from '@lachan/contracts';
import { AppError, conflict, forbidden, unauthenticated } from '../../core/errors.ts';
import { recordChange, transact } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import type { AuthParts } from './auth-parts.ts';
import { authRepository, type UserAuthRow } from './auth.repository.ts';
import type { AuthService, Caller } from './auth.service.ts';
import { secondFactorRepository } from './second-factor.repository.ts';
import { sha256 } from './secrets.ts';
import { acceptedStep, newRecoveryCodes, newTotpSecret, otpauthUri, qrSvg, recoveryCodeHash } from './totp.ts';

/** The signed-in user's own TOTP second factor: enrol, confirm, new recovery codes, turn off. */
export class SecondFactorService {
  #p: Pick<AuthParts, 'db' | 'relay' | 'now'>;
  #auth: AuthService;

  constructor(parts: Pick<AuthParts, 'db' | 'relay' | 'now'>, auth: AuthService) {
    this.#p = parts;
    this.#auth = auth;
  }

  async #me(ctx: RequestContext): Promise<UserAuthRow> {
    // A machine key is authenticated but has no account: signing in again would not help (403, as for /me).
    if (ctx.actor.type !== 'user' || !ctx.actor.id) throw forbidden('only a signed-in user has a second factor');
    const u = await authRepository.userById(this.#p.db, ctx.actor.id);
    if (!u) throw unauthenticated('only a signed-in user has a second factor');
    return u;
  }

  async status(ctx: RequestContext): Promise<SecondFactorStatus> {
    const u = await this.#me(ctx);
    const factor = await secondFactorRepository.of(this.#p.db, u.id);
    const enabledAt = factor?.enabledAt ?? null;
    return {
      enabled: enabledAt !== null,
      required: this.#auth.requiresSecondFactor(u.role),
      enabledAt: enabledAt?.toISOString() ?? null,
      recoveryCodesLeft: enabledAt ? await secondFactorRepository.recoveryCodesLeft(this.#p.db, u.id) : 0,
    };
  }

  /** A new secret, shown once; it takes effect when a code from it is confirmed. */
  async startEnrolment(ctx: RequestContext): Promise<SecondFactorEnrolment> {
    const u = await this.#me(ctx);
    const secret = newTotpSecret();
    await transact(this.#p, async (tx) => {
      if (!(await secondFactorRepository.startEnrolment(tx, u.id, this.#auth.totpSeal.seal(secret)))) throw conflict('a second factor is already enabled; turn it off first');
      await recordChange(tx, ctx, { action: 'user.second_factor_enrolment_started', entityType: 'user', entityId: u.id, orgId: u.org_id });
    });
    const uri = otpauthUri(secret, u.email);
    return { secret, otpauthUri: uri, qrSvg: await qrSvg(uri) };
  }

  /** The first code proves the app holds the secret: the factor is on, other sessions end, ten recovery codes are shown once. */
  async confirmEnrolment(ctx: RequestContext, code: string, sessionToken: string | null): Promise<RecoveryCodes> {
    const u = await this.#me(ctx);
    const factor = await secondFactorRepository.of(this.#p.db, u.id);
    if (!factor) throw conflict('start an enrolment first');
    if (factor.enabledAt) throw conflict('the second factor is already enabled');
    const step = acceptedStep(this.#auth.totpSeal.open(factor.secret), code, this.#p.now(), null);
    if (step === null) throw new AppError(400, 'invalid_second_factor', 'the code does not match; check the time on the device and try the next code');
    const codes = newRecoveryCodes();
    await transact(this.#p, async (tx) => {
      await secondFactorRepository.enable(tx, u.id, step);
      await secondFactorRepository.replaceRecoveryCodes(tx, u.id, codes.map(recoveryCodeHash));
      await authRepository.deleteUserSessions(tx, u.id, sessionToken ? sha256(sessionToken) : null);
      await recordChange(tx, ctx, { action: 'user.second_factor_enabled', entityType: 'user', entityId: u.id, orgId: u.org_id });
    });
    return { recoveryCodes: codes };
  }

  /** Ten new recovery codes for a code of the factor; the old ones stop working. */
  async renewRecoveryCodes(ctx: RequestContext, code: string, caller: Caller): Promise<RecoveryCodes> {
    const u = await this.#me(ctx);
    await this.#auth.credentials.code(u, code, caller, 400);
    const codes = newRecoveryCodes();
    await transact(this.#p, async (tx) => {
      await secondFactorRepository.replaceRecoveryCodes(tx, u.id, codes.map(recoveryCodeHash));
      await recordChange(tx, ctx, { action: 'user.recovery_codes_renewed', entityType: 'user', entityId: u.id, orgId: u.org_id });
    });
    return { recoveryCodes: codes };
  }

  /**
   * Turns the factor off with the password and a code (both throttled). Other sessions end; if the
   * role requires a factor, this session is left only the enrolment of a new one.
   */
  async disable(ctx: RequestContext, body: SecondFactorDisable, caller: Caller, sessionToken: string | null): Promise<void> {
    const me = await this.#me(ctx);
    const { user } = await this.#auth.credentials.password(me.email, body.password, caller, 400);
    await this.#auth.credentials.code(user, body.code, caller, 400, true);
    await transact(this.#p, async (tx) => {
      await secondFactorRepository.remove(tx, user.id);
      await authRepository.deleteUserSessions(tx, user.id, sessionToken ? sha256(sessionToken) : null);
      await recordChange(tx, ctx, { action: 'user.second_factor_disabled', entityType: 'user', entityId: user.id, orgId: user.org_id });
    });
  }
}
