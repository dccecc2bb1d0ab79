import { Anchor, Button, Group, Table, Text, Title, Stack } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable.tsx';
import { SeverityBadge } from '../../components/SeverityBadge.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { TlpBadge, WarningStatusBadge } from './WarningBadges.tsx';
import { useWarnings } from './warnings.api.ts';
import { useWarningText } from './useWarningText.ts';
import { WarningTargets } from './WarningTargets.tsx';
import { SurgeWatchNote } from './SurgeWatchNote.tsx';
import { ExerciseBadge, ExerciseChip, ExerciseListBanner, useExerciseParam } from './ExerciseFilter.tsx';

/** Warnings the caller authored or oversees; authors open the composer, the centre the delivery view. */
export function WarningsPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const text = useWarningText();
  const me = useCurrentUser();
  const { side, on, toggle } = useExerciseParam();
  const query = useWarnings(side);
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('warnings.title')}
        </Title>
        {me.permissions.includes('stats.read') && <SurgeWatchNote />}
        <ExerciseChip on={on} onToggle={toggle} />
        {me.permissions.includes('warnings.write') && (
          <Button component={Link} to="/warnings/new" size="xs" data-testid="warning-compose">
            {t('warnings.compose')}
          </Button>
        )}
      </Group>
      <ExerciseListBanner side={side} />
      <ListTable
        query={query}
        empty={t('warnings.empty')}
        testId="warnings-table"
        head={
          <>
            <Table.Th w={110}>{t('warnings.col.severity')}</Table.Th>
            <Table.Th>{t('warnings.col.title')}</Table.Th>
            <Table.Th w={130}>{t('warnings.col.tlp')}</Table.Th>
            <Table.Th w={120}>{t('warnings.col.status')}</Table.Th>
            <Table.Th w={110}>{t('warnings.col.origin')}</Table.Th>
            <Table.Th w={180}>{t('warnings.col.targets')}</Table.Th>
            <Table.Th w={190}>{t('warnings.col.date')}</Table.Th>
            <Table.Th w={200}>{t('warnings.col.delivery')}</Table.Th>
            <Table.Th w={120} />
          </>
        }
      >
        {(items) =>
          items.map((w) => (
            <Table.Tr key={w.id} data-testid="warning-row" data-warning-id={w.id}>
              <Table.Td>
                <SeverityBadge level={w.severity} size="xs" />
              </Table.Td>
              <Table.Td>
                {w.exerciseId && <ExerciseBadge />}
                {w.status === 'draft' || w.status === 'proposed' ? (
                  <Anchor component={Link} to={`/warnings/${w.id}/edit`} size="sm" fw={500}>
                    {text.title(w)}
                  </Anchor>
                ) : (
                  <Text size="sm" fw={500}>
                    {text.title(w)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <TlpBadge tlp={w.tlp} />
              </Table.Td>
              <Table.Td>
                <WarningStatusBadge status={w.status} />
              </Table.Td>
              <Table.Td>
                <Text size="xs">{t(`warnings.origin.${w.origin}`)}</Text>
              </Table.Td>
              <Table.Td>
                <WarningTargets targeting={w.targeting} />
              </Table.Td>
              <Table.Td data-testid="warning-date">
                <Text size="xs">{w.issuedAt
                    ? t('warnings.date.issued', { at: fmt.dateTime(w.issuedAt) })
                    : t(w.status === 'proposed' ? 'warnings.date.proposed' : 'warnings.date.created', { at: fmt.dateTime(w.createdAt) })}</Text>
                {!w.issuedAt && w.updatedAt !== w.createdAt && (
                  <Text size="xs" c="dimmed">
                    {t('warnings.date.updated', { at: fmt.relative(w.updatedAt) })}
                  </Text>
                )}
              </Table.Td>
              <Table.Td data-testid="warning-delivery-summary">
                {w.delivery && (
                  <Text size="xs">
                    {t('warnings.summary.acked', { acked: fmt.number(w.delivery.acknowledged), targeted: fmt.number(w.delivery.targeted) })}
                    {w.delivery.pending > 0 && ` · ${t('warnings.summary.pending', { count: w.delivery.pending })}`}
                    {w.delivery.failed > 0 && (
                      <Text span size="xs" c="red" fw={700}>
                        {` · ${t('warnings.summary.failed', { count: w.delivery.failed })}`}
                      </Text>
                    )}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {w.status !== 'draft' && w.status !== 'proposed' && (
                  <Anchor component={Link} to={`/warnings/${w.id}/delivery`} size="xs" data-testid="warning-delivery-link">
                    {t('warnings.delivery')}
                  </Anchor>
                )}
              </Table.Td>
            </Table.Tr>
          ))
        }
      </ListTable>
    </Stack>
  );
}
