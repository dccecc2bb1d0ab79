import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const serverEntry = fileURLToPath(new URL('../bin/server.ts', import.meta.url));

/** One server process of a local cluster. */
export interface LocalNode {
  name: string;
  port: number;
  url: string;
  process: ChildProcess;
  output(): string;
}

export interface LocalClusterOptions {
  nodes: number;
  databaseUrl: string;
  /** Unset: nodes share events through the database only (each relay polls the outbox). */
  natsUrl?: string | undefined;
  natsStream?: string;
  /** Ports `basePort`, `basePort + 1`, ... (or the ones given). */
  ports: number[];
  roles?: string;
  adminPassword: string;
  env?: Record<string, string | undefined>;
  /** Where each node's output goes as it comes (the `cluster` command prints it). */
  onOutput?: (node: string, text: string) => void;
}

/**
 * Several server processes (`lachan serve --roles ...`) on this machine sharing one PostgreSQL (and
 * NATS when given): what `npm run cluster` starts, and the cluster tests and benchmark use. Each node
 * has its own data directory (for its files) and all share one audit signing key, as real machines must.
 */
export class LocalCluster {
  readonly nodes: LocalNode[] = [];
  #opts: LocalClusterOptions;
  #dirs: string[] = [];
  #auditKey = randomBytes(32).toString('base64');
  #totpKey = randomBytes(32).toString('base64');

  constructor(opts: LocalClusterOptions) {
    this.#opts = opts;
  }

  /** Starts every node and waits until each answers `/readyz`. */
  async start(): Promise<void> {
    for (let i = 0; i < this.#opts.nodes; i++) this.nodes.push(this.#spawn(i));
    await Promise.all(this.nodes.map((n) => ready(n)));
  }

  /** Starts node `i` again (after a kill or a stop) and waits until it is ready. */
  async restart(i: number): Promise<LocalNode> {
    this.nodes[i] = this.#spawn(i);
    await ready(this.nodes[i]!);
    return this.nodes[i]!;
  }

  /** Stops node `i` as an operator would (SIGTERM, a clean shutdown) or as a crash does (SIGKILL). */
  async stopNode(i: number, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
    const p = this.nodes[i]!.process;
    if (p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill(signal);
    await exited;
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((_, i) => this.stopNode(i)));
    for (const d of this.#dirs) rmSync(d, { recursive: true, force: true });
  }

  #spawn(i: number): LocalNode {
    const name = `node-${i + 1}`;
    const port = this.#opts.ports[i]!;
    const dir = this.#dirs[i] ?? mkdtempSync(join(tmpdir(), `lachan-${name}-`));
    this.#dirs[i] = dir;
    const env: Record<string, string | undefined> = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: this.#opts.databaseUrl,
      NATS_URL: this.#opts.natsUrl ?? '',
      LACHAN_NATS_STREAM: this.#opts.natsStream ?? '',
      LACHAN_NODE_NAME: name,
      LACHAN_DATA_DIR: dir,
      LACHAN_ADMIN_PASSWORD: this.#opts.adminPassword,
      LACHAN_AUDIT_SIGNING_KEY: this.#auditKey,
      LACHAN_TOTP_SECRETS_KEY: this.#totpKey,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...this.#opts.env,
    };
    for (const [k, v] of Object.entries(env)) if (v === undefined) delete env[k];
    const child = spawn(process.execPath, [serverEntry, 'serve', '--roles', this.#opts.roles ?? 'api,ingest,workers'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const take = (d: Buffer) => {
      const text = d.toString();
      out = (out + text).slice(-200_000);
      this.#opts.onOutput?.(name, text);
    };
    child.stdout!.on('data', take);
    child.stderr!.on('data', take);
    return { name, port, url: `http://127.0.0.1:${port}`, process: child, output: () => out };
  }
}

async function ready(node: LocalNode, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (node.process.exitCode !== null) throw new Error(`${node.name} exited (${node.process.exitCode}):\n${node.output()}`);
    try {
      if ((await fetch(`${node.url}/readyz`, { signal: AbortSignal.timeout(2000) })).ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`${node.name} did not become ready:\n${node.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
