import { Badge, Button, Group, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WarningDelivery, WarningStatus } from '@lachan/contracts';
import { useFormat } from '../../i18n/useFormat.ts';
import { usePermission } from '../auth/auth.api.ts';
import { useRetryDelivery } from './warnings.api.ts';

const COLORS: Record<WarningDelivery['status'], string> = { delivered: 'teal', pending: 'yellow', dead: 'red' };

/** One organisation's deliveries, a badge per channel; the tooltip tells the target, attempts and last error. */
export function DeliveryStates({ deliveries }: { deliveries: WarningDelivery[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Group gap={4}>
      {deliveries.map((d, i) => {
        const tip = [d.target, t('warnings.delivery_.attempts', { count: d.attempts }), d.deliveredAt && fmt.dateTime(d.deliveredAt), d.lastError].filter(Boolean).join(' · ');
        return (
          <Tooltip key={d.id ?? `stream-${i}`} label={tip} multiline maw={360}>
            <Badge size="xs" radius="sm" variant="light" color={COLORS[d.status]} tt="none" data-channel={d.channel} data-state={d.status}>
              {t(`warnings.delivery_.channel.${d.channel}`)}
              {d.purpose === 'reminder' ? ` (${t('warnings.delivery_.reminder')})` : ''}: {t(`warnings.delivery_.state.${d.status}`)}
              {d.attempts > 1 ? ` ×${d.attempts}` : ''}
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
}

/** Dead-lettered deliveries with their reason; the issuer queues one again with "retry". */
export function DeadLetterTable({ warningId, status }: { warningId: string; status: WarningStatus }) {
  const { t } = useTranslation();
  const mayRetry = usePermission('warnings.write');
  const retry = useRetryDelivery(warningId, t('warnings.delivery_.retried'));
  if (status.deadLetters.length === 0) return <Text size="sm" c="dimmed">{t('warnings.delivery_.noDead')}</Text>;
  return (
    <Table verticalSpacing={4} fz="sm" data-testid="delivery-dead">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('warnings.status_.org')}</Table.Th>
          <Table.Th>{t('warnings.status_.channel')}</Table.Th>
          <Table.Th>{t('warnings.delivery_.target')}</Table.Th>
          <Table.Th ta="right">{t('warnings.delivery_.attemptsCol')}</Table.Th>
          <Table.Th>{t('warnings.delivery_.reason')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {status.deadLetters.map((d) => (
          <Table.Tr key={d.id} data-delivery={d.id}>
            <Table.Td>{d.name}</Table.Td>
            <Table.Td>{t(`warnings.delivery_.channel.${d.channel}`)}</Table.Td>
            <Table.Td>{d.target}</Table.Td>
            <Table.Td ta="right">{d.attempts}</Table.Td>
            <Table.Td c="red">{d.lastError}</Table.Td>
            <Table.Td>
              {mayRetry && (
                <Button size="compact-xs" variant="default" onClick={() => retry.mutate(d.id)} loading={retry.isPending && retry.variables === d.id} data-testid="delivery-retry">
                  {t('warnings.delivery_.retry')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
