import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, type Config } from './config.ts';
import type { Platform } from './platform.types.ts';
import type { StartedPlatform } from './platform-workers.types.ts';
import { systemContext } from './core/context.ts';
import { recordChange, transact, EventRelay } from './modules/events/index.ts';
import { migrate, openDatabase, type Database } from './db/index.ts';
import { OrgTree, orgsRepository, seedDemoNetwork } from './modules/orgs/index.ts';
import { ReferenceService } from './modules/reference/index.ts';
import { usersRepository } from './modules/users/index.ts';
import { generatePassword, hashPassword, loadTotpSeal, passwordProblem, sealStoredTotpSecrets } from './modules/auth/index.ts';
import { ensureAlertPartitions, pruneBatchItems, RetentionSweeper } from './modules/alerts/index.ts';
import { EmbeddedMaintenance } from './common/embedded-maintenance.ts';
import { PromotionEngine, ReportingReminders } from './modules/incidents/index.ts';
import { StatsRollup } from './modules/stats/index.ts';
import { IndicatorIndex, IntakeRunsSweeper, SightingsRecorder, warninglistsFrom } from './modules/intel/index.ts';
import { AlertFeed } from './common/alert-feed.ts';
import { IndicatorSlot } from './common/indicator-matcher.ts';
import { CampaignEngine, DEFAULT_DETECTOR } from './modules/campaigns/index.ts';
import { WarningWorkers } from './modules/warnings/index.ts';
import { AuditCheckpoints, loadAuditSigner } from './modules/audit/index.ts';
import { AdvisoryLeadership, connectEvents, dedicatedConnection, duringStartup, EventsPublisher, NatsConsoleEvents, SoleLeadership, type Leadership } from './cluster/index.ts';

export interface StartOptions {
  /** Use this database instead of opening one from the configuration (tests). */
  database?: Database;
  /** Print the generated administrator password (the server does; tests do not). */
  announce?: (line: string) => void;
}

/** Opens the store, migrates it, starts the event relay and makes sure an administrator exists. */
export async function startPlatform(config: Config, opts: StartOptions = {}): Promise<StartedPlatform> {
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : join(config.dataDir) }));
  const warn = (line: string) => (opts.announce ?? (() => {}))(`Warning: ${line}`);
  try {
    await duringStartup(database, () => migrate(database).then(() => ensureAlertPartitions(database)));
    const { signer, warning } = loadAuditSigner(config);
    if (warning) warn(warning);
    const totp = loadTotpSeal(config);
    if (totp.warning) warn(totp.warning);
    const relay = new EventRelay(database.db);
    await relay.start();
    const orgTree = new OrgTree(database.db);
    relay.subscribe((events) => {
      if (events.some((e) => e.type.startsWith('org.'))) orgTree.invalidate();
    });
    const audit = { signer, checkpoints: new AuditCheckpoints(database.db, signer, { everySeconds: config.auditCheckpointSeconds, file: config.auditCheckpointFile, warn }) };
    const leadership = leadershipFor(config, database, opts.announce);
    const nats = config.natsUrl ? await connectEvents(config.natsUrl, config.nodeName, config.natsStream) : null;
    const consoleEvents = nats ? new NatsConsoleEvents(nats, relay) : relay;
    const platform = { config, database, db: database.db, relay, consoleEvents, orgTree, audit, leadership, alertFeed: new AlertFeed(), indicators: new IndicatorSlot(), stopHooks: [], now: () => new Date() } as unknown as StartedPlatform;
    platform.workers = {
      promotion: new PromotionEngine(platform), stats: new StatsRollup(platform), reminders: new ReportingReminders(platform), indicators: new IndicatorIndex(platform),
      sightings: new SightingsRecorder(platform), campaigns: campaignEngine(platform), warnings: new WarningWorkers(platform), intakeRuns: new IntakeRunsSweeper(platform), retention: new RetentionSweeper(platform),
      maintenance: database.engine === 'pglite' ? new EmbeddedMaintenance(database) : null,
    };
    // The one link between two modules' workers: a campaign's change brings its warning proposal in line, in its transaction.
    platform.workers.campaigns.hook = (tx, c) => platform.workers.warnings.proposeFromCampaign(tx, c);
    await duringStartup(database, async () => {
      await new ReferenceService(platform).seed();
      await bootstrap(platform, opts.announce ?? (() => {}));
      await sealStoredTotpSecrets(database.db, totp.seal);
    });
    // Every node matches the alerts it receives against live indicators: the index is a per-process cache.
    await platform.workers.indicators.refresh();
    platform.workers.indicators.start();
    platform.stopHooks.push(() => platform.workers.indicators.stop());
    // A first checkpoint at start: a bad checkpoint file fails here, loudly, not later in a timer.
    await audit.checkpoints.checkpoint();
    platform.stopHooks.push(() => platform.leadership.stop());
    if (nats && consoleEvents instanceof NatsConsoleEvents) {
      await consoleEvents.start();
      platform.stopHooks.push(async () => {
        await consoleEvents.stop();
        await nats.nc.drain().catch(() => {});
      });
    }
    if (config.roles.includes('workers')) await leadWorkers(platform);
    // With NATS, one node publishes the committed events to JetStream for every node's consoles.
    if (nats && config.roles.includes('workers')) await platform.leadership.run('events-publisher', new EventsPublisher(nats, database.db, relay));
    return platform;
  } catch (err) {
    if (!opts.database) await database.close();
    throw err;
  }
}

