import { useState } from 'react';
import { Code, Grid, ScrollArea, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { ObjectTlp } from './IntelBadges.tsx';
import { useIntelVersions } from './intel.api.ts';

/** Every version of the object (newest first); choosing one shows it in full. */
export function ObjectVersions({ id, exerciseId }: { id: string; exerciseId?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const query = useIntelVersions(id, true, exerciseId);
  const [chosen, setChosen] = useState(0);
  return (
    <QueryState query={query}>
      {(data) => (
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Table highlightOnHover fz="sm" verticalSpacing={4} data-testid="intel-versions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('intel.object.verCol.modified')}</Table.Th>
                  <Table.Th>{t('intel.object.verCol.added')}</Table.Th>
                  <Table.Th>TLP</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((v, i) => (
                  <Table.Tr key={v.version} data-testid="intel-version" onClick={() => setChosen(i)} aria-selected={i === chosen} style={{ cursor: 'pointer' }} bg={i === chosen ? 'var(--mantine-primary-color-light)' : undefined}>
                    <Table.Td><Text size="xs">{v.modified ? fmt.dateTime(v.modified) : '—'}</Text></Table.Td>
                    <Table.Td><Text size="xs">{fmt.dateTime(v.dateAdded)}</Text></Table.Td>
                    <Table.Td><ObjectTlp tlp={v.tlp} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 7 }}>
            <Section title={t('intel.object.showVersion')} testId="intel-version-json">
              <ScrollArea.Autosize mah={520}>
                <Code block>{JSON.stringify(data.items[chosen]?.object ?? {}, null, 2)}</Code>
              </ScrollArea.Autosize>
            </Section>
          </Grid.Col>
        </Grid>
      )}
    </QueryState>
  );
}
