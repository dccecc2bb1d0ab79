/**
 * `npm run cluster -- --nodes 3 [--port 8080] [--roles api,ingest,workers]`: several Lachan server
 * processes on this machine sharing one PostgreSQL (DATABASE_URL, default the local server's `lachan`
 * database, created if missing) and NATS (NATS_URL, default nats://127.0.0.1:4222 when it answers),
 * behind a round-robin proxy on --port that tries the next node when one does not answer.
 * Nodes listen on the ports after it. Ctrl-C stops everything.
 */
import { request, createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { connect } from 'node:net';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { LocalCluster } from '../apps/server/src/cluster/local-cluster.ts';

const { values } = parseArgs({ options: { nodes: { type: 'string', default: '3' }, port: { type: 'string', default: '8080' }, roles: { type: 'string', default: 'api,ingest,workers' } } });
const nodes = Number(values.nodes);
const port = Number(values.port);
if (!Number.isInteger(nodes) || nodes < 1 || nodes > 16) throw new Error('--nodes must be 1 to 16');

const databaseUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/lachan';
await ensureDatabase(databaseUrl);
const natsUrl = process.env.NATS_URL || ((await answers('127.0.0.1', 4222)) ? 'nats://127.0.0.1:4222' : undefined);
const adminPassword = process.env.LACHAN_ADMIN_PASSWORD || 'cluster-centre-password-1';
const cluster = new LocalCluster({
  nodes, databaseUrl, natsUrl, roles: values.roles, adminPassword,
  ports: Array.from({ length: nodes }, (_, i) => port + 1 + i),
  env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', LACHAN_SECOND_FACTOR_ROLES: process.env.LACHAN_SECOND_FACTOR_ROLES ?? '' },
  onOutput: (node, text) => process.stdout.write(text.split('\n').filter(Boolean).map((l) => `[${node}] ${l}\n`).join('')),
});
console.log(`Starting ${nodes} nodes on ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname}${natsUrl ? ` and NATS ${natsUrl}` : ' (no NATS: events shared through the database)'}...`);
await cluster.start();

let next = 0;
const proxy = createServer((req, res) => void forward(req, res));
proxy.listen(port, '127.0.0.1');
console.log(`\nLachan cluster ready on http://127.0.0.1:${port} (round-robin over ${cluster.nodes.map((n) => n.url).join(', ')})`);
console.log(`Administrator: admin@lachan.local / ${adminPassword} (unless the database already had one)\n`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  proxy.close();
  await cluster.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

/** Sends the request to the next node; a node that does not answer is skipped (bodies are buffered for that). */
async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const body = Buffer.concat(chunks);
  for (let tries = 0; tries < cluster.nodes.length; tries++) {
    const node = cluster.nodes[next++ % cluster.nodes.length]!;
    const sent = await new Promise<boolean>((resolve) => {
      const out = request({ host: '127.0.0.1', port: node.port, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '' } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        resolve(true);
      });
      out.on('error', () => resolve(false));
      out.end(body);
    });
    if (sent) return;
  }
  res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'no_node', message: 'no node answered' } }));
}

async function ensureDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    const r = await c.query('select 1 from pg_database where datname = $1', [name]);
    if (!r.rowCount) await c.query(`create database "${name.replace(/"/g, '')}"`);
  } finally {
    await c.end();
  }
}

function answers(host: string, p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host, port: p, timeout: 1000 }, () => (s.destroy(), resolve(true)));
    s.on('error', () => resolve(false));
    s.on('timeout', () => (s.destroy(), resolve(false)));
  });
}
