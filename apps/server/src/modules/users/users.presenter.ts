import type { User } from '@lachan/contracts';
import type { UserRow } from './users.repository.ts';

/** A user account as the API shows it (never the password hash). */
export const presentUser = (r: UserRow): User => ({
  id: r.id,
  email: r.email,
  name: r.name,
  orgId: r.org_id,
  orgName: r.org_name,
  role: r.role as User['role'],
  status: r.status,
  lockedUntil: r.locked_until && r.locked_until > new Date() ? r.locked_until.toISOString() : null,
  secondFactor: r.second_factor,
  lastLoginAt: r.last_login_at?.toISOString() ?? null,
  createdAt: r.created_at.toISOString(),
});
