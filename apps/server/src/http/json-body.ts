import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../core/errors.ts';
import { unstorableJson } from '../common/storable-json.ts';

// Only an escape can put NUL or a lone surrogate in a JSON string (the body is valid UTF-8 by then),
// and only an exponent of three digits or a run of 309 digits can overflow a double.
const SUSPECT = /\\u(?:0000|[dD][89a-fA-F])|[eE][+]?\d{3}|\d{309}/;

/**
 * The JSON body parser of the API: the body must be UTF-8 (RFC 8259), then Fastify's own parser
 * (prototype poisoning refused), then a refusal of any string or key holding NUL or an unpaired
 * surrogate and of any number beyond a double. Each of these would otherwise be kept as something
 * other than what was sent (U+FFFD, Infinity, or a database error), so no route has to think of them:
 * they are a 400 validation_failed naming the field.
 */
export function registerJsonBody(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser(app.initialConfig.onProtoPoisoning ?? 'error', app.initialConfig.onConstructorPoisoning ?? 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const bytes = body as Buffer;
    if (!isUtf8(bytes)) return done(new AppError(400, 'validation_failed', 'the body is not valid UTF-8'));
    const text = bytes.toString('utf8');
    parse(req, text, (err, value) => {
      if (err) return done(err);
      const why = SUSPECT.test(text) ? unstorableJson(value) : null;
      if (why !== null) return done(new AppError(400, 'validation_failed', `the body cannot be kept as sent: ${why}`));
      done(null, value);
    });
  });
}
