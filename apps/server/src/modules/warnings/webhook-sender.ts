import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { WebhookTargets } from './webhook-targets.ts';

/** The HMAC-SHA256 signature a webhook receiver checks: over `<timestamp>.<body>`. */
export const signWebhook = (secret: string, timestamp: string, body: string): string => `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/**
 * Posts a signed JSON payload to a webhook endpoint through the target guard (no internal address
 * unless allowed, checked again as the connection is made); no redirects are followed. Throws with a
 * readable reason unless the endpoint answers 2xx.
 */
export async function postWebhook(url: string, secret: string, payload: unknown, targets: WebhookTargets, timeoutMs = 10_000, idempotencyKey?: string): Promise<number> {
  const u = targets.check(url);
  const body = JSON.stringify(payload);
  const ts = String(Math.floor(Date.now() / 1000));
  const status = await new Promise<number>((resolve, reject) => {
    const req = (u.protocol === 'https:' ? httpsRequest : httpRequest)(u, {
      method: 'POST',
      lookup: targets.lookupFor(u.hostname),
      timeout: timeoutMs,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-lachan-timestamp': ts, 'x-lachan-signature': signWebhook(secret, ts, body), ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
    }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${timeoutMs} ms`), { code: 'ETIMEDOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => reject(new Error(`endpoint unreachable: ${err.code === 'EADDRNOTALLOWED' ? err.message : err.code ?? err.message}`, { cause: err })));
    req.end(body);
  });
  if (status < 200 || status >= 300) throw new Error(`endpoint answered ${status}`);
  return status;
}
