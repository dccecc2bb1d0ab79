import type { ReactNode } from 'react';
import { Paper, SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StatsOverview } from '@lachan/contracts';
import { useFormat } from '../../i18n/useFormat.ts';

/** One figure with its caption; a link to what is behind it when there is somewhere to go. */
function Kpi({ label, value, hint, to, testId }: { label: string; value: string; hint?: ReactNode; to?: string; testId: string }) {
  const body = (
    <Paper withBorder px="sm" py={6} h="100%" className={to ? 'kpi-link' : undefined}>
      <Text size="xs" c="dimmed" lh={1.3} truncate>
        {label}
      </Text>
      <Text fz={22} fw={600} lh={1.25} data-testid={testId} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed" lh={1.3} truncate>
          {hint}
        </Text>
      )}
    </Paper>
  );
  return to ? (
    <UnstyledButton component={Link} to={to} aria-label={`${label}: ${value}`}>
      {body}
    </UnstyledButton>
  ) : (
    body
  );
}

/** Under the alerts: how many of the period's alerts came late or had an unusable event time, when any did. */
function ArrivalHint({ o }: { o: StatsOverview }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { late, clamped } = o.arrival ?? { late: 0, clamped: 0 };
  if (late === 0 && clamped === 0) return t('dashboard.kpi.alertsHint');
  return (
    <span title={t('dashboard.kpi.arrivalTitle')} data-testid="kpi-arrival">
      {t('dashboard.kpi.arrival', { late: fmt.number(late), clamped: fmt.number(clamped) })}
    </span>
  );
}

/**
 * The headline figures of the period, and the live counters of this hour and today (the server narrows
 * them, and the incident counts, to the page's sector or province like every other figure).
 */
export function KpiTiles({ o, alertsTo }: { o: StatsOverview; alertsTo: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const live = t('dashboard.kpi.live');
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="xs">
      <Kpi label={t('dashboard.kpi.alerts')} value={fmt.number(o.totals.alerts)} to={alertsTo} testId="kpi-alerts" hint={<ArrivalHint o={o} />} />
      <Kpi label={t('dashboard.kpi.occurrences')} value={fmt.number(o.totals.occurrences)} testId="kpi-occurrences" hint={t('dashboard.kpi.occurrencesHint')} />
      <Kpi label={t('dashboard.kpi.organisations')} value={fmt.number(o.totals.organisations)} testId="kpi-organisations" hint={t('dashboard.kpi.organisationsHint')} />
      <Kpi label={t('dashboard.kpi.thisHour')} value={fmt.number(o.live.thisHour)} to={alertsTo} testId="kpi-this-hour" hint={live} />
      <Kpi label={t('dashboard.kpi.today')} value={fmt.number(o.live.today)} to={alertsTo} testId="kpi-today" hint={live} />
      <Kpi
        label={t('dashboard.kpi.openIncidents')}
        value={fmt.number(o.incidents.open)}
        to="/incidents"
        testId="kpi-open-incidents"
        hint={t('dashboard.kpi.incidentsHint', { opened: fmt.number(o.incidents.opened), closed: fmt.number(o.incidents.closed) })}
      />
    </SimpleGrid>
  );
}
