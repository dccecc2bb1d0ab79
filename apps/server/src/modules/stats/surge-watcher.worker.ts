import { sql } from 'kysely';
import type { SurgeSignal } from '@lachan/contracts';
import type { Platform } from '../../core/platform.ts';
import { PeriodicTask } from '../../core/periodic-task.ts';
import { systemContext } from '../../core/context.ts';
import { orgsRepository } from '../orgs/index.ts';
import type { ForecastService } from './forecast.service.ts';

const EVERY_MS = 3_600_000;

/** What another module does with a new surge (the warnings module proposes an early warning). */
export type SurgeListener = (signal: SurgeSignal & { id: string }) => Promise<void> | void;

/**
 * Looks for sectors whose activity left its usual range, every hour. Each signal is raised once: it is
 * stored with its evidence and announced to the national centre (`stats.surge`) in one transaction,
 * then handed to the listeners (an early-warning proposal).
 */
export class SurgeWatcher {
  #p: Platform;
  #forecasts: ForecastService;
  #listeners: SurgeListener[] = [];
  #task = new PeriodicTask(EVERY_MS, () => this.#pass());

  constructor(platform: Platform, forecasts: ForecastService) {
    this.#p = platform;
    this.#forecasts = forecasts;
  }

  onSurge(listener: SurgeListener): void {
    this.#listeners.push(listener);
  }

  start(): void {
    this.#task.start();
  }

  stop(): Promise<void> {
    return this.#task.stop();
  }

  /** One pass; returns the number of new signals raised. */
  run(): Promise<number> {
    return this.#task.run();
  }

  async #pass(): Promise<number> {
    const root = await orgsRepository.root(this.#p.db);
    if (!root) return 0;
    const signals = await this.#forecasts.surges(systemContext(root.id, 'surge watcher'), { groupBy: 'sector' });
    let raised = 0;
    for (const s of signals) {
      const id = await this.#p.db.transaction().execute(async (tx) => {
        const row = await sql<{ id: string }>`insert into stats_surges (group_by, key, kind, day, evidence) values (${s.groupBy}, ${s.key}, ${s.kind}, ${s.date}::date, ${JSON.stringify(s)}::jsonb)
          on conflict do nothing returning id`.execute(tx);
        const created = row.rows[0]?.id;
        if (created) {
          await sql`insert into outbox (type, audience, payload) values ('stats.surge', ${JSON.stringify({ exact: true, orgIds: [], national: true })}::jsonb, ${JSON.stringify({ id: created, ...s })}::jsonb)`.execute(tx);
        }
        return created;
      });
      if (!id) continue;
      raised++;
      for (const l of this.#listeners) await Promise.resolve(l({ id, ...s })).catch(() => {});
    }
    if (raised) this.#p.relay.wake();
    return raised;
  }
}
