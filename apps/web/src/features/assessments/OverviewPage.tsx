import { useMemo, useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssessmentOverview, Tally } from '@lachan/contracts';
import { QueryState } from '../../components/QueryState.tsx';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { apiUrl } from '../../api/client.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { EChart } from '../dashboard/EChart.tsx';
import { OrgPicker, useOrgLabels } from '../orgs/index.ts';
import { LevelBadge } from '../systems/LevelBadge.tsx';
import { pickText, useOverview } from './assessments.api.ts';
import { completionOption, complianceOption, pct, trendOption, type OverviewChartOption } from './overviewCharts.ts';
import { DueBadge } from './DueBadge.tsx';
import { TasksTable } from './TasksTable.tsx';
import { useOrgName } from '../orgs/useOrgName.ts';

function Stat({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} size="lg" data-testid={testId}>{value}</Text>
    </Paper>
  );
}

/** Tallies by ministry, province, sector and level as completion and compliance charts. */
function Breakdowns({ o }: { o: AssessmentOverview }) {
  const { t } = useTranslation();
  const labels = useOrgLabels();
  const cl = { submitted: t('assessments.view.submitted'), open: t('assessments.view.open'), overdue: t('assessments.view.overdue') };
  const al = { met: t('assessments.answer.met'), partly: t('assessments.answer.partly'), notMet: t('assessments.answer.not_met'), notApplicable: t('assessments.answer.not_applicable') };
  const groups = useMemo(() => ({
    ministry: o.byMinistry.map((r) => ({ label: r.name ?? t('assessments.view.noMinistry'), tally: r as Tally })),
    province: o.byProvince.map((r) => ({ label: labels.province(r.provinceCode), tally: r as Tally })),
    sector: o.bySector.map((r) => ({ label: labels.sector(r.sector), tally: r as Tally })),
    level: o.byLevel.map((r) => ({ label: r.level === null ? t('systems.unclassified') : t('systems.levelN', { n: r.level }), tally: r as Tally })),
  }), [o, labels, t]);
  const chartHeight = (n: number) => Math.max(160, Math.min(25, n) * 22 + 50);
  return (
    <Tabs defaultValue="ministry" keepMounted={false}>
      <Tabs.List>
        {(['ministry', 'province', 'sector', 'level', 'requirement'] as const).map((g) => <Tabs.Tab key={g} value={g} data-testid={`view-tab-${g}`}>{t(`assessments.view.by.${g}`)}</Tabs.Tab>)}
      </Tabs.List>
      {(['ministry', 'province', 'sector', 'level'] as const).map((g) => (
        <Tabs.Panel key={g} value={g} pt="sm">
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
            <Stack gap={4}>
              <Text size="sm" fw={600}>{t('assessments.view.completion')}</Text>
              <EChart<OverviewChartOption> option={completionOption(groups[g], cl)} height={chartHeight(groups[g].length)} label={t('assessments.view.completion')} testId={`chart-completion-${g}`} />
            </Stack>
            <Stack gap={4}>
              <Text size="sm" fw={600}>{t('assessments.view.compliance')}</Text>
              <EChart<OverviewChartOption> option={complianceOption(groups[g].map((r) => ({ label: r.label, ...r.tally })), al)} height={chartHeight(groups[g].length)} label={t('assessments.view.compliance')} />
            </Stack>
          </SimpleGrid>
          <Table fz="xs" verticalSpacing={2} mt="xs" data-testid={`view-table-${g}`}>
            <Table.Thead><Table.Tr>
              <Table.Th>{t(`assessments.view.by.${g}`)}</Table.Th><Table.Th ta="right">{t('assessments.view.tasks')}</Table.Th><Table.Th ta="right">{t('assessments.view.submitted')}</Table.Th>
              <Table.Th ta="right">{t('assessments.view.overdue')}</Table.Th><Table.Th ta="right">{t('assessments.view.metShare')}</Table.Th>
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {groups[g].map((r) => (
                <Table.Tr key={r.label} data-testid="view-row">
                  <Table.Td>{r.label}</Table.Td><Table.Td ta="right">{r.tally.tasks}</Table.Td><Table.Td ta="right">{r.tally.submitted}</Table.Td>
                  <Table.Td ta="right" c={r.tally.overdue ? 'red' : undefined}>{r.tally.overdue}</Table.Td><Table.Td ta="right">{pct(r.tally.met, r.tally.answered - r.tally.notApplicable)}%</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Tabs.Panel>
      ))}
      <Tabs.Panel value="requirement" pt="sm">
        <RequirementCompliance o={o} labels={al} />
      </Tabs.Panel>
    </Tabs>
  );
}

function RequirementCompliance({ o, labels }: { o: AssessmentOverview; labels: Parameters<typeof complianceOption>[1] }) {
  const { t, i18n } = useTranslation();
  // the least met first: where the country falls short
  const rows = [...o.byRequirement].sort((a, b) => pct(a.met, a.met + a.partly + a.notMet) - pct(b.met, b.met + b.partly + b.notMet));
  if (!rows.length) return <EmptyNote>{t('assessments.view.noAnswers')}</EmptyNote>;
  return (
    <EChart<OverviewChartOption> option={complianceOption(rows.map((r) => ({ label: `${r.reqId} ${pickText(r.text, i18n.language)}`.slice(0, 60), ...r })), labels)}
      height={Math.min(30, rows.length) * 22 + 50} label={t('assessments.view.by.requirement')} testId="chart-requirements" />
  );
}

function WorstAndGaps({ o }: { o: AssessmentOverview }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
      <Paper withBorder p="sm">
        <Title order={3} size="h6" mb={4}>{t('assessments.view.worst')}</Title>
        {o.worst.length === 0 ? <EmptyNote>{t('assessments.view.noneListed')}</EmptyNote> : (
          <Table fz="xs" verticalSpacing={2} data-testid="view-worst">
            <Table.Thead><Table.Tr><Table.Th>{t('assessments.tasks.col.system')}</Table.Th><Table.Th w={80}>{t('assessments.tasks.col.level')}</Table.Th><Table.Th w={70} ta="right">{t('assessments.answer.not_met')}</Table.Th><Table.Th w={70} ta="right">{t('assessments.answer.partly')}</Table.Th></Table.Tr></Table.Thead>
            <Table.Tbody>
              {o.worst.map((w) => (
                <Table.Tr key={w.taskId}>
                  <Table.Td><Anchor component={Link} to={`/assessments/tasks/${w.taskId}`} size="xs">{w.systemName}</Anchor><Text size="xs" c="dimmed">{nameOf(w.orgId, w.orgName)}</Text></Table.Td>
                  <Table.Td><LevelBadge level={w.level} /></Table.Td><Table.Td ta="right">{w.notMet}</Table.Td><Table.Td ta="right">{w.partly}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <Paper withBorder p="sm">
        <Title order={3} size="h6" mb={4}>{t('assessments.view.gaps', { noProvider: o.gaps.noProvider, noConnection: o.gaps.noConnection })}</Title>
        {o.gaps.systems.length === 0 ? <EmptyNote>{t('assessments.view.noneListed')}</EmptyNote> : (
          <Table fz="xs" verticalSpacing={2} data-testid="view-gaps">
            <Table.Tbody>
              {o.gaps.systems.map((g) => (
                <Table.Tr key={g.systemId}>
                  <Table.Td><Anchor component={Link} to={`/systems/${g.systemId}`} size="xs">{g.systemName}</Anchor><Text size="xs" c="dimmed">{nameOf(g.orgId, g.orgName)}</Text></Table.Td>
                  <Table.Td w={80}><LevelBadge level={g.level} /></Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {g.noProvider && <Badge size="xs" color="orange" variant="light">{t('assessments.view.noProvider')}</Badge>}
                      {g.noConnection && <Badge size="xs" color="red" variant="light">{t('assessments.view.noConnection')}</Badge>}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
    </SimpleGrid>
  );
}

/** The national view of a campaign (or of an organisation's subtree): completion, compliance, worst systems, gaps, trends, exports. */
export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const { id = '' } = useParams();
  const [orgId, setOrgId] = useState<string | null>(null);
  const overview = useOverview(id, orgId);
  return (
    <QueryState query={overview}>
      {(o) => (
        <Stack gap="md" data-testid="national-view">
          <Group justify="space-between" align="flex-start">
            <Stack gap={2}>
              <Title order={2} size="h3">{o.campaign.title}</Title>
              <Group gap="xs"><DueBadge dueDate={o.campaign.dueDate} done={o.total.tasks > 0 && o.total.submitted === o.total.tasks} /><Text size="xs" c="dimmed">{t('assessments.view.measuredAt', { at: f.dateTime(o.measuredAt) })}</Text></Group>
            </Stack>
            <Group gap="xs" align="flex-end">
              <OrgPicker size="xs" placeholder={t('assessments.view.scope')} value={orgId} onChange={setOrgId} testId="view-scope" />
              <Button size="xs" variant="default" component="a" href={apiUrl(`/assessment-campaigns/${id}/overview.csv`, { orgId })} data-testid="view-csv">{t('assessments.view.csv')}</Button>
              <Button size="xs" variant="default" component="a" target="_blank" rel="noopener" href={apiUrl(`/assessment-campaigns/${id}/report`, { orgId, lang: i18n.language === 'en' ? 'en' : 'vi' })} data-testid="view-report">{t('assessments.view.report')}</Button>
            </Group>
          </Group>
          <SimpleGrid cols={{ base: 2, md: 5 }} spacing="xs">
            <Stat label={t('assessments.view.tasks')} value={f.number(o.total.tasks)} testId="view-tasks" />
            <Stat label={t('assessments.view.submitted')} value={`${f.number(o.total.submitted)} (${pct(o.total.submitted, o.total.tasks)}%)`} testId="view-submitted" />
            <Stat label={t('assessments.view.overdue')} value={f.number(o.total.overdue)} testId="view-overdue" />
            <Stat label={t('assessments.view.metShare')} value={`${pct(o.total.met, o.total.answered - o.total.notApplicable)}%`} />
            <Stat label={t('assessments.view.notMet')} value={f.number(o.total.notMet)} />
          </SimpleGrid>
          <Paper withBorder p="sm"><Breakdowns o={o} /></Paper>
          <WorstAndGaps o={o} />
          {o.trends.length > 1 && (
            <Paper withBorder p="sm">
              <Title order={3} size="h6" mb={4}>{t('assessments.view.trends')}</Title>
              <EChart<OverviewChartOption> option={trendOption(o.trends, { completion: t('assessments.view.completion'), compliance: t('assessments.view.compliance') })} height={220} label={t('assessments.view.trends')} />
            </Paper>
          )}
          <Paper withBorder p="sm">
            <Title order={3} size="h6" mb={4}>{t('assessments.view.tasksList')}</Title>
            <TasksTable role="owner" campaignId={id} />
          </Paper>
        </Stack>
      )}
    </QueryState>
  );
}
