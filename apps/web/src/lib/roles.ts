import { ROLE_RANK, type Role } from '@lachan/contracts';

/** Roles an actor may hand out: never one above their own (the server enforces the same rule). */
export function grantableRoles<R extends Role>(roles: readonly R[], actorRole: Role): R[] {
  return roles.filter((role) => ROLE_RANK[role] <= ROLE_RANK[actorRole]);
}
