import type { NormalizedAlert } from '@lachan/contracts';
import { fail } from './failure.ts';
import { inTimeRange } from './time.ts';

/**
 * What every parsed alert guarantees before it leaves this package, so that no single record can make
 * the database refuse the batch it travels in: its text holds no NUL (PostgreSQL text and jsonb cannot)
 * and no unpaired surrogate (it has no UTF-8 form), and its time lies in years 1–9999 UTC.
 */

// One scan for the rare case: NUL or any surrogate (a pair is fine, so that case looks closer).
const SUSPECT = /[\u0000\ud800-\udfff]/;

/** The text with NUL and unpaired surrogates replaced by U+FFFD; the same string when it has neither. */
export function storableText(s: string): string {
  if (!SUSPECT.test(s) || (s.isWellFormed() && !s.includes('\u0000'))) return s;
  return s.toWellFormed().replaceAll('\u0000', '\uFFFD');
}

/**
 * A value of a normalised alert (text, number, null, list, observable) with every text made storable,
 * changed in place: nothing is copied when nothing needs it (this runs on every alert of every batch).
 */
function storableValue(v: unknown): unknown {
  if (typeof v === 'string') return storableText(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'string' || (typeof x === 'object' && x !== null)) v[i] = storableValue(x);
    }
  } else if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    for (const k in o) {
      const x = o[k];
      if (typeof x === 'string' || (typeof x === 'object' && x !== null)) o[k] = storableValue(x);
    }
  }
  return v;
}

/**
 * Makes a mapped alert storable in place: every text it carries is cleaned with `storableText` (the raw
 * record keeps what was sent, so nothing is lost; refusing the alert instead would let a sender hide it
 * behind one `\u0000` in a URL), and an event time outside years 1–9999 UTC fails the record
 * (`time_out_of_range`, so it is quarantined with that reason).
 */
export function makeStorable(a: NormalizedAlert): NormalizedAlert {
  if (a.eventTime !== null && inTimeRange(Date.parse(a.eventTime)) === null) fail('time_out_of_range', `event time ${a.eventTime} is outside years 1–9999 UTC`);
  return storableValue(a) as NormalizedAlert;
}
