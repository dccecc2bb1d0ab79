import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { StreamEvent } from '@lachan/contracts';
import { ctxOf } from '../../http/request-context.ts';
import type { Actor, RequestContext } from '../../core/context.ts';
import type { OutboxEvent } from './outbox.repository.ts';
import { mayHear } from './audience.ts';
import type { ConsoleEvents } from './console-events.ts';

/** The credential the authentication hook set on the request (what it holds is the auth module's business). */
export type FollowedCredential = NonNullable<FastifyRequest['credential']>;

/** What the stream asks of the authentication module about the credential it follows (the composition root hands it in). */
export interface CredentialFollower {
  /** Whether an event is a credential signal: never sent to consoles. */
  isSignal(e: OutboxEvent): boolean;
  /** Whether a credential signal may change what this credential is worth. */
  concerns(credential: FollowedCredential, e: OutboxEvent): boolean;
  /** The caller's context rebuilt from its credential as it stands now, or null when it no longer works. */
  contextNow(credential: FollowedCredential, previous: RequestContext): Promise<RequestContext | null>;
  /** Whether two actors are the same principal with the same role in the same organisation. */
  sameStanding(a: Actor, b: Actor): boolean;
}

/** What the event stream is built from: what consoles hear, and the follower of the caller's credential. */
export interface StreamParts {
  consoleEvents: ConsoleEvents;
  follower: CredentialFollower;
}

/** Comment frames keep proxies from closing an idle stream; each also re-checks the credential (expiry, missed signals). */
const HEARTBEAT_MS = 15_000;
const REPLAY_MAX = 10_000;
/**
 * Bound on what waits in one stream's socket buffer: a console that stops reading while connected is cut
 * off past it (its EventSource reconnects with Last-Event-ID and the outbox replays what it missed).
 */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

const frame = (e: OutboxEvent): string => {
  const body: StreamEvent = { id: e.id, type: e.type, at: e.createdAt.toISOString(), data: e.payload };
  return `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(body)}\n\n`;
};
/** Tells the console its role or organisation changed (no `id:` line: the replay position does not move). */
const accessFrame = (at: string, ctx: RequestContext): string => {
  const body: StreamEvent = { id: at, type: 'access.changed', at: new Date().toISOString(), data: { role: ctx.actor.role, orgId: ctx.actor.orgId } };
  return `event: access.changed\ndata: ${JSON.stringify(body)}\n\n`;
};

/**
 * GET /api/v1/stream: Server-Sent Events of every change the caller may see. `Last-Event-ID` (or
 * `?lastEventId=`) replays what was missed, so a reconnecting console loses nothing. The stream follows
 * its credential: when the database signals a change to it (`credentials.changed`), delivery pauses at
 * that point until the credential is checked again; a revoked key, a disabled account or an ended session
 * ends the stream, a new role or organisation re-scopes it (`access.changed`), so nothing after the change
 * reaches the caller under the old rights.
 */
export function streamRoutes(app: FastifyInstance, { consoleEvents, follower }: StreamParts): void {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const querystring = Type.Object({ lastEventId: Type.Optional(Type.String({ pattern: '^[0-9]{1,18}$' })) });
  r.get('/stream', { config: { followsCredential: true }, schema: { tags: ['events'], querystring } }, async (req, reply) => {
    let ctx = ctxOf(req);
    const credential = req.credential!;
    const header = req.headers['last-event-id'];
    const asked = typeof header === 'string' && /^[0-9]{1,18}$/.test(header) ? header : req.query.lastEventId;
    // An id from the future (a restored or reset database) must not silence the stream.
    const lastId = asked && BigInt(asked) <= BigInt(consoleEvents.cursor) ? asked : undefined;
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

    let sentUpTo = lastId ?? consoleEvents.cursor;
    let ended = false;
    const queue: OutboxEvent[] = [];
    let held: OutboxEvent[] | null = [];
    let draining = false;

    /** Checks the credential again: false when the stream ended; re-scoped (and told) when its standing changed. */
    const recheck = async (position: string): Promise<boolean> => {
      const now = await follower.contextNow(credential, ctx).catch(() => ctx);
      if (ended) return false;
      if (!now) {
        finish();
        res.end();
        return false;
      }
      const changed = !follower.sameStanding(now.actor, ctx.actor);
      ctx = now;
      if (changed) res.write(accessFrame(position, ctx));
      return true;
    };
    /** Sends queued events in order; stops at a signal about this credential until it was checked again. */
    const drain = async (): Promise<void> => {
      if (draining) return;
      draining = true;
      try {
        while (queue.length && !ended) {
          const e = queue.shift()!;
          if (BigInt(e.id) <= BigInt(sentUpTo)) continue;
          sentUpTo = e.id;
          if (follower.isSignal(e)) {
            if (follower.concerns(credential, e) && !(await recheck(e.id))) return;
          } else if (mayHear(ctx, e.audience)) res.write(frame(e));
          if (res.writableLength > MAX_BUFFERED_BYTES) {
            finish();
            res.destroy();
            return;
          }
        }
      } finally {
        draining = false;
      }
    };
    // Live events wait in `held` while missed ones are replayed.
    const unsubscribe = consoleEvents.subscribe((events) => {
      if (held) return void held.push(...events);
      queue.push(...events);
      void drain();
    });
    const heartbeat = setInterval(async () => {
      if (await recheck(sentUpTo)) res.write(': ping\n\n');
    }, HEARTBEAT_MS);
    heartbeat.unref();
    const finish = () => {
      ended = true;
      clearInterval(heartbeat);
      unsubscribe();
    };
    req.raw.on('close', finish);

    try {
      if (lastId) {
        let cursor = lastId;
        for (let n = 0; n < REPLAY_MAX && !ended; ) {
          const missed = await consoleEvents.readAfter(cursor);
          if (missed.length === 0) break;
          queue.push(...missed);
          await drain();
          cursor = missed[missed.length - 1]!.id;
          n += missed.length;
        }
      }
    } finally {
      queue.push(...held);
      held = null;
      void drain();
    }
  });
}
