import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SimilarIncident } from '@lachan/contracts';
import { EmptyNote } from '../../../components/EmptyNote.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { Section } from '../../../components/Section.tsx';
import { SeverityBadge } from '../../../components/SeverityBadge.tsx';
import { IncidentStatusBadge } from '../IncidentBadges.tsx';
import { useIncidentPart } from '../incidents.api.ts';
import { SimilarTitle } from './SimilarTitle.tsx';
import { useOrgName } from '../../orgs/useOrgName.ts';

/** Incidents that look like this one, with why: shared indicators, shared techniques, similar wording. */
export function SimilarTab({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const similar = useIncidentPart<SimilarIncident>(incidentId, 'similar');
  return (
    <Section title={t('incidents.tabs.similar')} testId="incident-similar">
      <QueryState query={similar}>
        {(list) =>
          list.length === 0 ? (
            <EmptyNote>{t('incidents.similar.none')}</EmptyNote>
          ) : (
            <Table verticalSpacing={4} fz="sm" striped>
              <Table.Tbody>
                {list.map((s) => (
                  <Table.Tr key={s.incident.id} data-testid="similar-row">
                    <Table.Td w={104}><SeverityBadge level={s.incident.severity} size="xs" /></Table.Td>
                    <Table.Td>
                      <Group gap={6} wrap="nowrap">
                        <Text size="xs" ff="monospace" c="dimmed">{s.incident.reference}</Text>
                        <SimilarTitle similar={s} />
                      </Group>
                      <Group gap={4} mt={2}>
                        {s.sharedObservables.map((o) => <Badge key={o} size="xs" variant="default" tt="none" fw={400}>{o}</Badge>)}
                        {s.sharedTechniques.map((a) => <Badge key={a} size="xs" color="violet" variant="light">{a}</Badge>)}
                        {s.textSimilarity > 0 && <Text size="xs" c="dimmed">{t('incidents.similar.text', { pct: Math.round(s.textSimilarity * 100) })}</Text>}
                      </Group>
                    </Table.Td>
                    <Table.Td w={180}><Text size="xs">{nameOf(s.incident.orgId, s.incident.orgName)}</Text></Table.Td>
                    <Table.Td w={110}><IncidentStatusBadge status={s.incident.status} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </Section>
  );
}
