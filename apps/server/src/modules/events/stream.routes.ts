import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { StreamEvent } from '@lachan/contracts';
import { ctxOf } from '../../http/auth-hook.ts';
import type { Platform } from '../../core/platform.ts';
import type { AuthService } from '../auth/auth.service.ts';
import type { OutboxEvent } from './outbox.repository.ts';
import { mayHear } from './audience.ts';

const HEARTBEAT_MS = 15_000;
const REPLAY_MAX = 10_000;

const frame = (e: OutboxEvent): string => {
  const body: StreamEvent = { id: e.id, type: e.type, at: e.createdAt.toISOString(), data: e.payload };
  return `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(body)}\n\n`;
};

/**
 * GET /api/v1/stream: Server-Sent Events of every change the caller may see. `Last-Event-ID` (or
 * `?lastEventId=`) replays what was missed, so a reconnecting console loses nothing.
 */
export function streamRoutes(app: FastifyInstance, platform: Platform, auth: AuthService): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get('/stream', { schema: { tags: ['events'], querystring: Type.Object({ lastEventId: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })) }) } }, async (req, reply) => {
    const ctx = ctxOf(req);
    const header = req.headers['last-event-id'];
    const asked = typeof header === 'string' && /^[0-9]{1,18}$/.test(header) ? header : req.query.lastEventId;
    // An id from the future (a restored or reset database) must not silence the stream.
    const lastId = asked && BigInt(asked) <= BigInt(platform.relay.cursor) ? asked : undefined;
    const res = reply.raw;
    reply.hijack();
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-request-id': req.id,
    });
    res.write('retry: 3000\n: connected\n\n');

    let sentUpTo = lastId ?? platform.relay.cursor;
    let replaying = true;
    const pending: OutboxEvent[] = [];
    const send = (events: OutboxEvent[]) => {
      for (const e of events) {
        if (BigInt(e.id) <= BigInt(sentUpTo) && !replaying) continue;
        if (mayHear(ctx, e.audience)) res.write(frame(e));
      }
      const last = events[events.length - 1];
      if (last && BigInt(last.id) > BigInt(sentUpTo)) sentUpTo = last.id;
    };
    const unsubscribe = platform.relay.subscribe((events) => (replaying ? pending.push(...events) : send(events)));
    const heartbeat = setInterval(async () => {
      // A session that ended (logout, disabled account) ends its stream too.
      if (req.sessionToken && !(await auth.fromSession(req.sessionToken).catch(() => null))) return res.end();
      res.write(': ping\n\n');
    }, HEARTBEAT_MS);
    heartbeat.unref();
    const close = () => {
      clearInterval(heartbeat);
      unsubscribe();
    };
    req.raw.on('close', close);

    try {
      if (lastId) {
        let cursor = lastId;
        for (let n = 0; n < REPLAY_MAX; ) {
          const missed = await platform.relay.readAfter(cursor);
          if (missed.length === 0) break;
          replaying = false;
          send(missed);
          replaying = true;
          cursor = missed[missed.length - 1]!.id;
          n += missed.length;
        }
      }
    } finally {
      replaying = false;
      send(pending.filter((e) => BigInt(e.id) > BigInt(sentUpTo)));
    }
  });
}
