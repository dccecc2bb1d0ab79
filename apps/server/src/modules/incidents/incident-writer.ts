import type { Kysely } from 'kysely';
import type { TimelineKind } from '@lachan/contracts';
import type { DB } from '../../db/index.ts';
import type { IncidentParts } from './incident-parts.ts';
import type { RequestContext } from '../../core/context.ts';
import { recordChange, transact } from '../events/index.ts';
import { notFound } from '../../core/errors.ts';
import { IncidentAccess } from './incident-access.ts';
import { IncidentClock } from './incident-clock.ts';
import type { IncidentAccessGrant, IncidentAction, IncidentActor } from './incidents.policy.ts';
import { incidentsRepository, type IncidentRow } from './incidents.repository.ts';

/** What a change reports back: its timeline data and the value the caller gets. */
export interface ChangeOutcome<T> {
  data: unknown;
  result: T;
}

/** The one path of every change to an incident: authorise, one transaction, timeline, clock, audit, event. */
export class IncidentWriter {
  readonly access: IncidentAccess;
  readonly clock: IncidentClock;
  #p: IncidentParts;
  constructor(parts: IncidentParts) {
    this.#p = parts;
    this.access = new IncidentAccess(parts);
    this.clock = new IncidentClock(parts);
  }

  /**
   * Runs `fn` on the incident inside one transaction after checking the caller may `action` it, then
   * appends `kind` to its timeline, refreshes its reporting clock, and writes the audit link and an
   * `incident.updated` event heard by exactly the organisations that may see the incident afterwards.
   */
  async change<T>(ctx: RequestContext, id: string, action: IncidentAction, kind: TimelineKind,
    fn: (tx: Kysely<DB>, row: IncidentRow, who: { actor: IncidentActor; grant: IncidentAccessGrant }) => Promise<ChangeOutcome<T>>): Promise<T> {
    const who = await this.access.require(ctx, id, action);
    return transact(this.#p, async (tx) => {
      const row = await incidentsRepository.byId(tx, id);
      if (!row) throw notFound('incident');
      const { data, result } = await fn(tx, row, who);
      await this.record(tx, ctx, id, kind, data);
      return result;
    });
  }

  /** Timeline, clock, audit and event of a change already made in `tx`. */
  async record(tx: Kysely<DB>, ctx: RequestContext, id: string, kind: TimelineKind, data: unknown, type = 'incident.updated'): Promise<void> {
    await incidentsRepository.addEvent(tx, id, kind, { name: ctx.actor.name, orgId: ctx.actor.orgId }, data);
    await this.clock.refresh(tx, id);
    const audience = await this.access.audience(tx, id);
    const orgId = audience.orgIds[0]!;
    await recordChange(tx, ctx, { action: `incident.${kind}`, entityType: 'incident', entityId: id, orgId, after: data as never, event: { type, audience, data: { id, orgId, kind } } });
  }
}
