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

/** Rounds a worker may stay without a leader before a node at its share takes it anyway. */
const STARVED_ROUNDS = 3;
/** Rounds a lead is kept at least before it may be given up for balance (no back-and-forth while nodes start). */
const KEEP_ROUNDS = 3;

type Slot = { job: LeaderJob; held: boolean; moving: Promise<void>; since: number };

/**
 * How many leads this node should take or give up, holding `held` of `workers` while `liveNodes` nodes
 * compete: each aims at its share, ceil(workers / live nodes), so that the nodes' shares cover every
 * worker; one holding more gives one up per round (another node takes it in its next round). Workers
 * nobody has taken for `starvedRounds` rounds are taken whatever the share (a node counted live that
 * takes nothing, e.g. one still starting).
 */
export function leadMove(held: number, workers: number, liveNodes: number, free: number, starvedRounds: number): { take: number; release: number } {
  const share = Math.ceil(workers / Math.max(1, liveNodes));
  if (held > share) return { take: 0, release: 1 };
  if (held < share) return { take: share - held, release: 0 };
  return { take: free > 0 && starvedRounds >= STARVED_ROUNDS ? 1 : 0, release: 0 };
}

/** Live nodes (one leadership session each) and leads taken, in this database. */
const PRESENCE_SQL = `select (select count(*) from pg_stat_activity where datname = current_database() and application_name like 'lachan-lead:%')::int as live,
  (select count(*) from pg_locks where locktype = 'advisory' and classid = ${LEAD_CLASS} and granted
    and database = (select oid from pg_database where datname = current_database()))::int as taken`;

/**
 * Leadership by PostgreSQL session advisory locks on one dedicated connection: a node leads a worker
 * while its connection holds `pg_try_advisory_lock(LEAD_CLASS, hashtext(name))`. When the node dies,
 * its connection closes and PostgreSQL releases the lock; another node, trying every `checkMs`, takes it
 * and starts the worker (which resumes from its durable cursor). When the connection is lost, this node
 * stops the workers it led at once, since another node may now lead them. Leads are spread: the live
 * nodes are the leadership sessions in `pg_stat_activity`, and each node takes no more than its share
 * (`leadMove`), giving up one lead per round while it holds more (a node that joins gets its share).
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
  #starved = 0;

  constructor(connect: () => pg.Client, opts: { checkMs: number; log?: (line: string) => void }) {
    this.#connect = connect;
    this.#checkMs = opts.checkMs;
    this.#log = opts.log ?? (() => {});
  }

  /** Registers the job and tries for its lead at once; later tries run every `checkMs`. */
  async run(name: string, job: LeaderJob): Promise<void> {
    this.#slots.set(name, { job, held: false, moving: Promise.resolve(), since: 0 });
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
      // Also proves the session alive: a lost one ends its leads.
      const { live, taken } = (await client.query<{ live: number; taken: number }>(PRESENCE_SQL)).rows[0]!;
      const held = this.held().length;
      const free = Math.max(0, this.#slots.size - taken);
      this.#starved = free > 0 ? this.#starved + 1 : 0;
      let { take, release } = leadMove(held, this.#slots.size, live, free, this.#starved);
      const now = Date.now();
      for (const [name, slot] of [...this.#slots].reverse()) {
        if (release <= 0 || this.#stopped) break;
        if (!slot.held || now - slot.since < KEEP_ROUNDS * this.#checkMs) continue;
        release--;
        this.#log(`gives up ${name} (holds ${held} of ${this.#slots.size} leads, ${live} nodes)`);
        await this.#release(slot);
        await client.query('select pg_advisory_unlock($1, hashtext($2))', [LEAD_CLASS, `lachan.worker.${name}`]);
      }
      // Every lead of the round is taken before any worker starts: a worker slow to start (catching up
      // after a failover, under load) must not hold back the next lead.
      const starting: Promise<void>[] = [];
      for (const [name, slot] of this.#slots) {
        if (take <= 0 || slot.held || this.#stopped) continue;
        const r = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1, hashtext($2)) as ok', [LEAD_CLASS, `lachan.worker.${name}`]);
        if (!r.rows[0]?.ok) continue;
        take--;
        this.#starved = 0;
        slot.held = true;
        slot.since = now;
        this.#log(`leads ${name}`);
        slot.moving = slot.moving.then(() => slot.job.start()).catch((err: unknown) => this.#log(`${name} failed to start: ${(err as Error).message}`));
        starting.push(slot.moving);
      }
      await Promise.all(starting);
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
