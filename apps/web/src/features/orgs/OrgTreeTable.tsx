import { ActionIcon, Anchor, Badge, Box, Group, Table, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight, IconPoint } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';
import { OrgKindBadge, OrgStatusBadge } from './OrgBadges.tsx';
import type { TreeRow } from './orgTree.ts';
import { useOrgLabels } from './useOrgLabels.ts';
import { orgNameIn } from './useOrgName.ts';

interface OrgTreeTableProps {
  rows: TreeRow[];
  expanded: ReadonlySet<string>;
  /** When filtering everything shown is expanded and the toggles are hidden. */
  forceExpanded: boolean;
  onToggle: (id: string) => void;
}

/** The directory as a tree: indentation by hierarchy, expand/collapse, ancestors of matches dimmed. */
export function OrgTreeTable({ rows, expanded, forceExpanded, onToggle }: OrgTreeTableProps) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const labels = useOrgLabels();
  return (
    <Table striped highlightOnHover verticalSpacing={4} fz="sm" aria-label={t('orgs.treeLabel')} data-testid="org-tree">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('orgs.columns.name')}</Table.Th>
          <Table.Th w={190}>{t('orgs.columns.kind')}</Table.Th>
          <Table.Th w={180}>{t('orgs.columns.province')}</Table.Th>
          <Table.Th w={150}>{t('orgs.columns.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ org, depth, childCount, matched }) => {
          const open = forceExpanded || expanded.has(org.id);
          return (
            <Table.Tr key={org.id} data-testid="org-row" data-org-id={org.id} style={{ opacity: matched ? 1 : 0.6 }}>
              <Table.Td>
                <Group gap={4} wrap="nowrap" style={{ paddingLeft: depth * 20 }}>
                  {childCount > 0 && !forceExpanded ? (
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      onClick={() => onToggle(org.id)}
                      aria-expanded={open}
                      aria-label={open ? t('orgs.collapse', { name: orgNameIn(i18n.language, org) }) : t('orgs.expand', { name: orgNameIn(i18n.language, org) })}
                      data-testid="org-toggle"
                    >
                      {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                    </ActionIcon>
                  ) : (
                    <Box w={22} c="gray.5" style={{ display: 'flex', justifyContent: 'center' }} aria-hidden>
                      {childCount > 0 ? <IconChevronDown size={14} /> : <IconPoint size={12} />}
                    </Box>
                  )}
                  <Anchor component={Link} to={`/orgs/${org.id}`} size="sm" fw={depth === 0 ? 600 : 400} data-testid="org-row-name">
                    {orgNameIn(i18n.language, org)}
                  </Anchor>
                  {org.shortName && (
                    <Text size="xs" c="dimmed" span>
                      {org.shortName}
                    </Text>
                  )}
                  {childCount > 0 && (
                    <Badge size="xs" variant="outline" color="gray" radius="sm" title={t('orgs.childCount', { count: childCount })}>
                      {fmt.number(childCount)}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                <OrgKindBadge kind={org.kind} />
              </Table.Td>
              <Table.Td>{labels.province(org.provinceCode)}</Table.Td>
              <Table.Td>
                <OrgStatusBadge status={org.status} always />
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
