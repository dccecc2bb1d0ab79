import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiKeyCreated, ErrorBody, LoginResponse, Organization, OrgSummary } from '@lachan/contracts';
import { Rng } from './rng.ts';
import type { Format, OrgAssets, SimulationOptions } from './types.ts';

/**
 * Preparation against the running server, as the administrator: sign in, read the directory, choose
 * the reporting organisations (deterministic from the seed), register their fictional assets (and
 * those of the SOC providers' clients), and create one connector key per organisation and format.
 */

const REQUEST_TIMEOUT_MS = 30_000;

/** A connector: one API key of one organisation sending one format. */
export interface Connector {
  id: number;
  format: Format;
  key: string;
  keyId: string;
  reporter: OrgAssets;
  /** Organisations whose assets its alerts name (the reporter, or a SOC provider's clients). */
  victims: readonly OrgAssets[];
  /** Share of the traffic (relative). */
  weight: number;
}

export interface SetupResult {
  connectors: Connector[];
  reporters: OrgAssets[];
  socProviders: number;
  withAssets: number;
  assetsCreated: number;
  assetsExisting: number;
  assetConflicts: number;
  /** Every active organisation of the directory (campaign victims are drawn from it). */
  directory: OrgAssets[];
  /** The administrator's session. */
  admin: AdminClient;
  /** A connector of `org` for `format`: one of the traffic's, else a new key outside the traffic. */
  connectorFor: (org: OrgAssets, format: Format) => Promise<Connector>;
  /** Revokes the simulator's keys (used with --revoke-keys). */
  revokeKeys: () => Promise<void>;
}

/** Refuses anything but this machine: the simulator only ever talks to a local server. */
export function checkLocalUrl(url: string): URL {
  const u = new URL(url);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`--url must be http(s), got ${u.protocol}`);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) throw new Error(`--url must point to this machine (127.0.0.1, localhost or [::1]), got ${u.hostname}`);
  return u;
}

/** The administrator's session: cookie plus CSRF token. */
export class AdminClient {
  #base: string;
  #cookie = '';
  #csrf = '';

  constructor(base: string) {
    this.#base = base.replace(/\/+$/, '');
  }

  /** Signs in; with `otp`, also the second step that an account with a second factor is asked for. */
  async login(email: string, password: string, otp?: string): Promise<void> {
    let stage = await this.#session('/auth/login', { email, password }, `sign-in as ${email}`);
    if (stage === 'second_factor') {
      if (!otp) throw new Error(`${email} signs in with a second factor: pass --otp <current authenticator code>`);
      stage = await this.#session('/auth/second-factor', { code: otp }, 'the second factor');
    }
    if (stage === 'enrolment') throw new Error(`${email} must first set up the second factor its role requires (sign in to the console once)`);
  }

