/** How bench:forecast talks to the server and loads each sector's past: the history import, or ingest as an archive. */

const DAY_MS = 86_400_000;
const BATCH = 5_000;

/** An organisation as the directory lists it. */
export interface Org { id: string; name: string; sectors: string[] }

/** A signed-in administrator: JSON requests, and raw bodies (CSV, NDJSON). */
export interface Session {
  json(method: string, path: string, body?: unknown): Promise<Record<string, unknown>>;
  raw(method: string, path: string, body: string, contentType: string, bearer?: string): Promise<Record<string, unknown>>;
}

export async function session(url: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const send = async (method: string, path: string, body: string | undefined, contentType: string | undefined, bearer?: string) => {
    const r = await fetch(`${url}${path}`, {
      method,
      headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : { cookie, 'x-csrf-token': csrfToken }), ...(contentType ? { 'content-type': contentType } : {}) },
      ...(body !== undefined ? { body } : {}),
    });
    const out = (await r.json()) as Record<string, unknown>;
    if (!r.ok) throw new Error(`${method} ${path} answered ${r.status}: ${JSON.stringify(out).slice(0, 500)}`);
    return out;
  };
  return {
    json: (method, path, body) => send(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? undefined : 'application/json'),
    raw: (method, path, body, contentType, bearer) => send(method, path, body, contentType, bearer),
  };
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Loads each sector's daily counts (`days`, the last one `lastDay`) onto its carrier organisation:
 * one CSV import (a day already imported is replaced), or alerts through ingest as history, spread
 * over each day's hours, then waits until the statistics have counted them all.
 */
export async function backfill(api: Session, via: 'import' | 'ingest', carriers: Map<string, Org>, days: Map<string, number[]>, lastDay: number): Promise<void> {
  const dated = (counts: number[]) => counts.map((n, i) => ({ day: lastDay - (counts.length - 1 - i) * DAY_MS, n }));
  if (via === 'import') {
    const rows = [...days].flatMap(([sector, counts]) => dated(counts).map(({ day, n }) => `${dayOf(day)},${carriers.get(sector)!.id},${sector},${n}`));
    await api.raw('POST', '/api/v1/stats/history', ['day,org,sector,alerts', ...rows].join('\n'), 'text/csv');
    return;
  }
  let expected = 0;
  for (const [sector, counts] of days) {
    const org = carriers.get(sector)!;
    const { key } = (await api.json('POST', '/api/v1/api-keys', { name: `bench-forecast-${sector}`, orgId: org.id, role: 'connector' })) as { key: string };
    const lines = dated(counts).flatMap(({ day, n }) => Array.from({ length: n }, (_, k) => JSON.stringify({
      title: `forecast bench ${sector} ${dayOf(day)} #${k}`, time: new Date(day + Math.floor(((k + 0.5) / n) * DAY_MS)).toISOString(), severity: 'medium',
      rsit: { class: 'intrusion-attempts', type: 'brute-force' }, rule: { id: `fb-${k}` },
    })));
    expected += lines.length;
    for (let i = 0; i < lines.length; i += BATCH) await api.raw('POST', '/api/v1/ingest/lachan?history=true', lines.slice(i, i + BATCH).join('\n'), 'application/x-ndjson', key);
  }
  const from = dayOf(lastDay - ([...days.values()][0]!.length - 1) * DAY_MS);
  for (let i = 0; i < 600; i++) {
    const o = (await api.json('GET', `/api/v1/stats/overview?from=${from}&to=${dayOf(lastDay)}`)) as { totals: { alerts: number } };
    if (o.totals.alerts >= expected) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the statistics did not count the archive within five minutes');
}
