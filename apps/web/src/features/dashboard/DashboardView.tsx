import { Anchor, Button, Grid, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconList } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatsQuery } from '@lachan/contracts';
import { FilterSelect } from '../../components/FilterSelect.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useOrgLabels } from '../orgs/index.ts';
import { useCurrentUser, useOwnOrgName } from '../auth/auth.api.ts';
import { severityName, SEVERITY_COLORS } from '../../components/SeverityBadge.tsx';
import { useRsitLabel } from '../alerts/alertLabels.ts';
import { BarList } from './BarList.tsx';
import { CampaignsCard } from './CampaignsCard.tsx';
import { ClassSeriesCard } from './ClassSeriesCard.tsx';
import { useOverview } from './dashboard.api.ts';
import { ExportMenu } from './ExportMenu.tsx';
import { KpiTiles } from './KpiTiles.tsx';
import { alertsLink, periodOf, scopeLink } from './period.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { ProvinceTileMap } from './ProvinceTileMap.tsx';
import { activityRegions, PROVINCE_CODES, ProvinceMap } from '../map/index.ts';
import { PeriodicReportMenu } from '../documents/index.ts';
import { TopOrgsTable } from './TopOrgsTable.tsx';
import { TrendCard } from './TrendCard.tsx';
import { HourlyTrendCard } from './HourlyTrendCard.tsx';
import { useLiveRefresh } from './useLiveRefresh.ts';

/** What a page fixes: nothing (the country), one sector or one province. */
export interface DashboardScope {
  kind: 'national' | 'sector' | 'province';
  code?: string;
}

/** The national picture, or one sector's or province's: figures, map, breakdowns, trend, each leading to what is behind it. */
export function DashboardView({ scope }: { scope: DashboardScope }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useOrgLabels();
  const rsit = useRsitLabel();
  const [params, setParams] = useSearchParams();
  const refreshedAt = useLiveRefresh();
  const me = useCurrentUser();
  const orgName = useOwnOrgName();
  // only the national centre sees the whole country; an organisation sees its own (and its units')
  const ownPicture = me.org.kind !== 'coordination_centre';
  const period = periodOf(params);
  const sector = scope.kind === 'sector' ? scope.code : (params.get('sector') ?? undefined);
  const province = scope.kind === 'province' ? scope.code : (params.get('province') ?? undefined);
  const query: StatsQuery = { from: period.from, to: period.to, sector, province };
  const overview = useOverview(query);
  const map = useOverview({ from: period.from, to: period.to, sector });
  const filters = { sector, province };
  const setFilter = (key: 'sector' | 'province', value: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const title = scope.kind === 'sector' ? labels.sector(scope.code!) : scope.kind === 'province' ? labels.province(scope.code!) : ownPicture ? t('dashboard.titleOrg', { org: orgName }) : t('dashboard.title');
  const periodEndsToday = period.to >= new Date().toISOString().slice(0, 10);
  const regions = useMemo(
    () => activityRegions(PROVINCE_CODES, map.data?.byProvince ?? [], (code, c) =>
      t('dashboard.map.tile', { name: labels.province(code), alerts: fmt.number(c?.alerts ?? 0), occurrences: fmt.number(c?.occurrences ?? 0) })),
    [map.data, labels, fmt, t],
  );

  return (
    <Stack gap="sm" data-testid="dashboard" data-scope={scope.kind}>
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          {scope.kind !== 'national' && (
            <Anchor component={Link} to={`/dashboard?${new URLSearchParams([...params].filter(([k]) => ['days', 'from', 'to'].includes(k)))}`} size="xs" data-testid="back-national">
              <Group gap={2} component="span">
                <IconArrowLeft size={12} />
                {t('dashboard.backNational')}
              </Group>
            </Anchor>
          )}
          <Title order={2} size="h3" data-testid="dashboard-title">
            {scope.kind === 'national' ? title : t(`dashboard.scope.${scope.kind}`, { name: title })}
          </Title>
          <Text size="xs" c="dimmed">
            {t('dashboard.periodLine', { from: fmt.shortDate(period.from), to: fmt.shortDate(period.to), at: fmt.timeOfDay(refreshedAt.toISOString()) })}
          </Text>
        </div>
        <Group gap="xs" align="flex-end">
          {scope.kind !== 'sector' && <FilterSelect w={170} label={t('alerts.filters.sector')} data={labels.sectorOptions} value={sector ?? null} onChange={(v) => setFilter('sector', v)} searchable testId="dashboard-filter-sector" />}
          {scope.kind !== 'province' && <FilterSelect w={170} label={t('alerts.filters.province')} data={labels.provinceOptions} value={province ?? null} onChange={(v) => setFilter('province', v)} searchable testId="dashboard-filter-province" />}
          <PeriodPicker />
          <Button size="xs" variant="light" component={Link} to={alertsLink(filters)} leftSection={<IconList size={14} />} data-testid="open-alerts">
            {t('dashboard.openAlerts')}
          </Button>
          <ExportMenu query={query} />
          <PeriodicReportMenu />
        </Group>
      </Group>

      <QueryState query={overview}>
        {(o) => (
          <Stack gap="sm">
            <KpiTiles o={o} alertsTo={alertsLink(filters)} />
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
                <Section title={scope.kind === 'sector' ? t('dashboard.map.titleSector') : t('dashboard.map.title')} testId="map-card">
                  <ProvinceMap regions={regions} linkTo={(c) => scopeLink('province', c, params)} selected={province}
                    tiles={<ProvinceTileMap byProvince={map.data?.byProvince ?? []} name={(c) => labels.province(c)} linkTo={(c) => scopeLink('province', c, params)} selected={province} />} />
                </Section>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
                <Stack gap="sm">
                  {period.days === 1 ? <HourlyTrendCard sector={sector} province={province} /> : <TrendCard byDay={o.byDay} sector={sector} province={province} periodEndsToday={periodEndsToday} />}
                  {scope.kind !== 'national' && <ClassSeriesCard query={query} />}
                  <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
                    <Section title={t('dashboard.bySector')} testId="sector-card">
                      <BarList testId="sector-bars" empty={t('dashboard.empty')} rows={o.bySector.map((s) => ({ key: s.key, label: labels.sector(s.key), value: s.occurrences, to: scopeLink('sector', s.key, params) }))} />
                    </Section>
                    <Section title={t('dashboard.byClass')} testId="class-card">
                      <BarList testId="class-bars" empty={t('dashboard.empty')} rows={o.byClass.map((c) => ({ key: c.key, label: rsit(c.key), value: c.occurrences, to: alertsLink({ ...filters, rsitClass: c.key }), color: 'teal.5' }))} />
                    </Section>
                    <Section title={t('dashboard.bySeverity')} testId="severity-card">
                      <BarList
                        testId="severity-bars"
                        empty={t('dashboard.empty')}
                        rows={o.bySeverity.map((s) => {
                          const name = severityName(Number(s.key));
                          return { key: s.key, label: t(`severity.${name}`), value: s.occurrences, to: alertsLink({ ...filters, minSeverity: Number(s.key) }), color: `${SEVERITY_COLORS[name]}.5` };
                        })}
                      />
                    </Section>
                    <Section title={t('dashboard.topOrgs.title')} testId="top-orgs-card">
                      <TopOrgsTable rows={o.topOrganisations} alertsOf={(orgId) => alertsLink({ orgId })} />
                    </Section>
                  </SimpleGrid>
                  <CampaignsCard />
                </Stack>
              </Grid.Col>
            </Grid>
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