export async function stopPlatform(platform: Platform): Promise<void> {
  for (const stop of platform.stopHooks) await stop();
  // Last, once nothing else writes: the shutdown checkpoint covers every link this process wrote.
  await platform.audit.checkpoints.stop().catch(() => {});
  await platform.relay.stop();
  await platform.database.close();
}

/** First start: the coordination centre (with the demo network unless disabled) and its administrator. */
async function bootstrap(platform: Platform, announce: (line: string) => void): Promise<void> {
  const { config, db } = platform;
  if ((await usersRepository.count(db)) > 0) return;
  let root = await orgsRepository.root(db);
  if (config.adminPassword) {
    const problem = passwordProblem(config.adminPassword, { email: config.adminEmail, name: 'Administrator', orgName: root?.name ?? null }, config.passwordMinScore);
    if (problem) throw new ConfigError(`LACHAN_ADMIN_PASSWORD is refused: ${problem.message}. Choose a stronger one (a few unrelated words), or unset it to have one generated.`);
  }
  const ctx = systemContext(root?.id ?? '00000000-0000-0000-0000-000000000000', 'bootstrap');
  if (!root) {
    if (config.demoData) await seedDemoNetwork(platform, ctx);
    else {
      await transact(platform, async (tx) => {
        const id = await orgsRepository.insert(tx, { name: 'Trung tâm Điều phối Ứng cứu Sự cố Quốc gia', nameEn: 'National Incident Response Coordination Centre', shortName: null, kind: 'coordination_centre', parentId: null, provinceCode: '01', securityLevel: null, website: null, incidentReceptionEmail: null, address: null });
        await recordChange(tx, ctx, { action: 'org.create', entityType: 'org', entityId: id, orgId: id, after: { name: 'National Incident Response Coordination Centre' } });
      });
    }
    root = (await orgsRepository.root(db))!;
  }
  const password = config.adminPassword ?? generatePassword();
  const passwordHash = await hashPassword(password);
  await transact(platform, async (tx) => {
    const id = await usersRepository.insert(tx, { email: config.adminEmail, name: 'Administrator', orgId: root.id, role: 'national_coordinator', passwordHash });
    await recordChange(tx, { ...ctx, actor: { ...ctx.actor, orgId: root.id } }, { action: 'user.create', entityType: 'user', entityId: id, orgId: root.id, after: { email: config.adminEmail, role: 'national_coordinator' } });
  });
  if (!config.adminPassword) {
    const dir = resolve(config.dataDir);
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'initial-admin-password');
    writeFileSync(file, `${password}\n`, { mode: 0o600 });
    announce(`Administrator created: ${config.adminEmail} / ${password}  (also written to ${file}; change it after signing in)`);
  } else {
    announce(`Administrator created: ${config.adminEmail} (password from LACHAN_ADMIN_PASSWORD)`);
  }
}

