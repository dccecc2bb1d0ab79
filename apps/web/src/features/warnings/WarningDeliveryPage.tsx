import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { SeverityBadge } from '../../components/SeverityBadge.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { TlpBadge, WarningStatusBadge } from './WarningBadges.tsx';
import { DeadLetterTable, DeliveryStates } from './DeliveryStates.tsx';
import { useWarning, useWarningStatus, useWithdrawWarning } from './warnings.api.ts';
import { useWarningText } from './useWarningText.ts';
import { DocumentMenu } from '../documents/index.ts';
import { WarningProvinces } from './WarningProvinces.tsx';
import { useOrgName } from '../orgs/useOrgName.ts';
import { RecordExerciseBanner } from '../exercises/RecordExerciseBanner.tsx';

/** A headline figure of the delivery view. */
function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Paper withBorder p="xs">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700} data-testid={testId}>
        {value}
      </Text>
    </Paper>
  );
}

/** The centre's view of one issued warning: reach, delivery per channel, and each organisation's read and ack. */
export function WarningDeliveryPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const text = useWarningText();
  const warning = useWarning(id);
  const status = useWarningStatus(id);
  const withdraw = useWithdrawWarning(t('warnings.withdrawn'));
  return (
    <Stack gap="sm" data-testid="warning-delivery">
      <QueryState query={warning}>
        {(w) => (
          <>
            <RecordExerciseBanner exerciseId={w.exerciseId} />
            <Group justify="space-between">
              <Group gap="xs">
                <SeverityBadge level={w.severity} />
                <TlpBadge tlp={w.tlp} />
                <WarningStatusBadge status={w.status} />
                <Title order={2} size="h4">
                  {text.title(w)}
                </Title>
              </Group>
              <Group gap="xs">
                <DocumentMenu path={`/warnings/${w.id}/document`} />
                {w.status === 'issued' && (
                  <Button size="xs" variant="default" color="red" onClick={() => withdraw.mutate(w.id)} loading={withdraw.isPending}>
                    {t('warnings.withdraw')}
                  </Button>
                )}
              </Group>
            </Group>
          </>
        )}
      </QueryState>
      <QueryState query={warning}>
        {(w) => <WarningProvinces provinces={w.targeting.provinces ?? []} />}
      </QueryState>
      <QueryState query={status}>
        {(s) => (
          <>
            <SimpleGrid cols={{ base: 3 }} spacing="xs" maw={600}>
              <Figure label={t('warnings.status_.targeted')} value={fmt.number(s.targeted)} testId="delivery-targeted" />
              <Figure label={t('warnings.status_.read')} value={fmt.number(s.read)} testId="delivery-read" />
              <Figure label={t('warnings.status_.acknowledged')} value={fmt.number(s.acknowledged)} testId="delivery-acked" />
            </SimpleGrid>
            <Section title={t('warnings.status_.channels')}>
              <Table verticalSpacing={4} fz="sm" data-testid="delivery-channels">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('warnings.status_.channel')}</Table.Th>
                    <Table.Th ta="right">{t('warnings.status_.delivered')}</Table.Th>
                    <Table.Th ta="right">{t('warnings.status_.pending')}</Table.Th>
                    <Table.Th ta="right">{t('warnings.status_.failed')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.channels.map((c) => (
                    <Table.Tr key={c.channel} data-channel={c.channel}>
                      <Table.Td>{t(`warnings.delivery_.channel.${c.channel as 'stream' | 'webhook' | 'email'}`)}</Table.Td>
                      <Table.Td ta="right">{fmt.number(c.delivered)}</Table.Td>
                      <Table.Td ta="right">{fmt.number(c.pending)}</Table.Td>
                      <Table.Td ta="right" c={c.failed > 0 ? 'red' : undefined} fw={c.failed > 0 ? 700 : undefined}>
                        {fmt.number(c.failed)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Section>
            <Section title={t('warnings.delivery_.dead')}>
              <DeadLetterTable warningId={id} status={s} />
            </Section>
            <Section title={t('warnings.status_.orgs')}>
              <Table striped verticalSpacing={4} fz="sm" data-testid="delivery-orgs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('warnings.status_.org')}</Table.Th>
                    <Table.Th>{t('warnings.delivery_.channels')}</Table.Th>
                    <Table.Th w={180}>{t('warnings.status_.readAt')}</Table.Th>
                    <Table.Th w={180}>{t('warnings.status_.ackedAt')}</Table.Th>
                    <Table.Th w={100} ta="right">
                      {t('warnings.status_.reminders')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.orgs.map((o) => (
                    <Table.Tr key={o.orgId} data-acked={o.ackedAt !== null}>
                      <Table.Td>{nameOf(o.orgId, o.name)}</Table.Td>
                      <Table.Td>
                        <DeliveryStates deliveries={o.deliveries} />
                      </Table.Td>
                      <Table.Td>{fmt.dateTime(o.readAt)}</Table.Td>
                      <Table.Td c={o.ackedAt ? 'teal' : undefined}>{fmt.dateTime(o.ackedAt)}</Table.Td>
                      <Table.Td ta="right">{fmt.number(o.reminders)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Section>
          </>
        )}
      </QueryState>
    </Stack>
  );
}
