import { useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SupportRequest, SupportRequestCreate } from '@lachan/contracts';
import { EmptyNote } from '../../../components/EmptyNote.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { Section } from '../../../components/Section.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { OrgPicker } from '../../orgs/OrgPicker.tsx';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys, useIncidentPart } from '../incidents.api.ts';
import { useOrgName } from '../../orgs/useOrgName.ts';

/** The kinds of organisation support may be asked of (the server refuses others). */
const SUPPORT_KINDS = ['response_team', 'soc_provider', 'coordination_centre'] as const;

const COLORS: Record<SupportRequest['status'], string> = { pending: 'yellow', accepted: 'teal', declined: 'red', withdrawn: 'gray' };

/** Asks a SOC or response team for help (it gets read-only access; accepting makes it an analyst). */
function SupportForm({ incidentId, ownerId }: { incidentId: string; ownerId: string }) {
  const { t } = useTranslation();
  const [toOrgId, setTo] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const mutation = useApiMutation((body: SupportRequestCreate) => incidentApi.requestSupport(incidentId, body), {
    invalidate: [incidentKeys.detail(incidentId)],
    success: t('incidents.support.sent'),
    onSuccess: () => { setTo(null); setMessage(''); },
  });
  return (
    <form onSubmit={(e) => { e.preventDefault(); if (toOrgId && message.trim()) mutation.mutate({ toOrgId, message: message.trim() }); }}>
      <Stack gap={6}>
        <Group gap="xs" align="flex-start" wrap="wrap">
          <div style={{ width: 300 }}>
            <OrgPicker size="xs" label={t('incidents.support.to')} value={toOrgId} onChange={setTo} exclude={new Set([ownerId])} kinds={SUPPORT_KINDS} required testId="support-org" />
          </div>
          <Textarea size="xs" style={{ flex: 1, minWidth: 260 }} label={t('incidents.support.message')} autosize minRows={1} value={message} onChange={(e) => setMessage(e.currentTarget.value)} required />
        </Group>
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end">
          <Button size="xs" type="submit" loading={mutation.isPending} disabled={!toOrgId || !message.trim()} data-testid="support-send">{t('incidents.support.request')}</Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Support requested from other teams and their answers. */
export function SupportTab({ incidentId, ownerId, canWrite }: { incidentId: string; ownerId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const requests = useIncidentPart<SupportRequest>(incidentId, 'support-requests');
  return (
    <Section title={t('incidents.tabs.support')} testId="incident-support">
      <Stack gap="sm">
        <QueryState query={requests}>
          {(list) =>
            list.length === 0 ? (
              <EmptyNote>{t('incidents.support.none')}</EmptyNote>
            ) : (
              <Table verticalSpacing={4} fz="sm" striped>
                <Table.Tbody>
                  {list.map((r) => (
                    <Table.Tr key={r.id} data-testid="support-row" data-status={r.status}>
                      <Table.Td w={240}>
                        <Text size="sm" fw={500}>{nameOf(r.toOrgId, r.toOrgName)}</Text>
                        <Text size="xs" c="dimmed">{r.createdByName} · {fmt.dateTime(r.createdAt)}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{r.message}</Text>
                        {r.response && <Text size="xs" c="dimmed">↳ {r.response} ({r.respondedByName}, {fmt.dateTime(r.respondedAt)})</Text>}
                      </Table.Td>
                      <Table.Td w={110} ta="right"><Badge size="xs" variant="light" color={COLORS[r.status]}>{t(`incidents.support.statuses.${r.status}`)}</Badge></Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )
          }
        </QueryState>
        {canWrite && <SupportForm incidentId={incidentId} ownerId={ownerId} />}
      </Stack>
    </Section>
  );
}
