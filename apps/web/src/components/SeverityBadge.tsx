import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SEVERITIES } from '@lachan/contracts';

type SeverityName = (typeof SEVERITIES)[number];

/** Badge colour of each level of the one severity scale. */
export const SEVERITY_COLORS: Record<SeverityName, string> = { low: 'blue', medium: 'yellow', high: 'orange', critical: 'red' };

/** Name of a severity level, e.g. 3 → 'high'; out-of-range values are clamped. */
export function severityName(level: number): SeverityName {
  return SEVERITIES[Math.min(Math.max(Math.round(level), 1), 4) - 1]!;
}

/** The severity of an alert or incident: low blue, medium yellow, high orange, critical red (filled). */
export function SeverityBadge({ level, size = 'sm' }: { level: number; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const name = severityName(level);
  return (
    <Badge size={size} radius="sm" color={SEVERITY_COLORS[name]} variant={name === 'critical' ? 'filled' : 'light'} tt="none" fw={600} miw={size === 'xs' ? 92 : 104} style={{ overflow: 'visible' }} data-severity={name}>
      {t(`severity.${name}`)}
    </Badge>
  );
}
