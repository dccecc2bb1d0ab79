import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { usePermission } from '../auth/auth.api.ts';
import { alertApi, alertKeys, useSuppressions } from './alerts.api.ts';
import { useRuleName } from '../incidents/madeTitle.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

/** Groups promotion rules stopped opening incidents for after repeated false positives, and why; lifted here. */
export function SuppressionsPage() {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const ruleName = useRuleName();
  const fmt = useFormat();
  const canLift = usePermission('incidents.write');
  const query = useSuppressions();
  const lift = useApiMutation((id: string) => alertApi.liftSuppression(id), { invalidate: [alertKeys.suppressions], success: t('alerts.suppressions.lifted') });
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h3">{t('alerts.suppressions.title')}</Title>
        <Text size="sm" c="dimmed">{t('alerts.suppressions.intro')}</Text>
      </div>
      {lift.error && <ErrorAlert error={lift.error} />}
      <Paper withBorder p={0}>
        <QueryState query={query}>
          {(items) =>
            items.length === 0 ? (
              <Stack p="sm"><EmptyNote>{t('alerts.suppressions.empty')}</EmptyNote></Stack>
            ) : (
              <Table.ScrollContainer minWidth={900}>
                <Table striped verticalSpacing={4} fz="sm" data-testid="suppressions-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('alerts.suppressions.group')}</Table.Th>
                      <Table.Th>{t('alerts.suppressions.rule')}</Table.Th>
                      <Table.Th>{t('alerts.suppressions.org')}</Table.Th>
                      <Table.Th>{t('alerts.suppressions.reason')}</Table.Th>
                      <Table.Th>{t('alerts.suppressions.since')}</Table.Th>
                      {canLift && <Table.Th />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((s) => (
                      <Table.Tr key={s.id} data-testid="suppression-row">
                        <Table.Td>
                          <Group gap={4}>
                            {Object.entries(s.label).map(([k, v]) => <Badge key={k} size="xs" variant="default" tt="none" ff="monospace" fw={400}>{v}</Badge>)}
                          </Group>
                          <Text size="xs" c="dimmed">{t('alerts.suppressions.counts', { incidents: s.incidents, falsePositives: s.falsePositives })}</Text>
                        </Table.Td>
                        <Table.Td>{ruleName(s.ruleName)}</Table.Td>
                        <Table.Td><Anchor component={Link} to={`/orgs/${s.orgId}`} size="sm">{nameOf(s.orgId, s.orgName)}</Anchor></Table.Td>
                        <Table.Td><Text size="sm" lineClamp={2}>{s.reason}</Text><Text size="xs" c="dimmed">{s.createdByName}</Text></Table.Td>
                        <Table.Td><Text size="xs">{fmt.dateTime(s.createdAt)}</Text></Table.Td>
                        {canLift && (
                          <Table.Td>
                            <Button size="compact-xs" variant="light" loading={lift.isPending && lift.variables === s.id} onClick={() => lift.mutate(s.id)} data-testid="suppression-lift">
                              {t('alerts.suppressions.lift')}
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
      </Paper>
    </Stack>
  );
}
