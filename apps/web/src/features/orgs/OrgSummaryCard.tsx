import { Anchor, Badge, Group, SimpleGrid } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Organization, OrgSummary } from '@lachan/contracts';
import { Field } from '../../components/Field.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { Section } from '../../components/Section.tsx';
import { useOrgLabels } from './useOrgLabels.ts';

/** The organisation's record: names, parent, place, sectors, contacts and dates. */
export function OrgSummaryCard({ org, parent }: { org: Organization; parent: OrgSummary | null }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const labels = useOrgLabels();
  return (
    <Section title={t('orgs.summary')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        <Field label={t('orgs.fields.nameEn')}>{org.nameEn}</Field>
        <Field label={t('orgs.fields.parent')}>
          {parent ? (
            <Anchor component={Link} to={`/orgs/${parent.id}`} size="sm" data-testid="org-parent">
              {parent.name}
            </Anchor>
          ) : (
            t('orgs.topLevel')
          )}
        </Field>
        <Field label={t('orgs.fields.province')}>{org.provinceCode && labels.province(org.provinceCode)}</Field>
        <Field label={t('orgs.fields.securityLevel')}>{org.securityLevel !== null && t('orgs.securityLevelValue', { level: org.securityLevel })}</Field>
        <Field label={t('orgs.fields.incidentReceptionEmail')}>
          {org.incidentReceptionEmail && <Anchor href={`mailto:${org.incidentReceptionEmail}`} size="sm">{org.incidentReceptionEmail}</Anchor>}
        </Field>
        <Field label={t('orgs.fields.website')}>
          {org.website && (
            <Anchor href={/^https?:\/\//.test(org.website) ? org.website : `https://${org.website}`} target="_blank" rel="noreferrer" size="sm">
              {org.website}
            </Anchor>
          )}
        </Field>
        <Field label={t('orgs.fields.address')}>{org.address}</Field>
        <Field label={t('orgs.fields.sectors')}>
          {org.sectors.length > 0 && (
            <Group gap={4}>
              {org.sectors.map((code) => (
                <Badge key={code} size="xs" variant="light" color="gray" radius="sm">
                  {labels.sector(code)}
                </Badge>
              ))}
            </Group>
          )}
        </Field>
        {org.mergedFrom.length > 0 && (
          <Field label={t('orgs.fields.mergedFrom')}>
            <Group gap={6}>
              {org.mergedFrom.map((m) => (
                <Anchor key={m.id} component={Link} to={`/orgs/${m.id}`} size="sm">
                  {m.name}
                </Anchor>
              ))}
            </Group>
          </Field>
        )}
        <Field label={t('orgs.fields.createdAt')}>{fmt.dateTime(org.createdAt)}</Field>
        <Field label={t('orgs.fields.updatedAt')}>{fmt.dateTime(org.updatedAt)}</Field>
      </SimpleGrid>
    </Section>
  );
}
