import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SeverityBadge } from '../../components/SeverityBadge.tsx';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useSystemActivity, type SystemActivity } from './activity.api.ts';

const SEVERITY_NUMBER: Record<string, number> = { low: 1, medium: 2, high: 3, critical: 4 };
const severity = (s: number | string) => (typeof s === 'number' ? s : SEVERITY_NUMBER[s] ?? 1);

function Block({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={4}>
      <Text fw={600} size="sm">{title}</Text>
      {children}
    </Stack>
  );
}

function ActivityBody({ a }: { a: SystemActivity }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const text = (x: SystemActivity['unmetRequirements'][number]['text']) =>
    typeof x === 'string' ? x : (i18n.language === 'en' ? x.en ?? x.vi : x.vi ?? x.en) ?? '';
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
      <Block title={t('systems.activity.incidents', { count: a.incidents.length })}>
        {a.incidents.length === 0 ? <EmptyNote>{t('systems.activity.none')}</EmptyNote> : (
          <Table fz="xs" verticalSpacing={2} data-testid="activity-incidents">
            <Table.Tbody>
              {a.incidents.map((i) => (
                <Table.Tr key={i.id}>
                  <Table.Td><Anchor component={Link} to={`/incidents/${i.id}`} size="xs">{i.title}</Anchor></Table.Td>
                  <Table.Td w={110}><SeverityBadge level={severity(i.severity)} size="xs" /></Table.Td>
                  <Table.Td w={140}>{f.dateTime(i.openedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Block>
      <Block title={t('systems.activity.openAlerts', { count: a.openAlerts.count })}>
        {a.openAlerts.latest.length === 0 ? <EmptyNote>{t('systems.activity.none')}</EmptyNote> : (
          <Table fz="xs" verticalSpacing={2} data-testid="activity-alerts">
            <Table.Tbody>
              {a.openAlerts.latest.map((al) => (
                <Table.Tr key={al.id}>
                  <Table.Td><Anchor component={Link} to={`/alerts/${al.id}`} size="xs">{al.title}</Anchor></Table.Td>
                  <Table.Td w={110}><SeverityBadge level={severity(al.severity)} size="xs" /></Table.Td>
                  <Table.Td w={140}>{f.dateTime(al.receivedAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Block>
      <Block title={t('systems.activity.indicators', { count: a.indicatorsMatched.length })}>
        {a.indicatorsMatched.length === 0 ? <EmptyNote>{t('systems.activity.none')}</EmptyNote> : (
          <Table fz="xs" verticalSpacing={2}>
            <Table.Tbody>
              {a.indicatorsMatched.map((m) => (
                <Table.Tr key={m.type + m.value}><Table.Td ff="monospace">{m.value}</Table.Td><Table.Td w={90}>{m.type}</Table.Td><Table.Td w={60} ta="right">{m.count}</Table.Td><Table.Td w={140}>{f.dateTime(m.lastSeen)}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Block>
      <Block title={t('systems.activity.unmet', { count: a.unmetRequirements.length })}>
        {a.unmetRequirements.length === 0 ? <EmptyNote>{t('systems.activity.none')}</EmptyNote> : (
          <Table fz="xs" verticalSpacing={2}>
            <Table.Tbody>
              {a.unmetRequirements.map((u) => (
                <Table.Tr key={u.campaignId + u.requirementId}>
                  <Table.Td w={90} ff="monospace">{u.requirementId}</Table.Td>
                  <Table.Td><Text size="xs" lineClamp={2}>{text(u.text)}</Text><Text size="xs" c="dimmed">{u.campaignTitle}</Text></Table.Td>
                  <Table.Td w={110}><Badge size="xs" color={u.answer === 'not_met' ? 'red' : 'orange'} variant="light">{t(`assessments.answer.${u.answer as 'met'}`, { defaultValue: u.answer })}</Badge></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Block>
    </SimpleGrid>
  );
}

/** What happens on a system: its incidents, open alerts, matched indicators and unmet requirements; hidden where the server has no such view. */
export function ActivitySection({ systemId }: { systemId: string }) {
  const { t } = useTranslation();
  const activity = useSystemActivity(systemId);
  if (activity.data === null || activity.isError) return null;
  return (
    <Paper withBorder p="sm" data-testid="system-activity">
      <Group justify="space-between" mb="xs"><Title order={3} size="h5">{t('systems.activity.title')}</Title></Group>
      {activity.data ? <ActivityBody a={activity.data} /> : <Text size="xs" c="dimmed">{t('app.loading')}</Text>}
    </Paper>
  );
}
