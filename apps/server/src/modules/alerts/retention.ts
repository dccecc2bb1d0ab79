import type { Retention, RetentionPatch } from '@lachan/contracts';
import { recordChange, transact } from '../events/index.ts';
import type { RequestContext } from '../../core/context.ts';
import { forbidden } from '../../core/errors.ts';
import { PeriodicTask } from '../../common/periodic-task.ts';
import type { AlertsParts } from './alerts-parts.ts';
import { retentionRepository as repo, type RetentionRow } from './retention.repository.ts';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
const PARTITION = /^alerts_(\d{4})(\d{2})(\d{2})$/;

const present = (r: RetentionRow): Retention => ({ alertDays: r.alert_days, quarantineDays: r.quarantine_days, updatedAt: r.updated_at.toISOString(), updatedBy: r.updated_by });

/** The retention setting: the centre reads and sets it; each change is audited. */
export class RetentionService {
  #p: AlertsParts;
  constructor(parts: AlertsParts) {
    this.#p = parts;
  }

  #centreOnly(ctx: RequestContext): void {
    if (!ctx.scope.all || ctx.actor.role !== 'national_coordinator') throw forbidden('retention is the centre\'s');
  }

  async get(ctx: RequestContext): Promise<Retention> {
    this.#centreOnly(ctx);
    return present(await repo.settings(this.#p.db));
  }

  async set(ctx: RequestContext, patch: RetentionPatch): Promise<Retention> {
    this.#centreOnly(ctx);
    return transact(this.#p, async (tx) => {
      const before = present(await repo.settings(tx));
      await repo.setSettings(tx, { alertDays: patch.alertDays, quarantineDays: patch.quarantineDays, by: ctx.actor.name });
      const after = present(await repo.settings(tx));
      await recordChange(tx, ctx, { action: 'retention.update', entityType: 'retention', entityId: null, orgId: null, before, after: patch });
      return after;
    });
  }
}

/**
 * Applies retention every hour: alerts received before the cut-off day that no incident or campaign
 * holds are deleted, and a daily partition left empty is dropped whole; quarantined records past their
 * age are deleted. Idempotent; returns the rows removed.
 */
export class RetentionSweeper {
  #p: AlertsParts;
  readonly task = new PeriodicTask(HOUR_MS, () => this.#pass());
  constructor(parts: AlertsParts) {
    this.#p = parts;
  }

  async #pass(): Promise<number> {
    const db = this.#p.db;
    const s = await repo.settings(db);
    let removed = 0;
    if (s.alert_days !== null) {
      const cutoff = new Date(this.#p.now().getTime() - s.alert_days * DAY_MS).toISOString().slice(0, 10);
      removed += await repo.deleteAlertsBefore(db, cutoff);
      await this.#dropEmptyPartitions(cutoff);
    }
    if (s.quarantine_days !== null) {
      removed += await repo.deleteQuarantineBefore(db, new Date(this.#p.now().getTime() - s.quarantine_days * DAY_MS));
    }
    return removed;
  }

  /** Drops the daily partitions wholly before the cut-off that hold no row any more. */
  async #dropEmptyPartitions(cutoff: string): Promise<void> {
    for (const name of await repo.alertPartitions(this.#p.db)) {
      const m = PARTITION.exec(name);
      if (!m || `${m[1]}-${m[2]}-${m[3]}` >= cutoff) continue;
      await repo.dropIfEmpty(this.#p.db, name);
    }
  }
}
