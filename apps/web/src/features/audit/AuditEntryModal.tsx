import { Code, Modal, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@lachan/contracts';
import { useFormat } from '../../i18n/useFormat.ts';

const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

/** One audit entry in full: who, when, from where, and the entity's state before and after. */
export function AuditEntryModal({ entry, onClose }: { entry: AuditEntry; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Modal opened onClose={onClose} size="xl" title={`${entry.action} · #${entry.id}`}>
      <Stack gap="xs" data-testid="audit-entry">
        <Text size="sm">
          {fmt.dateTime(entry.at)} · {t(`audit.actorType.${entry.actorType}`)} {entry.actorName ?? '—'} · {entry.ip ?? '—'} · {t('audit.requestId')} {entry.requestId ?? '—'}
        </Text>
        <Text size="sm">
          {entry.entityType} {entry.entityId ?? ''}
        </Text>
        <SimpleGrid cols={2} spacing="xs">
          <div>
            <Text size="xs" fw={600}>{t('audit.before')}</Text>
            <Code block>{json(entry.before)}</Code>
          </div>
          <div>
            <Text size="xs" fw={600}>{t('audit.after')}</Text>
            <Code block>{json(entry.after)}</Code>
          </div>
        </SimpleGrid>
      </Stack>
    </Modal>
  );
}
