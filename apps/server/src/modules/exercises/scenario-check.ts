import type { Inject, ScenarioDocument } from '@lachan/contracts';
import { parseAlert } from '@lachan/parsers';

/** One reason a scenario is refused, with where it is (`injects[2].expectations[0].kind`). */
export interface ScenarioProblem {
  path: string;
  message: string;
}

const PAYLOAD_OF: Record<Inject['kind'], 'alerts' | 'message' | 'incident' | 'warning'> = {
  alerts: 'alerts', campaign: 'alerts', message: 'message', document: 'message', pressure: 'message', incident: 'incident', warning: 'warning',
};
const PAYLOADS = ['alerts', 'message', 'incident', 'warning'] as const;
/** Expectations answered on the incident an inject leads to: only injects that lead to one carry them. */
const ABOUT_INCIDENT = new Set(['incident_opened', 'initial_report_filed', 'task_completed', 'support_requested']);

/** The placeholders of alert records, filled in on delivery. */
export function fillRecord(record: string, values: { now: Date; team: string; run: string }): string {
  return record
    .replaceAll('{{now}}', values.now.toISOString())
    .replaceAll('{{epoch}}', String(Math.floor(values.now.getTime() / 1000)))
    .replaceAll('{{team}}', values.team)
    .replaceAll('{{run}}', values.run);
}

/**
 * What the schema cannot say about a scenario (the closed schema checked its shape): keys unique, each
 * inject carrying exactly the payload of its kind, expectations that can be checked on what the inject
 * leads to, offsets within the duration, and every alert record readable by its format's parser.
 */
export function scenarioProblems(doc: ScenarioDocument): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const keys = new Set<string>();
  doc.injects.forEach((inj, i) => {
    const at = `injects[${i}]`;
    if (keys.has(inj.key)) problems.push({ path: `${at}.key`, message: `inject key ${inj.key} is used twice` });
    keys.add(inj.key);
    if (inj.offsetMinutes > doc.durationMinutes) problems.push({ path: `${at}.offsetMinutes`, message: 'the inject comes after the end of the scenario' });
    problems.push(...injectProblems(inj, at));
  });
  return problems;
}

/** Problems of one inject (also used for an inject the white team adds during a run). */
export function injectProblems(inj: Inject, at = 'inject'): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const wanted = PAYLOAD_OF[inj.kind];
  for (const p of PAYLOADS) {
    if (p === wanted && inj[p] === undefined) problems.push({ path: `${at}.${p}`, message: `an inject of kind ${inj.kind} needs ${p}` });
    if (p !== wanted && inj[p] !== undefined) problems.push({ path: `${at}.${p}`, message: `an inject of kind ${inj.kind} carries no ${p}` });
  }
  if (inj.kind === 'pressure' && !inj.message?.channel) problems.push({ path: `${at}.message.channel`, message: 'a pressure inject says who presses: media or management' });
  const leadsToIncident = wanted === 'alerts' || wanted === 'incident';
  const ekeys = new Set<string>();
  inj.expectations.forEach((e, j) => {
    const ep = `${at}.expectations[${j}]`;
    if (ekeys.has(e.key)) problems.push({ path: `${ep}.key`, message: `expectation key ${e.key} is used twice in the inject` });
    ekeys.add(e.key);
    if (ABOUT_INCIDENT.has(e.kind) && !leadsToIncident) problems.push({ path: `${ep}.kind`, message: `${e.kind} is checked on the incident of alerts or an incident inject` });
    if (e.kind === 'warning_acknowledged' && inj.kind !== 'warning') problems.push({ path: `${ep}.kind`, message: 'warning_acknowledged belongs to a warning inject' });
    if (e.value !== undefined && e.kind !== 'indicator_added') problems.push({ path: `${ep}.value`, message: 'only indicator_added looks for a value' });
  });
  const now = new Date();
  inj.alerts?.records.forEach((r, k) => {
    const out = parseAlert(inj.alerts!.format, fillRecord(r, { now, team: 'Team', run: 'check' }), { receivedAt: now });
    if (!out.ok) problems.push({ path: `${at}.alerts.records[${k}]`, message: `not a readable ${inj.alerts!.format} record: ${out.message}` });
  });
  return problems;
}
