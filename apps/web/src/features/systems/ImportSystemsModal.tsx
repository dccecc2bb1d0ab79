import { useState } from 'react';
import { Alert, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgPicker } from '../orgs/index.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { useImportSystems } from './systems.api.ts';

interface RowError { line: number; column: string; message: string }

/** The per-row errors of a refused import, when the server named them. */
function rowErrors(error: unknown): RowError[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { errors?: RowError[] } | undefined;
  return Array.isArray(details?.errors) ? details.errors : [];
}

/** Uploads an organisation's list of systems as CSV; a refused file shows its errors row by row. */
export function ImportSystemsModal({ defaultOrgId, onClose }: { defaultOrgId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState<string | null>(defaultOrgId ?? me.org.id);
  const [file, setFile] = useState<File | null>(null);
  const importer = useImportSystems(orgId);
  const errors = rowErrors(importer.error);
  return (
    <Modal opened onClose={onClose} title={t('systems.import.title')} size="lg">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">{t('systems.import.format')}</Text>
        <OrgPicker label={t('systems.field.owner')} value={orgId} onChange={setOrgId} required clearable={false} testId="import-org" />
        <FileInput label={t('systems.import.file')} accept=".csv,text/csv" value={file} onChange={setFile} data-testid="import-file" clearable />
        {importer.data && (
          <Alert color="teal" data-testid="import-result">{t('systems.import.done', { created: importer.data.created, updated: importer.data.updated })}</Alert>
        )}
        {importer.error !== null && errors.length === 0 && <ErrorAlert error={importer.error} />}
        {errors.length > 0 && (
          <Stack gap={4}>
            <Text c="red" size="sm">{t('systems.import.rowErrors', { count: errors.length })}</Text>
            <Table fz="xs" verticalSpacing={2} data-testid="import-errors">
              <Table.Thead><Table.Tr><Table.Th w={60}>{t('systems.import.line')}</Table.Th><Table.Th w={140}>{t('systems.import.column')}</Table.Th><Table.Th>{t('systems.import.problem')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {errors.map((e, i) => (
                  <Table.Tr key={i}><Table.Td>{e.line}</Table.Td><Table.Td>{e.column}</Table.Td><Table.Td>{e.message}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button disabled={!file || !orgId} loading={importer.isPending} onClick={() => file && importer.mutate(file)} data-testid="import-submit">
            {t('systems.import.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
