import { setTimeout as sleep } from 'node:timers/promises';
import { planInjection } from './campaigns.ts';
import { Injector } from './injector.ts';
import { measureIncidents } from './incident-figure.ts';
import { buildReport } from './report.ts';
import { Rng } from './rng.ts';
import { Sender, Stats } from './sender.ts';
import { checkLocalUrl, setup } from './setup.ts';
import { Traffic } from './traffic.ts';
import type { SimulationOptions, SimulationReport } from './types.ts';

/** Pacing step of the token bucket. */
const TICK_MS = 20;
/** A connector ships what it has at least this often. */
const FLUSH_MS = 1000;
/** When more than this many seconds of traffic wait (buffered or queued), generation pauses (the rate drops). */
const MAX_BACKLOG_SECONDS = 3;

/**
 * Runs the national traffic simulation against a server on this machine and returns the figures.
 * Bounded: traffic stops after `duration` seconds, the last answers are awaited at most
 * `drainSeconds` more, then whatever is still open is aborted.
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationReport> {
  checkLocalUrl(options.url);
  const opts = { ...options, concurrency: options.concurrency ?? 8, drainSeconds: options.drainSeconds ?? 60 };
  const log = opts.quiet ? () => {} : (opts.log ?? ((line: string) => console.log(line)));
  const prepared = await setup(opts, log);
  log(`prepared ${prepared.reporters.length} organisations (${prepared.socProviders} SOC providers), ${prepared.connectors.length} connector keys (${[...new Set(prepared.connectors.map((c) => c.format))].join(', ')}), assets for ${prepared.withAssets} organisations`);

  const inject = (opts.campaigns ?? 0) > 0 || opts.surge !== undefined;
  const span = opts.duration * 1000 * 0.8;
  const plan = inject ? planInjection(Rng.derive(opts.seed, 'inject'), prepared.directory, { campaigns: opts.campaigns ?? 0, surge: opts.surge, surgeAlerts: opts.surgeAlerts ?? 300, start: Date.now() + 1000, spanMs: span, tag: `-s${opts.seed}-${Date.now().toString(36)}` }) : null;
  const injector = plan ? await Injector.prepare(plan, prepared.directory, prepared.connectorFor) : null;
  await injector?.baseline(prepared.admin);
  if (plan) {
    for (const c of plan.campaigns) log(`injecting ${c.label}: ${c.records.length} alerts from ${c.orgIds.length} organisations (${c.group}), infrastructure ${c.network} and ${c.domain}, techniques ${c.techniques.join(' ')}`);
    if (plan.surge) log(`injecting ${plan.surge.label}: ${plan.surge.records.length} ransomware alerts over ${plan.surge.orgIds.length} organisations of ${plan.surge.sector}`);
  }

  const runStart = Date.now();
  const stats = new Stats();
  const sender = new Sender({ url: opts.url, gzip: opts.gzip, concurrency: opts.concurrency, stats });
  const traffic = new Traffic(prepared.connectors, { seed: opts.seed, batch: opts.batch, repeat: opts.repeat, malformed: opts.malformed });
  const maxBacklog = Math.max(opts.batch * opts.concurrency, opts.rate * MAX_BACKLOG_SECONDS);
  const backlog = (): number => sender.pendingRecords + traffic.buffered;

  const start = performance.now();
  const endAt = start + opts.duration * 1000;
  const maxTicks = Math.ceil((opts.duration * 1000) / TICK_MS) + 1000;
  let tokens = 0;
  let last = start;
  let generated = 0;
  let skipped = 0;
  let nextProgress = start + 1000;
  const progress = (now: number): void => {
    const secs = (now - start) / 1000;
    const answered = stats.total('accepted') + stats.total('duplicates') + stats.total('rejected');
    const errors = Object.values(stats.httpErrors).reduce((a, b) => a + b, 0);
    log(`[${secs.toFixed(0).padStart(4)}s] generated ${generated} (${(generated / Math.max(secs, 0.001)).toFixed(0)}/s) answered ${answered}: accepted ${stats.total('accepted')} dup ${stats.total('duplicates')} rejected ${stats.total('rejected')} | buffered ${traffic.buffered} in flight ${sender.inFlight} queued ${sender.queued} | retries ${stats.total('retries')} errors ${errors}${skipped > 0 ? ` skipped ${skipped}` : ''}`);
  };

  for (let tick = 0; tick < maxTicks; tick++) {
    const now = performance.now();
    if (now >= endAt) break;
    tokens = Math.min(tokens + (opts.rate * (now - last)) / 1000, opts.rate);
    last = now;
    const n = Math.floor(tokens);
    tokens -= n;
    if (backlog() > maxBacklog) skipped += n;
    else {
      const wall = Date.now();
      for (let i = 0; i < n; i++) {
        const full = traffic.next(wall, now);
        if (full) sender.enqueue(full);
      }
      generated += n;
    }
    if (injector) for (const b of injector.due(Date.now())) sender.enqueue(b);
    // Connectors ship what waited a second when the sender has room; full batches go at once.
    const room = opts.concurrency - sender.queued;
    if (room > 0) for (const b of traffic.due(now, FLUSH_MS, room)) sender.enqueue(b);
    if (now >= nextProgress) {
      progress(now);
      nextProgress += 1000;
    }
    await sleep(Math.max(1, Math.min(TICK_MS, endAt - performance.now())));
  }
  const trafficSeconds = (performance.now() - start) / 1000;
  for (const b of traffic.due(performance.now(), 0)) sender.enqueue(b);
  if (injector) for (const b of injector.due(Number.POSITIVE_INFINITY)) sender.enqueue(b);

  const deadline = performance.now() + opts.drainSeconds * 1000;
  const drained = sender.drain(deadline);
  let done = false;
  void drained.then(() => (done = true));
  for (let i = 0; i < opts.drainSeconds + 5 && !done; i++) {
    await Promise.race([drained, sleep(1000)]);
    if (!done) progress(performance.now());
  }
  await drained;
  progress(performance.now());

  const injected = injector ? await injector.report(prepared.admin, prepared.directory, 15_000) : undefined;
  log('waiting for promotion to settle, then reading back incidents and alerts');
  const incidents = await measureIncidents(prepared.admin, runStart - 1000, 60_000);
  if (opts.revokeKeys) await prepared.revokeKeys();
  return { ...buildReport({ opts, setup: prepared, stats, trafficSeconds, skipped }), ...(injected ? { injected } : {}), incidents };
}
