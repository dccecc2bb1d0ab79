import { useMemo } from 'react';
import { Anchor, Badge, Stack, Table } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IntelObjectDetail } from '@lachan/contracts';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { Section } from '../../components/Section.tsx';
import { EChart } from '../dashboard/EChart.tsx';
import { ObjectTlp, StixTypeBadge, useTypeLabel } from './IntelBadges.tsx';
import { useStixProperty } from './stixProperties.ts';
import { relationRows, relationshipGraph, type IntelGraphOption } from './intelGraph.ts';
import { objectPath } from './KnowledgeSearchPage.tsx';

/** The object's relationships: a force graph, then the same as a list with links to each related object. */
export function ObjectRelations({ d, exerciseId }: { d: IntelObjectDetail; exerciseId?: string }) {
  const { t } = useTranslation();
  const typeLabel = useTypeLabel();
  const prop = useStixProperty((iso) => iso);
  const option = useMemo(() => relationshipGraph(d, typeLabel), [d, typeLabel]);
  const rows = useMemo(() => relationRows(d), [d]);
  if (rows.length === 0) return <EmptyNote>{t('intel.object.noRelations')}</EmptyNote>;
  return (
    <Stack gap="sm">
      <Section title={t('intel.object.graph')}>
        <EChart<IntelGraphOption> option={option} height={420} label={t('intel.object.graph')} testId="intel-graph" />
      </Section>
      <Table striped highlightOnHover fz="sm" verticalSpacing={4} data-testid="intel-relations">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>{t('intel.object.relCol.direction')}</Table.Th>
            <Table.Th w={160}>{t('intel.object.relCol.type')}</Table.Th>
            <Table.Th>{t('intel.object.relCol.other')}</Table.Th>
            <Table.Th w={170}>{t('intel.col.type')}</Table.Th>
            <Table.Th w={120}>TLP</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.edgeId} data-testid="intel-relation">
              <Table.Td><Badge size="xs" variant="light" tt="none" color={r.direction === 'out' ? 'blue' : 'grape'}>{r.direction === 'out' ? `→ ${t('intel.object.outgoing')}` : `← ${t('intel.object.incoming')}`}</Badge></Table.Td>
              <Table.Td title={r.relationshipType}>{prop.relation(r.relationshipType)}</Table.Td>
              <Table.Td><Anchor component={Link} to={objectPath(r.other.id, exerciseId)} size="sm">{r.other.name}</Anchor></Table.Td>
              <Table.Td><StixTypeBadge type={r.other.type} /></Table.Td>
              <Table.Td><ObjectTlp tlp={r.other.tlp} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
