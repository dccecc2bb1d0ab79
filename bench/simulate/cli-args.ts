import { parseArgs } from 'node:util';
import { checkLocalUrl } from './setup.ts';
import { FORMATS, type Format, type SimulationOptions } from './types.ts';

export const USAGE = `Usage: node bench/simulate.ts --url http://127.0.0.1:8080 [options]

Sends realistic national alert traffic (Wazuh, Suricata, ECS, CEF, syslog, Lachan JSON) from many
organisations to a running Lachan server on this machine, then prints what the server answered.

  --url <url>          server base URL (127.0.0.1, localhost or [::1] only)   (required)
  --orgs <n>           reporting organisations, SOC providers included      (default 40)
  --rate <n>           alerts per second, all organisations together       (default 2000)
  --duration <s>       seconds of traffic                                   (default 30)
  --email <e>          administrator e-mail                                 (default admin@lachan.local)
  --password <p>       administrator password (default: read <LACHAN_DATA_DIR or ./data>/initial-admin-password)
  --otp <code>         the administrator's current authenticator code (or a recovery code): the
                       centre's roles sign in with a second factor (LACHAN_SECOND_FACTOR_ROLES)
  --batch <n>          records per request at most                          (default 500)
  --malformed <f>      fraction of broken records, 0–1                      (default 0.01)
  --repeat <f>         fraction of repeats of earlier records, 0–1          (default 0.2)
  --seed <n>           seed of every random choice                          (default 1)
  --gzip               compress request bodies (Content-Encoding: gzip)
  --formats <list>     comma-separated subset of ${FORMATS.join(',')}
  --concurrency <n>    requests in flight at most                           (default 8)
  --drain <s>          seconds allowed after the traffic for the last answers (default 60)
  --campaigns <k>      inject k labelled campaigns: 3–6 organisations of one sector or province
                       share an attacker /24 in 198.18.0.0/15 and a C2 domain, with ATT&CK techniques (default 0)
  --surge <sector>     inject a surge of ransomware alerts over the organisations of a sector (e.g. BANKING)
  --surge-alerts <n>   alerts of the surge                                  (default 300)
  --revoke-keys        revoke the simulator's connector keys at the end
  --quiet              print nothing but errors; the exit code tells
  --json               print the report as JSON instead of the table
  --help

The same seed gives the same organisations, keys, assets and records. The server folds repeats of an
alert (same reporter, rule, endpoints) within its dedup window (LACHAN_DEDUP_WINDOW_SECONDS, 1 h by
default), so a second run with the same seed inside that window mostly counts duplicates: use another
--seed to measure fresh alerts.

Injected records are sent by a Lachan JSON key of each victim organisation (created when its traffic
has none) at times spread over the run; the labels are printed as they are planned, and at the end the
report says which injected campaigns the server linked (GET /api/v1/campaigns, by their evidence).

Exit code 0 when every request was answered 202 (after retries), else 1.`;

function num(name: string, value: string | undefined, fallback: number, opts: { min: number; max: number; integer?: boolean }): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < opts.min || n > opts.max || (opts.integer && !Number.isInteger(n))) {
    throw new Error(`--${name} must be ${opts.integer ? 'an integer' : 'a number'} between ${opts.min} and ${opts.max}, got "${value}"`);
  }
  return n;
}

export function parseFormats(value: string | undefined): Format[] {
  if (value === undefined) return [...FORMATS];
  const list = value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const unknown = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0 || list.length === 0) throw new Error(`--formats takes a comma-separated subset of ${FORMATS.join(',')}, got "${value}"`);
  return [...new Set(list)] as Format[];
}

export interface CliOptions extends SimulationOptions {
  help: boolean;
  json: boolean;
}

/** Reads the command line; throws with a readable message on anything wrong. */
export function parseCli(argv: readonly string[]): CliOptions {
  const { values: v } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      url: { type: 'string' },
      orgs: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
      otp: { type: 'string' },
      batch: { type: 'string' },
      malformed: { type: 'string' },
      repeat: { type: 'string' },
      seed: { type: 'string' },
      gzip: { type: 'boolean', default: false },
      formats: { type: 'string' },
      concurrency: { type: 'string' },
      drain: { type: 'string' },
      campaigns: { type: 'string' },
      surge: { type: 'string' },
      'surge-alerts': { type: 'string' },
      'revoke-keys': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (v.help) return { help: true } as CliOptions;
  if (v.url === undefined) throw new Error('--url is required (e.g. --url http://127.0.0.1:8080)');
  checkLocalUrl(v.url);
  const malformed = num('malformed', v.malformed, 0.01, { min: 0, max: 1 });
  const repeat = num('repeat', v.repeat, 0.2, { min: 0, max: 1 });
  if (malformed + repeat > 1) throw new Error('--malformed and --repeat together cannot exceed 1');
  return {
    help: false,
    json: v.json,
    url: v.url,
    orgs: num('orgs', v.orgs, 40, { min: 1, max: 5000, integer: true }),
    rate: num('rate', v.rate, 2000, { min: 1, max: 1_000_000 }),
    duration: num('duration', v.duration, 30, { min: 1, max: 86_400 }),
    email: v.email ?? 'admin@lachan.local',
    ...(v.password === undefined ? {} : { password: v.password }),
    ...(v.otp === undefined ? {} : { otp: v.otp }),
    batch: num('batch', v.batch, 500, { min: 1, max: 100_000, integer: true }),
    malformed,
    repeat,
    seed: num('seed', v.seed, 1, { min: 0, max: 2 ** 32 - 1, integer: true }),
    gzip: v.gzip,
    formats: parseFormats(v.formats),
    quiet: v.quiet,
    concurrency: num('concurrency', v.concurrency, 8, { min: 1, max: 256, integer: true }),
    drainSeconds: num('drain', v.drain, 60, { min: 1, max: 3600 }),
    revokeKeys: v['revoke-keys'],
    campaigns: num('campaigns', v.campaigns, 0, { min: 0, max: 35, integer: true }),
    ...(v.surge === undefined ? {} : { surge: v.surge.trim().toUpperCase() }),
    surgeAlerts: num('surge-alerts', v['surge-alerts'], 300, { min: 1, max: 1_000_000, integer: true }),
  };
}
