import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrgKind, OrgStatus } from '@lachan/contracts';

const STATUS_COLORS: Record<OrgStatus, string> = { active: 'teal', retired: 'gray', merged: 'orange' };

/** The kind of an organisation, translated. */
export function OrgKindBadge({ kind }: { kind: OrgKind }) {
  const { t } = useTranslation();
  return (
    <Badge size="xs" variant="light" color="indigo" radius="sm">
      {t(`orgKinds.${kind}`)}
    </Badge>
  );
}

/** The status of an organisation, translated; nothing for active ones unless `always`. */
export function OrgStatusBadge({ status, always = false }: { status: OrgStatus; always?: boolean }) {
  const { t } = useTranslation();
  if (status === 'active' && !always) return null;
  return (
    <Badge size="xs" variant="dot" color={STATUS_COLORS[status]} radius="sm" style={{ overflow: 'visible' }} styles={{ label: { overflow: 'visible' } }}>
      {t(`orgStatus.${status}`)}
    </Badge>
  );
}
