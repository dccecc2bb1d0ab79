import type { IndicatorValueType } from '@lachan/stix';
import { ByteTableBuilder, type ByteTable } from './byte-table.ts';
import { parseCidr, parseIPv4, parseIPv6, type Cidr } from './ip-codec.ts';
import { AddressSet, CidrSet } from './ip-tables.ts';
import { domainKey, emailKey, hashKey, urlHost, urlKey } from './value-keys.ts';
import { RESERVED_RANGES, Warninglists } from './warninglists.ts';

/** One live indicator value to load: `id` is the caller's numeric indicator id. */
export interface MatcherIndicator {
  id: number;
  type: IndicatorValueType;
  value: string;
}

/** An alert observable as the parsers produce it (type names of @lachan/contracts). */
export interface MatcherObservable {
  type: string;
  value: string;
}

/** Observable `observableIndex` of the batch matched indicator `indicatorId`. */
export interface MatchHit {
  observableIndex: number;
  indicatorId: number;
}

/** What `build` did with its input, for the operator log. */
export interface BuildReport {
  loaded: number;
  invalid: number;
  suppressed: number;
}

/**
 * In-memory matcher of live indicators against alert observables. Immutable once built (rebuild and
 * swap to refresh); every structure is a packed typed array so a million indicators cost tens of bytes
 * each. Domains also match their sub-domains; a URL's host is matched as a domain or an address too.
 */
export class IocMatcher {
  readonly size: number;
  readonly report: BuildReport;
  /** The indicator ids left out as known-benign, with the name of the warninglist that says so. */
  readonly suppressions: Array<{ id: number; list: string }> = [];
  private readonly ipv4: AddressSet;
  private readonly ipv6: AddressSet;
  private readonly cidr4: CidrSet;
  private readonly cidr6: CidrSet;
  private readonly domains: ByteTable;
  private readonly urls: ByteTable;
  private readonly emails: ByteTable;
  private readonly hashes: Record<'md5' | 'sha1' | 'sha256', ByteTable>;
  private readonly warninglists: Warninglists;
  private readonly words = new Uint32Array(4);
  private scratch = Buffer.allocUnsafeSlow(4096);
  private hits: MatchHit[] = [];
  private current = 0;
  private firstHit = 0;
  private readonly emit = (id: number): void => {
    for (let k = this.firstHit; k < this.hits.length; k++) if (this.hits[k]!.indicatorId === id) return;
    this.hits.push({ observableIndex: this.current, indicatorId: id });
  };

  private constructor(indicators: readonly MatcherIndicator[], warninglists: Warninglists) {
    this.warninglists = warninglists;
    const v4: Array<{ key: Uint32Array; id: number }> = [];
    const v6: Array<{ key: Uint32Array; id: number }> = [];
    const c4: Array<{ cidr: Cidr; id: number }> = [];
    const c6: Array<{ cidr: Cidr; id: number }> = [];
    const b = { domain: new ByteTableBuilder(), url: new ByteTableBuilder(), email: new ByteTableBuilder(), md5: new ByteTableBuilder('hex'), sha1: new ByteTableBuilder('hex'), sha256: new ByteTableBuilder('hex') };
    const report: BuildReport = { loaded: 0, invalid: 0, suppressed: 0 };
    for (const ind of indicators) {
      const key = indicatorKey(ind);
      if (key === null) { report.invalid++; continue; }
      const list = warninglists.suppress(ind.type, key);
      if (list !== null) { report.suppressed++; this.suppressions.push({ id: ind.id, list }); continue; }
      report.loaded++;
      switch (ind.type) {
        case 'ipv4': v4.push({ key: Uint32Array.of(parseIPv4(key)), id: ind.id }); break;
        case 'ipv6': { const w = new Uint32Array(4); parseIPv6(key, w); v6.push({ key: w, id: ind.id }); break; }
        case 'cidr': { const c = parseCidr(key)!; (c.family === 4 ? c4 : c6).push({ cidr: c, id: ind.id }); break; }
        default: b[ind.type].add(key, ind.id);
      }
    }
    this.report = report;
    this.size = report.loaded;
    this.ipv4 = new AddressSet(1, v4);
    this.ipv6 = new AddressSet(4, v6);
    this.cidr4 = new CidrSet(1, c4);
    this.cidr6 = new CidrSet(4, c6);
    this.domains = b.domain.build();
    this.urls = b.url.build();
    this.emails = b.email.build();
    this.hashes = { md5: b.md5.build(), sha1: b.sha1.build(), sha256: b.sha256.build() };
  }

