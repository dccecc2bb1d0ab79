import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, type Config } from './config.ts';
import type { Platform } from './core/platform.ts';
import { systemContext } from './core/context.ts';
import { recordChange, transact } from './core/change.ts';
import { migrate, openDatabase, type Database } from './db/index.ts';
import { EventRelay } from './modules/events/index.ts';
import { OrgTree, orgsRepository, seedDemoNetwork } from './modules/orgs/index.ts';
import { ReferenceService } from './modules/reference/index.ts';
import { usersRepository } from './modules/users/index.ts';
import { generatePassword, hashPassword, passwordProblem } from './modules/auth/index.ts';
import { ensureAlertPartitions, RetentionSweeper } from './modules/alerts/index.ts';
import { EmbeddedMaintenance } from './core/embedded-maintenance.ts';
import { PromotionEngine, ReportingReminders } from './modules/incidents/index.ts';
import { StatsRollup } from './modules/stats/index.ts';
import { IndicatorIndex, IntakeRunsSweeper, SightingsRecorder, warninglistsFrom } from './modules/intel/index.ts';
import { AlertFeed } from './core/alert-feed.ts';
import { IndicatorSlot } from './core/indicator-matcher.ts';
import { CampaignEngine, DEFAULT_DETECTOR } from './modules/campaigns/index.ts';
import { WarningWorkers } from './modules/warnings/index.ts';
import { AuditCheckpoints, loadAuditSigner } from './modules/audit/index.ts';

export interface StartOptions {
  /** Use this database instead of opening one from the configuration (tests). */
  database?: Database;
  /** Print the generated administrator password (the server does; tests do not). */
  announce?: (line: string) => void;
}

/** Opens the store, migrates it, starts the event relay and makes sure an administrator exists. */
export async function startPlatform(config: Config, opts: StartOptions = {}): Promise<Platform> {
  const database = opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : join(config.dataDir) }));
  const warn = (line: string) => (opts.announce ?? (() => {}))(`Warning: ${line}`);
  try {
    const { signer, warning } = loadAuditSigner(config);
    if (warning) warn(warning);
    await migrate(database);
    await ensureAlertPartitions(database);
    const relay = new EventRelay(database.db);
    await relay.start();
    const orgTree = new OrgTree(database.db);
    relay.subscribe((events) => {
      if (events.some((e) => e.type.startsWith('org.'))) orgTree.invalidate();
    });
    const audit = { signer, checkpoints: new AuditCheckpoints(database.db, signer, { everySeconds: config.auditCheckpointSeconds, file: config.auditCheckpointFile, warn }) };
    const platform = { config, database, db: database.db, relay, orgTree, audit, alertFeed: new AlertFeed(), indicators: new IndicatorSlot(), stopHooks: [], now: () => new Date() } as unknown as Platform;
    platform.workers = {
      promotion: new PromotionEngine(platform), stats: new StatsRollup(platform), reminders: new ReportingReminders(platform), indicators: new IndicatorIndex(platform),
      sightings: new SightingsRecorder(platform), campaigns: campaignEngine(platform), warnings: new WarningWorkers(platform), intakeRuns: new IntakeRunsSweeper(platform), retention: new RetentionSweeper(platform),
      maintenance: database.engine === 'pglite' ? new EmbeddedMaintenance(database) : null,
    };
    platform.workers.campaigns.hook = (tx, c) => platform.workers.warnings.proposeFromCampaign(tx, c);
    await new ReferenceService(platform).seed();
    await bootstrap(platform, opts.announce ?? (() => {}));
    await platform.workers.intakeRuns.start();
    await platform.workers.promotion.start();
    await platform.workers.stats.start();
    platform.workers.reminders.start();
    await platform.workers.sightings.start();
    await platform.workers.indicators.refresh();
    platform.workers.indicators.start();
    await platform.workers.campaigns.start();
    platform.workers.warnings.start();
    platform.workers.maintenance?.task.start();
    platform.workers.retention.task.start();
    // A first checkpoint at start: a bad checkpoint file fails here, loudly, not later in a timer.
    await audit.checkpoints.checkpoint();
    audit.checkpoints.task.start();
    const partitions = setInterval(() => void ensureAlertPartitions(database).catch(() => {}), 3_600_000);
    partitions.unref();
    platform.stopHooks.push(
      () => clearInterval(partitions), () => drained(platform.workers.promotion), () => drained(platform.workers.stats), () => platform.workers.reminders.stop(),
      () => platform.workers.indicators.stop(), () => drained(platform.workers.sightings), () => drained(platform.workers.campaigns), () => platform.workers.warnings.stop(),
      () => platform.workers.maintenance?.task.stop(), () => platform.workers.intakeRuns.task.stop(), () => platform.workers.retention.task.stop(),
    );
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

/** The campaign engine, with the knowledge base's warninglists: known-benign values never link organisations. */
function campaignEngine(platform: Platform): CampaignEngine {
  const lists = warninglistsFrom(platform.config.intelWarninglistsDir);
  return new CampaignEngine(platform, { ...DEFAULT_DETECTOR, warninglisted: (type, value) => lists.suppress(type, value) !== null });
}

/** Stops a batch consumer following new batches and waits for what it had queued. */
function drained(consumer: { stop(): void; idle(): Promise<void> }): Promise<void> {
  consumer.stop();
  return consumer.idle();
}
