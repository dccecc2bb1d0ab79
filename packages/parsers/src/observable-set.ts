import type { Observable, ObservableType } from '@lachan/contracts';
import { normaliseIp } from './ip.ts';
import { normaliseDomain, normaliseHash, normaliseHostname, normaliseObservable, normaliseUrl } from './observables.ts';

export type ObservableRole = 'src' | 'dst' | 'related';

/** At most this many observables per alert (the contract's limit). */
export const MAX_OBSERVABLES = 200;

/**
 * Collects an alert's observables: normalises each value, drops invalid ones, dedupes by (type, value)
 * keeping the first role seen (so add src/dst before related), and stops at 200.
 */
export class ObservableSet {
  readonly items: Observable[] = [];
  private readonly seen = new Set<string>();

  get full(): boolean {
    return this.items.length >= MAX_OBSERVABLES;
  }

  /** Adds a value already known to be of `type`; ignores anything that is not a non-empty string or number. */
  add(type: ObservableType, raw: unknown, role?: ObservableRole): void {
    const text = asText(raw);
    if (text === null) return;
    const value = normaliseObservable(type, text);
    if (value !== null) this.push(type, value, role);
  }

  /** Adds every string of an array (or a single value). */
  addAll(type: ObservableType, raw: unknown, role?: ObservableRole): void {
    if (Array.isArray(raw)) for (const x of raw) this.add(type, x, role);
    else this.add(type, raw, role);
  }

  addIp(raw: unknown, role?: ObservableRole): void {
    const text = asText(raw);
    if (text === null) return;
    const ip = normaliseIp(text);
    if (ip !== null) this.push(ip.type, ip.value, role);
  }

  /** A digest typed by its length. */
  addHash(raw: unknown, role?: ObservableRole): void {
    const text = asText(raw);
    if (text === null) return;
    const h = normaliseHash(text);
    if (h !== null) this.push(h.type, h.value, role);
  }

  /** A host name as written: an IP address, a domain (has a dot) or a bare host name. */
  addHost(raw: unknown, role?: ObservableRole): void {
    const text = asText(raw);
    if (text === null) return;
    const ip = normaliseIp(text);
    if (ip !== null) return this.push(ip.type, ip.value, role);
    if (text.includes('.')) {
      const d = normaliseDomain(text);
      if (d !== null) this.push('domain', d, role);
      return;
    }
    const h = normaliseHostname(text);
    if (h !== null) this.push('hostname', h, role);
  }

  /** A URL; a scheme-less value that is a plain host becomes a domain or IP observable instead. */
  addUrl(raw: unknown, role?: ObservableRole): void {
    const text = asText(raw);
    if (text === null) return;
    const u = normaliseUrl(text);
    if (u !== null) return this.push('url', u, role);
    if (!/[/\s]/.test(text)) this.addHost(text, role);
  }

  private push(type: ObservableType, value: string, role: ObservableRole | undefined): void {
    if (this.items.length >= MAX_OBSERVABLES || value.length > 2048) return;
    const key = `${type}\u0000${value}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push(role === undefined ? { type, value } : { type, value, role });
  }
}

function asText(raw: unknown): string | null {
  if (typeof raw === 'string') return raw.length > 0 ? raw : null;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return null;
}
