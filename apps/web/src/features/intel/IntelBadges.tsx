import type { ComponentType } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  IconBug,
  IconCrosshair,
  IconFile,
  IconFlag,
  IconId,
  IconLink,
  IconNetwork,
  IconReport,
  IconServer,
  IconShieldCheck,
  IconSkull,
  IconTarget,
  IconTool,
  IconUsersGroup,
  IconWorld,
  IconEye,
  IconPoint,
} from '@tabler/icons-react';
import { TlpBadge } from '../incidents/IncidentBadges.tsx';

const ICONS: Record<string, ComponentType<{ size?: number; stroke?: number }>> = {
  indicator: IconCrosshair, malware: IconBug, 'intrusion-set': IconUsersGroup, 'threat-actor': IconSkull, 'attack-pattern': IconTarget,
  campaign: IconFlag, tool: IconTool, vulnerability: IconShieldCheck, identity: IconId, report: IconReport, relationship: IconLink,
  sighting: IconEye, infrastructure: IconServer, 'ipv4-addr': IconNetwork, 'ipv6-addr': IconNetwork, 'domain-name': IconWorld, url: IconWorld, file: IconFile,
};

/** Types the search filter offers (the commonest STIX types of a CERT's knowledge base). */
export const SEARCH_TYPES = ['indicator', 'malware', 'intrusion-set', 'threat-actor', 'attack-pattern', 'campaign', 'tool', 'vulnerability', 'report', 'identity', 'infrastructure', 'course-of-action', 'relationship', 'sighting', 'ipv4-addr', 'domain-name', 'url', 'file'] as const;

/** The label of a STIX type in the user's language, its own name when not translated. */
export function useTypeLabel(): (type: string) => string {
  const { t } = useTranslation();
  return (type) => t(`intel.types.${type}`, { defaultValue: type });
}

/** A STIX type as an icon and its translated name. */
export function StixTypeBadge({ type }: { type: string }) {
  const label = useTypeLabel();
  const Icon = ICONS[type] ?? IconPoint;
  return (
    <Group gap={4} wrap="nowrap" data-stix-type={type}>
      <Icon size={14} stroke={1.6} />
      <Text size="xs">{label(type)}</Text>
    </Group>
  );
}

/** The object's TLP, or a dash when unmarked. */
export function ObjectTlp({ tlp }: { tlp: string | null }) {
  return tlp ? <TlpBadge tlp={tlp} /> : <Badge size="xs" variant="default" tt="none">—</Badge>;
}
