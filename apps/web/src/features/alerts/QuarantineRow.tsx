import { ActionIcon, Anchor, Badge, Checkbox, Code, Group, Stack, Table, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { QuarantineItem } from '@lachan/contracts';
import { useFormat } from '../../i18n/useFormat.ts';
import { FORMAT_LABELS } from './alertLabels.ts';
import { RawRecord } from './RawRecordCard.tsx';
import { useQuarantineReason } from './quarantineReason.ts';

interface QuarantineRowProps {
  item: QuarantineItem;
  selected: boolean;
  expanded: boolean;
  selectable: boolean;
  onSelect: (selected: boolean) => void;
  onToggle: () => void;
}

const COLUMNS = 8;

/** One quarantined record; expanding it shows the error in full and the raw record. */
export function QuarantineRow({ item, selected, expanded, selectable, onSelect, onToggle }: QuarantineRowProps) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const reason = useQuarantineReason()(item.code);
  return (
    <>
      <Table.Tr data-testid="quarantine-row" data-quarantine-id={item.id} data-state={item.replayedAt ? 'replayed' : 'open'} bg={selected ? 'var(--mantine-color-indigo-light)' : undefined}>
        <Table.Td>
          <Checkbox size="xs" checked={selected} disabled={!selectable} onChange={(e) => onSelect(e.currentTarget.checked)} aria-label={t('alerts.quarantine.select', { id: item.id })} data-testid="quarantine-select" />
        </Table.Td>
        <Table.Td>
          <ActionIcon size="sm" variant="subtle" color="gray" onClick={onToggle} aria-expanded={expanded} aria-label={t('alerts.quarantine.toggle', { id: item.id })} data-testid="quarantine-expand">
            <IconChevronRight size={14} style={{ transform: expanded ? 'rotate(90deg)' : undefined, transition: 'transform 120ms' }} />
          </ActionIcon>
        </Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }} title={fmt.dateTime(item.receivedAt)}>
          {fmt.timeOfDay(item.receivedAt)}
        </Table.Td>
        <Table.Td>{FORMAT_LABELS[item.format]}</Table.Td>
        <Table.Td>
          <Text size="sm" fw={500} title={item.code} data-testid="quarantine-reason" data-code={item.code}>
            {reason.label}
          </Text>
        </Table.Td>
        <Table.Td style={{ maxWidth: 420 }}>
          <Text size="sm" truncate="end" title={reason.hint}>
            {reason.hint}
          </Text>
        </Table.Td>
        <Table.Td ta="right">{fmt.number(item.attempts)}</Table.Td>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          {item.replayedAt ? (
            <Group gap={6} wrap="nowrap">
              <Badge size="xs" radius="sm" color="teal" variant="light" title={t('alerts.quarantine.replayedAt', { at: fmt.dateTime(item.replayedAt) })}>
                {t('alerts.quarantine.states.replayed')}
              </Badge>
              {item.alertId && (
                <Anchor component={Link} to={`/alerts/${item.alertId}`} size="xs">
                  {t('alerts.quarantine.openAlert')}
                </Anchor>
              )}
            </Group>
          ) : (
            <Badge size="xs" radius="sm" color="orange" variant="light">
              {t('alerts.quarantine.states.open')}
            </Badge>
          )}
        </Table.Td>
      </Table.Tr>
      {expanded && (
        <Table.Tr>
          <Table.Td colSpan={COLUMNS}>
            <Stack gap={6} py={4} data-testid="quarantine-detail">
              <Text size="sm">{reason.hint}</Text>
              <Group gap="xs" align="baseline" wrap="nowrap">
                <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                  {t('alerts.quarantine.parserMessage')}
                </Text>
                <Code fz="xs" style={{ whiteSpace: 'pre-wrap' }} data-testid="quarantine-parser-message">
                  {item.message}
                </Code>
              </Group>
              <RawRecord raw={item.raw} maxHeight={320} testId="quarantine-raw" />
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}
