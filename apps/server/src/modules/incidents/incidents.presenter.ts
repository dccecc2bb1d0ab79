import type { AffectedSystem, Deadline, IncidentAccess as Access, IncidentDetail, IncidentSummary } from '@lachan/contracts';
import type { IncidentRow } from './incidents.repository.ts';
import { reference } from './incident-clock.ts';
import { responseMetrics } from './incident-lifecycle.ts';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** One line of the incident list. */
export const presentIncident = (r: IncidentRow): IncidentSummary => ({
  id: r.id, number: Number(r.number), reference: reference(r.number), orgId: r.org_id, orgName: r.org_name, title: r.title, severity: r.severity,
  status: r.status as IncidentSummary['status'], tlp: r.tlp, pap: r.pap as IncidentSummary['pap'], serious: r.serious, rsitClass: r.rsit_class, rsitType: r.rsit_type,
  source: r.source as IncidentSummary['source'], titleCode: r.title_code as IncidentSummary['titleCode'], titleParams: r.title_params, ruleId: r.rule_id,
  relatedIncidentId: r.related_incident_id, alertCount: r.alert_count, assigneeUserId: r.assignee_user_id, nextDeadlineAt: iso(r.next_deadline_at),
  firstAlertAt: iso(r.first_alert_at), lastAlertAt: iso(r.last_alert_at), discoveredAt: iso(r.discovered_at), createdAt: r.created_at.toISOString(), updatedAt: r.updated_at.toISOString(),
  exerciseId: r.exercise_id ?? null,
});

/** The whole incident with what hangs off it. */
export function presentIncidentDetail(r: IncidentRow, more: {
  affectedOrgs: { id: string; name: string }[]; observables: { type: string; value: string }[]; indicators: IncidentDetail['indicators']; regimes: { id: string; code: string; name: string }[];
  deadlines: Deadline[]; access: Access; alerts: IncidentDetail['alerts']; systems: IncidentDetail['systems'];
}): IncidentDetail {
  return {
    ...presentIncident(r), description: r.description, personalData: r.personal_data, attack: r.attack, affectedAssets: r.affected_assets,
    affectedSystem: (r.affected_system as AffectedSystem | null) ?? null, systems: more.systems, affectedOrgs: more.affectedOrgs, observables: more.observables, indicators: more.indicators, occurredAt: iso(r.occurred_at),
    beyondCapacity: r.beyond_capacity, beyondCapacityAt: iso(r.beyond_capacity_at), seriousAt: iso(r.serious_at), acknowledgedAt: iso(r.acknowledged_at),
    containedAt: iso(r.contained_at), eradicatedAt: iso(r.eradicated_at), recoveredAt: iso(r.recovered_at), responseEndedAt: iso(r.response_ended_at), closedAt: iso(r.closed_at),
    metrics: responseMetrics(r), resolution: r.resolution as IncidentDetail['resolution'], duplicateOf: r.duplicate_of, escalatedAt: iso(r.escalated_at),
    reportedAt: iso(r.reported_at), regimes: more.regimes, deadlines: more.deadlines, access: more.access, alerts: more.alerts,
  };
}
