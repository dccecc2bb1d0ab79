import { systemContext } from '../../core/context.ts';
import { recordChange, transact, outboxRepository } from '../events/index.ts';
import type { Platform } from '../../platform.types.ts';
import { tagPromotedExerciseIncidents } from '../incidents/index.ts';
import { exerciseClock } from './exercise-clock.ts';
import { exercisesRepository as runs, type ExerciseRow } from './exercises.repository.ts';
import { deliveriesRepository as deliveries } from './deliveries.repository.ts';
import { findMet } from './expectation-checks.repository.ts';
import type { InjectDelivery } from './inject-delivery.ts';

const TICK_MS = 100;
const SWEEP_MS = 1000;

/**
 * Drives running exercises: starts those whose time came, delivers each inject when scenario time
 * reaches it, and scores expectations from what teams did, at once after any platform event (and at
 * least every second), so the scoreboard follows the teams within a second.
 */
export class ExerciseRunner {
  #p: Platform;
  #delivery: InjectDelivery;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #dirty = true;
  #lastSweep = 0;
  #unsubscribe: (() => void) | null = null;

  constructor(platform: Platform, delivery: InjectDelivery) {
    this.#p = platform;
    this.#delivery = delivery;
  }

  start(): void {
    this.#unsubscribe = this.#p.relay.subscribe((events) => {
      // A team acted somewhere (not the runner's own deliveries nor alert batches): score at once.
      if (events.some((e) => !e.type.startsWith('exercise.') && !e.type.startsWith('alerts.'))) this.#dirty = true;
    });
    this.#timer = setInterval(() => void this.tick(), TICK_MS);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#unsubscribe?.();
    await this.#running;
  }

  /** One round (one at a time): due starts, due injects, scoring. */
  tick(): Promise<void> {
    if (this.#running) return this.#running;
    this.#running = this.#round().catch((err) => { if (this.#p.config.exerciseDebug) console.error(err); }).finally(() => (this.#running = null));
    return this.#running;
  }

  async #round(): Promise<void> {
    const now = this.#p.now();
    const live = await runs.live(this.#p.db, now);
    if (!live.length) return;
    for (const e of live) {
      if (e.status === 'scheduled') await this.#startScheduled(e, now);
    }
    const running = (await runs.live(this.#p.db, now)).filter((e) => e.status === 'running');
    if (this.#dirty || Date.now() - this.#lastSweep >= SWEEP_MS) await this.#scoreNow(running);
    for (const e of running) await this.#deliverDue(e);
    if (this.#dirty) await this.#scoreNow(running);
    for (const e of running) {
      if (exerciseClock.elapsedAt(e.clock, this.#p.now()) >= e.document.durationMinutes * 60_000) await this.#endByClock(e);
    }
  }

  async #startScheduled(e: ExerciseRow, now: Date): Promise<void> {
    const clock = exerciseClock.change(e.clock, now, { running: true, speed: Number(e.speed) });
    await transact(this.#p, async (tx) => {
      await runs.setClock(tx, e.id, { status: 'running', speed: Number(e.speed), clock, startedAt: now });
      await recordChange(tx, systemContext(e.organiser_org_id, 'exercise'), {
        action: 'exercise.start', entityType: 'exercise', entityId: e.id, orgId: e.organiser_org_id, after: { scheduled: true },
        event: { type: 'exercise.changed', audience: { orgIds: [e.organiser_org_id, ...e.teams.map((t) => t.orgId)] }, data: { id: e.id, status: 'running' } },
      });
    });
  }

  async #deliverDue(e: ExerciseRow): Promise<void> {
    const elapsed = exerciseClock.elapsedAt(e.clock, this.#p.now());
    const due = await runs.due(this.#p.db, e.id, elapsed);
    // One inject reaches all its teams (in one go) before the next one starts.
    for (let i = 0; i < due.length;) {
      const first = due[i]!;
      const teams: string[] = [];
      while (i < due.length && due[i]!.key === first.key) teams.push(due[i++]!.team_org_id);
      const dueAt = exerciseClock.wallAt(e.clock, first.offset_ms) ?? this.#p.now();
      await this.#delivery.deliver(e, first.inject, first.offset_ms, teams, new Date(Math.max(dueAt.getTime(), Date.parse(e.clock.at(-1)!.at))));
      if (this.#dirty) await this.#scoreNow([e]);
    }
  }

  async #scoreNow(running: readonly ExerciseRow[]): Promise<void> {
    this.#dirty = false;
    this.#lastSweep = Date.now();
    await this.score(running);
  }

  /** Scores open expectations of the runs from the platform's records; tells the white team when anything moved. */
  async score(running: readonly ExerciseRow[]): Promise<void> {
    if (!running.length) return;
    const found = await findMet(this.#p.db, running.map((e) => e.id));
    const byId = new Map(running.map((e) => [e.id, e]));
    const changed = new Set<string>();
    const open = new Map((await Promise.all(running.map(async (e) => (await deliveries.expectations(this.#p.db, e.id, null)).map((x) => [`${e.id}|${x.team_org_id}|${x.inject_key}|${x.expectation_key}`, x] as const)))).flat());
    const now = this.#p.now();
    await transact(this.#p, async (tx) => {
      for (const e of running) await tagPromotedExerciseIncidents(tx, e.id);
      for (const f of found) {
        const e = byId.get(f.exercise_id)!;
        const x = open.get(`${f.exercise_id}|${f.team_org_id}|${f.inject_key}|${f.expectation_key}`);
        if (!x) continue;
        const took = Math.max(0, exerciseClock.elapsedAt(e.clock, new Date(f.met_at)) - Number(x.offset_ms));
        const inTime = took <= Number(x.within_ms);
        await deliveries.settle(tx, e.id, { team: f.team_org_id, inject: f.inject_key, expectation: f.expectation_key, status: inTime ? 'met' : 'late', metAt: new Date(f.met_at), tookMs: Math.round(took), awarded: inTime ? x.points : 0 });
        changed.add(e.id);
      }
      for (const e of running) {
        if ((await deliveries.missPast(tx, e.id, exerciseClock.elapsedAt(e.clock, now))) > 0) changed.add(e.id);
      }
      for (const id of changed) await outboxRepository.insert(tx, 'exercise.scoreboard', { orgIds: [byId.get(id)!.organiser_org_id], manage: true }, { id });
    });
  }

  async #endByClock(e: ExerciseRow): Promise<void> {
    const now = this.#p.now();
    const clock = exerciseClock.change(e.clock, now, { running: false, speed: Number(e.speed) });
    await transact(this.#p, async (tx) => {
      await runs.setClock(tx, e.id, { status: 'ended', speed: Number(e.speed), clock, endedAt: now });
      await deliveries.missAll(tx, e.id);
      await recordChange(tx, systemContext(e.organiser_org_id, 'exercise'), {
        action: 'exercise.end', entityType: 'exercise', entityId: e.id, orgId: e.organiser_org_id, after: { byClock: true },
        event: { type: 'exercise.changed', audience: { orgIds: [e.organiser_org_id, ...e.teams.map((t) => t.orgId)] }, data: { id: e.id, status: 'ended' } },
      });
    });
  }
}
