import { Type, type Static } from 'typebox';
import { Nullable, TlpSchema, Timestamp, Uuid } from './common.ts';
import { AlertId } from './alerts-api.ts';

const AlertIds = Type.Array(AlertId, { minItems: 1, maxItems: 1000, uniqueItems: true });

/** Opens one incident from alerts an analyst selected (all of one organisation). */
export const AlertsOpenIncident = Type.Object({
  alertIds: AlertIds,
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'made from the alerts when not given' })),
  severity: Type.Optional(Type.Integer({ minimum: 1, maximum: 4, description: 'the highest of the alerts when not given' })),
  tlp: Type.Optional(TlpSchema),
}, { additionalProperties: false });
export type AlertsOpenIncident = Static<typeof AlertsOpenIncident>;

/** Marks alerts false positive, with the reason. */
export const AlertsFalsePositive = Type.Object({
  alertIds: AlertIds,
  reason: Type.String({ minLength: 1, maxLength: 1000 }),
}, { additionalProperties: false });
export type AlertsFalsePositive = Static<typeof AlertsFalsePositive>;

/** Gives alerts to a user (null: to nobody). */
export const AlertsAssign = Type.Object({
  alertIds: AlertIds,
  assigneeUserId: Nullable(Uuid),
}, { additionalProperties: false });
export type AlertsAssign = Static<typeof AlertsAssign>;

/**
 * A group a promotion rule no longer opens incidents for, because the incidents it opened for it were
 * false positives, until someone lifts it.
 */
export const PromotionSuppression = Type.Object({
  id: Uuid,
  ruleId: Uuid,
  ruleName: Type.String(),
  orgId: Uuid,
  orgName: Type.String(),
  /** What the group is: its signature, attacker, asset... as the rule groups. */
  label: Type.Record(Type.String(), Type.String()),
  reason: Type.String(),
  incidents: Type.Integer({ description: 'incidents of the group holding alerts marked false positive' }),
  falsePositives: Type.Integer({ description: 'alerts of the group marked false positive' }),
  createdAt: Timestamp,
  createdByName: Type.String(),
  liftedAt: Nullable(Timestamp),
  liftedByName: Nullable(Type.String()),
});
export type PromotionSuppression = Static<typeof PromotionSuppression>;

/** What an action on alerts did. */
export const AlertsActionResult = Type.Object({
  updated: Type.Integer({ description: 'alerts changed' }),
  /** Groups a rule stopped opening incidents for because of this action (marking false positive). */
  suppressed: Type.Array(PromotionSuppression),
});
export type AlertsActionResult = Static<typeof AlertsActionResult>;

export const PromotionSuppressionQuery = Type.Object({
  state: Type.Optional(Type.Enum(['active', 'lifted', 'all'], { default: 'active' })),
}, { additionalProperties: false });
export type PromotionSuppressionQuery = Static<typeof PromotionSuppressionQuery>;
