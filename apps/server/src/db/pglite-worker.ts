/**
 * Worker thread that owns the embedded PGlite instance, so that database work never blocks HTTP.
 * It answers RPC messages from `pglite-client.ts`; one request at a time, in arrival order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { WorkerRequest, WorkerResponse, WorkerInit } from './pglite-protocol.ts';
import { parseTimestamptz, serializeTimestamp } from './pg-timestamp.ts';

const init = workerData as WorkerInit;
const port = parentPort!;

// int8 stays a string (as with `pg`), so ids of bigserial columns never lose precision; instants of
// every year both ways (pg-timestamp.ts).
const parsers = { [types.INT8]: (value: string) => value, [types.TIMESTAMPTZ]: parseTimestamptz };
const serializers = { [types.TIMESTAMPTZ]: serializeTimestamp };
// Contrib extensions the migrations create (trigram search of incidents).
const extensions = { pg_trgm };

/** Opens the data directory; a first initialisation happens in `<dir>.tmp` and is renamed into place. */
async function open(): Promise<PGlite> {
  if (init.dataDir === null) {
    return PGlite.create({ parsers, serializers, extensions, ...(init.loadDataDir ? { loadDataDir: new Blob([init.loadDataDir]) } : {}) });
  }
  if (!existsSync(`${init.dataDir}/PG_VERSION`)) {
    const tmp = `${init.dataDir}.tmp`;
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp, { recursive: true });
    const fresh = await PGlite.create({ dataDir: tmp, parsers, serializers, extensions, ...(init.loadDataDir ? { loadDataDir: new Blob([init.loadDataDir]) } : {}) });
    await fresh.close();
    await rm(init.dataDir, { recursive: true, force: true });
    await rename(tmp, init.dataDir);
  }
  return PGlite.create({ dataDir: init.dataDir, parsers, serializers, extensions });
}

/**
 * New WAL segments are not zero-filled first: PGlite writes files through Node calls, where filling 16 MB
 * of zeros per segment cost a tenth of ingest time. Durability is unchanged (the WAL is still written
 * and flushed record by record); this is the setting PostgreSQL offers for file systems like this one.
 */
async function tune(db: PGlite): Promise<PGlite> {
  await db.exec('set wal_init_zero = off');
  return db;
}

const dbPromise = open().then(tune);
dbPromise.then(
  () => port.postMessage({ id: 0, ok: true } satisfies WorkerResponse),
  (err: unknown) => port.postMessage({ id: 0, ok: false, error: describe(err) } satisfies WorkerResponse),
);

function describe(err: unknown): WorkerResponse & { ok: false } extends { error: infer E } ? E : never {
  const e = err as { message?: string; code?: string; detail?: string; constraint?: string; table?: string };
  return { message: e?.message ?? String(err), code: e?.code, detail: e?.detail, constraint: e?.constraint, table: e?.table };
}

let queue: Promise<void> = Promise.resolve();
port.on('message', (req: WorkerRequest) => {
  queue = queue.then(() => handle(req));
});

async function handle(req: WorkerRequest): Promise<void> {
  try {
    const db = await dbPromise;
    switch (req.op) {
      case 'query': {
        const res = await db.query(req.sql, req.params as unknown[]);
        port.postMessage({ id: req.id, ok: true, rows: res.rows as unknown[], affectedRows: res.affectedRows ?? 0 } satisfies WorkerResponse);
        return;
      }
      case 'script': {
        const results: { rows: unknown[]; affectedRows: number }[] = [];
        for (const step of req.steps) {
          const res = await db.query(step.sql, step.params as unknown[], step.blob ? { blob: new Blob([step.blob]) } : undefined);
          results.push({ rows: res.rows as unknown[], affectedRows: res.affectedRows ?? 0 });
        }
        port.postMessage({ id: req.id, ok: true, results } satisfies WorkerResponse);
        return;
      }
      case 'exec': {
        await db.exec(req.sql);
        port.postMessage({ id: req.id, ok: true } satisfies WorkerResponse);
        return;
      }
      case 'dump': {
        const blob = (await db.dumpDataDir('none')) as Blob;
        const buf = await blob.arrayBuffer();
        port.postMessage({ id: req.id, ok: true, dump: buf } satisfies WorkerResponse, [buf]);
        return;
      }
      case 'close': {
        await db.close();
        port.postMessage({ id: req.id, ok: true } satisfies WorkerResponse);
        return;
      }
    }
  } catch (err) {
    port.postMessage({ id: req.id, ok: false, error: describe(err) } satisfies WorkerResponse);
  }
}
