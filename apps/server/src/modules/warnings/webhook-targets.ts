import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOneOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { AppError } from '../../core/errors.ts';
import { hostMatches, parseOutboundUrl } from '../../common/outbound-url.ts';
import { isReserved } from '../../common/reserved-ranges.ts';

/**
 * Whether an address is one a webhook may not reach unless allowed: the product's one list of reserved
 * ranges (common/reserved-ranges): loopback, private, shared (CGNAT), link-local (where cloud metadata
 * services answer), documentation, benchmarking, multicast and the other special-purpose ranges, IPv4
 * and IPv6; an IPv4-mapped IPv6 address (`::ffff:a00:1`) is judged by the IPv4 rules.
 */
const isInternal = (address: string): boolean => isReserved(address);

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * Where warning webhooks may be sent. An organisation's admin types the URL, so without a guard the
 * server could be made to post into its own networks (SSRF). Internal addresses are refused, when the
 * endpoint is added and again at every connection (a name may resolve elsewhere later), unless
 * `LACHAN_WEBHOOK_ALLOWED_HOSTS` lists the host (`siem.bank.vn`, `*.bank.vn`), the address or its
 * network (`10.20.0.0/16`): a ministry's receiver inside its own network is allowed that way.
 */
export class WebhookTargets {
  #hosts: string[] = [];
  #nets = new BlockList();

  constructor(allowed: readonly string[]) {
    for (const entry of allowed.map((a) => a.trim().toLowerCase()).filter(Boolean)) {
      const [net, bits] = entry.split('/');
      const family = isIP(net!);
      if (family) this.#nets.addSubnet(net!, bits === undefined ? (family === 4 ? 32 : 128) : Number(bits), family === 4 ? 'ipv4' : 'ipv6');
      else this.#hosts.push(entry);
    }
  }

  #addressAllowed(address: string): boolean {
    if (!isInternal(address)) return true;
    const family = isIP(address);
    return family !== 0 && this.#nets.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }

  /** The URL when it may be an endpoint: http(s), and not an internal address unless allowed. Else 422. */
  check(url: string): URL {
    const { url: u, host, http } = parseOutboundUrl(url);
    if (!http) throw new AppError(422, 'validation_failed', 'a webhook URL starts with https:// or http://');
    if (hostMatches(host, this.#hosts)) return u;
    if (isIP(host) ? !this.#addressAllowed(host) : host === 'localhost' || host.endsWith('.localhost')) {
      throw new AppError(422, 'validation_failed', `${u.host} is an internal address; list it in LACHAN_WEBHOOK_ALLOWED_HOSTS to send warnings there`);
    }
    return u;
  }

  /** A DNS lookup for the connection that refuses names resolving to internal addresses not allowed. */
  lookupFor(host: string) {
    const allowedHost = hostMatches(host.toLowerCase(), this.#hosts);
    return (hostname: string, options: LookupOneOptions | LookupAllOptions, callback: LookupCallback): void => {
      dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
        if (err) return callback(err, []);
        const refused = allowedHost ? undefined : addresses.find((a) => !this.#addressAllowed(a.address));
        if (refused) {
          const e: NodeJS.ErrnoException = new Error(`${hostname} resolves to ${refused.address}, an internal address (LACHAN_WEBHOOK_ALLOWED_HOSTS)`);
          e.code = 'EADDRNOTALLOWED';
          return callback(e, []);
        }
        if ((options as LookupAllOptions).all) return callback(null, addresses);
        callback(null, addresses[0]!.address, addresses[0]!.family);
      });
    };
  }
}
