export { AuthService, presentMe } from './auth.service.ts';
export { authRoutes } from './auth.routes.ts';
export { SecondFactorService } from './second-factor.service.ts';
export { secondFactorRoutes } from './second-factor.routes.ts';
export { secondFactorRepository } from './second-factor.repository.ts';
export { throttleRepository } from './throttle.repository.ts';
export { assertStrongPassword, passwordProblem, type PasswordOwner } from './password-policy.ts';
export { totpCodeAt } from './totp.ts';
export { hashPassword, generatePassword, generateApiKey, sha256 } from './secrets.ts';
