import type { IndicatorValueType } from './pattern-observables.ts';

/** How fast an indicator of one value kind loses its score. */
export interface DecayRule {
  /** Days after the last reset at which the score reaches 0. */
  lifetimeDays: number;
  /** Decay speed k: above 1 the score falls fast at first, below 1 it holds and then drops. */
  rate: number;
}

/**
 * Per-kind rules. Lifetimes are the platform's (IP 30 d, domain 90, URL 60, hash 365, e-mail 90);
 * the rates follow OpenCTI's built-ins (k = 3 × decay_pound: IP/URL 0.55, domain 0.7, files 0.3,
 * default 0.35) so that addresses, which move between owners quickly, lose trust early.
 */
export const DECAY_RULES: Readonly<Record<IndicatorValueType, DecayRule>> = {
  ipv4: { lifetimeDays: 30, rate: 1.65 },
  ipv6: { lifetimeDays: 30, rate: 1.65 },
  cidr: { lifetimeDays: 30, rate: 1.65 },
  url: { lifetimeDays: 60, rate: 1.65 },
  domain: { lifetimeDays: 90, rate: 2.1 },
  md5: { lifetimeDays: 365, rate: 0.9 },
  sha1: { lifetimeDays: 365, rate: 0.9 },
  sha256: { lifetimeDays: 365, rate: 0.9 },
  email: { lifetimeDays: 90, rate: 1.05 },
};

const DAY_MS = 86_400_000;

/** What the score of one indicator depends on; times in epoch milliseconds. */
export interface DecayInput {
  base: number;
  kind: IndicatorValueType;
  /** Creation or last modification of the indicator. */
  createdAt: number;
  /** Latest sighting, if any: a sighting resets the clock. */
  lastSightingAt?: number | null;
  revoked?: boolean;
  validUntil?: number | null;
}

/**
 * score(t) = base × max(0, 1 − ((t − t0) / L)^(1/k)), with t0 = the latest of creation and last
 * sighting, L and k from {@link DECAY_RULES}. Revoked or expired (`valid_until` passed) indicators
 * score 0; a clock earlier than t0 gives the base score.
 */
export function decayedScore(input: DecayInput, now: number, rules = DECAY_RULES): number {
  if (input.revoked) return 0;
  if (input.validUntil != null && now >= input.validUntil) return 0;
  const rule = rules[input.kind];
  const t0 = Math.max(input.createdAt, input.lastSightingAt ?? -Infinity);
  const ageDays = Math.max(0, (now - t0) / DAY_MS);
  return input.base * Math.max(0, 1 - Math.pow(ageDays / rule.lifetimeDays, 1 / rule.rate));
}

/** Inverse, for scheduling: days after t0 at which the score falls to `score` (t = L · (1 − s/base)^k). */
export function daysUntilScore(base: number, score: number, kind: IndicatorValueType, rules = DECAY_RULES): number {
  const rule = rules[kind];
  if (score >= base) return 0;
  return rule.lifetimeDays * Math.pow(1 - Math.max(0, score) / base, rule.rate);
}
