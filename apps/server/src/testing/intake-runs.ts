import { randomUUID } from 'node:crypto';
import type { Caller } from './harness.ts';
import { ADMIN_PASSWORD, type RunningServer } from './server-process.ts';

/** Poll an intel intake run until it leaves `running`; its last state. */
export async function finishedRun(c: Caller, runId: string) {
  for (let i = 0; i < 400; i++) {
    const r = (await c.get(`/api/v1/intel/intake-runs/${runId}`)).json();
    if (r.status !== 'running') return r;
    await new Promise((ok) => setTimeout(ok, 25));
  }
  throw new Error('intake run did not finish');
}

/**
 * Start a bundle upload on a running server that stalls after its first 1000 objects, wait until
 * those are stored (the run is `running`), then SIGKILL the server: an intake run cut off by a
 * killed process. Returns the run's id once the process has exited.
 */
export async function killDuringUpload(server: RunningServer): Promise<string> {
  const login = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@lachan.local', password: ADMIN_PASSWORD }) });
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const headers = { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' };
  const objects = Array.from({ length: 1000 }, (_, i) => JSON.stringify({
    type: 'indicator', spec_version: '2.1', id: `indicator--${randomUUID()}`, created: '2026-01-10T03:04:05.000Z', modified: '2026-01-10T03:04:05.000Z',
    name: `cut off ${i}`, pattern: `[ipv4-addr:value = '203.0.113.${i % 250}']`, pattern_type: 'stix', valid_from: '2026-01-10T03:04:05.000Z',
  }));
  const head = new TextEncoder().encode(`{"type":"bundle","id":"bundle--${randomUUID()}","objects":[${objects.join(',')},`);
  const body = new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(head) });
  const upload = fetch(`${server.url}/api/v1/intel/bundles`, { method: 'POST', body, duplex: 'half', headers } as RequestInit).catch(() => null);
  let runId: string | undefined;
  for (let i = 0; i < 300 && !runId; i++) {
    const runs = (await (await fetch(`${server.url}/api/v1/intel/intake-runs`, { headers: { cookie } })).json()) as { items: Array<{ id: string; status: string; stored: number }> };
    runId = runs.items.find((r) => r.status === 'running' && r.stored === 1000)?.id;
    if (!runId) await new Promise((ok) => setTimeout(ok, 100));
  }
  if (!runId) throw new Error('the upload never became a running run with its first chunk stored');
  server.process.kill('SIGKILL');
  await new Promise((ok) => (server.process.exitCode !== null || server.process.signalCode ? ok(null) : server.process.once('exit', ok)));
  await upload;
  return runId;
}
