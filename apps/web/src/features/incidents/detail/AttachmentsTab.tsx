import { useRef, useState } from 'react';
import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_TYPES, type IncidentAttachment } from '@lachan/contracts';
import { apiUrl } from '../../../api/client.ts';
import { EmptyNote } from '../../../components/EmptyNote.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { Section } from '../../../components/Section.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys, useIncidentPart } from '../incidents.api.ts';

/** The server's limit (10 MiB), checked before sending so a big file fails at once. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** Files of the incident: listed, uploaded (type and size checked first), downloaded as files, never shown inline. */
export function AttachmentsTab({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const input = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string | null>(null);
  const files = useIncidentPart<IncidentAttachment>(incidentId, 'attachments');
  const upload = useApiMutation((file: File) => incidentApi.upload(incidentId, file), { invalidate: [incidentKeys.detail(incidentId)], success: t('incidents.files.uploaded') });
  const choose = (file: File | undefined) => {
    if (!file) return;
    setRefused(null);
    if (file.size > MAX_ATTACHMENT_BYTES) return setRefused(t('incidents.files.tooBig', { max: '10 MiB' }));
    if (!(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) return setRefused(t('incidents.files.badType'));
    upload.mutate(file);
  };
  const kb = (n: number) => `${fmt.number(Math.max(1, Math.round(n / 1024)))} KiB`;
  return (
    <Section
      title={t('incidents.tabs.files')}
      testId="incident-files"
      actions={canWrite && (
        <>
          <input ref={input} type="file" hidden accept={ATTACHMENT_TYPES.join(',')} onChange={(e) => { choose(e.currentTarget.files?.[0]); e.currentTarget.value = ''; }} data-testid="file-input" />
          <Button size="compact-xs" leftSection={<IconUpload size={14} />} loading={upload.isPending} onClick={() => input.current?.click()}>{t('incidents.files.upload')}</Button>
        </>
      )}
    >
      <Stack gap="xs">
        {refused && <Text size="sm" c="red" role="alert">{refused}</Text>}
        {upload.error && <ErrorAlert error={upload.error} />}
        <QueryState query={files}>
          {(list) =>
            list.length === 0 ? (
              <EmptyNote>{t('incidents.files.none')}</EmptyNote>
            ) : (
              <Table verticalSpacing={4} fz="sm" striped>
                <Table.Tbody>
                  {list.map((f) => (
                    <Table.Tr key={f.id} data-testid="file-row">
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <IconDownload size={14} />
                          <Anchor href={apiUrl(`/incidents/${incidentId}/attachments/${f.id}`)} download={f.fileName} size="sm">{f.fileName}</Anchor>
                        </Group>
                        <Text size="xs" c="dimmed" ff="monospace" title={f.sha256}>sha256 {f.sha256.slice(0, 16)}…</Text>
                      </Table.Td>
                      <Table.Td w={140}><Text size="xs">{f.contentType}</Text></Table.Td>
                      <Table.Td w={90} ta="right"><Text size="xs">{kb(f.size)}</Text></Table.Td>
                      <Table.Td w={220}><Text size="xs" c="dimmed">{f.uploadedByName} · {fmt.dateTime(f.createdAt)}</Text></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </QueryState>
      </Stack>
    </Section>
  );
}
