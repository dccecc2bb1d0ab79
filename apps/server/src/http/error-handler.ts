import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody, ErrorCode } from '@lachan/contracts';
import { AppError } from '../core/errors.ts';

const body = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

const FASTIFY_CODES: Record<string, [number, ErrorCode, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported_media_type', 'this content type is not accepted here'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'validation_failed', 'the Content-Length does not match the body'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'the request body is too large'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'malformed_json', 'the JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed_json', 'the body is not valid JSON'],
  FST_ERR_CTP_INVALID_TYPE: [400, 'validation_failed', 'the content type header is invalid'],
  Z_DATA_ERROR: [400, 'validation_failed', 'the gzip-compressed body is corrupt'],
  Z_BUF_ERROR: [400, 'validation_failed', 'the gzip-compressed body is truncated'],
};

// PostgreSQL SQLSTATE classes that mean the request, not the server, was wrong.
const DB_CODES: Record<string, [number, ErrorCode, string]> = {
  '23505': [409, 'conflict', 'this already exists'],
  '23503': [409, 'conflict', 'it refers to something that does not exist or is still referred to'],
  '23514': [400, 'validation_failed', 'a value is outside what is allowed'],
  '22P02': [400, 'validation_failed', 'a value has the wrong form'],
  '22001': [400, 'validation_failed', 'a value is too long'],
  '22003': [400, 'validation_failed', 'a number is out of range'],
  '22021': [400, 'validation_failed', 'a text value contains a character that cannot be stored (such as NUL)'],
  '22P05': [400, 'validation_failed', 'a text value contains a character that cannot be stored (such as NUL)'],
  '22007': [400, 'validation_failed', 'a date or time has the wrong form'],
  '22008': [400, 'validation_failed', 'a date or time is out of range'],
};

/**
 * The status, code and message of an error the request caused (a body Fastify could not read, a value
 * the database refused), or null for a server fault. Shared with the TAXII adapter.
 */
export function requestFault(err: { code?: string | undefined }): [number, ErrorCode, string] | null {
  if (!err.code) return null;
  return FASTIFY_CODES[err.code] ?? DB_CODES[err.code] ?? null;
}

type ValidationIssue = { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string | undefined };

/** One schema failure as `{path, message}`; a field nobody named is itself the path, so the caller sees which. */
export function validationDetail(context: string, v: ValidationIssue): { path: string; message: string } {
  const extra = v.keyword === 'additionalProperties' ? v.params.additionalProperty : undefined;
  if (typeof extra === 'string') return { path: `${context}${v.instancePath}/${extra}`, message: 'is not a field this request takes' };
  return { path: `${context}${v.instancePath}`, message: v.message ?? 'invalid' };
}

/** Renders every error in the one shape; a 5xx never carries internals. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError & { headers?: Record<string, string> }, req, reply) => {
    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      return reply.status(err.status).send(body(err.code, err.message, err.details));
    }
    if (err.validation) {
      const details = err.validation.map((v) => validationDetail(err.validationContext ?? '', v));
      const first = details[0];
      return reply.status(400).send(body('validation_failed', first ? `${first.path || 'request'} ${first.message}` : 'invalid request', details));
    }
    const known = requestFault(err);
    if (known) return reply.status(known[0]).send(body(known[1], known[2]));
    if (err.statusCode === 429) return reply.status(429).send(body('rate_limited', 'too many requests; slow down'));
    if (err instanceof SyntaxError && err.statusCode === 400) return reply.status(400).send(body('malformed_json', 'the body is not valid JSON'));
    // Any other data exception (SQLSTATE class 22: a date or number out of range, a malformed value)
    // is the database refusing a value the request carried; logged, since a check upstream missed it.
    if (typeof err.code === 'string' && /^22[0-9A-Z]{3}$/.test(err.code)) {
      req.log.warn({ err }, 'value refused by the database');
      return reply.status(400).send(body('validation_failed', 'a value is not valid (the database refused it)'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(body('validation_failed', err.message));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('internal_error', 'an internal error occurred; it has been logged'));
  });
}

/** An error Fastify meets before routing (bad percent-encoding, an over-long path parameter), in the one error shape. */
export function renderRoutingError(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_BAD_URL') return void reply.status(400).send(body('validation_failed', 'the URL is not valid (bad percent-encoding)'));
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') return void reply.status(414).send(body('validation_failed', 'a path parameter is too long'));
  req.log.error({ err }, 'routing error');
  void reply.status(500).send(body('internal_error', 'an internal error occurred; it has been logged'));
}