  /** Build a matcher; values on a false-positive warninglist (private ranges always) are left out. */
  static build(indicators: readonly MatcherIndicator[], warninglists = IocMatcher.defaultWarninglists()): IocMatcher {
    return new IocMatcher(indicators, warninglists);
  }

  /** Warninglists holding only the built-in private and reserved ranges. */
  static defaultWarninglists(): Warninglists {
    const w = new Warninglists();
    w.add(RESERVED_RANGES);
    return w;
  }

  /** Bytes held by the typed arrays and buffers of every table. */
  get byteLength(): number {
    return this.ipv4.byteLength + this.ipv6.byteLength + this.cidr4.byteLength + this.cidr6.byteLength + this.domains.byteLength + this.urls.byteLength
      + this.emails.byteLength + this.hashes.md5.byteLength + this.hashes.sha1.byteLength + this.hashes.sha256.byteLength;
  }

  /** Name of the warninglist that marks this value as benign, or null. */
  suppress(type: string, value: string): string | null {
    return this.warninglists.suppress(type, value);
  }

  /** Every (observable, indicator) pair that matches, in observable order, each pair once. */
  match(observables: readonly MatcherObservable[]): MatchHit[] {
    this.hits = [];
    for (let i = 0; i < observables.length; i++) {
      this.current = i;
      this.firstHit = this.hits.length;
      const o = observables[i]!;
      this.matchOne(o.type, o.value);
    }
    return this.hits;
  }

  private matchOne(type: string, value: string): void {
    switch (type) {
      case 'ipv4':
      case 'ipv6':
        return this.matchIp(value);
      case 'domain':
      case 'hostname':
        return this.matchDomain(value);
      case 'url': {
        const key = urlKey(value);
        if (key === null) return;
        this.lookupText(this.urls, key);
        const host = urlHost(key);
        return parseIPv4(host) >= 0 || host.includes(':') ? this.matchIp(host) : this.matchDomain(host);
      }
      case 'email': {
        const key = emailKey(value);
        return key === null ? undefined : this.lookupText(this.emails, key);
      }
      case 'md5':
      case 'sha1':
      case 'sha256': {
        const key = hashKey(type, value);
        if (key === null) return;
        const n = this.scratch.write(key, 0, 'hex');
        return this.hashes[type].lookup(this.scratch, 0, n, this.emit);
      }
    }
  }

  private matchIp(value: string): void {
    const n = parseIPv4(value);
    if (n >= 0) {
      this.words[0] = n;
      this.ipv4.lookup(this.words, 0, this.emit);
      this.cidr4.lookup(this.words, 0, this.emit);
    } else if (parseIPv6(value.toLowerCase(), this.words)) {
      this.ipv6.lookup(this.words, 0, this.emit);
      this.cidr6.lookup(this.words, 0, this.emit);
    }
  }

  /** The domain and each parent at a label boundary: a.b.evil.example, b.evil.example, evil.example. */
  private matchDomain(value: string): void {
    const key = domainKey(value);
    if (key === null || this.domains.size === 0) return;
    const len = this.write(key);
    const buf = this.scratch;
    this.domains.lookup(buf, 0, len, this.emit);
    for (let i = 0; i < len; i++) if (buf[i] === 46) this.domains.lookup(buf, i + 1, len, this.emit);
  }

  private lookupText(table: ByteTable, key: string): void {
    if (table.size > 0) table.lookup(this.scratch, 0, this.write(key), this.emit);
  }

  private write(text: string): number {
    if (text.length * 3 > this.scratch.length) this.scratch = Buffer.allocUnsafeSlow(text.length * 3);
    return this.scratch.write(text, 0, 'utf8');
  }
}

/** The normalised key of an indicator value, or null when the value is not valid for its type. */
function indicatorKey(ind: MatcherIndicator): string | null {
  switch (ind.type) {
    case 'ipv4': return parseIPv4(ind.value.trim()) >= 0 ? ind.value.trim() : null;
    case 'ipv6': { const v = ind.value.trim().toLowerCase(); return parseIPv6(v, new Uint32Array(4)) ? v : null; }
    case 'cidr': return parseCidr(ind.value.trim()) ? ind.value.trim() : null;
    case 'domain': return domainKey(ind.value);
    case 'url': return urlKey(ind.value);
    case 'email': return emailKey(ind.value);
    default: return hashKey(ind.type, ind.value);
  }
}
