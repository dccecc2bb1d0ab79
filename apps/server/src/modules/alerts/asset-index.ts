import { BlockList, isIPv4, isIPv6 } from 'node:net';

/** One registered asset: an address range, a domain (with its subdomains) or a host name. */
export interface AssetRecord {
  orgId: string;
  kind: 'cidr' | 'domain' | 'hostname';
  value: string;
}

interface Range {
  orgId: string;
  prefix: number;
  list: BlockList;
}

const ipv4ToInt = (ip: string): number => {
  const p = ip.split('.');
  return ((+p[0]! << 24) | (+p[1]! << 16) | (+p[2]! << 8) | +p[3]!) >>> 0;
};

/**
 * Finds which organisation owns an address, domain or host. IPv4 ranges are kept per prefix length
 * in maps of network numbers, so a lookup is at most 33 map probes (longest prefix wins); IPv6 ranges
 * and host names use plain lists and maps. Rebuilt whenever the assets change.
 */
export class AssetIndex {
  #v4 = new Map<number, Map<number, string>>();
  #v4Prefixes: number[] = [];
  #v6: Range[] = [];
  #domains = new Map<string, string>();
  #hosts = new Map<string, string>();

  constructor(assets: readonly AssetRecord[]) {
    for (const a of assets) this.#add(a);
    this.#v4Prefixes = [...this.#v4.keys()].sort((x, y) => y - x);
    this.#v6.sort((x, y) => y.prefix - x.prefix);
  }

  get size(): number {
    return [...this.#v4.values()].reduce((n, m) => n + m.size, 0) + this.#v6.length + this.#domains.size + this.#hosts.size;
  }

  #add(a: AssetRecord): void {
    const value = a.value.trim().toLowerCase();
    if (a.kind === 'domain') return void this.#domains.set(value.replace(/\.$/, ''), a.orgId);
    if (a.kind === 'hostname') return void this.#hosts.set(value, a.orgId);
    const [addr, bits] = value.split('/');
    if (isIPv4(addr!)) {
      const prefix = bits === undefined ? 32 : Number(bits);
      const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
      const net = (ipv4ToInt(addr!) & mask) >>> 0;
      (this.#v4.get(prefix) ?? this.#v4.set(prefix, new Map()).get(prefix)!).set(net, a.orgId);
    } else if (isIPv6(addr!)) {
      const prefix = bits === undefined ? 128 : Number(bits);
      const list = new BlockList();
      list.addSubnet(addr!, prefix, 'ipv6');
      this.#v6.push({ orgId: a.orgId, prefix, list });
    }
  }

  /** The owner of an IP address, by the most specific registered range. */
  ownerOfIp(ip: string | null): string | null {
    if (!ip) return null;
    if (isIPv4(ip)) {
      const n = ipv4ToInt(ip);
      for (const prefix of this.#v4Prefixes) {
        const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
        const owner = this.#v4.get(prefix)!.get((n & mask) >>> 0);
        if (owner) return owner;
      }
      return null;
    }
    if (isIPv6(ip)) for (const r of this.#v6) if (r.list.check(ip, 'ipv6')) return r.orgId;
    return null;
  }

  /** The owner of a host name: an exact host, else the closest registered parent domain. */
  ownerOfName(name: string | null): string | null {
    if (!name) return null;
    let n = name.toLowerCase().replace(/\.$/, '');
    const host = this.#hosts.get(n);
    if (host) return host;
    for (;;) {
      const owner = this.#domains.get(n);
      if (owner) return owner;
      const dot = n.indexOf('.');
      if (dot < 0) return null;
      n = n.slice(dot + 1);
    }
  }
}
