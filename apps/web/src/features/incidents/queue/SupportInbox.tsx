import { Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SupportRequest, SupportRequestAnswer } from '@lachan/contracts';
import { api } from '../../../api/client.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { incidentKeys } from '../incidents.api.ts';

const INBOX_KEY = ['incidents', 'support-inbox'] as const;

/** Support asked of the caller's team and not yet answered: accept (analyst access) or decline (access revoked). */
export function SupportInbox() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const inbox = useQuery({ queryKey: INBOX_KEY, queryFn: () => api.get<SupportRequest[]>('/support-requests', { direction: 'incoming', status: 'pending' }) });
  const answer = useApiMutation(({ id, body }: { id: string; body: SupportRequestAnswer }) => api.post<SupportRequest>(`/support-requests/${id}/answer`, body), {
    invalidate: [incidentKeys.all],
    success: t('incidents.support.answered'),
  });
  const pending = inbox.data ?? [];
  if (pending.length === 0) return null;
  return (
    <Paper withBorder p="sm" bg="var(--mantine-color-yellow-light)" data-testid="support-inbox">
      <Text size="sm" fw={600} mb={6}>{t('incidents.support.inbox', { count: pending.length })}</Text>
      <Stack gap={6}>
        {pending.map((r) => (
          <Group key={r.id} justify="space-between" gap="xs" wrap="nowrap" data-testid="support-request">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" lineClamp={2}>
                <Anchor component={Link} to={`/incidents/${r.incidentId}`} size="sm" fw={500}>{t('incidents.support.openIncident')}</Anchor>
                {' · '}
                {r.message}
              </Text>
              <Text size="xs" c="dimmed">{r.createdByName} · {fmt.dateTime(r.createdAt)}</Text>
            </div>
            <Group gap={4} wrap="nowrap">
              <Button size="compact-xs" color="teal" variant="light" loading={answer.isPending} onClick={() => answer.mutate({ id: r.id, body: { accept: true } })} data-testid="support-accept">
                {t('incidents.support.accept')}
              </Button>
              <Button size="compact-xs" color="red" variant="subtle" loading={answer.isPending} onClick={() => answer.mutate({ id: r.id, body: { accept: false } })}>
                {t('incidents.support.decline')}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
      {answer.error && <ErrorAlert error={answer.error} />}
    </Paper>
  );
}
