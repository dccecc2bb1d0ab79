import { isIdentifier } from './identifier.ts';
import { parsePattern } from './pattern.ts';
import { compareTimestamps, isStixTimestamp } from './timestamp.ts';
import { isIdList, isPlainObject, optionalTimestamp, requireTimestamp, type Report } from './validate-common.ts';
import { OPINIONS } from './vocab.ts';

type Obj = Record<string, unknown>;

const NAMED = ['attack-pattern', 'campaign', 'course-of-action', 'identity', 'incident', 'infrastructure', 'intrusion-set', 'threat-actor', 'tool', 'vulnerability'];
const VALUED = ['domain-name', 'email-addr', 'ipv4-addr', 'ipv6-addr', 'mac-addr', 'url'];

/** Required properties and property rules per type (STIX 2.1 §4–§7), beyond the common ones. */
const RULES: Record<string, (o: Obj, report: Report) => void> = {
  indicator(o, report) {
    requireString(o, 'pattern', report);
    requireString(o, 'pattern_type', report);
    requireTimestamp(o, 'valid_from', report);
    optionalTimestamp(o, 'valid_until', report);
    if (isStixTimestamp(o.valid_from) && isStixTimestamp(o.valid_until) && compareTimestamps(o.valid_until, o.valid_from) <= 0) {
      report('valid_until must be later than valid_from');
    }
    if (o.pattern_type === 'stix' && typeof o.pattern === 'string') {
      const parsed = parsePattern(o.pattern);
      if (!parsed.ok) report(`pattern: ${parsed.error}`);
    }
  },
  malware(o, report) {
    if (typeof o.is_family !== 'boolean') report('is_family is required and must be a boolean');
    if (o.is_family === true) requireString(o, 'name', report);
  },
  report(o, report) {
    requireString(o, 'name', report);
    requireTimestamp(o, 'published', report);
    requireRefs(o, 'object_refs', report);
  },
  grouping(o, report) {
    requireString(o, 'context', report);
    requireRefs(o, 'object_refs', report);
  },
  note(o, report) {
    requireString(o, 'content', report);
    requireRefs(o, 'object_refs', report);
  },
  opinion(o, report) {
    if (!(OPINIONS as readonly unknown[]).includes(o.opinion)) report(`opinion must be one of ${OPINIONS.join(', ')}`);
    requireRefs(o, 'object_refs', report);
  },
  'observed-data'(o, report) {
    requireTimestamp(o, 'first_observed', report);
    requireTimestamp(o, 'last_observed', report);
    if (!isCount(o.number_observed, 1)) report('number_observed is required, an integer from 1 to 999999999');
    if (o.object_refs === undefined && o.objects === undefined) report('object_refs is required');
    else if (o.object_refs !== undefined) requireRefs(o, 'object_refs', report);
  },
  location(o, report) {
    const hasPoint = typeof o.latitude === 'number' && typeof o.longitude === 'number';
    if (o.region === undefined && o.country === undefined && !hasPoint) report('location needs region, country, or latitude and longitude');
    if ((o.latitude === undefined) !== (o.longitude === undefined)) report('latitude and longitude go together');
  },
  'malware-analysis'(o, report) {
    requireString(o, 'product', report);
    if (o.result === undefined && o.analysis_sco_refs === undefined) report('malware-analysis needs result or analysis_sco_refs');
  },
  relationship(o, report) {
    requireString(o, 'relationship_type', report);
    if (!isIdentifier(o.source_ref)) report('source_ref is required and must be an id');
    if (!isIdentifier(o.target_ref)) report('target_ref is required and must be an id');
    optionalTimestamp(o, 'start_time', report);
    optionalTimestamp(o, 'stop_time', report);
  },
  sighting(o, report) {
    if (!isIdentifier(o.sighting_of_ref)) report('sighting_of_ref is required and must be an id');
    if (o.count !== undefined && !isCount(o.count, 0)) report('count must be an integer from 0 to 999999999');
    if (o.where_sighted_refs !== undefined && !isIdList(o.where_sighted_refs)) report('where_sighted_refs must be a list of ids');
    if (o.observed_data_refs !== undefined && !isIdList(o.observed_data_refs, 'observed-data')) report('observed_data_refs must be a list of observed-data ids');
    optionalTimestamp(o, 'first_seen', report);
    optionalTimestamp(o, 'last_seen', report);
  },
  'marking-definition'(o, report) {
    if (o.definition_type === undefined && !isPlainObject(o.extensions)) report('marking-definition needs definition_type or extensions');
  },
  'autonomous-system'(o, report) {
    if (!Number.isInteger(o.number)) report('number is required and must be an integer');
  },
  directory: (o, report) => requireString(o, 'path', report),
  mutex: (o, report) => requireString(o, 'name', report),
  file(o, report) {
    if (o.hashes === undefined && o.name === undefined) report('file needs hashes or name');
    if (o.hashes !== undefined && !isPlainObject(o.hashes)) report('hashes must be an object');
  },
  'email-message'(o, report) {
    if (typeof o.is_multipart !== 'boolean') report('is_multipart is required and must be a boolean');
  },
  'network-traffic'(o, report) {
    if (!Array.isArray(o.protocols) || o.protocols.length === 0) report('protocols is required');
  },
};
for (const type of NAMED) RULES[type] = (o, report) => requireString(o, 'name', report);
for (const type of VALUED) RULES[type] = (o, report) => requireString(o, 'value', report);

/** Apply the type-specific rules; types without rules (custom, software…) pass here. */
export function checkTypeRules(o: Obj, report: Report): void {
  RULES[o.type as string]?.(o, report);
}

function requireString(o: Obj, key: string, report: Report): void {
  if (typeof o[key] !== 'string' || o[key] === '') report(`${key} is required and must be a non-empty string`);
}

function requireRefs(o: Obj, key: string, report: Report): void {
  if (!isIdList(o[key])) report(`${key} is required and must be a non-empty list of ids`);
}

function isCount(v: unknown, min: number): boolean {
  return Number.isInteger(v) && (v as number) >= min && (v as number) <= 999_999_999;
}
