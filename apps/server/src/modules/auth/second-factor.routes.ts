import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ErrorBody, Ok, RecoveryCodes, SecondFactorCheck, SecondFactorDisable, SecondFactorEnrolment, SecondFactorStatus } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import { callerOf } from './request-caller.ts';
import type { SecondFactorService } from './second-factor.service.ts';

const errors = { '4xx': ErrorBody };
const tags = ['auth'];
/** Enrolment stays open to a user whose role requires a factor they have not set up. */
const enrolment = { signInStages: ['enrolment'] as const };

/** /api/v1/me/second-factor: the signed-in user's TOTP second factor. */
export function secondFactorRoutes(app: FastifyInstance, secondFactor: SecondFactorService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/me/second-factor', { config: enrolment, schema: { tags, response: { 200: SecondFactorStatus, ...errors } } }, async (req) =>
    secondFactor.status(ctxOf(req)),
  );
  r.post('/me/second-factor/enrolment', { config: enrolment, schema: { tags, response: { 200: SecondFactorEnrolment, ...errors } } }, async (req) =>
    secondFactor.startEnrolment(ctxOf(req)),
  );
  r.post('/me/second-factor/enrolment/confirm', { config: enrolment, schema: { tags, body: SecondFactorCheck, response: { 200: RecoveryCodes, ...errors } } }, async (req) =>
    secondFactor.confirmEnrolment(ctxOf(req), req.body.code, req.sessionToken),
  );
  r.post('/me/second-factor/recovery-codes', { schema: { tags, body: SecondFactorCheck, response: { 200: RecoveryCodes, ...errors } } }, async (req) =>
    secondFactor.renewRecoveryCodes(ctxOf(req), req.body.code, callerOf(req)),
  );
  r.post('/me/second-factor/disable', { schema: { tags, body: SecondFactorDisable, response: { 200: Ok, ...errors } } }, async (req) => {
    await secondFactor.disable(ctxOf(req), req.body, callerOf(req), req.sessionToken);
    return { ok: true };
  });
}