  async #session(path: string, body: unknown, what: string): Promise<LoginResponse['user']['stage']> {
    const res = await fetch(`${this.#base}/api/v1${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.#cookie ? { cookie: this.#cookie, 'x-csrf-token': this.#csrf } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    if (res.status !== 200) throw new Error(`${what} failed: HTTP ${res.status} ${await res.text()}`);
    const session = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('lachan_session='));
    if (!session) throw new Error(`${what} answered without a lachan_session cookie`);
    this.#cookie = session;
    const answer = (await res.json()) as LoginResponse;
    this.#csrf = answer.csrfToken;
    return answer.user.stage;
  }

  async request<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = { cookie: this.#cookie };
    if (method !== 'GET') headers['x-csrf-token'] = this.#csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.#base}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const text = await res.text();
    return { status: res.status, body: (text === '' ? null : JSON.parse(text)) as T };
  }
}

export async function adminPassword(opts: Pick<SimulationOptions, 'password'>): Promise<string> {
  if (opts.password) return opts.password;
  const file = join(process.env.LACHAN_DATA_DIR || './data', 'initial-admin-password');
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    throw new Error(`no --password given and ${file} is not readable`);
  }
}

/** ASCII lower-case slug of a name: initials of its words ('Western Capital High-Tech Park' → 'wchtp'). */
function initials(name: string): string {
  const words = name
    .replace(/\(demo\)/gi, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '' && !['of', 'and', 'the', 'for', 'va', 'cua'].includes(w));
  return words.map((w) => w[0]).join('').slice(0, 12) || 'org';
}

/** Directory order that does not depend on an installation's ids: by name, then id. */
function byName(a: OrgSummary, b: OrgSummary): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1;
}

/** The deterministic fictional assets of every organisation of the directory (index = rank by name). */
export function assetPlan(orgs: readonly OrgSummary[]): Map<string, OrgAssets> {
  const sorted = [...orgs].sort(byName);
  const used = new Set<string>();
  const out = new Map<string, OrgAssets>();
  sorted.forEach((o, index) => {
    let slug = o.shortName ? o.shortName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') : initials(o.nameEn ?? o.name);
    if (slug === '' || used.has(slug)) slug = `${slug || 'org'}-${index}`;
    used.add(slug);
    const net = `10.${64 + Math.floor(index / 256)}.${index % 256}`;
    const domain = `${slug}.example.vn`;
    out.set(o.id, { orgId: o.id, name: o.name, kind: o.kind, index, slug, net, cidr: `${net}.0/24`, domain, hosts: [`www.${domain}`, `${slug}-dc01`], sectors: o.sectors, provinceCode: o.provinceCode });
  });
  return out;
}

/**
 * The reporters: the SOC providers (up to a quarter of the count, so none below 4), then critical-infrastructure
 * operators spread over sectors, provinces and agencies, then anything else that is active.
 */
export function chooseReporters(orgs: readonly OrgSummary[], count: number, rng: Rng): OrgSummary[] {
  const active = [...orgs].filter((o) => o.status === 'active').sort(byName);
  const soc = rng.shuffle(active.filter((o) => o.kind === 'soc_provider')).slice(0, Math.floor(count / 4));
  const chosen: OrgSummary[] = soc.slice(0, count);
  const taken = new Set(chosen.map((o) => o.id));
  // Critical-infrastructure operators: one per sector in turn.
  const bySector = new Map<string, OrgSummary[]>();
  for (const o of rng.shuffle(active.filter((x) => x.kind === 'ci_operator'))) {
    const s = o.sectors[0] ?? 'OTHER';
    (bySector.get(s) ?? bySector.set(s, []).get(s)!).push(o);
  }
  const sectorQueues = rng.shuffle([...bySector.keys()].sort()).map((s) => bySector.get(s)!);
  const ci: OrgSummary[] = [];
  for (let round = 0; ci.length < active.length && sectorQueues.some((q) => q.length > round); round++) for (const q of sectorQueues) if (q[round]) ci.push(q[round]!);
  const provinces = rng.shuffle(active.filter((o) => o.kind === 'province'));
  const agencies = rng.shuffle(active.filter((o) => o.kind === 'agency'));
  const streams: [OrgSummary[], number][] = [[ci, 5], [provinces, 3], [agencies, 2]];
  while (chosen.length < count && streams.some(([s]) => s.length > 0)) {
    const live = streams.filter(([s]) => s.length > 0);
    const stream = rng.weighted(live.map((x) => [x[0], x[1]] as const));
    const o = stream.shift()!;
    if (!taken.has(o.id)) {
      chosen.push(o);
      taken.add(o.id);
    }
  }
  for (const o of rng.shuffle(active)) {
    if (chosen.length >= count) break;
    if (!taken.has(o.id) && o.kind !== 'soc_provider') {
      chosen.push(o);
      taken.add(o.id);
    }
  }
  return chosen;
}

/** Formats an organisation's monitoring would send, by kind (1–3 of them, among the allowed ones). */
const FORMAT_PREFERENCES: Record<string, readonly (readonly [Format, number])[]> = {
  soc_provider: [['ecs', 4], ['suricata', 4], ['wazuh', 3], ['lachan', 2], ['cef', 2]],
  ci_operator: [['suricata', 4], ['cef', 4], ['wazuh', 3], ['syslog', 2], ['ecs', 1]],
  province: [['wazuh', 4], ['syslog', 3], ['lachan', 3], ['cef', 1]],
  agency: [['wazuh', 3], ['syslog', 3], ['cef', 2], ['lachan', 2]],
  other: [['wazuh', 3], ['cef', 2], ['syslog', 2], ['lachan', 2], ['ecs', 1], ['suricata', 1]],
};

export function chooseFormats(kind: string, allowed: readonly Format[], rng: Rng): Format[] {
  const prefs = (FORMAT_PREFERENCES[kind] ?? FORMAT_PREFERENCES.other!).filter(([f]) => allowed.includes(f));
  const pool = prefs.length > 0 ? [...prefs] : allowed.map((f) => [f, 1] as const);
  const n = Math.min(pool.length, rng.weighted([[1, 3], [2, 4], [3, 2]] as const));
  const out: Format[] = [];
  while (out.length < n) {
    const f = rng.weighted(pool);
    out.push(f);
    pool.splice(pool.findIndex(([x]) => x === f), 1);
  }
  return out;
}

/** Relative traffic of a connector: by kind of organisation and format, with some spread. */
function connectorWeight(kind: string, format: Format, rng: Rng): number {
  const byKind: Record<string, number> = { soc_provider: 3, ci_operator: 2, province: 1.2, agency: 0.8 };
  const byFormat: Record<Format, number> = { suricata: 1.6, wazuh: 1.4, cef: 1.3, ecs: 1, syslog: 0.8, lachan: 0.5 };
  return (byKind[kind] ?? 1) * byFormat[format] * (0.5 + rng.next() * 1.5);
}

/** Runs `fn` over `items` with at most `width` at once. */
async function pool<T>(items: readonly T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

export async function setup(opts: SimulationOptions, log: (line: string) => void): Promise<SetupResult> {
  const admin = new AdminClient(opts.url);
  await admin.login(opts.email, await adminPassword(opts), opts.otp);
  const list = await admin.request<{ items: OrgSummary[] }>('GET', '/orgs?limit=5000&status=all');
  if (list.status !== 200) throw new Error(`listing organisations failed: HTTP ${list.status}`);
  const orgs = list.body.items;
  const plan = assetPlan(orgs);
  const rng = Rng.derive(opts.seed, 'setup');
  const chosen = chooseReporters(orgs, opts.orgs, rng);
  if (chosen.length === 0) throw new Error('the directory has no active organisation to simulate');

  // SOC providers send for their clients.
  const victimsOf = new Map<string, OrgAssets[]>();
  for (const o of chosen) {
    if (o.kind !== 'soc_provider') continue;
    const detail = await admin.request<Organization>('GET', `/orgs/${o.id}`);
    const clients = detail.status === 200 ? detail.body.socClients.map((l) => plan.get(l.clientId)).filter((x): x is OrgAssets => x !== undefined) : [];
    if (clients.length > 0) victimsOf.set(o.id, clients);
  }

  // Assets of every organisation the traffic names.
  const targets = new Map<string, OrgAssets>();
  for (const o of chosen) for (const v of victimsOf.get(o.id) ?? [plan.get(o.id)!]) targets.set(v.orgId, v);
  for (const o of chosen) targets.set(o.id, plan.get(o.id)!);
  let assetsCreated = 0;
  let assetsExisting = 0;
  let assetConflicts = 0;
  const assetRequests = [...targets.values()].flatMap((a) => [
    { org: a, kind: 'cidr', value: a.cidr, description: 'simulated network (lachan-sim)' },
    { org: a, kind: 'domain', value: a.domain, description: 'simulated domain (lachan-sim)' },
    { org: a, kind: 'hostname', value: a.hosts[0], description: 'simulated public web server (lachan-sim)' },
    { org: a, kind: 'hostname', value: a.hosts[1], description: 'simulated domain controller (lachan-sim)' },
  ]);
  await pool(assetRequests, 4, async (r) => {
    const res = await admin.request<ErrorBody | null>('POST', `/orgs/${r.org.orgId}/assets`, { kind: r.kind, value: r.value, description: r.description });
    if (res.status === 201) assetsCreated++;
    else if (res.status === 409 && /already registered$/.test(res.body?.error.message ?? '')) assetsExisting++;
    else if (res.status === 409) {
      assetConflicts++;
      log(`warning: asset ${r.value} of ${r.org.slug} is registered to another organisation`);
    } else throw new Error(`registering asset ${r.value} failed: HTTP ${res.status} ${JSON.stringify(res.body)}`);
  });

  // One connector key per reporter and format; every allowed format is used at least once.
  const formatsOf = chosen.map((o) => chooseFormats(o.kind, opts.formats, rng));
  for (const f of opts.formats) {
    if (formatsOf.some((fs) => fs.includes(f))) continue;
    const i = formatsOf.findIndex((fs) => fs.length < 3);
    (formatsOf[i >= 0 ? i : 0] ?? []).push(f);
  }
  const specs = chosen.flatMap((o, i) => formatsOf[i]!.map((format) => ({ org: o, n: i + 1, format })));
  const connectors: Connector[] = [];
  const weights = specs.map((s) => connectorWeight(s.org.kind, s.format, rng));
  await pool(specs.map((s, i) => ({ ...s, i })), 4, async (s) => {
    const res = await admin.request<ApiKeyCreated>('POST', '/api-keys', { name: `sim ${s.format} ${s.n}`, orgId: s.org.id, role: 'connector' });
    if (res.status !== 201) throw new Error(`creating a connector key for ${s.org.name} failed: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    const reporter = plan.get(s.org.id)!;
    connectors.push({ id: s.i, format: s.format, key: res.body.key, keyId: res.body.id, reporter, victims: victimsOf.get(s.org.id) ?? [reporter], weight: weights[s.i]! });
  });
  connectors.sort((a, b) => a.id - b.id);
  const extra: Connector[] = [];
  const connectorFor = async (org: OrgAssets, format: Format): Promise<Connector> => {
    const have = [...connectors, ...extra].find((c) => c.reporter.orgId === org.orgId && c.format === format);
    if (have) return have;
    const res = await admin.request<ApiKeyCreated>('POST', '/api-keys', { name: `sim ${format} inject`, orgId: org.orgId, role: 'connector' });
    if (res.status !== 201) throw new Error(`creating a connector key for ${org.name} failed: HTTP ${res.status} ${JSON.stringify(res.body)}`);
    const c: Connector = { id: -1 - extra.length, format, key: res.body.key, keyId: res.body.id, reporter: org, victims: [org], weight: 0 };
    extra.push(c);
    return c;
  };
  return {
    connectors,
    reporters: chosen.map((o) => plan.get(o.id)!),
    socProviders: chosen.filter((o) => o.kind === 'soc_provider').length,
    withAssets: targets.size,
    assetsCreated,
    assetsExisting,
    assetConflicts,
    directory: orgs.filter((o) => o.status === 'active').map((o) => plan.get(o.id)!).sort((a, b) => a.index - b.index),
    admin,
    connectorFor,
    revokeKeys: async () => {
      await pool([...connectors, ...extra], 4, async (c) => void (await admin.request('DELETE', `/api-keys/${c.keyId}`)));
    },
  };
}
