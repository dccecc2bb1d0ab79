import { Worker } from 'node:worker_threads';
import type { ScriptStep, WorkerError, WorkerInit, WorkerRequest, WorkerResponse } from './pglite-protocol.ts';

type Pending = { resolve: (r: WorkerResponse & { ok: true }) => void; reject: (e: Error) => void };

/** An error raised by the embedded database, carrying the PostgreSQL SQLSTATE like `pg` does. */
export class DatabaseError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  constructor(e: WorkerError) {
    super(e.message);
    this.name = 'DatabaseError';
    Object.assign(this, { code: e.code, detail: e.detail, constraint: e.constraint, table: e.table });
  }
}

type Distribute<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Main-thread handle on the PGlite worker: every call is a message, answered in order. */
export class PgliteClient {
  #worker: Worker;
  #next = 1;
  #pending = new Map<number, Pending>();
  #ready: Promise<void>;

  private constructor(init: WorkerInit) {
    this.#worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), {
      workerData: init,
      transferList: init.loadDataDir ? [init.loadDataDir] : [],
    });
    this.#ready = new Promise((resolve, reject) => this.#pending.set(0, { resolve: () => resolve(), reject }));
    this.#worker.on('message', (res: WorkerResponse) => {
      const p = this.#pending.get(res.id);
      if (!p) return;
      this.#pending.delete(res.id);
      if (res.ok) p.resolve(res);
      else p.reject(new DatabaseError(res.error));
    });
    this.#worker.on('error', (err) => this.#failAll(err));
    this.#worker.on('exit', (code) => this.#failAll(new Error(`database worker exited (${code})`)));
  }

  /** Starts the worker and waits until the database is open. */
  static async open(init: WorkerInit): Promise<PgliteClient> {
    const client = new PgliteClient(init);
    await client.#ready;
    return client;
  }

  #failAll(err: Error): void {
    for (const p of this.#pending.values()) p.reject(err);
    this.#pending.clear();
  }

  #call(req: Distribute<WorkerRequest>, transfer: ArrayBuffer[] = []): Promise<WorkerResponse & { ok: true }> {
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.#worker.postMessage({ ...req, id }, transfer);
    });
  }

  async query<R>(sql: string, params: readonly unknown[] = []): Promise<{ rows: R[]; affectedRows: number }> {
    const res = await this.#call({ op: 'query', sql, params });
    return { rows: (res.rows ?? []) as R[], affectedRows: res.affectedRows ?? 0 };
  }

  /**
   * Runs statements one after the other in one message to the worker, so that the worker goes from one
   * to the next without waiting for this thread between them; the first error ends it (and rejects).
   */
  async script(steps: readonly { sql: string; params: readonly unknown[]; data?: Uint8Array }[]): Promise<{ rows: unknown[]; affectedRows: number }[]> {
    const transfer: ArrayBuffer[] = [];
    const sent: ScriptStep[] = steps.map(({ sql, params, data }) => {
      if (!data) return { sql, params };
      const blob = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
      transfer.push(blob);
      return { sql, params, blob };
    });
    const res = await this.#call({ op: 'script', steps: sent }, transfer);
    return res.results ?? [];
  }

  async exec(sql: string): Promise<void> {
    await this.#call({ op: 'exec', sql });
  }

  /** The whole data directory as a tarball (used to clone a migrated template in tests). */
  async dump(): Promise<ArrayBuffer> {
    const res = await this.#call({ op: 'dump' });
    return res.dump!;
  }

  async close(): Promise<void> {
    await this.#call({ op: 'close' });
    await this.#worker.terminate();
  }
}
