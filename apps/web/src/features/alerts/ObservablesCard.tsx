import { Code, Group, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Observable } from '@lachan/contracts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { Section } from '../../components/Section.tsx';

/** IPs, domains, hashes… extracted from the alert, each with its role and a copy button. */
export function ObservablesCard({ observables }: { observables: readonly Observable[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('alerts.observables.title')} testId="alert-observables">
      {observables.length === 0 ? (
        <EmptyNote>{t('alerts.observables.empty')}</EmptyNote>
      ) : (
        <Table.ScrollContainer minWidth={360}>
          <Table verticalSpacing={3} fz="sm" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={90}>{t('alerts.observables.type')}</Table.Th>
                <Table.Th>{t('alerts.observables.value')}</Table.Th>
                <Table.Th w={100}>{t('alerts.observables.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {observables.map((o) => (
                <Table.Tr key={`${o.type}:${o.value}:${o.role ?? ''}`} data-testid="alert-observable">
                  <Table.Td fz="xs" c="dimmed">
                    {o.type}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Code style={{ wordBreak: 'break-all' }}>{o.value}</Code>
                      <CopyButton value={o.value} ariaLabel={t('alerts.observables.copy', { value: o.value })} />
                    </Group>
                  </Table.Td>
                  <Table.Td fz="xs">{o.role ? t(`alerts.observables.roles.${o.role}`) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}
