/** What every benchmark shares: where PostgreSQL is, whether it answers, and percentiles. */
import { connect } from 'node:net';

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
