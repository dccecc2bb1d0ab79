import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { IconCheck } from '@tabler/icons-react';
import type { CatalogueDetail } from '@lachan/contracts';
import { QueryState } from '../../components/QueryState.tsx';
import { apiUrl } from '../../api/client.ts';
import { usePermission } from '../auth/auth.api.ts';
import { pickText, useCatalogue } from './assessments.api.ts';
import { treeOrder } from './catalogueTree.ts';
import { CatalogueEditor } from './CatalogueEditor.tsx';

const LEVELS = [1, 2, 3, 4, 5];

/** The requirement tree with the levels each requirement applies at. */
function RequirementTree({ c }: { c: CatalogueDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <Paper withBorder p={0}>
      <Table.ScrollContainer minWidth={800}>
        <Table striped verticalSpacing={3} fz="sm" data-testid="requirement-tree">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('assessments.catalogue.col.id')}</Table.Th>
              <Table.Th>{t('assessments.catalogue.col.text')}</Table.Th>
              {LEVELS.map((l) => <Table.Th key={l} w={44} ta="center" title={t('systems.levelN', { n: l })}>{t('assessments.levelShort', { n: l })}</Table.Th>)}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {treeOrder(c.items).map(({ node, depth }) => (
              <Table.Tr key={node.id} data-testid="requirement-row" data-id={node.id}>
                <Table.Td style={{ paddingLeft: 8 + depth * 14 }}><Text size="xs" ff="monospace" fw={node.levels.length ? 400 : 700}>{node.id}</Text></Table.Td>
                <Table.Td>
                  {pickText(node.title, i18n.language) && <Text size="sm" fw={600}>{pickText(node.title, i18n.language)}</Text>}
                  <Text size="xs">{pickText(node.text, i18n.language)}</Text>
                </Table.Td>
                {LEVELS.map((l) => <Table.Td key={l} ta="center">{node.levels.includes(l) && <IconCheck size={14} aria-label={t('systems.levelN', { n: l })} />}</Table.Td>)}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/** One catalogue: its source and licence, the requirement tree, export, and for the centre the editor. */
export function CataloguePage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const catalogue = useCatalogue(id);
  const mayManage = usePermission('reference.manage');
  const [editing, setEditing] = useState(false);
  return (
    <QueryState query={catalogue}>
      {(c) => (
        <Stack gap="md">
          <Group justify="space-between">
            <Group gap="xs">
              <Title order={2} size="h3">{pickText(c.name, i18n.language)}</Title>
              <Badge variant="outline" tt="none" data-testid="catalogue-badge">{c.code} {c.version}</Badge>
              {c.builtIn && <Badge variant="light">{t('assessments.catalogue.builtIn')}</Badge>}
            </Group>
            <Group gap="xs">
              <Button size="xs" variant="default" component="a" href={apiUrl(`/catalogues/${c.id}/export`)} download={`${c.code}-${c.version}.json`}>{t('assessments.catalogue.export')}</Button>
              {mayManage && !editing && <Button size="xs" onClick={() => setEditing(true)} data-testid="catalogue-edit">{t('assessments.catalogue.edit')}</Button>}
            </Group>
          </Group>
          <Text size="xs" c="dimmed">{t('assessments.catalogue.sourceLicence', { source: c.source, licence: c.licence })}</Text>
          {pickText(c.notes, i18n.language) && <Text size="sm">{pickText(c.notes, i18n.language)}</Text>}
          {editing ? <CatalogueEditor catalogue={c} onClose={() => setEditing(false)} /> : <RequirementTree c={c} />}
        </Stack>
      )}
    </QueryState>
  );
}
