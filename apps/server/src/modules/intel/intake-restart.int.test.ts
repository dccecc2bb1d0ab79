import { afterAll, describe, expect, it } from 'vitest';
import { killDuringUpload } from '../../testing/intake-runs.ts';
import { ADMIN_PASSWORD, apiSession, startServer, type RunningServer } from '../../testing/server-process.ts';

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers.reverse()) await s.stop();
});

type Run = { id: string; status: string; stored: number; finishedAt: string | null; notes: Array<{ index: number; message: string }> };

describe('an intake run cut off by a killed server', () => {
  it('is marked interrupted, with a note, when the server starts again on the same database', { timeout: 240_000 }, async () => {
    const first = await startServer();
    servers.push(first);
    const runId = await killDuringUpload(first);

    const again = await startServer({ LACHAN_DATA_DIR: first.dataDir, ...(first.databaseUrl ? { DATABASE_URL: first.databaseUrl } : {}) });
    servers.push(again);
    const admin = await apiSession(again.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const res = await admin('GET', `/api/v1/intel/intake-runs/${runId}`);
    expect(res.status).toBe(200);
    const run = res.json as unknown as Run;
    expect(run).toMatchObject({ status: 'interrupted', stored: 1000 });
    expect(run.finishedAt).not.toBeNull();
    expect(run.notes.at(-1)?.message).toMatch(/^interrupted: the server process carrying this run ended/);
    const listed = (await admin('GET', '/api/v1/intel/intake-runs')).json.items as Run[];
    expect(listed.find((r) => r.id === runId)?.status).toBe('interrupted');
    expect(listed.some((r) => r.status === 'running')).toBe(false);
  });
});
