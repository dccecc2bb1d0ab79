import { Type, type Static } from 'typebox';
import { Nullable, Timestamp, Uuid } from './common.ts';
import { AlertId } from './alerts-api.ts';
import { SystemLayers } from './registry.ts';

/** An information system an incident affects, with what the incident inherits from it. */
export const IncidentSystem = Type.Object({
  id: Uuid,
  name: Type.String(),
  securityLevel: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
  critical: Type.Boolean(),
});
export type IncidentSystem = Static<typeof IncidentSystem>;

/** PUT /incidents/:id/systems: the whole list of systems the incident affects. */
export const IncidentSystemsPut = Type.Object({
  systemIds: Type.Array(Uuid, { maxItems: 100, uniqueItems: true }),
}, { additionalProperties: false });
export type IncidentSystemsPut = Static<typeof IncidentSystemsPut>;

/** GET /systems/:id/activity: what happens on a system (its page). Lists capped at 20, newest first. */
export const SystemActivity = Type.Object({
  incidents: Type.Array(Type.Object({ id: Uuid, title: Type.String(), severity: Type.Integer(), status: Type.String(), openedAt: Timestamp })),
  openAlerts: Type.Object({
    count: Type.Integer(),
    latest: Type.Array(Type.Object({ id: AlertId, title: Type.String(), severity: Type.Integer(), receivedAt: Timestamp })),
  }),
  indicatorsMatched: Type.Array(Type.Object({ value: Type.String(), type: Type.String(), lastSeen: Timestamp, count: Type.Integer() })),
  unmetRequirements: Type.Array(Type.Object({
    campaignId: Uuid, campaignTitle: Type.String(), requirementId: Type.String(), text: Type.String(), answer: Type.Union([Type.Literal('not_met'), Type.Literal('partly')]),
  })),
  layers: SystemLayers,
});
export type SystemActivity = Static<typeof SystemActivity>;
