import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentStatus } from '@lachan/contracts';
import { statusColor, tlpColor } from './incidentLabels.ts';

/** The incident's lifecycle status. */
export function IncidentStatusBadge({ status }: { status: IncidentStatus }) {
  const { t } = useTranslation();
  return (
    <Badge size="xs" radius="sm" variant="light" color={statusColor(status)} data-status={status}>
      {t(`incidents.statuses.${status}`)}
    </Badge>
  );
}

/** The Traffic Light Protocol marking, e.g. TLP:AMBER. */
export function TlpBadge({ tlp }: { tlp: string }) {
  const level = tlp.toUpperCase().replace(/^TLP:/, '');
  return (
    <Badge size="xs" radius="sm" variant={level === 'RED' ? 'filled' : 'outline'} color={tlpColor(level)} tt="none" data-tlp={level}>
      TLP:{level}
    </Badge>
  );
}

/** The Permissible Actions Protocol marking, e.g. PAP:GREEN. */
export function PapBadge({ pap }: { pap: string }) {
  return (
    <Badge size="xs" radius="sm" variant="dot" color={tlpColor(pap)} tt="none">
      PAP:{pap.toUpperCase()}
    </Badge>
  );
}

/** Marks a national serious incident (Decision 05/2017 track). */
export function SeriousBadge() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('incidents.seriousHint')} withArrow>
      <Badge size="xs" radius="sm" color="red" variant="filled" data-testid="serious-badge">
        {t('incidents.serious')}
      </Badge>
    </Tooltip>
  );
}
