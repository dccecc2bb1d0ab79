import type { User, UserCreate, UserCreated, UserListQuery, UserPasswordReset, UserPasswordResetDone, UserPatch } from '@lachan/contracts';
import { recordChange, transact, type Audience, type TransactionParts } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { conflict, forbidden, invalid, notFound } from '../../core/errors.ts';
import { requirePermission } from '../../core/authorize.ts';
import type { Config } from '../../config.ts';
import { assertStrongPassword, generatePassword, hashPassword, secondFactorRepository } from '../auth/index.ts';
import { usersPolicy } from './users.policy.ts';
import { usersRepository } from './users.repository.ts';
import { presentUser } from './users.presenter.ts';

const adminsOf = (orgId: string): Audience => ({ orgIds: [orgId], roles: ['org_admin'], manage: true });

/** The organisation tree as accounts are checked against it: whether an organisation exists. */
export interface KnownOrgs {
  ensure(): Promise<void>;
  exists(orgId: string): boolean;
}

/** What the users module is built from: the database and relay, the organisations, the password rule. */
export interface UsersParts extends TransactionParts {
  orgTree: KnownOrgs;
  config: Pick<Config, 'passwordMinScore'>;
}

/** User accounts: created, listed and changed by the centre and organisation admins. */
export class UsersService {
  #p: UsersParts;
  constructor(parts: UsersParts) {
    this.#p = parts;
  }

  async list(ctx: RequestContext, query: UserListQuery): Promise<User[]> {
    requirePermission(ctx, 'users.read');
    const orgIds = ctx.scope.all ? null : [...ctx.scope.manage];
    const rows = await usersRepository.list(this.#p.db, orgIds, { orgId: query.orgId, q: query.q, limit: query.limit ?? 200 });
    return rows.map(presentUser);
  }

  async get(ctx: RequestContext, id: string): Promise<User> {
    const row = await usersRepository.byId(this.#p.db, id);
    if (!row || !usersPolicy.mayRead(ctx, row.org_id)) throw notFound('user');
    return presentUser(row);
  }

  /** Creates an account; without a password one is generated and returned once. */
  async create(ctx: RequestContext, body: UserCreate): Promise<UserCreated> {
    requirePermission(ctx, 'users.manage');
    await this.#p.orgTree.ensure();
    if (!this.#p.orgTree.exists(body.orgId)) throw invalid('the organisation does not exist');
    if (!usersPolicy.mayCreate(ctx, body.orgId, body.role)) throw forbidden('you may not create this account in that organisation with that role');
    const password = body.password ?? generatePassword();
    if (body.password) assertStrongPassword(body.password, { email: body.email, name: body.name, orgName: await usersRepository.orgName(this.#p.db, body.orgId) }, this.#p.config.passwordMinScore);
    const passwordHash = await hashPassword(password);
    const user = await transact(this.#p, async (tx) => {
      const existing = await tx.selectFrom('users').select('id').where((eb) => eb(eb.fn('lower', ['email']), '=', body.email.toLowerCase())).executeTakeFirst();
      if (existing) throw conflict('an account with this e-mail already exists');
      const id = await usersRepository.insert(tx, { email: body.email, name: body.name, orgId: body.orgId, role: body.role, passwordHash });
      const user = presentUser((await usersRepository.byId(tx, id))!);
      await recordChange(tx, ctx, { action: 'user.create', entityType: 'user', entityId: id, orgId: body.orgId, after: user, event: { type: 'user.created', audience: adminsOf(body.orgId), data: user } });
      return user;
    });
    return { user, initialPassword: body.password ? null : password };
  }

  async update(ctx: RequestContext, id: string, patch: UserPatch): Promise<User> {
    requirePermission(ctx, 'users.manage');
    const current = await usersRepository.byId(this.#p.db, id);
    if (!current || !usersPolicy.mayRead(ctx, current.org_id)) throw notFound('user');
    if (!usersPolicy.mayUpdate(ctx, { orgId: current.org_id, role: current.role as User['role'] }, patch.role)) throw forbidden('you may not change this account that way');
    if (id === ctx.actor.id && (patch.role !== undefined || patch.status === 'disabled')) throw forbidden('you may not change your own role or disable yourself');
    return transact(this.#p, async (tx) => {
      const before = presentUser(current);
      await usersRepository.update(tx, id, patch);
      if (patch.status === 'disabled') await tx.deleteFrom('sessions').where('user_id', '=', id).execute();
      const after = presentUser((await usersRepository.byId(tx, id))!);
      await recordChange(tx, ctx, { action: 'user.update', entityType: 'user', entityId: id, orgId: current.org_id, before, after, event: { type: 'user.updated', audience: adminsOf(current.org_id), data: after } });
      return after;
    });
  }

  /** The target of an administrator's action on credentials: in scope, changeable by the caller, not the caller. */
  async #credentialTarget(ctx: RequestContext, id: string, what: string) {
    requirePermission(ctx, 'users.manage');
    const current = await usersRepository.byId(this.#p.db, id);
    if (!current || !usersPolicy.mayRead(ctx, current.org_id)) throw notFound('user');
    if (!usersPolicy.mayUpdate(ctx, { orgId: current.org_id, role: current.role as User['role'] })) throw forbidden('you may not change this account');
    if (id === ctx.actor.id) throw forbidden(`change your own ${what} from your account page`);
    return current;
  }

  /** Sets another user's password (checked by the policy, or generated and answered once) and ends their sessions. */
  async resetPassword(ctx: RequestContext, id: string, body: UserPasswordReset): Promise<UserPasswordResetDone> {
    const target = await this.#credentialTarget(ctx, id, 'password');
    if (body.password) assertStrongPassword(body.password, { email: target.email, name: target.name, orgName: target.org_name }, this.#p.config.passwordMinScore);
    const password = body.password ?? generatePassword();
    const passwordHash = await hashPassword(password);
    await transact(this.#p, async (tx) => {
      await usersRepository.setPassword(tx, id, passwordHash);
      await usersRepository.endSessions(tx, id);
      await recordChange(tx, ctx, { action: 'user.password_reset', entityType: 'user', entityId: id, orgId: target.org_id });
    });
    return { initialPassword: body.password ? null : password };
  }

  /**
   * Removes another user's second factor (a lost phone) and ends their sessions: they sign in with the
   * password alone and, if their role requires a factor, enrol a new one before anything else.
   */
  async resetSecondFactor(ctx: RequestContext, id: string): Promise<User> {
    const target = await this.#credentialTarget(ctx, id, 'second factor');
    return transact(this.#p, async (tx) => {
      if (!(await secondFactorRepository.remove(tx, id))) throw conflict('this account has no second factor');
      await usersRepository.endSessions(tx, id);
      const after = presentUser((await usersRepository.byId(tx, id))!);
      await recordChange(tx, ctx, { action: 'user.second_factor_reset', entityType: 'user', entityId: id, orgId: target.org_id, before: presentUser(target), after, event: { type: 'user.updated', audience: adminsOf(target.org_id), data: after } });
      return after;
    });
  }
}
