import { useState } from 'react';
import { Anchor, Badge, Button, FileButton, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogueDocument } from '@lachan/contracts';
import { ListTable } from '../../components/ListTable.tsx';
import { apiUrl } from '../../api/client.ts';
import { useFormat } from '../../i18n/useFormat.ts';
import { usePermission } from '../auth/auth.api.ts';
import { pickText, useCatalogues, useLoadCatalogue } from './assessments.api.ts';
import { CatalogueProblems } from './CatalogueProblems.tsx';

/** Requirement catalogues: the built-in NIST CSF 2.0 and those the centre loads from `lachan-catalogue/1` files. */
export function CataloguesPage() {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const navigate = useNavigate();
  const mayManage = usePermission('reference.manage');
  const catalogues = useCatalogues();
  const load = useLoadCatalogue((c) => void navigate(`/assessments/catalogues/${c.id}`));
  const [fileError, setFileError] = useState<string | null>(null);
  const importFile = async (file: File | null) => {
    if (!file) return;
    setFileError(null);
    load.reset();
    try {
      load.mutate(JSON.parse(await file.text()) as CatalogueDocument);
    } catch {
      setFileError(t('assessments.catalogue.badJson'));
    }
  };
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={2} size="h3">{t('assessments.catalogue.title')}</Title>
        {mayManage && (
          <FileButton onChange={(file) => void importFile(file)} accept="application/json,.json">
            {(props) => <Button {...props} size="xs" loading={load.isPending} data-testid="catalogue-import">{t('assessments.catalogue.import')}</Button>}
          </FileButton>
        )}
      </Group>
      <Text size="xs" c="dimmed">{t('assessments.catalogue.intro')}</Text>
      {fileError && <Text c="red" size="sm" data-testid="catalogue-bad-json">{fileError}</Text>}
      <CatalogueProblems error={load.error} />
      <ListTable
        query={catalogues}
        empty={t('assessments.catalogue.empty')}
        testId="catalogues-table"
        head={
          <>
            <Table.Th>{t('assessments.catalogue.col.name')}</Table.Th>
            <Table.Th w={160}>{t('assessments.catalogue.col.code')}</Table.Th>
            <Table.Th w={110} ta="right">{t('assessments.catalogue.col.requirements')}</Table.Th>
            <Table.Th w={160}>{t('assessments.catalogue.col.updated')}</Table.Th>
            <Table.Th w={100}>{t('common.actions')}</Table.Th>
          </>
        }
      >
        {(items) => items.map((c) => (
          <Table.Tr key={c.id} data-testid="catalogue-row" data-code={c.code}>
            <Table.Td>
              <Group gap={6}>
                <Anchor component={Link} to={`/assessments/catalogues/${c.id}`} size="sm" fw={500}>{pickText(c.name, i18n.language)}</Anchor>
                {c.builtIn && <Badge size="xs" variant="outline">{t('assessments.catalogue.builtIn')}</Badge>}
              </Group>
              <Text size="xs" c="dimmed" lineClamp={1}>{c.source}</Text>
            </Table.Td>
            <Table.Td><Text size="xs" ff="monospace">{c.code} {c.version}</Text></Table.Td>
            <Table.Td ta="right">{t('assessments.catalogue.assessableOf', { assessable: c.assessable, total: c.requirements })}</Table.Td>
            <Table.Td>{f.dateTime(c.updatedAt)}</Table.Td>
            <Table.Td>
              <Button size="compact-xs" variant="default" component="a" href={apiUrl(`/catalogues/${c.id}/export`)} download={`${c.code}-${c.version}.json`}>{t('assessments.catalogue.export')}</Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}
