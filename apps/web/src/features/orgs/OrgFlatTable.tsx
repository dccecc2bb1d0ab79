import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrgSummary } from '@lachan/contracts';
import { OrgKindBadge, OrgStatusBadge } from './OrgBadges.tsx';
import { useOrgLabels } from './useOrgLabels.ts';
import { orgNameIn } from './useOrgName.ts';

/** The directory as a flat table of the matching organisations, sorted by name. */
export function OrgFlatTable({ orgs, parentName }: { orgs: OrgSummary[]; parentName: (id: string | null) => string | null }) {
  const { t, i18n } = useTranslation();
  const labels = useOrgLabels();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover verticalSpacing={4} fz="sm" stickyHeader data-testid="org-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('orgs.columns.name')}</Table.Th>
            <Table.Th w={170}>{t('orgs.columns.kind')}</Table.Th>
            <Table.Th w={220}>{t('orgs.columns.parent')}</Table.Th>
            <Table.Th w={160}>{t('orgs.columns.province')}</Table.Th>
            <Table.Th w={220}>{t('orgs.columns.sectors')}</Table.Th>
            <Table.Th w={150}>{t('orgs.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {orgs.map((org) => (
            <Table.Tr key={org.id} data-testid="org-row" data-org-id={org.id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/orgs/${org.id}`} size="sm" data-testid="org-row-name">
                    {orgNameIn(i18n.language, org)}
                  </Anchor>
                  {org.shortName && (
                    <Text size="xs" c="dimmed" span>
                      {org.shortName}
                    </Text>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <OrgKindBadge kind={org.kind} />
              </Table.Td>
              <Table.Td>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {parentName(org.parentId) ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>{labels.province(org.provinceCode)}</Table.Td>
              <Table.Td>
                <Text size="xs" lineClamp={2}>
                  {org.sectors.map(labels.sector).join(', ') || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <OrgStatusBadge status={org.status} always />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
