import { createSocket, type Socket } from 'node:dgram';
import { createServer, type Server, type Socket as NetSocket } from 'node:net';
import type { AlertFormat } from '@lachan/contracts';
import type { Platform } from '../../core/platform.ts';
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

const BATCH_MAX = 1000;
const BATCH_MS = 200;
const BUFFER_MAX = 100_000;
const plainAddress = (a: string) => a.replace(/^::ffff:/, '');

/**
 * Syslog receiver (UDP and TCP) started by configuration. Each sending address must be registered as
 * a source of an organisation; messages are batched per source and go through the same pipeline as
 * HTTP. Unregistered senders are quarantined under the national centre with their address. TCP
 * connections are paused while the buffer is full; UDP has no back-pressure, so overflow is counted.
 */
export class SyslogListener {
  #p: Platform;
  #ingest: IngestService;
  #udp: Socket | null = null;
  #tcp: Server | null = null;
  #senders = new Map<string, Sender>();
  #pending = new Map<string, string[]>();
  #buffered = 0;
  #timer: NodeJS.Timeout | null = null;
  #flushing: Promise<void> | null = null;
  #paused = new Set<NetSocket>();
  dropped = 0;

  constructor(platform: Platform, ingest: IngestService) {
    this.#p = platform;
    this.#ingest = ingest;
  }

  async start(): Promise<{ udpPort: number | null; tcpPort: number | null }> {
    await this.refreshSenders();
    this.#p.relay.subscribe((events) => {
      if (events.some((e) => e.type === 'source.changed')) void this.refreshSenders();
    });
    const { syslogUdpPort, syslogTcpPort, syslogHost } = this.#p.config;
    let udpPort: number | null = null;
    let tcpPort: number | null = null;
    if (syslogUdpPort !== null) {
      const udp = (this.#udp = createSocket(syslogHost.includes(':') ? 'udp6' : 'udp4'));
      udp.on('message', (msg, rinfo) => this.#accept(plainAddress(rinfo.address), [msg.toString('utf8').replace(/\r?\n$/, '')]));
      udpPort = await new Promise<number>((resolve) => udp.bind(syslogUdpPort, syslogHost, () => resolve(udp.address().port)));
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
        sock.on('end', () => this.#accept(from, framer.flush()));
        sock.on('error', () => {});
      }));
      tcpPort = await new Promise<number>((resolve) => tcp.listen(syslogTcpPort, syslogHost, () => resolve((tcp.address() as { port: number }).port)));
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
    else this.#timer ??= setTimeout(() => void this.flush(), BATCH_MS);
  }

  /** Sends everything buffered through the pipeline; what the pipeline refuses for load stays buffered. */
  async flush(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#flushing) return this.#flushing;
    this.#flushing = this.#flushAll().finally(() => (this.#flushing = null));
    return this.#flushing;
  }

  async #flushAll(): Promise<void> {
    await this.#p.orgTree.ensure();
    for (const [from, messages] of this.#pending) {
      this.#pending.delete(from);
      for (let i = 0; i < messages.length; i += BATCH_MAX) {
        const chunk = messages.slice(i, i + BATCH_MAX);
        try {
          await this.#deliver(from, chunk);
          this.#buffered -= chunk.length;
        } catch (err) {
          if (!(err instanceof AppError && err.status === 503)) throw err;
          const rest = messages.slice(i);
          this.#pending.set(from, [...rest, ...(this.#pending.get(from) ?? [])]);
          this.#timer ??= setTimeout(() => void this.flush(), 1000);
          return;
        }
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
    await this.#ingest.gate.run(() => this.#ingest.ingestRecords({ ctx, format: sender.format, records: messages, sourceId: sender.sourceId }));
  }
}
