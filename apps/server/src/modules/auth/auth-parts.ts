import type { Kysely } from 'kysely';
import type { Role } from '@lachan/contracts';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/index.ts';
import type { OrgScope } from '../../core/context.ts';
import type { EventRelay } from '../events/index.ts';

/** The organisation tree as the auth module reads it: the scope a role in an organisation reaches. */
export interface OrgScopes {
  /** Loads the tree if it is not loaded (or was invalidated). */
  ensure(): Promise<void>;
  scopeFor(orgId: string, role: Role): OrgScope;
  /** Drops the loaded tree: the next `ensure` reads it again. */
  invalidate(): void;
}

/** What the auth module is built from: the database, the relay, organisation scopes, settings and the clock. */
export interface AuthParts {
  db: Kysely<DB>;
  relay: EventRelay;
  orgTree: OrgScopes;
  config: Config;
  now: () => Date;
}
