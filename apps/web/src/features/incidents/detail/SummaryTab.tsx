import { Anchor, Badge, Grid, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail } from '@lachan/contracts';
import { Field } from '../../../components/Field.tsx';
import { Section } from '../../../components/Section.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { useRsitLabel } from '../../alerts/alertLabels.ts';
import { useDuration } from '../Countdown.tsx';
import { ClocksCard } from './ClocksCard.tsx';
import { IncidentSystemsCard } from './IncidentSystemsCard.tsx';
import { usePromotionRules } from '../incidents.api.ts';
import { useOrgName } from '../../orgs/useOrgName.ts';
import { useRuleName } from '../madeTitle.ts';

/** The Circular 20 picture of the incident: description, affected system, times, flags, indicators; its clocks beside. */
export function SummaryTab({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const rsit = useRsitLabel();
  const duration = useDuration();
  const yes = (v: boolean) => (v ? t('incidents.yes') : t('incidents.no'));
  const sys = i.affectedSystem;
  const rules = usePromotionRules();
  const ruleName = useRuleName();
  const found = i.ruleId ? rules.data?.find((r) => r.id === i.ruleId) : undefined;
  const rule = found ? ruleName(found.name) : null;
  const metric = (s: number | null) => (s === null ? null : duration(s));
  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, lg: 8 }}>
        <Stack gap="sm">
          <Section title={t('incidents.summary')} testId="incident-summary">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} mb="sm" data-testid="incident-description">
              {i.description || t('incidents.noDescription')}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
              <Field label={t('incidents.fields.class')}>{i.rsitClass && `${rsit(i.rsitClass)}${i.rsitType ? ` / ${i.rsitType}` : ''}`}</Field>
              <Field label={t('incidents.fields.source')}>{t(`incidents.sources.${i.source}`)}</Field>
              {rule && <Field label={t('incidents.fields.rule')} testId="incident-rule">{rule}</Field>}
              <Field label={t('incidents.fields.discovered')}>{fmt.dateTime(i.discoveredAt)}</Field>
              <Field label={t('incidents.fields.occurred')}>{fmt.dateTime(i.occurredAt)}</Field>
              <Field label={t('incidents.fields.beyondCapacity')}>{yes(i.beyondCapacity)}</Field>
              <Field label={t('incidents.fields.personalData')}>{yes(i.personalData)}</Field>
              <Field label={t('incidents.fields.created')}>{fmt.dateTime(i.createdAt)}</Field>
              <Field label={t('incidents.fields.reported')}>{fmt.dateTime(i.reportedAt)}</Field>
              <Field label={t('incidents.fields.escalated')}>{fmt.dateTime(i.escalatedAt)}</Field>
              {i.relatedIncidentId && (
                <Field label={t('incidents.fields.related')}>
                  <Anchor component={Link} to={`/incidents/${i.relatedIncidentId}`} size="sm" data-testid="incident-related">{t('incidents.fields.related')}</Anchor>
                </Field>
              )}
            </SimpleGrid>
          </Section>
          <Section title={t('incidents.fields.affectedSystem')}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
              <Field label={t('incidents.report.fields.sysName')}>{sys?.name}</Field>
              <Field label={t('incidents.report.fields.securityLevel')}>{sys?.securityLevel && t('incidents.report.level', { n: sys.securityLevel })}</Field>
              <Field label={t('incidents.report.fields.sysFunction')}>{sys?.functionType}</Field>
              <Field label={t('incidents.report.fields.sysOwner')}>{sys?.owner}</Field>
              <Field label={t('incidents.report.fields.sysOperator')}>{sys?.operator}</Field>
              <Field label={t('incidents.report.fields.sysLocation')}>{sys?.location}</Field>
            </SimpleGrid>
            {(i.affectedAssets.length > 0 || i.affectedOrgs.length > 0) && (
              <Group gap={4} mt="xs">
                {i.affectedOrgs.map((o) => <Badge key={o.id} size="xs" variant="light" tt="none">{nameOf(o.id, o.name)}</Badge>)}
                {i.affectedAssets.map((a) => <Badge key={a} size="xs" variant="outline" color="gray" tt="none">{a}</Badge>)}
              </Group>
            )}
          </Section>
          <IncidentSystemsCard incident={i} />
          <Section title={t('incidents.fields.indicators', { count: i.observables.length })}>
            {i.observables.length === 0 && i.attack.length === 0 ? (
              <Text size="sm" c="dimmed">—</Text>
            ) : (
              <Group gap={4}>
                {i.attack.map((a) => <Badge key={a} size="xs" color="violet" variant="light">{a}</Badge>)}
                {i.observables.map((o) => (
                  <Badge key={`${o.type}:${o.value}`} size="xs" variant="default" tt="none" ff="monospace" fw={400}>{o.type}: {o.value}</Badge>
                ))}
              </Group>
            )}
            {i.indicators.length > 0 && (
              <Group gap={4} mt="xs" data-testid="incident-indicators">
                <Text size="xs" c="dimmed">{t('incidents.fields.knownIndicators')}:</Text>
                {i.indicators.map((x) => (
                  <Badge key={x.valueId} size="xs" color="red" variant="light" tt="none" ff="monospace" fw={400} title={x.stixId}>{x.type}: {x.value}</Badge>
                ))}
              </Group>
            )}
          </Section>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 4 }}>
        <Stack gap="sm">
          <ClocksCard deadlines={i.deadlines} regimes={i.regimes} />
          <Section title={t('incidents.metrics.title')}>
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
              <Field label={t('incidents.metrics.detect')}>{metric(i.metrics.timeToDetectSeconds)}</Field>
              <Field label={t('incidents.metrics.acknowledge')}>{metric(i.metrics.timeToAcknowledgeSeconds)}</Field>
              <Field label={t('incidents.metrics.contain')}>{metric(i.metrics.timeToContainSeconds)}</Field>
              <Field label={t('incidents.metrics.resolve')}>{metric(i.metrics.timeToResolveSeconds)}</Field>
            </SimpleGrid>
          </Section>
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
