import type { Observable } from '@lachan/contracts';

/** One observable of an alert that equals or falls inside a live indicator of the knowledge base. */
export interface IndicatorMatch {
  /** Index of the observable in the alert's list. */
  observableIndex: number;
  indicatorId: number;
}

/**
 * What the ingest pipeline asks of the knowledge base for every alert: which observables match live
 * indicators (exact values, CIDR containment, a domain and its subdomains). The intel module installs
 * its in-memory matcher with `platform.indicators.use(...)`; until it does, nothing matches.
 */
export interface IndicatorMatcher {
  match(observables: readonly Pick<Observable, 'type' | 'value'>[]): IndicatorMatch[];
}

/** The process's current matcher, swapped whole when the indicator index is rebuilt. */
export class IndicatorSlot implements IndicatorMatcher {
  #current: IndicatorMatcher | null = null;

  use(matcher: IndicatorMatcher | null): void {
    this.#current = matcher;
  }

  match(observables: readonly Pick<Observable, 'type' | 'value'>[]): IndicatorMatch[] {
    return this.#current?.match(observables) ?? [];
  }
}
