import pg from 'pg';

/** A background worker that exactly one node of the cluster runs at a time. */
export interface LeaderJob {
  start(): Promise<void> | void;
  stop(): Promise<void> | void;
}

/** Who runs which worker: this process, for the workers whose lead it holds. */
export interface Leadership {
  /** Runs `job` on this node while it holds the lead of `name` (at once on a single node). */
  run(name: string, job: LeaderJob): Promise<void>;
  /** The workers this node leads now. */
  held(): string[];
  /** Stops every job this node runs and gives their lead up. */
  stop(): Promise<void>;
}

/** One process owns its database (the embedded engine, whose data directory is locked): it leads every worker. */
export class SoleLeadership implements Leadership {
  #jobs = new Map<string, LeaderJob>();

  async run(name: string, job: LeaderJob): Promise<void> {
    this.#jobs.set(name, job);
    await job.start();
  }

  held(): string[] {
    return [...this.#jobs.keys()];
  }

  async stop(): Promise<void> {
    for (const job of [...this.#jobs.values()].reverse()) await job.stop();
    this.#jobs.clear();
  }
}

/** First key of every worker lead (`LC`): apart from the single-key transaction locks of the batch consumers. */
const LEAD_CLASS = 0x4c43;
const CONNECT_TIMEOUT_MS = 5_000;

type Slot = { job: LeaderJob; held: boolean; moving: Promise<void> };

/**
 * Leadership by PostgreSQL session advisory locks on one dedicated connection: a node leads a worker
 * while its connection holds `pg_try_advisory_lock(LEAD_CLASS, hashtext(name))`. When the node dies,
 * its connection closes and PostgreSQL releases the lock; another node, trying every `checkMs`, takes it
 * and starts the worker (which resumes from its durable cursor). When the connection is lost, this node
 * stops the workers it led at once, since another node may now lead them.
 */
export class AdvisoryLeadership implements Leadership {
  #connect: () => pg.Client;
  #checkMs: number;
  #log: (line: string) => void;
  #client: pg.Client | null = null;
  #slots = new Map<string, Slot>();
  #timer: NodeJS.Timeout | null = null;
  #round: Promise<void> | null = null;
  #stopped = false;

  constructor(connect: () => pg.Client, opts: { checkMs: number; log?: (line: string) => void }) {
    this.#connect = connect;
    this.#checkMs = opts.checkMs;
    this.#log = opts.log ?? (() => {});
  }

  /** Registers the job and tries for its lead at once; later tries run every `checkMs`. */
  async run(name: string, job: LeaderJob): Promise<void> {
    this.#slots.set(name, { job, held: false, moving: Promise.resolve() });
    this.#timer ??= setInterval(() => void this.check(), this.#checkMs);
    this.#timer.unref();
    await this.check();
  }

  held(): string[] {
    return [...this.#slots].filter(([, s]) => s.held).map(([n]) => n);
  }

  /** One round: takes the lead of every worker nobody holds (also reconnects after a loss). */
  check(): Promise<void> {
    this.#round ??= this.#try().finally(() => (this.#round = null));
    return this.#round;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    await this.#round?.catch(() => {});
    for (const [, slot] of [...this.#slots].reverse()) await this.#release(slot);
    const client = this.#client;
    this.#client = null;
    // Ending the session gives up every lead it held.
    await client?.end().catch(() => {});
  }

  async #try(): Promise<void> {
    if (this.#stopped) return;
    try {
      const client = this.#client ?? (await this.#open());
      for (const [name, slot] of this.#slots) {
        if (slot.held || this.#stopped) continue;
        const r = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as ok', [LEAD_CLASS, `lachan.worker.${name}`]);
        if (!r.rows[0]?.ok) continue;
        slot.held = true;
        this.#log(`leads ${name}`);
        slot.moving = slot.moving.then(() => slot.job.start()).catch((err: unknown) => this.#log(`${name} failed to start: ${(err as Error).message}`));
        await slot.moving;
      }
      // A node that holds every lead still checks its session is alive: a lost one ends its leads.
      if (this.held().length === this.#slots.size) await client.query('select 1');
    } catch (err) {
      this.#lost(err as Error);
    }
  }

  async #open(): Promise<pg.Client> {
    const client = this.#connect();
    client.on('error', (err) => this.#lost(err));
    client.on('end', () => this.#lost(new Error('connection ended')));
    await client.connect();
    this.#client = client;
    return client;
  }

  /** The session is gone, and with it every lead: stop the workers, another node takes them. */
  #lost(err: Error): void {
    if (this.#stopped || !this.#client) return;
    this.#log(`leadership connection lost (${err.message}); stopping led workers`);
    const client = this.#client;
    this.#client = null;
    void client.end().catch(() => {});
    for (const slot of this.#slots.values()) void this.#release(slot);
  }

  async #release(slot: Slot): Promise<void> {
    if (!slot.held) return slot.moving;
    slot.held = false;
    slot.moving = slot.moving.then(() => slot.job.stop()).catch(() => {});
    await slot.moving;
  }
}

/**
 * A dedicated connection to the pool's database, for leadership (never one of the pool's), named
 * `lachan-lead:<node>` in `pg_stat_activity`, so an operator (and the cluster tests) see who leads what.
 */
export function dedicatedConnection(pool: pg.Pool, nodeName = 'node'): () => pg.Client {
  return () => new pg.Client({ ...pool.options, application_name: `lachan-lead:${nodeName}`.slice(0, 63), connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
}

/** Which node leads each worker now (from the database's locks): worker lock key -> node name. */
export const LEADS_SQL = `select a.application_name as node, l.objid::int as key from pg_locks l join pg_stat_activity a on a.pid = l.pid
  where l.locktype = 'advisory' and l.classid = ${LEAD_CLASS} and l.granted and l.database = (select oid from pg_database where datname = current_database())`;
