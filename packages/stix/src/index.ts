/**
 * @lachan/stix: STIX 2.1 validation, deterministic SCO ids, TLP markings, indicator patterns and
 * score decay. Pure: no I/O, imports only @lachan/contracts.
 */
export type { StixObject, StixBundle } from './types.ts';
export { SDO_TYPES, SCO_TYPES, SRO_TYPES, META_TYPES, PATTERN_TYPES, kindOf, type StixKind } from './vocab.ts';
export { validateObject, validateBundle } from './validate.ts';
export { isIdentifier, typeOfId, isTypeName } from './identifier.ts';
export { isStixTimestamp, timestampKey, compareTimestamps, timestampMs } from './timestamp.ts';
export { canonicalJson } from './canonical-json.ts';
export { scoId, uuidV5, SCO_ID_NAMESPACE, SCO_ID_PROPERTIES } from './sco-id.ts';
export { parseSelector, selectValue, selectorProblem, granularTlp, redactGranular, type SelectorStep, type Redacted } from './granular-markings.ts';
export { TLP2_MARKING_IDS, TLP1_MARKING_IDS, TLP2_EXTENSION_ID, tlpOf, tlpOfMarking, tlpRank, tlp2MarkingDefinition } from './tlp.ts';
export { parsePattern, type ParsedPattern, type ObservationExpr, type ComparisonExpr, type Comparison, type PatternLiteral } from './pattern.ts';
export { patternObservables, INDICATOR_VALUE_TYPES, type IndicatorValueType, type PatternObservable, type PatternObservables } from './pattern-observables.ts';
export { decayedScore, daysUntilScore, DECAY_RULES, type DecayRule, type DecayInput } from './decay.ts';
