import { systemContext } from '../../core/context.ts';
import { withDbPriority } from '../../db/index.ts';
import { recordChange, transact, outboxRepository } from '../events/index.ts';
import type { ExercisesParts } from './exercises-parts.ts';
import { tagPromotedExerciseIncidents } from '../incidents/index.ts';
import { exerciseClock } from './exercise-clock.ts';
import { exercisesRepository as runs, type ExerciseRow } from './exercises.repository.ts';
import { deliveriesRepository as deliveries } from './deliveries.repository.ts';
import { findMet } from './expectation-checks.repository.ts';
import type { DueInject, InjectDelivery } from './inject-delivery.ts';

/** The longest the runner sleeps: scheduled starts, expectations running out, other processes' changes. */
const SWEEP_MS = 1000;

/**
 * Drives running exercises. Injects are scheduled by timers aligned to their due instants (the next
 * one of every running run, with a catch-up of whatever is overdue at start, resume or restart), and
 * every group due together reaches all its teams in one batch. Scoring follows the platform's events:
 * the teams named by an event are checked at once, for their open expectations only; a sweep every
 * second starts scheduled runs, marks expectations whose time ran out and checks everything else.
 * Delivery and scoring are time-critical, so their database work goes ahead of bulk work.
 */
export class ExerciseRunner {
  #p: ExercisesParts;
  #delivery: InjectDelivery;
  #timer: NodeJS.Timeout | null = null;
  #sweepTimer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = true;
  #sweepDue = true;
  /** Organisations named by platform events since the last round: their teams' expectations are checked. */
  #acted = new Set<string>();
  /** Whether the last round found a run live (running, or scheduled and due): without one, what teams do scores nothing. */
  #anyLive = true;
  #unsubscribe: (() => void) | null = null;

  constructor(parts: ExercisesParts, delivery: InjectDelivery) {
    this.#p = parts;
    this.#delivery = delivery;
  }

