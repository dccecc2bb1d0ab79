import { Anchor, Badge, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { DecisionSupport } from '@lachan/contracts';
import { api } from '../../../api/client.ts';
import { EmptyNote } from '../../../components/EmptyNote.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { Section } from '../../../components/Section.tsx';
import { IncidentStatusBadge } from '../IncidentBadges.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { memberCountText } from '../../../lib/memberCount.ts';
import { SimilarTitle } from './SimilarTitle.tsx';
import { useOrgName } from '../../orgs/useOrgName.ts';

/** Decision support: how similar incidents ended, the techniques with their mitigations, and who is likely next. */
export function DecisionTab({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const q = useQuery({ queryKey: ['incidents', incidentId, 'decision-support'], queryFn: () => api.get<DecisionSupport>(`/incidents/${incidentId}/decision-support`) });
  return (
    <QueryState query={q}>
      {(d) => (
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm" data-testid="incident-decision">
          <Section title={t('incidents.decide.ended')}>
            {d.similar.length === 0 ? <EmptyNote>{t('incidents.similar.none')}</EmptyNote> : (
              <Stack gap={6}>
                {d.similar.map((s) => (
                  <div key={s.incident.id}>
                    <Group gap={6} wrap="nowrap">
                      <Text size="xs" ff="monospace" c="dimmed">{s.incident.reference}</Text>
                      <SimilarTitle similar={s} lineClamp={1} />
                    </Group>
                    <Group gap={6}>
                      <IncidentStatusBadge status={s.incident.status} />
                      {s.resolution && <Text size="xs">{t(`incidents.resolutions.${s.resolution}`, { defaultValue: s.resolution })}</Text>}
                      <Text size="xs" c="dimmed">{s.hoursToResolve !== null ? t('incidents.decide.hours', { hours: s.hoursToResolve }) : t('incidents.decide.stillOpen')}</Text>
                    </Group>
                  </div>
                ))}
              </Stack>
            )}
          </Section>
          <Section title={t('incidents.decide.techniques')}>
            {d.techniques.length === 0 ? <EmptyNote>{t('incidents.decide.noTechniques')}</EmptyNote> : (
              <Stack gap={6}>
                {d.techniques.map((tech) => (
                  <div key={tech.id} data-testid="decision-technique">
                    <Group gap={6}><Badge size="xs" color="violet" variant="light">{tech.id}</Badge><Text size="sm">{tech.name ?? ''}</Text></Group>
                    {tech.mitigations.length === 0 ? <Text size="xs" c="dimmed">{t('incidents.decide.noMitigation')}</Text> : (
                      <List size="xs" spacing={2}>{tech.mitigations.map((m) => <List.Item key={m.id} title={m.description ?? undefined}>{m.name}</List.Item>)}</List>
                    )}
                  </div>
                ))}
              </Stack>
            )}
          </Section>
          <Section title={t('incidents.decide.likelyNext')}>
            {d.likelyNext.sectors.length === 0 ? <EmptyNote>{t('incidents.decide.nothingShared')}</EmptyNote> : (
              <Stack gap={6}>
                {d.likelyNext.sectors.map((s) => <Text key={s.sector} size="sm" data-testid="decision-sector">{t('incidents.decide.sectorsHit', { n: memberCountText(s.organisationsHit, t, fmt.number), sector: s.sector })}</Text>)}
                {d.likelyNext.organisations.length > 0 && (
                  <>
                    <Text size="xs" fw={600}>{t('incidents.decide.orgsNext')}</Text>
                    <List size="xs" spacing={2}>{d.likelyNext.organisations.map((o) => <List.Item key={o.orgId}><Anchor component={Link} to={`/orgs/${o.orgId}`} size="xs">{nameOf(o.orgId, o.name)}</Anchor> · {o.sector}</List.Item>)}</List>
                  </>
                )}
                <Text size="xs" fw={600}>{t('incidents.decide.shared')}</Text>
                <Group gap={4}>{d.likelyNext.sharedIndicators.map((v) => <Badge key={v} size="xs" variant="default" tt="none" fw={400}>{v}</Badge>)}</Group>
              </Stack>
            )}
          </Section>
        </SimpleGrid>
      )}
    </QueryState>
  );
}
