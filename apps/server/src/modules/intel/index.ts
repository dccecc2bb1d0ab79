import type { BackgroundJob, ModuleRoutes } from '../../common/module-parts.ts';
import type { IntelParts } from './intel-parts.ts';
import { TaxiiService } from './taxii.service.ts';
import { taxiiRoutes, intelRoutes } from './taxii.routes.ts';
import { IntakeService } from './intake.service.ts';
import { intakeRoutes } from './intake.routes.ts';
import { FeedsService } from './feeds.service.ts';
import { AttackKnowledge } from './attack-offline.ts';
import { ExportsService, type MassScanners } from './exports.service.ts';
import { exportsRoutes } from './exports.routes.ts';
import { IndicatorsService } from './indicators.service.ts';
import { indicatorsRoutes } from './indicators.routes.ts';
import { KnowledgeService } from './knowledge.service.ts';
import { knowledgeRoutes } from './knowledge.routes.ts';

/** Threat knowledge base: STIX objects shared over TAXII 2.1, and the in-memory IOC matcher. */
export { TaxiiService } from './taxii.service.ts';
export { taxiiRoutes, intelRoutes, API_ROOT } from './taxii.routes.ts';
export { IocMatcher, type MatcherIndicator, type MatcherObservable, type MatchHit, type BuildReport } from './ioc-matcher.ts';
export { Warninglists, RESERVED_RANGES, EXAMPLE_RANGES, type MispWarninglist } from './warninglists.ts';
export { warninglistsFrom } from './warninglist-files.ts';
export { IndicatorIndex } from './indicator-index.ts';
export { SightingsRecorder } from './sightings.worker.ts';
export { IntakeRunsSweeper, INTERRUPTED_NOTE } from './intake-runs.sweeper.ts';
export { IntakeService } from './intake.service.ts';
export { intakeRoutes } from './intake.routes.ts';
export { FeedsService } from './feeds.service.ts';
export { AttackKnowledge } from './attack-offline.ts';
export { ExportsService } from './exports.service.ts';
export { exportsRoutes } from './exports.routes.ts';
export { IndicatorsService } from './indicators.service.ts';
export { indicatorsRoutes } from './indicators.routes.ts';
export { KnowledgeService } from './knowledge.service.ts';
export { knowledgeRoutes } from './knowledge.routes.ts';
export { readerView, displayName, type MarkedRow, type ReaderView } from './object-view.ts';

export type { IntelParts, IndicatorWorkerParts, SweeperParts } from './intel-parts.ts';
export type { MassScanners } from './exports.service.ts';

/**
 * The intel module: the knowledge base, its intake (bundles, feeds, ATT&CK), indicators and exports;
 * its routes under /api/v1 (`routes`) and the TAXII 2.1 server under /taxii2/ (`taxiiRoutes`).
 */
export interface IntelModule {
  taxii: TaxiiService;
  intake: IntakeService;
  feeds: FeedsService;
  exports: ExportsService;
  indicators: IndicatorsService;
  knowledge: KnowledgeService;
  /** ATT&CK: the shipped bundle on first start, then its feed (started by the HTTP application when ready). */
  attack: AttackKnowledge;
  routes: ModuleRoutes;
  taxiiRoutes: ModuleRoutes;
  /** Feeds whose interval elapsed, run once a minute (stopping waits for intake runs in flight). */
  workers: { feeds: BackgroundJob };
}

/** Builds the intel module from its parts and the mass-scanning list it exports (the campaigns module's, handed in). */
export function createIntelModule(parts: IntelParts, massScanners: MassScanners): IntelModule {
  const taxii = new TaxiiService(parts);
  const intake = new IntakeService(parts);
  const feeds = new FeedsService(parts, intake);
  const exports = new ExportsService(parts, massScanners);
  const indicators = new IndicatorsService(parts);
  const knowledge = new KnowledgeService(parts);
  const attack = new AttackKnowledge(parts, intake);
  const routes: ModuleRoutes = async (app) => {
    intelRoutes(app, taxii);
    intakeRoutes(app, intake, feeds);
    exportsRoutes(app, exports);
    indicatorsRoutes(app, indicators);
    knowledgeRoutes(app, knowledge);
  };
  const taxiiServer: ModuleRoutes = (app) => taxiiRoutes(app, taxii, parts.config.publicUrl);
  const feedRuns: BackgroundJob = {
    start: () => feeds.scheduler.start(),
    stop: async () => {
      await feeds.scheduler.stop();
      await intake.settled();
    },
  };
  return { taxii, intake, feeds, exports, indicators, knowledge, attack, routes, taxiiRoutes: taxiiServer, workers: { feeds: feedRuns } };
}
