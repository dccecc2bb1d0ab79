import { useState } from 'react';
import { Anchor, Badge, Group, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Deadline, DeadlinesQuery } from '@lachan/contracts';
import { EmptyNote } from '../../../components/EmptyNote.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useNow } from '../../../lib/useNow.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { OrgPicker } from '../../orgs/OrgPicker.tsx';
import { Countdown } from '../Countdown.tsx';
import { useDeadlines, useRegimeName } from '../incidents.api.ts';
import { useReportRecipients } from '../reportRecipients.ts';
import { useIncidentTitle } from '../madeTitle.ts';
import { DEADLINE_GROUPS, groupDeadlines, type DeadlineGroup } from './groupDeadlines.ts';

const GROUP_COLORS: Record<DeadlineGroup, string> = { overdue: 'red', soon: 'orange', upcoming: 'blue', waiting: 'gray', met: 'teal' };

function DeadlineRows({ group, list }: { group: DeadlineGroup; list: Deadline[] }) {
  const { t } = useTranslation();
  const recipients = useReportRecipients();
  const title = useIncidentTitle();
  const fmt = useFormat();
  const regimeName = useRegimeName();
  return (
    <Paper withBorder p="sm" data-testid={`deadlines-${group}`}>
      <Group gap="xs" mb={6}>
        <Badge color={GROUP_COLORS[group]} variant={group === 'overdue' ? 'filled' : 'light'} size="sm" tt="none">{t(`incidents.deadlines.groups.${group}`)}</Badge>
        <Text size="xs" c="dimmed">{list.length}</Text>
      </Group>
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing={4} fz="sm" striped highlightOnHover>
          <Table.Tbody>
            {list.map((d) => (
              <Table.Tr key={`${d.incidentId}-${d.regimeId}-${d.ruleKey}`} data-testid="deadline-row">
                <Table.Td w={96}><Text size="xs" ff="monospace">{d.incidentReference}</Text></Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/incidents/${d.incidentId}?tab=reports`} size="sm" lineClamp={1}>{title({ title: d.incidentTitle, titleCode: d.incidentTitleCode, titleParams: d.incidentTitleParams })}</Anchor>
                </Table.Td>
                <Table.Td w={320}>
                  <Text size="sm">{t(`incidents.reportKinds.${d.kind}`)}</Text>
                  <Text size="xs" c="dimmed" lineClamp={1} title={recipients(d)}>{regimeName(d.regimeCode, fmt.lang)}</Text>
                </Table.Td>
                <Table.Td w={170}><Text size="xs">{d.dueAt ? fmt.dateTime(d.dueAt) : t('incidents.clocks.notStarted')}</Text></Table.Td>
                <Table.Td w={150} ta="right">
                  {group === 'met' ? <Text size="xs" c="teal">{fmt.dateTime(d.metAt)}</Text> : <Countdown dueAt={d.dueAt} testId="deadline-countdown" />}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** "My organisation's deadlines": every reporting clock of its incidents, overdue first, counting down. */
export function DeadlinesPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const now = useNow(15_000);
  const [orgId, setOrgId] = useState<string | null>(me.org.id);
  const [state, setState] = useState<NonNullable<DeadlinesQuery['state']>>('open');
  const query = useDeadlines({ orgId: orgId ?? undefined, state });
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h3">{t('incidents.deadlines.title')}</Title>
        <Text size="sm" c="dimmed">{t('incidents.deadlines.intro')}</Text>
      </div>
      <Group gap="xs">
        <div style={{ width: 320 }}>
          <OrgPicker size="xs" value={orgId} onChange={setOrgId} placeholder={t('common.allOrgs')} testId="deadlines-org" />
        </div>
        <SegmentedControl
          size="xs"
          value={state}
          onChange={(v) => setState(v as typeof state)}
          data={(['open', 'overdue', 'all'] as const).map((s) => ({ value: s, label: t(`incidents.deadlines.states.${s}`) }))}
        />
      </Group>
      <QueryState query={query}>
        {(list) => {
          const groups = groupDeadlines(list, now);
          const shown = DEADLINE_GROUPS.filter((g) => groups[g].length > 0);
          return shown.length === 0 ? (
            <Paper withBorder p="sm"><EmptyNote>{t('incidents.deadlines.none')}</EmptyNote></Paper>
          ) : (
            <Stack gap="sm">{shown.map((g) => <DeadlineRows key={g} group={g} list={groups[g]} />)}</Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}
