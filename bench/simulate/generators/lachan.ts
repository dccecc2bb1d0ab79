import type { LachanAlertInput } from '@lachan/contracts';
import type { GenContext } from '../types.ts';
import { attacker, BAD_DOMAINS, dcIp, ephemeralPort, eventTime, hashes, isoTime, mailIp, victimIp, webServerIp } from './common.ts';

/**
 * Lachan's own alert JSON (`LachanAlertInput`), as written by in-house connectors: a national sensor
 * network, a government e-mail gateway and an OT monitoring probe. RSIT classification, ATT&CK ids,
 * severity as a word or 1–4, observables with roles.
 */

interface Kind {
  rule: [string, string];
  title: string;
  severity: LachanAlertInput['severity'];
  rsit: [string, string];
  attack: string[];
  product: string;
  weight: number;
  /** Which system of the organisation, and the service port. */
  target: 'web' | 'mail' | 'dc' | 'any';
  port: number;
}

const KINDS: readonly Kind[] = [
  { rule: ['NS-BRUTE-001', 'Dò mật khẩu SSH từ bên ngoài'], title: 'SSH brute force from external address', severity: 'medium', rsit: ['intrusion-attempts', 'brute-force'], attack: ['T1110.001'], product: 'Lachan Sensor', weight: 6, target: 'any', port: 22 },
  { rule: ['NS-SCAN-010', 'Quét cổng dịch vụ'], title: 'Port scan against the organisation range', severity: 1, rsit: ['information-gathering', 'scanner'], attack: ['T1046'], product: 'Lachan Sensor', weight: 8, target: 'any', port: 0 },
  { rule: ['NS-WEB-104', 'Khai thác lỗ hổng ứng dụng web'], title: 'Exploitation attempt on public web application', severity: 'high', rsit: ['intrusion-attempts', 'exploit'], attack: ['T1190'], product: 'Lachan Sensor', weight: 4, target: 'web', port: 443 },
  { rule: ['NS-C2-220', 'Kết nối tới máy chủ điều khiển mã độc'], title: 'Beaconing to known command-and-control server', severity: 'critical', rsit: ['malicious-code', 'infected-system'], attack: ['T1071.001', 'T1573'], product: 'Lachan Sensor', weight: 2, target: 'any', port: 443 },
  { rule: ['MG-PHISH-03', 'Thư lừa đảo giả mạo cơ quan thuế'], title: 'Phishing e-mail impersonating the tax authority', severity: 3, rsit: ['fraud', 'phishing'], attack: ['T1566.001'], product: 'Lachan Mail Gateway', weight: 3, target: 'mail', port: 25 },
  { rule: ['MG-MAL-11', 'Tệp đính kèm chứa mã độc'], title: 'Malicious attachment blocked', severity: 'high', rsit: ['malicious-code', 'malware-distribution'], attack: ['T1566.001', 'T1204.002'], product: 'Lachan Mail Gateway', weight: 2, target: 'mail', port: 25 },
  { rule: ['OT-MODBUS-07', 'Lệnh ghi Modbus trái phép'], title: 'Unauthorised Modbus write to PLC', severity: 4, rsit: ['intrusions', 'system-compromise'], attack: ['T0855'], product: 'Lachan OT Probe', weight: 1, target: 'any', port: 502 },
  { rule: ['NS-DDOS-31', 'Tấn công từ chối dịch vụ UDP'], title: 'UDP flood towards public DNS server', severity: 'high', rsit: ['availability', 'ddos'], attack: ['T1498.001'], product: 'Lachan Sensor', weight: 2, target: 'dc', port: 53 },
];
const WEIGHTED = KINDS.map((k) => [k, k.weight] as const);

export function lachanAlert(ctx: GenContext): string {
  const { rng, victim, reporter } = ctx;
  const k = rng.weighted(WEIGHTED);
  const ts = eventTime(ctx);
  const src = attacker(rng);
  const dst = k.target === 'web' ? webServerIp(victim) : k.target === 'mail' ? mailIp(victim) : k.target === 'dc' ? dcIp(victim) : victimIp(rng, victim);
  const outbound = k.rule[0] === 'NS-C2-220';
  const alert: LachanAlertInput = {
    time: isoTime(ts, { offsetMinutes: rng.chance(0.5) ? 0 : 420, fraction: 3, colon: true, zulu: true }),
    sourceRef: `sim-${reporter.slug}-${ctx.seq}`,
    title: k.title,
    description: `${k.rule[1]} (${victim.name})`,
    severity: k.severity,
    vendor: 'Lachan',
    product: k.product,
    rule: { id: k.rule[0], name: k.rule[1] },
    rsit: { class: k.rsit[0], type: k.rsit[1] },
    attack: k.attack,
    src: outbound ? { ip: dst, port: ephemeralPort(rng) } : { ip: src, port: ephemeralPort(rng) },
    dst: outbound ? { ip: src, port: k.port } : { ip: dst, ...(k.port === 0 ? {} : { port: k.port }) },
    protocol: k.port === 53 ? 'udp' : 'tcp',
    asset: { ip: dst, ...(k.target === 'web' ? { hostname: victim.hosts[0] } : k.target === 'dc' ? { hostname: victim.hosts[1] } : {}) },
    observables: [{ type: 'ipv4', value: src, role: outbound ? 'dst' : 'src' }],
    tags: ['lachan-sim', k.product.toLowerCase().replace(/ /g, '-')],
  };
  if (outbound) alert.observables!.push({ type: 'domain', value: rng.pick(BAD_DOMAINS), role: 'related' });
  if (k.rsit[0] === 'malicious-code' && !outbound) alert.observables!.push({ type: 'sha256', value: hashes(rng).sha256, role: 'related' });
  if (k.rsit[1] === 'phishing') alert.observables!.push({ type: 'email', value: `hoan-thue@${rng.pick(BAD_DOMAINS)}`, role: 'src' });
  return JSON.stringify(alert);
}
