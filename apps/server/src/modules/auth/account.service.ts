import type { AccountSession, MailPreferences } from '@lachan/contracts';
import { recordChange, transact } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { conflict, forbidden, notFound } from '../../core/errors.ts';
import type { AuthParts } from './auth-parts.ts';
import { accountRepository, type SessionRow } from './account.repository.ts';
import { sha256 } from './secrets.ts';

/** The signed-in user's account id; a machine key has no sessions or preferences (403). */
function userIdOf(ctx: RequestContext): string {
  if (ctx.actor.type !== 'user' || !ctx.actor.id) throw forbidden('only a signed-in user has sessions and preferences');
  return ctx.actor.id;
}

const present = (s: SessionRow, currentHash: string | null): AccountSession => ({
  id: s.public_id, ip: s.ip, userAgent: s.user_agent, createdAt: s.created_at.toISOString(), lastSeenAt: s.last_seen_at.toISOString(),
  expiresAt: s.expires_at.toISOString(), current: s.id_hash === currentHash,
});

/** The account page's own data: sessions (listed, ended one by one) and which e-mails the user wants. */
export class AccountService {
  #p: Pick<AuthParts, 'db' | 'relay'>;
  constructor(parts: Pick<AuthParts, 'db' | 'relay'>) {
    this.#p = parts;
  }

  async sessions(ctx: RequestContext, sessionToken: string | null): Promise<AccountSession[]> {
    const rows = await accountRepository.sessionsOf(this.#p.db, userIdOf(ctx));
    const current = sessionToken ? sha256(sessionToken) : null;
    return rows.map((s) => present(s, current));
  }

  /** Ends one of one's own other sessions (the current one ends by signing out); another user's id is not found. */
  async revokeSession(ctx: RequestContext, publicId: string, sessionToken: string | null): Promise<void> {
    const userId = userIdOf(ctx);
    const row = await accountRepository.sessionOf(this.#p.db, userId, publicId);
    if (!row) throw notFound('session');
    if (sessionToken && row.id_hash === sha256(sessionToken)) throw conflict('this is the current session: sign out instead');
    await transact(this.#p, async (tx) => {
      await accountRepository.deleteSessionOf(tx, userId, publicId);
      await recordChange(tx, ctx, { action: 'user.session_revoked', entityType: 'user', entityId: userId, orgId: ctx.actor.orgId, before: { session: publicId, ip: row.ip } });
    });
  }

  async mailPreferences(ctx: RequestContext): Promise<MailPreferences> {
    const row = await accountRepository.mailPreferences(this.#p.db, userIdOf(ctx));
    return { warningMinSeverity: row?.warning_min_severity ?? null, warningReminders: row?.warning_reminders ?? false };
  }

  async saveMailPreferences(ctx: RequestContext, prefs: MailPreferences): Promise<MailPreferences> {
    const userId = userIdOf(ctx);
    const before = await this.mailPreferences(ctx);
    await transact(this.#p, async (tx) => {
      await accountRepository.saveMailPreferences(tx, userId, { warning_min_severity: prefs.warningMinSeverity, warning_reminders: prefs.warningReminders });
      await recordChange(tx, ctx, { action: 'user.mail_preferences', entityType: 'user', entityId: userId, orgId: ctx.actor.orgId, before, after: prefs });
    });
    return prefs;
  }
}
