import { decayedScore, patternObservables, type IndicatorValueType } from '@lachan/stix';
import type { Warninglists } from './warninglists.ts';

/** One matchable value of an indicator with its score now, its latest sighting and the warninglist that suppresses it. */
export interface ScoredValue { type: IndicatorValueType; value: string; score: number; lastSightedAt: string | null; suppressedBy: string | null }

/** Latest sighting per `stixId|type|value`, as the sightings worker keeps it on the indicator values. */
export type SightingClock = ReadonlyMap<string, string>;

/** The sighting-clock key of one value. */
export const valueKey = (stixId: string, type: string, value: string): string => `${stixId}|${type}|${value}`;

/**
 * The values of an indicator (STIX patterns only) scored with the decay formula: base = confidence
 * (50 when absent), clock = the latest of the last modification and the value's latest sighting, so a
 * sighting restarts the decay; revoked or expired indicators score 0. Null for a pattern we cannot read.
 */
export function scoreIndicator(stixId: string, o: Record<string, unknown>, sighted: SightingClock, lists: Warninglists, now: number): ScoredValue[] | null {
  const parsed = typeof o.pattern === 'string' && (o.pattern_type ?? 'stix') === 'stix' ? patternObservables(o.pattern) : null;
  if (!parsed?.ok) return null;
  const validUntil = typeof o.valid_until === 'string' ? Date.parse(o.valid_until) : null;
  const createdAt = Date.parse(String(o.modified ?? o.created ?? '')) || now;
  const base = typeof o.confidence === 'number' ? o.confidence : 50;
  return parsed.observables.map((obs) => {
    const last = sighted.get(valueKey(stixId, obs.type, obs.value)) ?? null;
    const score = decayedScore({ base, kind: obs.type, createdAt, lastSightingAt: last === null ? null : Date.parse(last), revoked: o.revoked === true, validUntil }, now);
    return { type: obs.type, value: obs.value, score, lastSightedAt: last, suppressedBy: lists.suppress(obs.type, obs.value) };
  });
}

/** Values of an indicator's STIX pattern that a warninglist marks as known-benign, with the list's name. */
export function suppressedValues(o: Record<string, unknown>, lists: Warninglists): Array<{ type: IndicatorValueType; value: string; list: string }> {
  const parsed = typeof o.pattern === 'string' && (o.pattern_type ?? 'stix') === 'stix' ? patternObservables(o.pattern) : null;
  if (!parsed?.ok) return [];
  return parsed.observables.flatMap((obs) => {
    const list = lists.suppress(obs.type, obs.value);
    return list === null ? [] : [{ type: obs.type, value: obs.value, list }];
  });
}
