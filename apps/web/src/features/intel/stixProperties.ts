import { useTranslation } from 'react-i18next';

/**
 * The STIX 2.1 properties (and the ATT&CK `x_mitre_*` ones) the knowledge base labels in the reader's
 * language; any other property shows its raw name. Each has a label in `intel.stix` (a test checks both languages).
 */
export const STIX_PROPERTIES = [
  'pattern_type', 'pattern_version', 'valid_from', 'valid_until', 'indicator_types', 'labels', 'confidence', 'lang',
  'revoked', 'created_by_ref', 'kill_chain_phases', 'aliases', 'first_seen', 'last_seen', 'is_family',
  'malware_types', 'architecture_execution_envs', 'implementation_languages', 'capabilities',
  'operating_system_refs', 'sample_refs', 'threat_actor_types', 'roles', 'goals', 'sophistication', 'resource_level',
  'primary_motivation', 'secondary_motivations', 'personal_motivations', 'infrastructure_types', 'tool_types',
  'tool_version', 'objective', 'action', 'relationship_type', 'source_ref', 'target_ref', 'start_time', 'stop_time',
  'sighting_of_ref', 'observed_data_refs', 'where_sighted_refs', 'first_observed', 'last_observed',
  'number_observed', 'count', 'summary', 'published', 'report_types', 'object_refs', 'identity_class', 'sectors',
  'contact_information', 'value', 'hashes', 'size', 'mime_type', 'resolves_to_refs', 'granular_markings',
  'extensions', 'x_mitre_platforms', 'x_mitre_version', 'x_mitre_domains', 'x_mitre_is_subtechnique',
  'x_mitre_detection', 'x_mitre_data_sources', 'x_mitre_deprecated', 'x_mitre_modified_by_ref',
  'x_mitre_attack_spec_version', 'x_mitre_contributors', 'x_mitre_permissions_required', 'x_mitre_aliases',
] as const;
export type StixProperty = (typeof STIX_PROPERTIES)[number];

const KNOWN: ReadonlySet<string> = new Set(STIX_PROPERTIES);

/** Is this one of the properties labelled in both languages? */
export const isStixProperty = (k: string): k is StixProperty => KNOWN.has(k);

/** STIX relationship types worded in both languages (`intel.relTypes`); others show as written. */
export const STIX_RELATIONSHIP_TYPES = [
  'uses', 'indicates', 'targets', 'attributed-to', 'mitigates', 'detects', 'derived-from', 'duplicate-of',
  'related-to', 'variant-of', 'subtechnique-of', 'communicates-with', 'consists-of', 'controls', 'delivers', 'drops',
  'downloads', 'exploits', 'located-at', 'based-on', 'hosts', 'owns', 'authored-by', 'beacons-to', 'exfiltrates-to',
  'compromises', 'originates-from', 'impersonates', 'revoked-by',
] as const;
type StixRelationshipType = (typeof STIX_RELATIONSHIP_TYPES)[number];
const RELATIONS: ReadonlySet<string> = new Set(STIX_RELATIONSHIP_TYPES);
const isRelation = (r: string): r is StixRelationshipType => RELATIONS.has(r);

const TIMES: ReadonlySet<string> = new Set(['valid_from', 'valid_until', 'first_seen', 'last_seen', 'start_time', 'stop_time', 'first_observed', 'last_observed', 'published']);

type Phase = { kill_chain_name?: unknown; phase_name?: unknown };
const isPhase = (x: unknown): x is Phase => typeof x === 'object' && x !== null && 'phase_name' in x;

/** How the knowledge base shows STIX properties: a translated label (raw name as a hint) and a readable value. */
export function useStixProperty(dateTime: (iso: string) => string) {
  const { t } = useTranslation();
  return {
    label: (k: string): string => (isStixProperty(k) ? t(`intel.stix.${k}`) : k),
    relation: (r: string): string => (isRelation(r) ? t(`intel.relTypes.${r}`) : r),
    value: (k: string, v: unknown): string => {
      if (typeof v === 'boolean') return v ? t('intel.object.yes') : t('intel.object.no');
      if (typeof v === 'string') return TIMES.has(k) ? dateTime(v) : v;
      if (Array.isArray(v) && v.every(isPhase)) return v.map((p) => `${String(p.kill_chain_name)}: ${String(p.phase_name)}`).join(', ');
      if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join(', ');
      return typeof v === 'number' ? String(v) : JSON.stringify(v);
    },
  };
}
