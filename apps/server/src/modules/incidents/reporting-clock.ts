import { MAX_INSTANT_MS, type RegimeApplies, type ReportingRule, type ReportKind } from '@lachan/contracts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Working days are counted in Vietnam's time zone (UTC+7, no daylight saving). */
const VN_OFFSET = 7 * HOUR;

/** The times of an incident that start reporting clocks. */
export interface ClockInputs {
  status: string;
  createdAt: Date;
  discoveredAt: Date | null;
  occurredAt: Date | null;
  beyondCapacityAt: Date | null;
  responseEndedAt: Date | null;
  seriousAt: Date | null;
}

export interface RegimeClock {
  id: string;
  code: string;
  rules: ReportingRule[];
}

export interface FiledReport {
  regimeId: string | null;
  kind: ReportKind;
  submittedAt: Date;
}

export interface ComputedDeadline {
  regimeId: string;
  regimeCode: string;
  rule: ReportingRule;
  startedAt: Date | null;
  dueAt: Date | null;
  metAt: Date | null;
  state: 'pending' | 'due' | 'overdue' | 'met' | 'met_late';
  secondsLeft: number | null;
}

/** When a rule's clock starts for an incident (null: its trigger has not happened). */
export function clockStart(inc: ClockInputs, trigger: ReportingRule['trigger']): Date | null {
  switch (trigger) {
    case 'discovery': return inc.discoveredAt ?? inc.createdAt;
    case 'occurrence': return inc.occurredAt ?? inc.discoveredAt ?? inc.createdAt;
    case 'beyond_capacity': return inc.beyondCapacityAt;
    case 'response_end': return inc.responseEndedAt;
    case 'serious': return inc.seriousAt;
  }
}

const isWeekendVn = (t: number): boolean => {
  const day = new Date(t + VN_OFFSET).getUTCDay();
  return day === 0 || day === 6;
};

/**
 * Adds a rule's duration: hours, calendar days, or working days (Monday–Friday in Vietnam; public
 * holidays are not modelled). A clock started near the end of year 9999 stops at its last instant,
 * the latest the API and the database both hold.
 */
export function addDuration(start: Date, amount: number, unit: ReportingRule['unit']): Date {
  const within = (t: number) => new Date(Math.min(t, MAX_INSTANT_MS));
  if (unit === 'hours') return within(start.getTime() + amount * HOUR);
  if (unit === 'calendar_days') return within(start.getTime() + amount * DAY);
  let t = start.getTime();
  for (let counted = 0; counted < amount && t < MAX_INSTANT_MS; ) {
    t += DAY;
    if (!isWeekendVn(t)) counted++;
  }
  return within(t);
}

/**
 * Every deadline of an incident under its regimes at `now`: pending until its trigger happens, then
 * due or overdue until a report of the rule's kind is filed (for that regime, or for none in particular).
 * A rejected incident (false positive, duplicate) owes nothing more.
 */
export function deadlinesOf(inc: ClockInputs, regimes: RegimeClock[], reports: FiledReport[], now: Date): ComputedDeadline[] {
  const out: ComputedDeadline[] = [];
  for (const regime of regimes) {
    for (const rule of regime.rules) {
      const startedAt = clockStart(inc, rule.trigger);
      const dueAt = startedAt ? addDuration(startedAt, rule.amount, rule.unit) : null;
      const met = reports.filter((r) => r.kind === rule.kind && (r.regimeId === null || r.regimeId === regime.id)).map((r) => r.submittedAt.getTime());
      const metAt = met.length ? new Date(Math.min(...met)) : null;
      if (!metAt && inc.status === 'rejected') continue;
      let state: ComputedDeadline['state'];
      if (metAt) state = dueAt && metAt > dueAt ? 'met_late' : 'met';
      else if (!dueAt) state = 'pending';
      else state = dueAt <= now ? 'overdue' : 'due';
      const secondsLeft = !metAt && dueAt ? Math.round((dueAt.getTime() - now.getTime()) / 1000) : null;
      out.push({ regimeId: regime.id, regimeCode: regime.code, rule, startedAt, dueAt, metAt, state, secondsLeft });
    }
  }
  return out.sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
}

/** The earliest deadline still owed (for the list's countdown and the overdue filter). */
export function nextDeadline(deadlines: ComputedDeadline[]): Date | null {
  const open = deadlines.filter((d) => (d.state === 'due' || d.state === 'overdue') && d.dueAt);
  return open.length ? new Date(Math.min(...open.map((d) => d.dueAt!.getTime()))) : null;
}

/** When to remind before a deadline: a day before, or at half time for clocks shorter than two days. */
export function reminderAt(d: ComputedDeadline): Date | null {
  if (!d.startedAt || !d.dueAt) return null;
  const span = d.dueAt.getTime() - d.startedAt.getTime();
  return new Date(d.dueAt.getTime() - (span < 2 * DAY ? span / 2 : DAY));
}

/**
 * The regimes that apply to an incident: active and in force, its track, its owner's sectors, personal
 * data, and the security level or criticality of the information systems it affects.
 */
export function applicableRegimes<R extends { applies: RegimeApplies; active: boolean; effectiveFrom: string; effectiveTo: string | null }>(
  regimes: R[],
  inc: { serious: boolean; personalData: boolean; sectors: string[]; at: Date; systems?: { level: number | null; critical: boolean }[] },
): R[] {
  const day = inc.at.toISOString().slice(0, 10);
  return regimes.filter((r) => {
    if (!r.active || r.effectiveFrom > day || (r.effectiveTo !== null && r.effectiveTo <= day)) return false;
    const a = r.applies;
    if (a.track && a.track !== (inc.serious ? 'serious' : 'routine')) return false;
    if (a.sectors?.length && !a.sectors.some((s) => inc.sectors.includes(s))) return false;
    if (a.personalData && !inc.personalData) return false;
    if (a.systemLevels?.length || a.criticalSystem) {
      const levels = a.systemLevels ?? [];
      if (!(inc.systems ?? []).some((s) => (s.level !== null && levels.includes(s.level)) || (a.criticalSystem && s.critical))) return false;
    }
    return true;
  });
}
