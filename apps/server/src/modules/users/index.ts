import type { ModuleRoutes } from '../../common/module-parts.ts';
import { UsersService, type UsersParts } from './users.service.ts';
import { userRoutes } from './users.routes.ts';

export { UsersService, type KnownOrgs, type UsersParts } from './users.service.ts';
export { userRoutes } from './users.routes.ts';
export { usersRepository } from './users.repository.ts';
export { usersPolicy } from './users.policy.ts';

/** The users module: accounts and their routes. */
export interface UsersModule {
  users: UsersService;
  routes: ModuleRoutes;
}

/** Builds the users module from its database, relay, organisation tree and password rule. */
export function createUsersModule(parts: UsersParts): UsersModule {
  const users = new UsersService(parts);
  const routes: ModuleRoutes = async (app) => {
    userRoutes(app, users);
  };
  return { users, routes };
}
