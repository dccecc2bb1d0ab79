export { UsersService } from './users.service.ts';
export { userRoutes } from './users.routes.ts';
export { usersRepository } from './users.repository.ts';
export { usersPolicy } from './users.policy.ts';
