import { createHmac } from 'node:crypto';

/** The HMAC-SHA256 signature a webhook receiver checks: over `<timestamp>.<body>`. */
export const signWebhook = (secret: string, timestamp: string, body: string): string => `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** Posts a signed JSON payload to a webhook endpoint; throws with a readable reason unless it answers 2xx. */
export async function postWebhook(url: string, secret: string, payload: unknown, timeoutMs = 10_000): Promise<number> {
  const body = JSON.stringify(payload);
  const ts = String(Math.floor(Date.now() / 1000));
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', body, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs), headers: { 'content-type': 'application/json', 'x-lachan-timestamp': ts, 'x-lachan-signature': signWebhook(secret, ts, body) } });
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    throw new Error(`endpoint unreachable: ${cause?.code ?? cause?.message ?? (err as Error).message}`, { cause: err });
  }
  await res.body?.cancel();
  if (!res.ok) throw new Error(`endpoint answered ${res.status}`);
  return res.status;
}
