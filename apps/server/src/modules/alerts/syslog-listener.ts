import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server, type Socket as NetSocket } from 'node:net';
import type { AlertFormat } from '@lachan/contracts';
import type { AlertsParts } from './alerts-parts.ts';
import { AppError } from '../../core/errors.ts';
import type { IngestService } from './ingest.service.ts';
import { SyslogFramer } from './syslog-framing.ts';
import { batchRepository } from './batch.repository.ts';
import { orgsRepository } from '../orgs/index.ts';

interface Sender {
  sourceId: string;
  orgId: string;
  format: AlertFormat;
}

/** Where the listener reports what went wrong (the server's logger). */
export interface ListenerLog {
  error(details: object, message: string): void;
}

const BATCH_MAX = 1000;
const BATCH_MS = 200;
const BUFFER_MAX = 100_000;
const RETRY_BUSY_MS = 1000;
const RETRY_FAILED_MS = 5000;
const plainAddress = (a: string) => a.replace(/^::ffff:/, '');

/**
 * Syslog receiver (UDP and TCP) started by configuration. Each sending address must be registered as
 * a source of an organisation; messages are batched per source and go through the same pipeline as
 * HTTP. Unregistered senders are quarantined under the national centre with their address. TCP
 * connections are paused while the buffer is full; UDP has no back-pressure, so overflow is counted.
 * No message can stop it: its timers and socket events never leave a promise rejected, a batch the
 * pipeline fails on goes to the quarantine whole, and what cannot be stored yet (database away) stays
 * buffered and is tried again.
 */
export class SyslogListener {
  #p: AlertsParts;
  #ingest: IngestService;
  #log: ListenerLog;
  #udp: Socket | null = null;
  #tcp: Server | null = null;
  #senders = new Map<string, Sender>();
  #pending = new Map<string, string[]>();
  #buffered = 0;
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> | null = null;
  #paused = new Set<NetSocket>();
  dropped = 0;

  constructor(parts: AlertsParts, ingest: IngestService, log: ListenerLog = { error: () => {} }) {
    this.#p = parts;
    this.#ingest = ingest;
    this.#log = log;
  }

