import { Anchor, Badge, Code, Group, SimpleGrid, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AlertDetail } from '@lachan/contracts';
import { Field } from '../../components/Field.tsx';
import { Section } from '../../components/Section.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useOrgLabels } from '../orgs/index.ts';
import { useRsitLabel } from './alertLabels.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

const endpoint = (ip: string | null, port: number | null) => (ip ? (port === null ? ip : `${ip}:${port}`) : null);

/** What, when, whose and how an alert was classified. */
export function AlertSummaryCard({ alert: a }: { alert: AlertDetail }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const labels = useOrgLabels();
  const rsitLabel = useRsitLabel();
  const src = endpoint(a.srcIp, a.srcPort);
  const dst = endpoint(a.dstIp, a.dstPort);
  return (
    <Section title={t('alerts.detail.summary')} testId="alert-summary">
      <SimpleGrid cols={{ base: 1, sm: 2, xl: 3 }} spacing="sm" verticalSpacing="xs">
        <Field label={t('alerts.detail.eventTime')}>{fmt.dateTime(a.eventTime)}</Field>
        <Field label={t('alerts.detail.firstSeen')}>{fmt.dateTime(a.firstSeen)}</Field>
        <Field label={t('alerts.detail.lastSeen')}>{fmt.dateTime(a.lastSeen)}</Field>
        <Field label={t('alerts.detail.receivedAt')}>{fmt.dateTime(a.receivedAt)}</Field>
        <Field label={t('alerts.detail.occurrences')}>×{fmt.number(a.occurrences)}</Field>
        <Field label={t('alerts.detail.org')} testId="alert-org">
          <Anchor component={Link} to={`/orgs/${a.orgId}`} size="sm">
            {nameOf(a.orgId, a.orgName)}
          </Anchor>
          <Badge ml={6} size="xs" radius="sm" tt="none" variant="light" color={a.attributed ? 'teal' : 'gray'} data-testid="alert-attributed" data-attributed={a.attributed}>
            {a.attributed ? t('alerts.detail.attributed') : t('alerts.detail.notAttributed')}
          </Badge>
        </Field>
        <Field label={t('alerts.detail.reporter')}>
          <Anchor component={Link} to={`/orgs/${a.reporterOrgId}`} size="sm">
            {nameOf(a.reporterOrgId, a.reporterOrgName)}
          </Anchor>
        </Field>
        <Field label={t('alerts.detail.sectors')}>
          {a.sectors.length > 0 && (
            <Group gap={4}>
              {a.sectors.map((code) => (
                <Badge key={code} size="xs" variant="light" color="gray" radius="sm">
                  {labels.sector(code)}
                </Badge>
              ))}
            </Group>
          )}
        </Field>
        <Field label={t('alerts.detail.province')}>{a.provinceCode && labels.province(a.provinceCode)}</Field>
        <Field label={t('alerts.detail.rsit')}>{a.rsitClass && [rsitLabel(a.rsitClass), a.rsitType].filter(Boolean).join(' / ')}</Field>
        <Field label={t('alerts.detail.rule')}>
          {(a.ruleName || a.ruleId) && (
            <>
              {a.ruleName}
              {a.ruleId && (
                <Text span size="xs" c="dimmed" ml={a.ruleName ? 6 : 0}>
                  #{a.ruleId}
                </Text>
              )}
            </>
          )}
        </Field>
        <Field label={t('alerts.detail.product')}>{[a.product, a.vendor].filter(Boolean).join(' / ')}</Field>
        <Field label={t('alerts.detail.sourceSeverity')}>{a.sourceSeverity}</Field>
        <Field label={t('alerts.detail.network')}>
          {(src || dst) && (
            <Code>
              {src ?? '?'} → {dst ?? '?'}
              {a.protocol ? ` ${a.protocol.toUpperCase()}` : ''}
            </Code>
          )}
        </Field>
        <Field label={t('alerts.detail.asset')}>{[a.assetHostname, a.assetIp].filter(Boolean).join(' / ')}</Field>
        <Field label={t('alerts.detail.attack')}>
          {a.attack.length > 0 && (
            <Group gap={4} data-testid="alert-attack">
              {a.attack.map((id) => (
                <Badge key={id} size="xs" variant="outline" color="grape" radius="sm" tt="none">
                  {id}
                </Badge>
              ))}
            </Group>
          )}
        </Field>
        <Field label={t('alerts.detail.tags')}>
          {a.tags.length > 0 && (
            <Group gap={4}>
              {a.tags.map((tag) => (
                <Badge key={tag} size="xs" variant="light" color="gray" radius="sm" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
        </Field>
        <Field label={t('alerts.detail.sourceRef')}>{a.sourceRef && <Code>{a.sourceRef}</Code>}</Field>
        <Field label={t('alerts.detail.incident')}>
          {a.incidentId ? (
            <Anchor component={Link} to={`/incidents/${a.incidentId}`} size="sm" data-testid="alert-incident-link">
              {t('alerts.detail.openIncident')}
            </Anchor>
          ) : (
            <Text span size="sm" c="dimmed">
              {t('alerts.detail.noIncident')}
            </Text>
          )}
        </Field>
      </SimpleGrid>
      {a.description && (
        <Field label={t('alerts.detail.description')}>
          <Text size="sm" mt={6} style={{ whiteSpace: 'pre-wrap' }}>
            {a.description}
          </Text>
        </Field>
      )}
    </Section>
  );
}