/**
 * The background workers, each run by the one node of the cluster that holds its lead (all of them
 * here on a single node): they resume from their durable cursors wherever they start.
 */
async function leadWorkers(platform: StartedPlatform): Promise<void> {
  const { workers: w, leadership: lead, database } = platform;
  await lead.run('intake-runs', { start: () => w.intakeRuns.start(), stop: () => w.intakeRuns.task.stop() });
  // The four consumers of alert batches follow one lead: their node reads a batch committed elsewhere once for
  // all four. Led apart on several nodes, each of those nodes read every batch back (server CPU per alert
  // grew with every node added); together the read-backs stay at most one per alert, whatever the node count.
  await lead.run('alert-batches', together([consumer(w.promotion), consumer(w.stats), consumer(w.sightings), consumer(w.campaigns)]));
  await lead.run('reminders', w.reminders);
  await lead.run('warnings', w.warnings);
  if (w.maintenance) await lead.run('maintenance', w.maintenance.task);
  await lead.run('retention', w.retention.task);
  await lead.run('audit-checkpoints', platform.audit.checkpoints.task);
  let partitions: NodeJS.Timeout | null = null;
  await lead.run('partitions', {
    start: () => {
      partitions = setInterval(() => void ensureAlertPartitions(database).then(() => pruneBatchItems(database.db)).catch(() => {}), 3_600_000);
      partitions.unref();
    },
    stop: () => void (partitions && clearInterval(partitions)),
  });
}

/** Leadership over the database: session advisory locks on PostgreSQL; the embedded engine has one process. */
function leadershipFor(config: Config, database: Database, announce?: (line: string) => void): Leadership {
  if (!database.pool) return new SoleLeadership();
  return new AdvisoryLeadership(dedicatedConnection(database.pool, config.nodeName), {
    checkMs: config.leaderCheckSeconds * 1000,
    log: (line) => { if (config.roles.length < 3 || config.logLeadership) announce?.(`${config.nodeName} ${line}`); },
  });
}

const consumer = (c: { start(): Promise<void>; stop(): void; idle(): Promise<void> }) => ({ start: () => c.start(), stop: () => drained(c) });

/** Jobs led as one: started in order, stopped together. */
function together(jobs: { start(): Promise<void>; stop(): Promise<void> }[]): { start(): Promise<void>; stop(): Promise<void> } {
  return {
    start: async () => {
      for (const j of jobs) await j.start();
    },
    stop: async () => {
      await Promise.all(jobs.map((j) => j.stop()));
    },
  };
}

/** The campaign engine, with the knowledge base's warninglists: known-benign values never link organisations. */
function campaignEngine(platform: Platform): CampaignEngine {
  const lists = warninglistsFrom(platform.config.intelWarninglistsDir);
  const windowMs = platform.config.campaignWindowDays * 86_400_000;
  const c = platform.config;
  const publish = { ...DEFAULT_DETECTOR.publish, warmOrgs: c.campaignWarmOrgs, warmMs: c.campaignWarmSeconds * 1000, warmObservers: c.campaignWarmObservers, strongOrgs: c.campaignStrongOrgs,
    holdRounds: c.campaignHoldRounds, holdMs: c.campaignHoldSeconds * 1000, maxHoldMs: c.campaignMaxHoldSeconds * 1000 };
  return new CampaignEngine(platform, { ...DEFAULT_DETECTOR, windowMs, halfLifeMs: windowMs / 3, publish, warninglisted: (type, value) => lists.suppress(type, value) !== null });
}

/** Stops a batch consumer following new batches and waits for what it had queued. */
function drained(consumer: { stop(): void; idle(): Promise<void> }): Promise<void> {
  consumer.stop();
  return consumer.idle();
}
