const DAY_MS = 86_400_000;

/** How far statistics trust an alert's own event time (from the configuration). */
export interface EventTimeLimits {
  /** Live alerts whose event is older than this are counted when received (an archive may be older). */
  maxAgeMs: number;
  /** Events this far after the time received are counted when received (a wrong clock). */
  skewMs: number;
}

/** When statistics count an alert, and whether it came late or its event time was not usable. */
export interface StatsTime {
  /** Epoch ms of the moment counted: the event time, or the time received when clamped. */
  at: number;
  /** Received a day or more after it happened (counted on its own day, and as late). */
  late: boolean;
  /** Its event time was in the future or too old: counted when received, and flagged. */
  clamped: boolean;
}

/**
 * The moment an alert counts in statistics: when it happened, so that an alert a SOC forwards a week
 * late updates its own day instead of making a spike on the day of upload. An event time beyond the
 * clock skew in the future, or (for live alerts) older than the configured age, is not believed: the
 * time received stands in, flagged. History loaded from an archive keeps its age and is never "late".
 */
export function statsTime(eventTime: string, receivedAt: string, historical: boolean, limits: EventTimeLimits): StatsTime {
  const received = Date.parse(receivedAt);
  const event = Date.parse(eventTime);
  if (!Number.isFinite(event) || event > received + limits.skewMs || (!historical && event < received - limits.maxAgeMs)) {
    return { at: received, late: false, clamped: true };
  }
  return { at: event, late: !historical && received - event >= DAY_MS, clamped: false };
}

export const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
export const hourOf = (ms: number): string => `${new Date(ms).toISOString().slice(0, 13)}:00:00Z`;
