import { DEFAULT_NOISE, type NoiseOptions } from './noise-model.ts';

/** Tuning of detection (all from configuration). */
export interface DetectorOptions {
  /** How far back links count (days, default 14). */
  windowMs: number;
  /** Sightings lose half their weight in confidence every this long. */
  halfLifeMs: number;
  /** Distinct organisations a gated feature (signature, CVE, family) needs, besides concentration. */
  gatedMinOrgs: number;
  noise: NoiseOptions;
  /** New clusters of at most this many organisations need evidence beyond chance (a second kind of evidence, a specific artefact, or concentration). */
  smallCluster: number;
  /** Adjusted probability under which a small cluster's victims count as concentrated. */
  smallClusterP: number;
  /** Extra warninglists (e.g. the intel module's MISP lists): a listed value links nothing. */
  warninglisted?: (type: string, value: string) => boolean;
  /** When a new cluster is published (see `PublishOptions`); all zero publishes at once. */
  publish: PublishOptions;
}

/**
 * A new cluster is provisional (kept and followed, not published: no campaign, event or proposal) until
 * its evidence holds. Published at once when the base rates are warm and its evidence is strong; else
 * once warm and held for `holdRounds` rounds and `holdMs`; else, whatever the base rates, once held for
 * `maxHoldMs`. Hysteresis: the bar to publish is this, the bar to retract stays the noise model's
 * (links turned background or false positive), so a published campaign does not flip.
 */
export interface PublishOptions {
  /** Base rates are warm with this many active organisations… */
  warmOrgs: number;
  /** …this much window data (ms from the earliest alert held to now)… */
  warmMs: number;
  /** …and this many organisations reporting each feature type of the cluster. */
  warmObservers: number;
  /** Strong evidence: this many organisations with two kinds of evidence, or concentrated victims (p <= strongP). */
  strongOrgs: number;
  strongP: number;
  holdRounds: number;
  holdMs: number;
  maxHoldMs: number;
}
/**
 * Defaults: the simulator's 30 s cold start showed background (commodity addresses and names) judged broad
 * within ~25 s of a fresh server's first alert; warm after 30 s of data. A restarted server rebuilds its
 * window from stored alerts, so only a new installation is cold.
 */
export const DEFAULT_PUBLISH: PublishOptions = { warmOrgs: 8, warmMs: 30_000, warmObservers: 3, strongOrgs: 3, strongP: 1e-4, holdRounds: 3, holdMs: 5_000, maxHoldMs: 60_000 };
/** No provisional stage: every cluster is published when found. */
export const PUBLISH_AT_ONCE: PublishOptions = { warmOrgs: 0, warmMs: 0, warmObservers: 0, strongOrgs: 0, strongP: 1, holdRounds: 0, holdMs: 0, maxHoldMs: 0 };
const DAY = 86_400_000;
export const DEFAULT_DETECTOR: DetectorOptions = { windowMs: 14 * DAY, halfLifeMs: 3 * DAY, gatedMinOrgs: 4, smallCluster: 2, smallClusterP: 1e-3, noise: DEFAULT_NOISE, publish: DEFAULT_PUBLISH };
