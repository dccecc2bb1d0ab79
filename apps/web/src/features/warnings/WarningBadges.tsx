import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Tlp, Warning } from '@lachan/contracts';

const STATUS_COLORS: Record<Warning['status'], string> = { draft: 'gray', proposed: 'yellow', issued: 'teal', withdrawn: 'dark', discarded: 'gray' };
const TLP_COLORS: Record<Tlp, string> = { CLEAR: 'gray', GREEN: 'green', AMBER: 'orange', 'AMBER+STRICT': 'orange', RED: 'red' };

/** Lifecycle of a warning: draft, proposed, issued, withdrawn, or discarded unissued. */
export function WarningStatusBadge({ status }: { status: Warning['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge size="sm" radius="sm" variant="light" color={STATUS_COLORS[status]} tt="none" data-status={status}>
      {t(`warnings.status.${status}`)}
    </Badge>
  );
}

/** The Traffic Light Protocol label, in its conventional colour. */
export function TlpBadge({ tlp }: { tlp: Tlp }) {
  return (
    <Badge size="sm" radius="sm" variant="outline" color={TLP_COLORS[tlp]} tt="none">
      TLP:{tlp}
    </Badge>
  );
}
