import type { FastifyRequest } from 'fastify';
import type { Caller } from './auth.service.ts';

/** The console's session cookie. */
export const SESSION_COOKIE = 'lachan_session';
/** Marks a browser that completed a sign-in; the account still lets it try while strangers are throttled. */
export const DEVICE_COOKIE = 'lachan_device';

/** Where a request comes from, as sign-in throttling and the audit record it. */
export const callerOf = (req: FastifyRequest): Caller => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'] ?? null,
  requestId: req.id,
  deviceToken: req.cookies?.[DEVICE_COOKIE] ?? null,
});
