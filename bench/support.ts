/** What every benchmark shares: where PostgreSQL is, whether it answers, and percentiles. */
import { connect } from 'node:net';
import { readdirSync, readFileSync } from 'node:fs';

/** The PostgreSQL server of this machine (trust auth); benchmarks make their own scratch databases on it. */
export const PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** Whether a PostgreSQL server answers on 127.0.0.1:5432. */
export const pgUp = () => new Promise<boolean>((resolve) => {
  const s = connect(5432, '127.0.0.1', () => (s.end(), resolve(true)));
  s.on('error', () => resolve(false));
});

/** The p-quantile (0..1) of the values, nearest rank. */
export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

/**
 * The engines a benchmark runs on for `--engine pglite|postgres|both`: with `both`, PostgreSQL only
 * when it answers (saying so when it does not).
 */
export async function enginesFor(choice: string): Promise<('pglite' | 'postgres')[]> {
  if (choice !== 'both') return [choice as 'pglite' | 'postgres'];
  if (await pgUp()) return ['pglite', 'postgres'];
  console.log('PostgreSQL not reachable on 127.0.0.1:5432: embedded engine only');
  return ['pglite'];
}

/** CPU seconds (user + system) each process has used so far, from Linux's /proc (empty elsewhere). */
export function cpuSnapshot(pids: number[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const pid of pids) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in ticks of 1/100 s.
      const rest = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      out.set(pid, (Number(rest[11]) + Number(rest[12])) / 100);
    } catch {
      /* gone, or not Linux */
    }
  }
  return out;
}

/**
 * CPU seconds used by a changing set of processes from `start` on, sampled every `everyMs`: a process
 * that ends in between (a pooled connection closed when idle, an autovacuum worker) keeps what it had
 * used when last seen, instead of vanishing from the sum as it would between two snapshots.
 */
export class CpuTracker {
  #pids: () => number[];
  #first = new Map<number, number>();
  #last = new Map<number, number>();
  #timer: NodeJS.Timeout | null = null;

  constructor(pids: () => number[], everyMs = 200) {
    this.#pids = pids;
    this.#first = cpuSnapshot(pids());
    this.sample();
    this.#timer = setInterval(() => this.sample(), everyMs);
  }

  sample(): void {
    for (const [pid, s] of cpuSnapshot(this.#pids())) this.#last.set(pid, s);
  }

  /** CPU seconds used so far (a process that appeared after the start counts from zero). */
  used(): number {
    this.sample();
    return [...this.#last].reduce((sum, [pid, s]) => sum + s - (this.#first.get(pid) ?? 0), 0);
  }

  stop(): number {
    if (this.#timer) clearInterval(this.#timer);
    return this.used();
  }
}

/** CPU seconds used between two snapshots (a process that appeared in between counts from zero). */
export const cpuUsedBetween = (before: Map<number, number>, after: Map<number, number>) =>
  [...after].reduce((sum, [pid, s]) => sum + s - (before.get(pid) ?? 0), 0);

/**
 * What a PostgreSQL process works for, from its title: the database a backend or autovacuum worker
 * serves, or null for the server's shared processes (postmaster, WAL writer, checkpointer, ...).
 */
export function postgresDatabaseOf(title: string): string | null {
  if (!title.startsWith('postgres: ')) return null;
  // `postgres: [cluster name: ]user database host(port) state` or `postgres: [cluster name: ]autovacuum worker database`.
  const rest = title.slice('postgres: '.length).replace(/^\S+: /, '').trim().split(/\s+/);
  if (rest[0] === 'autovacuum' && rest[1] === 'worker') return rest[2] ?? null;
  const shared = ['checkpointer', 'background', 'walwriter', 'autovacuum', 'logical', 'stats', 'archiver', 'walsender', 'walreceiver', 'startup'];
  return shared.includes(rest[0]!) ? null : (rest[1] ?? null);
}

/**
 * The PostgreSQL server's processes on this machine (postmaster and backends), from /proc. With
 * `database`, only the shared processes and those working for that database: the machine's PostgreSQL
 * is shared (tests and other benchmarks run on it), and their backends' CPU is not this benchmark's.
 */
export function postgresPids(database?: string): number[] {
  try {
    return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number).filter((pid) => {
      try {
        if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') return false;
        if (database === undefined) return true;
        const db = postgresDatabaseOf(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim());
        return db === null || db === database;
      } catch {
        return false;
      }
    });
  } catch {
    return [];
  }
}
