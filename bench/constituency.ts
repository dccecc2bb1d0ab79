/**
 * bench:constituency — a Shadowserver report of N rows (scan_http layout, hosts spread over four
 * organisations' registered /16 ranges and one range nobody registered) sent by the centre's connector
 * through HTTP to a real server process: rows per second from the request to the answer (split, parse,
 * attribution, store, index, all committed), then the same report again (every row a duplicate). On the
 * embedded engine and, when a PostgreSQL server answers on 127.0.0.1:5432, on PostgreSQL. Ends with the
 * slower engine's first-delivery rate against the target.
 * Options: --rows N --engine pglite|postgres|both
 */
import { parseArgs } from 'node:util';
import { ADMIN_PASSWORD, apiSession, startServer } from '../apps/server/src/testing/server-process.ts';
import { enginesFor } from './support.ts';

const { values: opt } = parseArgs({ options: { rows: { type: 'string', default: '20000' }, engine: { type: 'string', default: 'both' } } });
const ROWS = Number(opt.rows);
const TARGET = 2_000;
const HEADER = 'timestamp,severity,ip,protocol,port,hostname,tag,asn,geo,region,city,naics,hostname_source,sector,http,http_code,http_reason,content_type,connection,www_authenticate,set_cookie,server,content_length,transfer_encoding,http_date,version';
const NETS = ['100.64', '100.65', '100.66', '100.67', '100.99'];

function report(): string {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) {
    const ip = `${NETS[i % NETS.length]}.${(i >> 8) & 255}.${i & 255}`;
    lines.push(`2026-12-05 ${String(i % 24).padStart(2, '0')}:10:00,medium,${ip},tcp,${i % 3 === 0 ? 8080 : 80},,http,64500,VN,HA NOI,HA NOI,517311,,,HTTP/1.1,200,OK,text/html,,,,nginx,612,,,1.1`);
  }
  return lines.join('\n') + '\n';
}

async function run(engine: 'pglite' | 'postgres'): Promise<number> {
  const server = await startServer(engine === 'postgres' ? {} : { DATABASE_URL: '' });
  try {
    const admin = await apiSession(server.url, 'admin@lachan.local', ADMIN_PASSWORD);
    const centre = ((await admin('GET', '/api/v1/me')).json.user as { org: { id: string } }).org.id;
    const orgs = ((await admin('GET', '/api/v1/orgs?limit=50')).json.items as { id: string }[]).filter((o) => o.id !== centre).slice(0, 4);
    for (const [i, o] of orgs.entries()) await admin('POST', `/api/v1/orgs/${o.id}/assets`, { kind: 'cidr', value: `${NETS[i]}.0.0/16` });
    const key = (await admin('POST', '/api/v1/api-keys', { name: 'bench constituency', orgId: centre, role: 'connector' })).json.key as string;
    const body = report();
    const send = async () => {
      const t0 = performance.now();
      const res = await fetch(`${server.url}/api/v1/constituency/reports/shadowserver?report=scan_http&reportDate=2026-12-05`, {
        method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'text/csv' }, body,
      });
      const answer = (await res.json()) as { accepted: number; duplicates: number; rejected: number };
      return { ms: performance.now() - t0, answer, status: res.status };
    };
    const first = await send();
    const again = await send();
    const unknown = ((await admin('GET', '/api/v1/constituency/stats')).json as { unknownOwner: number }).unknownOwner;
    const rate = ROWS / (first.ms / 1000);
    console.log(`${engine.padEnd(8)} ${ROWS.toLocaleString('en')} rows (${(body.length / 1e6).toFixed(1)} MB): first delivery ${first.status} ${JSON.stringify(first.answer)} in ${(first.ms / 1000).toFixed(2)} s = ${Math.round(rate)} rows/s; `
      + `again ${JSON.stringify(again.answer)} in ${(again.ms / 1000).toFixed(2)} s = ${Math.round(ROWS / (again.ms / 1000))} rows/s; unknown owners ${unknown}`);
    return rate;
  } finally {
    await server.stop();
  }
}

const engines = await enginesFor(opt.engine);
console.log(`bench:constituency a Shadowserver scan_http report of ${ROWS.toLocaleString('en')} rows through POST /api/v1/constituency/reports/shadowserver`);
let worst = Infinity;
for (const engine of engines) worst = Math.min(worst, await run(engine));
console.log(`bench:constituency rows_per_s=${Math.round(worst)} target>=${TARGET} ${worst >= TARGET ? 'ok' : 'miss'}`);
