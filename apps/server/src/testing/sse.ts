import type { StreamEvent } from '@lachan/contracts';

/** A client of `GET /api/v1/stream`: every event it received, in order, a way to wait for one, and its end. */
export interface Listener {
  events: StreamEvent<{ id?: string; email?: string; role?: string }>[];
  until(match: (e: StreamEvent<{ id?: string; role?: string }>) => boolean, ms?: number): Promise<StreamEvent<{ id?: string; role?: string }>>;
  /** Resolves when the server ends the stream (not when `close` aborts it). */
  ended: Promise<void>;
  close(): void;
}

/** Opens the event stream at `base` with these headers (cookie or bearer) and reads it until it ends. */
export async function listenTo(base: string, headers: Record<string, string>, open: Set<AbortController>): Promise<Listener> {
  const controller = new AbortController();
  open.add(controller);
  const res = await fetch(`${base}/api/v1/stream`, { headers, signal: controller.signal });
  if (res.status !== 200 || !res.headers.get('content-type')?.startsWith('text/event-stream')) throw new Error(`stream refused: ${res.status}`);
  const events: Listener['events'] = [];
  const waiters = new Set<() => void>();
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let connected!: () => void;
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        const frames = buffer.split('\n\n');
        buffer = frames.pop()!;
        for (const frame of frames) {
          if (frame.includes(': connected')) connected();
          const data = frame.split('\n').find((l) => l.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)));
        }
        for (const w of waiters) w();
      }
    } catch {
      // aborted by `close`: never counts as the server ending it
      await new Promise(() => {});
    }
  })();
  await ready;
  return {
    events,
    ended,
    until(match, ms = 1000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${ms} ms; got ${events.map((e) => e.type).join(', ') || 'nothing'}`));
        }, ms);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
}

/** Resolves true when `p` settles within `ms`, false otherwise. */
export const within = (p: Promise<unknown>, ms: number): Promise<boolean> =>
  Promise.race([p.then(() => true, () => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