  async start(): Promise<{ udpPort: number | null; tcpPort: number | null }> {
    await this.refreshSenders();
    this.#p.relay.subscribe((events) => {
      if (!events.some((e) => e.type === 'source.changed')) return;
      this.refreshSenders().catch((err: unknown) => this.#log.error({ err }, 'syslog: could not reload the registered senders'));
    });
    const { syslogUdpPort, syslogTcpPort, syslogHost } = this.#p.config;
    let udpPort: number | null = null;
    let tcpPort: number | null = null;
    if (syslogUdpPort !== null) {
      const udp = (this.#udp = createSocket(syslogHost.includes(':') ? 'udp6' : 'udp4'));
      udp.on('message', (msg, rinfo) => this.#accept(plainAddress(rinfo.address), [msg.toString('utf8').replace(/\r?\n$/, '')]));
      udpPort = await listening(udp, () => udp.bind(syslogUdpPort, syslogHost), () => udp.address().port);
      udp.on('error', (err) => this.#log.error({ err }, 'syslog: UDP socket error'));
    }
    if (syslogTcpPort !== null) {
      const tcp = (this.#tcp = createServer((sock) => {
        const framer = new SyslogFramer();
        const from = plainAddress(sock.remoteAddress ?? '');
        sock.on('data', (chunk) => {
          this.#accept(from, framer.push(chunk));
          if (this.#buffered > BUFFER_MAX) {
            sock.pause();
            this.#paused.add(sock);
          }
        });
        // On a clean end or a reset alike, what arrived of an unfinished frame is kept as a message.
        sock.on('close', () => {
          this.#paused.delete(sock);
          this.#accept(from, framer.flush());
        });
        sock.on('error', () => {});
      }));
      tcpPort = await listening(tcp, () => tcp.listen(syslogTcpPort, syslogHost), () => (tcp.address() as { port: number }).port);
      tcp.on('error', (err) => this.#log.error({ err }, 'syslog: TCP server error'));
    }
    return { udpPort, tcpPort };
  }

  async stop(): Promise<void> {
    this.#udp?.close();
    await new Promise<void>((resolve) => (this.#tcp ? this.#tcp.close(() => resolve()) : resolve()));
    await this.flush();
  }

  async refreshSenders(): Promise<void> {
    const rows = await this.#p.db.selectFrom('alert_sources').select(['id', 'org_id', 'format', 'syslog_address']).where('syslog_address', 'is not', null).execute();
    this.#senders = new Map(rows.map((r) => [r.syslog_address!, { sourceId: r.id, orgId: r.org_id, format: r.format as AlertFormat }]));
  }

  /** Messages held for a later flush (tests, metrics). */
  get buffered(): number {
    return this.#buffered;
  }

  #accept(from: string, messages: string[]): void {
    if (!messages.length) return;
    if (this.#buffered > BUFFER_MAX * 2) {
      this.dropped += messages.length;
      return;
    }
    const list = this.#pending.get(from) ?? this.#pending.set(from, []).get(from)!;
    list.push(...messages);
    this.#buffered += messages.length;
    if (list.length >= BATCH_MAX) void this.flush();
    else this.#retryIn(BATCH_MS);
  }

  #retryIn(ms: number): void {
    this.#timer ??= setTimeout(() => void this.flush(), ms);
  }

  /**
   * Sends everything buffered through the pipeline; what cannot be stored yet stays buffered and is
   * tried again later. Never rejects (timers and socket events call it without waiting).
   */
  async flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#flushing) return this.#flushing;
    this.#flushing = this.#flushAll()
      .catch((err: unknown) => {
        this.#log.error({ err }, 'syslog: flush failed; the messages stay buffered');
        this.#retryIn(RETRY_FAILED_MS);
      })
      .finally(() => (this.#flushing = null));
    return this.#flushing;
  }

  async #flushAll(): Promise<void> {
    await this.#p.orgTree.ensure();
    for (const [from, messages] of this.#pending) {
      this.#pending.delete(from);
      for (let i = 0; i < messages.length; i += BATCH_MAX) {
        const chunk = messages.slice(i, i + BATCH_MAX);
        const outcome = await this.#deliver(from, chunk).then(
          () => 'kept' as const,
          async (err: unknown) => (err instanceof AppError && err.status === 503 ? 'busy' : (await this.#quarantineFailed(from, chunk, err)) ? 'kept' : 'failed'),
        );
        if (outcome !== 'kept') {
          this.#pending.set(from, [...messages.slice(i), ...(this.#pending.get(from) ?? [])]);
          this.#retryIn(outcome === 'busy' ? RETRY_BUSY_MS : RETRY_FAILED_MS);
          return;
        }
        this.#buffered -= chunk.length;
      }
    }
    for (const sock of this.#paused) sock.resume();
    this.#paused.clear();
  }

  async #deliver(from: string, messages: string[]): Promise<void> {
    const sender = this.#senders.get(from);
    if (!sender) {
      const root = (await orgsRepository.root(this.#p.db))?.id;
      if (!root) return;
      await this.#p.database.rawTransaction((tx) =>
        batchRepository.quarantine(tx, messages.map((raw) => ({ code: 'unknown_sender', message: `syslog from unregistered address ${from}`, raw })), { orgId: root, sourceId: null, format: 'syslog' }),
      );
      return;
    }
    const scope = this.#p.orgTree.scopeFor(sender.orgId, 'connector');
    const ctx = { actor: { type: 'apikey' as const, id: null, name: `syslog ${from}`, orgId: sender.orgId, role: 'connector' as const }, scope, ip: from, requestId: null };
    await this.#ingest.gate.run(() => this.#ingest.ingestRecords({ ctx, format: sender.format, records: messages, sourceId: sender.sourceId }), messages.length);
  }

  /**
   * The pipeline failed on a chunk for a reason other than load: its messages go to the quarantine as
   * they came, under their sender, to be replayed. False when even that fails (the database is away):
   * they are then kept and tried again.
   */
  async #quarantineFailed(from: string, messages: string[], err: unknown): Promise<boolean> {
    this.#log.error({ err, from, messages: messages.length }, 'syslog: the pipeline failed on a batch; quarantining it');
    try {
      const sender = this.#senders.get(from);
      const orgId = sender?.orgId ?? (await orgsRepository.root(this.#p.db))?.id;
      if (!orgId) return false;
      const reason = (err as { code?: unknown } | null)?.code ?? (err instanceof Error ? err.name : 'error');
      const message = `syslog from ${from} could not be ingested (${String(reason)}); kept here to be replayed`;
      await this.#p.database.rawTransaction((tx) =>
        batchRepository.quarantine(tx, messages.map((raw) => ({ code: 'ingest_failed', message, raw })), { orgId, sourceId: sender?.sourceId ?? null, format: sender?.format ?? 'syslog' }),
      );
      return true;
    } catch (again) {
      this.#log.error({ err: again }, 'syslog: could not quarantine the batch either; keeping it buffered');
      return false;
    }
  }
}

/** Binds a socket or server; resolves with its port once listening, rejects if binding fails. */
function listening(target: Socket | Server, bind: () => void, port: () => number): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    target.once('error', reject);
    target.once('listening', () => {
      target.off('error', reject);
      resolve(port());
    });
    bind();
  });
}
