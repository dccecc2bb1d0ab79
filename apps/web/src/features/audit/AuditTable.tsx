import { Badge, Code, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '@lachan/contracts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useOrgNames } from '../settings/useOrgNames.ts';

/** Audit entries, newest first; a row opens the entry's before and after. */
export function AuditTable({ entries, onOpen }: { entries: AuditEntry[]; onOpen: (e: AuditEntry) => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const orgName = useOrgNames();
  if (entries.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid="audit-empty">
        {t('audit.none')}
      </Text>
    );
  return (
    <Table fz="sm" verticalSpacing={3} highlightOnHover data-testid="audit-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>#</Table.Th>
          <Table.Th>{t('audit.col.at')}</Table.Th>
          <Table.Th>{t('audit.col.actor')}</Table.Th>
          <Table.Th>{t('audit.col.action')}</Table.Th>
          <Table.Th>{t('audit.col.entity')}</Table.Th>
          <Table.Th>{t('audit.col.org')}</Table.Th>
          <Table.Th>{t('audit.col.ip')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={e.id} data-testid="audit-row" onClick={() => onOpen(e)} style={{ cursor: 'pointer' }}>
            <Table.Td c="dimmed">{e.id}</Table.Td>
            <Table.Td>{fmt.dateTime(e.at)}</Table.Td>
            <Table.Td>
              <Badge size="xs" variant="outline" mr={4}>
                {t(`audit.actorType.${e.actorType}`)}
              </Badge>
              {e.actorName ?? '—'}
            </Table.Td>
            <Table.Td>
              <Code>{e.action}</Code>
            </Table.Td>
            <Table.Td>
              {e.entityType}
              {e.entityId ? <Text span c="dimmed" size="xs"> {e.entityId.slice(0, 13)}</Text> : null}
            </Table.Td>
            <Table.Td>{e.orgId ? orgName(e.orgId) : '—'}</Table.Td>
            <Table.Td>{e.ip ?? '—'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
