import type { Answer, CallerName, Req } from './spec.ts';
import type { World } from './world.ts';

let base: Promise<string> | undefined;

/** The app listening on 127.0.0.1 (once): the event stream is read over the network, as a console reads it. */
function listening(w: World): Promise<string> {
  base ??= w.t.app.listen({ port: 0, host: '127.0.0.1' }).then(() => {
    const address = w.t.app.server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  return base;
}

/**
 * Opens the event stream as `who`, replaying from before the world was built, makes a directory change
 * every caller hears, and reads until that change arrives: the answer's body is every frame received.
 */
export async function askStream(w: World, who: CallerName, req: Req): Promise<Answer> {
  const url = `${await listening(w)}${req.url}`;
  const auth = Object.fromEntries(Object.entries((req.caller ?? w.callers[who]).auth).filter(([name]) => name !== 'x-csrf-token'));
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 10_000);
  try {
    const res = await fetch(url, { headers: auth, signal: controller.signal });
    const headers = Object.fromEntries(res.headers);
    if (res.status !== 200) return { statusCode: res.status, body: await res.text(), headers };
    const sentinel = await w.alerts.freshUnit();
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let body = '';
    let changed = false;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      body += decoder.decode(value, { stream: true });
      if (!changed && body.includes(': connected')) {
        changed = true;
        await w.t.admin.patch(`/api/v1/orgs/${sentinel}`, { website: 'https://sentinel.example.vn' });
        await w.t.platform.relay.flush();
      }
      if (body.split('\n\n').some((f) => f.includes('event: org.updated') && f.includes(sentinel))) break;
    }
    return { statusCode: res.status, body, headers };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