  start(): void {
    this.#stopped = false;
    this.#unsubscribe = this.#p.relay.subscribe((events) => {
      let wake = false;
      for (const e of events) {
        // A run started, resumed, sped up (possibly by another process): schedule again at once.
        if (e.type === 'exercise.changed') {
          wake = true;
          // A run may have just gone live: what teams do from now on counts, before the round confirms it.
          this.#anyLive = true;
        }
        // A team acted somewhere (not the runner's own deliveries nor alert batches): score it at once.
        // With no run live there is nothing to score: the platform's own traffic (incidents updated many
        // times a second under load) must not cost a round each.
        if (e.type.startsWith('exercise.') || e.type.startsWith('alerts.') || !this.#anyLive) continue;
        for (const org of e.audience.orgIds ?? []) this.#acted.add(org);
        wake = true;
      }
      if (wake) void this.tick();
    });
    this.#sweepTimer = setInterval(() => {
      this.#sweepDue = true;
      void this.tick();
    }, SWEEP_MS);
    this.#sweepTimer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    if (this.#sweepTimer) clearInterval(this.#sweepTimer);
    this.#timer = this.#sweepTimer = null;
    this.#unsubscribe?.();
    while (this.#running) await this.#running;
  }

  /** One round (one at a time; a call during a round causes another after it): due starts, due injects, scoring. */
  tick(): Promise<void> {
    if (this.#running) {
      this.#again = true;
      return this.#running;
    }
    this.#running = withDbPriority('urgent', () => this.#round())
      .catch((err) => { if (this.#p.config.exerciseDebug) console.error(err); })
      .finally(() => {
        this.#running = null;
        if (this.#again && !this.#stopped) {
          this.#again = false;
          void this.tick();
        }
      });
    return this.#running;
  }

  async #round(): Promise<void> {
    const sweep = this.#sweepDue;
    this.#sweepDue = false;
    const now = this.#p.now();
    const live = await runs.live(this.#p.db, now);
    this.#anyLive = live.length > 0;
    for (const e of live) if (e.status === 'scheduled') await this.#startScheduled(e, now);
    const running = live.some((e) => e.status === 'scheduled') ? (await runs.live(this.#p.db, now)).filter((e) => e.status === 'running') : live;
    // What teams did is scored first (it is small), and again between batches of deliveries.
    await this.#scoreActed(running);
    for (const e of running) await this.deliverDue(e, this.#p.now(), () => this.#scoreActed(running));
    if (sweep) await this.score(running);
    else await this.#scoreActed(running);
    const next: number[] = [];
    for (const e of running) {
      if (exerciseClock.elapsedAt(e.clock, this.#p.now()) >= e.document.durationMinutes * 60_000) await this.#endByClock(e);
      else next.push(...(await this.#nextWake(e)));
    }
    this.#schedule(next);
  }

  /** Scores the teams named by events since the last time, if any. */
  async #scoreActed(running: readonly ExerciseRow[]): Promise<void> {
    if (!this.#acted.size) return;
    const acted = [...this.#acted];
    this.#acted.clear();
    await this.score(running, acted);
  }

  /** Wall instants the run needs the runner at: its next undelivered inject, and its end. */
  async #nextWake(e: ExerciseRow): Promise<number[]> {
    const out: number[] = [];
    const offset = await runs.nextDue(this.#p.db, e.id);
    const at = offset === null ? null : exerciseClock.wallAt(e.clock, offset);
    if (at) out.push(at.getTime());
    const end = exerciseClock.wallAt(e.clock, e.document.durationMinutes * 60_000);
    if (end) out.push(end.getTime());
    return out;
  }

  /** Sets the one timer to the earliest instant wanted (the sweep covers anything beyond a second). */
  #schedule(instants: number[]): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#stopped || !instants.length) return;
    const wait = Math.min(...instants) - Date.now();
    if (wait >= SWEEP_MS) return;
    this.#timer = setTimeout(() => void this.tick(), Math.max(0, wait));
    this.#timer.unref();
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

  /**
   * Delivers everything due by now (or by `at`) of a running run, in one batch per round: whatever is
   * overdue (after a start, resume or restart) and the group due now reach their teams together.
   */
  async deliverDue(e: ExerciseRow, at: Date = this.#p.now(), between?: () => Promise<void>): Promise<number> {
    let total = 0;
    // What falls due while a batch is delivered goes in the next batch, at once.
    for (let round = 0; round < 10; round++) {
      const elapsed = exerciseClock.elapsedAt(e.clock, round === 0 ? at : new Date(Math.max(at.getTime(), this.#p.now().getTime())));
      const due = await runs.due(this.#p.db, e.id, elapsed);
      if (!due.length) break;
      const resumedAt = Date.parse(e.clock.at(-1)!.at);
      const groups: DueInject[] = due.map((d) => {
        const dueAt = exerciseClock.wallAt(e.clock, d.offset_ms) ?? this.#p.now();
        // An inject overdue when the clock last started (a pause, a restart) is due from then.
        return { inject: d.inject, offsetMs: d.offset_ms, teams: d.teams, dueAt: new Date(Math.max(dueAt.getTime(), resumedAt)) };
      });
      total += await this.#delivery.deliverMany(e, groups);
      await between?.();
    }
    return total;
  }

  /**
   * Scores open expectations of the runs from the platform's records (of the given teams only, when
   * an event named them; all of them on the sweep); tells the white team when anything moved.
   */
  async score(running: readonly ExerciseRow[], teamOrgIds: readonly string[] | null = null): Promise<void> {
    const playing = teamOrgIds ? running.filter((e) => e.teams.some((t) => teamOrgIds.includes(t.orgId))) : running;
    if (!playing.length) return;
    const found = await findMet(this.#p.db, playing.map((e) => e.id), teamOrgIds);
    const sweep = teamOrgIds === null;
    if (!found.length && !sweep) return;
    const byId = new Map(playing.map((e) => [e.id, e]));
    const changed = new Set<string>();
    const now = this.#p.now();
    await transact(this.#p, async (tx) => {
      if (sweep) for (const e of playing) await tagPromotedExerciseIncidents(tx, e.id);
      for (const f of found) {
        const e = byId.get(f.exercise_id)!;
        const took = Math.max(0, exerciseClock.elapsedAt(e.clock, new Date(f.met_at)) - Number(f.offset_ms));
        const inTime = took <= Number(f.within_ms);
        await deliveries.settle(tx, e.id, { team: f.team_org_id, inject: f.inject_key, expectation: f.expectation_key, status: inTime ? 'met' : 'late', metAt: new Date(f.met_at), tookMs: Math.round(took), awarded: inTime ? f.points : 0 });
        changed.add(e.id);
      }
      if (sweep) {
        for (const e of playing) {
          if ((await deliveries.missPast(tx, e.id, exerciseClock.elapsedAt(e.clock, now))) > 0) changed.add(e.id);
        }
      }
      for (const id of changed) await outboxRepository.insert(tx, 'exercise.scoreboard', { orgIds: [byId.get(id)!.organiser_org_id], manage: true }, { id });
    });
  }

  /**
   * Ends a run whose scenario time is over: what is due is delivered first (all of it, by then), and
   * anything that still could not reach a team is recorded as not delivered, with the reason.
   */
  async #endByClock(e: ExerciseRow): Promise<void> {
    const end = exerciseClock.wallAt(e.clock, e.document.durationMinutes * 60_000) ?? this.#p.now();
    await this.deliverDue(e, end);
    await this.score([e]);
    const now = this.#p.now();
    const clock = exerciseClock.change(e.clock, now, { running: false, speed: Number(e.speed) });
    await transact(this.#p, async (tx) => {
      await runs.setClock(tx, e.id, { status: 'ended', speed: Number(e.speed), clock, endedAt: now });
      const undelivered = await deliveries.recordUndelivered(tx, e.id, now, 'ended_before_due');
      await deliveries.missAll(tx, e.id);
      await recordChange(tx, systemContext(e.organiser_org_id, 'exercise'), {
        action: 'exercise.end', entityType: 'exercise', entityId: e.id, orgId: e.organiser_org_id, after: { byClock: true, undelivered },
        event: { type: 'exercise.changed', audience: { orgIds: [e.organiser_org_id, ...e.teams.map((t) => t.orgId)] }, data: { id: e.id, status: 'ended' } },
      });
    });
  }
}
