import { Badge } from '@mantine/core';
import { statusColor, tlpColor, useStatusLabel } from './incidentLabels.ts';

/** The incident's workflow status. */
export function IncidentStatusBadge({ status }: { status: string }) {
  const label = useStatusLabel();
  return (
    <Badge size="xs" radius="sm" variant="light" color={statusColor(status)} data-status={status}>
      {label(status)}
    </Badge>
  );
}

/** The Traffic Light Protocol marking, e.g. TLP:AMBER. */
export function TlpBadge({ tlp }: { tlp: string }) {
  const text = tlp.toUpperCase().startsWith('TLP') ? tlp.toUpperCase() : `TLP:${tlp.toUpperCase()}`;
  return (
    <Badge size="xs" radius="sm" variant="outline" color={tlpColor(tlp.replace(/^tlp:/i, ''))}>
      {text}
    </Badge>
  );
}
