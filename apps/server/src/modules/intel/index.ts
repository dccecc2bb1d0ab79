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
export { ExportsService } from './exports.service.ts';
export { exportsRoutes } from './exports.routes.ts';
export { IndicatorsService } from './indicators.service.ts';
export { indicatorsRoutes } from './indicators.routes.ts';
export { KnowledgeService } from './knowledge.service.ts';
export { knowledgeRoutes } from './knowledge.routes.ts';
export { readerView, displayName, type MarkedRow, type ReaderView } from './object-view.ts';
