import { Alert, Anchor, Code, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IntelObjectDetail } from '@lachan/contracts';
import { Section } from '../../components/Section.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { ObjectTlp, StixTypeBadge } from './IntelBadges.tsx';
import { referenceUrl } from './intelGraph.ts';
import { useStixProperty } from './stixProperties.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

type Ref = { source_name?: string; external_id?: string; url?: string; description?: string };
const SHOWN = new Set(['type', 'id', 'spec_version', 'name', 'description', 'pattern', 'created', 'modified', 'external_references', 'object_marking_refs']);

/** Properties, pattern, description and external references (ATT&CK ids linked) of one object. */
export function ObjectOverview({ d }: { d: IntelObjectDetail }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const prop = useStixProperty(fmt.dateTime);
  const o = d.object;
  const refs = Array.isArray(o.external_references) ? (o.external_references as Ref[]) : [];
  const rest = Object.entries(o).filter(([k]) => !SHOWN.has(k));
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
      <Stack gap="sm">
        {d.withheld.length > 0 && (
          <Alert color="red" variant="light" data-testid="intel-withheld">
            {t('intel.object.withheld', { count: d.withheld.length, fields: d.withheld.map(prop.label).join(', ') })}
          </Alert>
        )}
        <Section title={t('intel.object.properties')} testId="intel-properties">
          <Table fz="sm" verticalSpacing={2} withRowBorders={false}>
            <Table.Tbody>
              <Row k={t('intel.col.type')}><StixTypeBadge type={d.type} /></Row>
              <Row k={t('intel.object.id')}><Code>{d.id}</Code></Row>
              <Row k="TLP"><ObjectTlp tlp={d.tlp} /></Row>
              <Row k={t('intel.object.created')}>{d.created ? fmt.dateTime(d.created) : '—'}</Row>
              <Row k={t('intel.object.modified')}>{d.modified ? fmt.dateTime(d.modified) : '—'}</Row>
              <Row k={t('intel.object.owner')}>{d.ownerOrgId ? nameOf(d.ownerOrgId, d.ownerOrgName ?? '') : (d.ownerOrgName ?? '—')}</Row>
              <Row k={t('intel.object.sightings')}><span data-testid="intel-sightings">{t('intel.object.sightingsValue', { stix: fmt.number(d.sightings.stix), alerts: fmt.number(d.sightings.alerts) })}</span></Row>
              {rest.map(([k, v]) => <Row key={k} k={prop.label(k)} hint={k}><Text size="xs" style={{ wordBreak: 'break-word' }}>{prop.value(k, v)}</Text></Row>)}
            </Table.Tbody>
          </Table>
        </Section>
      </Stack>
      <Stack gap="sm">
        {typeof o.pattern === 'string' && (
          <Section title={t('intel.object.pattern')}>
            <Code block data-testid="intel-pattern">{o.pattern}</Code>
          </Section>
        )}
        {typeof o.description === 'string' && (
          <Section title={t('intel.object.description')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{o.description}</Text>
          </Section>
        )}
        {refs.length > 0 && (
          <Section title={t('intel.object.references')} testId="intel-references">
            <Stack gap={4}>
              {refs.map((r, i) => {
                const url = referenceUrl(r);
                const label = [r.source_name, r.external_id].filter(Boolean).join(' · ');
                return (
                  <Group key={i} gap="xs" wrap="nowrap">
                    {url ? <Anchor href={url} target="_blank" rel="noreferrer" size="sm">{label || url}</Anchor> : <Text size="sm">{label}</Text>}
                    {r.description && <Text size="xs" c="dimmed" lineClamp={1}>{r.description}</Text>}
                  </Group>
                );
              })}
            </Stack>
          </Section>
        )}
      </Stack>
    </SimpleGrid>
  );
}

/** One property: its label, with the raw STIX name as a hover hint where it has one. */
function Row({ k, hint, children }: { k: string; hint?: string; children: React.ReactNode }) {
  return (
    <Table.Tr data-testid={hint ? 'intel-property' : undefined} data-property={hint}>
      <Table.Td w={150} c="dimmed" style={{ verticalAlign: 'top' }} title={hint}>{k}</Table.Td>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
