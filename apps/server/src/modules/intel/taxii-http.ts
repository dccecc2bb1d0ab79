import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../core/errors.ts';
import { requestFault } from '../../http/error-handler.ts';
import { TaxiiQueryError } from './taxii-query.ts';

/** The TAXII 2.1 media type of every request and response body. */
export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
/** The STIX media type named inside collections and manifests (never an HTTP content type here). */
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';
/** Largest POST body accepted, advertised as the api-root's max_content_length. */
export const MAX_CONTENT_LENGTH = 10 * 1024 * 1024;

const TAXII_TYPE = /^application\/taxii\+json(\s*;\s*version=2\.1)?$/i;

/** Accept header values that allow a TAXII 2.1 answer (bare taxii+json too, as the reference server does). */
function acceptsTaxii(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => {
    const type = part.split(';q=')[0]!.trim();
    return TAXII_TYPE.test(type) || type === '*/*' || type === 'application/*';
  });
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not found', 406: 'Not acceptable',
  413: 'Content too large', 415: 'Unsupported media type', 422: 'Unprocessable content', 423: 'Locked', 429: 'Too many requests',
};

/** Send a TAXII error resource `{title, description, http_status}` (http_status as a string, like the reference server). */
export function sendTaxiiError(reply: FastifyReply, status: number, description: string): FastifyReply {
  if (status === 401) reply.header('www-authenticate', 'Basic realm="TAXII", Bearer');
  return sendTaxii(reply, { title: STATUS_TITLES[status] ?? 'Error', description, http_status: String(status) }, status);
}

/**
 * Send a TAXII body. Serialised to bytes here because Fastify rewrites the content type of objects
 * and strings (`; version="2.1"; charset=utf-8`), and TAXII clients compare the header as written.
 */
export function sendTaxii(reply: FastifyReply, body: unknown, status = 200, headers: Record<string, string> = {}): FastifyReply {
  return reply.status(status).headers(headers).header('content-type', TAXII_MEDIA_TYPE).send(Buffer.from(JSON.stringify(body)));
}

/**
 * The TAXII adapter for one route scope: media-type negotiation (406, 415), the body parser with the
 * api-root size limit (413, 422 for JSON that does not parse) and TAXII-shaped errors.
 */
export function registerTaxiiHttp(app: FastifyInstance): void {
  app.addContentTypeParser('application/taxii+json', { parseAs: 'string', bodyLimit: MAX_CONTENT_LENGTH }, (_req, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(new AppError(422, 'validation_failed', 'the body is not valid JSON'));
    }
  });
  app.addHook('onRequest', async (req: FastifyRequest, reply) => {
    if (!acceptsTaxii(req.headers.accept)) return sendTaxiiError(reply, 406, `send Accept: ${TAXII_MEDIA_TYPE}`);
  });
  app.addHook('preParsing', async (req, reply) => {
    if (req.method !== 'POST') return;
    const type = req.headers['content-type'];
    if (!type || !TAXII_TYPE.test(type.trim())) return sendTaxiiError(reply, 415, `send Content-Type: ${TAXII_MEDIA_TYPE}`);
  });
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err instanceof AppError) {
      if (err.headers) reply.headers(err.headers);
      return sendTaxiiError(reply, err.status, err.message);
    }
    if (err instanceof TaxiiQueryError) return sendTaxiiError(reply, 400, err.message);
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendTaxiiError(reply, 413, `the body is larger than max_content_length (${MAX_CONTENT_LENGTH} bytes)`);
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendTaxiiError(reply, 415, `send Content-Type: ${TAXII_MEDIA_TYPE}`);
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendTaxiiError(reply, 422, 'the body is empty');
    if (err.validation) return sendTaxiiError(reply, 400, err.message);
    const known = requestFault(err);
    if (known) return sendTaxiiError(reply, known[0], known[2]);
    reply.log.error({ err }, 'unhandled TAXII error');
    return sendTaxiiError(reply, 500, 'an internal error occurred; it has been logged');
  });
  app.setNotFoundHandler((_req, reply) => sendTaxiiError(reply, 404, 'no such TAXII resource (URLs end with /)'));
}
