/** STIX Domain Object types supported by the knowledge base (STIX 2.1 §4). */
export const SDO_TYPES = [
  'attack-pattern', 'campaign', 'course-of-action', 'grouping', 'identity', 'incident', 'indicator',
  'infrastructure', 'intrusion-set', 'location', 'malware', 'malware-analysis', 'note', 'observed-data',
  'opinion', 'report', 'threat-actor', 'tool', 'vulnerability',
] as const;

/** STIX Cyber-observable Object types (STIX 2.1 §6). */
export const SCO_TYPES = [
  'artifact', 'autonomous-system', 'directory', 'domain-name', 'email-addr', 'email-message', 'file',
  'ipv4-addr', 'ipv6-addr', 'mac-addr', 'mutex', 'network-traffic', 'process', 'software', 'url',
  'user-account', 'windows-registry-key', 'x509-certificate',
] as const;

/** STIX Relationship Object types. */
export const SRO_TYPES = ['relationship', 'sighting'] as const;

/** Meta objects: markings, translations, extension definitions. */
export const META_TYPES = ['marking-definition', 'language-content', 'extension-definition'] as const;

/** The broad family of a type, which decides the common properties it must carry. */
export type StixKind = 'sdo' | 'sco' | 'sro' | 'meta' | 'custom';

const KIND = new Map<string, StixKind>([
  ...SDO_TYPES.map((t) => [t, 'sdo'] as const),
  ...SCO_TYPES.map((t) => [t, 'sco'] as const),
  ...SRO_TYPES.map((t) => [t, 'sro'] as const),
  ...META_TYPES.map((t) => [t, 'meta'] as const),
]);

/** Kind of a type name; `x-` custom types count as SDO-like 'custom', anything else is unknown (null). */
export function kindOf(type: string): StixKind | null {
  return KIND.get(type) ?? (type.startsWith('x-') ? 'custom' : null);
}

/** Pattern languages allowed in `indicator.pattern_type` (open vocabulary, these are the listed ones). */
export const PATTERN_TYPES = ['stix', 'pcre', 'sigma', 'snort', 'suricata', 'yara'] as const;

/** Opinion values, strongest disagreement first. */
export const OPINIONS = ['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree'] as const;
