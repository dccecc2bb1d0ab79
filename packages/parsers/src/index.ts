/**
 * @lachan/parsers: alert formats (Wazuh, Suricata EVE, ECS, CEF, syslog, Lachan JSON) to one
 * NormalizedAlert. Pure: no I/O, imports only @lachan/contracts.
 */
export { parseAlert, DEFAULT_TIME_ZONE, DEFAULT_MAX_RECORD_LENGTH } from './parse-alert.ts';
export { splitRecords } from './split-records.ts';
export type { ParseOptions, ParseOutcome, SplitOutcome } from './types.ts';
export { normaliseRsit, isRsitPair, RSIT_TAXONOMY, RSIT_CLASSES, type Rsit, type RsitClass } from './rsit.ts';
export {
  normaliseIp,
  normaliseIPv4,
  normaliseIPv6,
  normaliseDomain,
  normaliseUrl,
  normaliseHash,
  normaliseEmail,
  normaliseUser,
  normaliseHostname,
  normaliseObservable,
  refang,
} from './observables.ts';
export { ObservableSet, MAX_OBSERVABLES, type ObservableRole } from './observable-set.ts';
export { extractIndicators } from './extract.ts';
export { storableText } from './storable.ts';
export {
  splitConstituencyReport,
  reportOfFilename,
  constituencyFacts,
  CONSTITUENCY_FEEDS,
  MAPPED_FIELDS,
  SHADOWSERVER_REPORTS,
  type ConstituencyFeed,
  type ConstituencyRecord,
  type CsvMappingInput,
  type MappedField,
} from './formats/constituency/index.ts';
