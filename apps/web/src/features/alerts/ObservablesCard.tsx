import { Badge, Code, Group, Table, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Observable } from '@lachan/contracts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { Section } from '../../components/Section.tsx';

/** IPs, domains, hashes… extracted from the alert, each with its role, a copy button, and a mark when it matched a known indicator. */
export function ObservablesCard({ observables, matches = [] }: { observables: readonly Observable[]; matches?: readonly { observableIndex: number }[] }) {
  const { t } = useTranslation();
  const hits = new Map<number, number>();
  for (const m of matches) hits.set(m.observableIndex, (hits.get(m.observableIndex) ?? 0) + 1);
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
              {observables.map((o, i) => (
                <Table.Tr key={`${o.type}:${o.value}:${o.role ?? ''}`} data-testid="alert-observable" data-matched={hits.has(i) || undefined}>
                  <Table.Td fz="xs" c="dimmed">
                    {o.type}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Code style={{ wordBreak: 'break-all' }}>{o.value}</Code>
                      <CopyButton value={o.value} ariaLabel={t('alerts.observables.copy', { value: o.value })} />
                      {hits.has(i) && (
                        <Tooltip label={t('alerts.observables.matchedHint', { count: hits.get(i) })}>
                          <Badge size="xs" color="red" variant="light">
                            {t('alerts.observables.matched')}
                          </Badge>
                        </Tooltip>
                      )}
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
