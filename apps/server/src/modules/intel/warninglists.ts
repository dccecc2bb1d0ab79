import { parseCidr, parseIPv4, parseIPv6, type Cidr } from './ip-codec.ts';
import { CidrSet } from './ip-tables.ts';
import { urlHost } from './value-keys.ts';
import { RESERVED_RANGES as RESERVED_LIST, reservedCidrs } from '../../common/reserved-ranges.ts';

/** A MISP warninglist file (`lists/<name>/list.json` of MISP/misp-warninglists). */
export interface MispWarninglist {
  name: string;
  version?: number;
  description?: string;
  type?: 'string' | 'substring' | 'hostname' | 'cidr' | 'regex';
  category?: 'false_positive' | 'known';
  matching_attributes?: string[];
  list: string[];
}

/** MISP attribute types a list may name, as the matcher's observable types. */
const ATTRIBUTE_TYPES: Record<string, string[]> = {
  'ip-src': ['ipv4', 'ipv6', 'cidr'], 'ip-dst': ['ipv4', 'ipv6', 'cidr'], 'ip-src|port': ['ipv4', 'ipv6', 'cidr'], 'ip-dst|port': ['ipv4', 'ipv6', 'cidr'],
  'domain|ip': ['ipv4', 'ipv6', 'cidr', 'domain'], domain: ['domain'], hostname: ['domain', 'hostname'], 'hostname|port': ['domain'],
  url: ['url'], uri: ['url'], link: ['url'],
  md5: ['md5'], 'filename|md5': ['md5'], sha1: ['sha1'], 'filename|sha1': ['sha1'], sha256: ['sha256'], 'filename|sha256': ['sha256'],
  email: ['email'], 'email-src': ['email'], 'email-dst': ['email'], 'target-email': ['email'], 'whois-registrant-email': ['email'],
};

/**
 * Private, loopback, link-local, shared, multicast and the other special-purpose ranges (the product's
 * one list, common/reserved-ranges): never worth an alert match, never exported.
 */
export const RESERVED_RANGES: MispWarninglist = {
  name: 'Private and reserved IP ranges (built in)',
  type: 'cidr',
  category: 'false_positive',
  list: reservedCidrs({ examples: false }),
};

/**
 * The documentation (TEST-NET-1/2/3, 2001:db8::/32, 3fff::/20) and benchmarking ranges of the same list:
 * never exported, but matched and linked, because only the demo network and the simulator send them.
 */
export const EXAMPLE_RANGES: MispWarninglist = {
  name: 'Documentation and benchmarking ranges (built in)',
  type: 'cidr',
  category: 'false_positive',
  list: RESERVED_LIST.filter((x) => x.kind === 'example').map((x) => x.cidr),
};

interface CompiledList {
  name: string;
  types: Set<string> | null;
  test: (type: string, value: string) => boolean;
}

/**
 * Known-benign values (MISP warninglists semantics): a value on a `false_positive` list is suppressed,
 * one on a `known` list is not (it only informs, so it is ignored here).
 */
export class Warninglists {
  private readonly lists: CompiledList[] = [];
  private readonly words = new Uint32Array(4);

  /** Add a list; `known` lists are skipped because they never suppress. */
  add(list: MispWarninglist): void {
    if (list.category === 'known') return;
    const mapped = (list.matching_attributes ?? []).flatMap((a) => ATTRIBUTE_TYPES[a] ?? []);
    this.lists.push({ name: list.name, types: mapped.length > 0 ? new Set(mapped) : null, test: this.compile(list) });
  }

  /** The name of the first list that suppresses `value` of observable `type`, or null. */
  suppress(type: string, value: string): string | null {
    for (const l of this.lists) if ((l.types === null || l.types.has(type)) && l.test(type, value)) return l.name;
    return null;
  }

  private compile(list: MispWarninglist): CompiledList['test'] {
    const entries = list.list.map((e) => e.trim()).filter((e) => e !== '');
    switch (list.type ?? 'string') {
      case 'cidr': return this.cidrTest(entries);
      case 'hostname': {
        const names = new Set(entries.map((e) => e.toLowerCase().replace(/^\*?\./, '').replace(/\.$/, '')));
        return (type, value) => hostMatches(names, type === 'url' ? urlHost(value) : value.toLowerCase());
      }
      case 'substring': return (_t, value) => entries.some((e) => value.includes(e));
      case 'regex': {
        const res = entries.map(toRegExp).filter((r): r is RegExp => r !== null);
        return (_t, value) => res.some((r) => r.test(value));
      }
      default: {
        const set = new Set(entries.map((e) => e.toLowerCase()));
        return (_t, value) => set.has(value.toLowerCase());
      }
    }
  }

  /** Addresses inside a listed range; a CIDR value when it equals or lies inside one (its last address too). */
  private cidrTest(entries: string[]): CompiledList['test'] {
    const v4: Array<{ cidr: Cidr; id: number }> = [];
    const v6: Array<{ cidr: Cidr; id: number }> = [];
    for (const e of entries) {
      const c = parseCidr(e);
      if (c) {
        const to = c.family === 4 ? v4 : v6;
        to.push({ cidr: c, id: to.length });
      }
    }
    const set4 = new CidrSet(1, v4);
    const set6 = new CidrSet(4, v6);
    return (type, value) => {
      if (type === 'cidr') {
        const c = parseCidr(value);
        if (!c) return false;
        const set = c.family === 4 ? set4 : set6;
        // Listed ranges nest or are disjoint, so a range holding both ends holds the whole block.
        const holding = new Set<number>();
        let inside = false;
        set.lookup(c.first, 0, (i) => void holding.add(i));
        set.lookup(c.last, 0, (i) => void (inside ||= holding.has(i)));
        return inside;
      }
      let hit = false;
      const mark = (): void => void (hit = true);
      const ip = type === 'url' ? urlHost(value) : value;
      const n = parseIPv4(ip);
      if (n >= 0) { this.words[0] = n; set4.lookup(this.words, 0, mark); }
      else if (parseIPv6(ip.toLowerCase(), this.words)) set6.lookup(this.words, 0, mark);
      return hit;
    };
  }
}

function hostMatches(names: Set<string>, host: string): boolean {
  for (let at = 0; at >= 0; at = host.indexOf('.', at) + 1 || -1) if (names.has(host.slice(at))) return true;
  return false;
}

/** MISP regex entries are PCRE with delimiters ('/x/i'); a bare entry is taken as the pattern itself. */
function toRegExp(entry: string): RegExp | null {
  const m = /^\/(.*)\/([a-z]*)$/s.exec(entry);
  try {
    return m ? new RegExp(m[1]!, m[2]!.replace(/[^imsu]/g, '')) : new RegExp(entry);
  } catch {
    return null;
  }
}
