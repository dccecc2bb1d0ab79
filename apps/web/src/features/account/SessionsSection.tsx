import { Badge, Button, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AccountSession } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { accountApi, SESSIONS_KEY, useSessions } from './account.api.ts';

/** A short name of the browser and system a session signed in with (the user agent as it came, when unknown). */
export function deviceOf(userAgent: string | null): string {
  if (!userAgent) return '—';
  const browser = /Edg\//.test(userAgent) ? 'Edge' : /Firefox\//.test(userAgent) ? 'Firefox' : /Chrom(e|ium)\//.test(userAgent) ? 'Chrome' : /Safari\//.test(userAgent) ? 'Safari' : null;
  const system = /Windows/.test(userAgent) ? 'Windows' : /Android/.test(userAgent) ? 'Android' : /iPhone|iPad/.test(userAgent) ? 'iOS' : /Mac OS X/.test(userAgent) ? 'macOS' : /Linux/.test(userAgent) ? 'Linux' : null;
  return browser && system ? `${browser} · ${system}` : userAgent.slice(0, 60);
}

/** The user's signed-in sessions (browsers), each but the current one ended with one click. */
export function SessionsSection() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const sessions = useSessions();
  const { confirm, modal } = useConfirm();
  const revoke = useApiMutation(accountApi.revokeSession, { success: t('account.sessions.revoked'), invalidate: [SESSIONS_KEY] });
  const ask = async (s: AccountSession) => {
    const ok = await confirm({ title: t('account.sessions.revokeTitle'), message: t('account.sessions.revokeConfirm', { device: deviceOf(s.userAgent) }), confirmLabel: t('account.sessions.revoke'), danger: true });
    if (ok) revoke.mutate(s.id);
  };
  return (
    <Section title={t('account.sessions.title')} testId="account-sessions">
      {modal}
      {revoke.error && <ErrorAlert error={revoke.error} />}
      <Text size="xs" c="dimmed" mb="xs">
        {t('account.sessions.hint')}
      </Text>
      <QueryState query={sessions}>
        {(data) => (
          <Table fz="sm" verticalSpacing={4} data-testid="sessions-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('account.sessions.device')}</Table.Th>
                <Table.Th>{t('account.sessions.ip')}</Table.Th>
                <Table.Th>{t('account.sessions.signedIn')}</Table.Th>
                <Table.Th>{t('account.sessions.lastSeen')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((s) => (
                <Table.Tr key={s.id} data-testid="session-row">
                  <Table.Td title={s.userAgent ?? undefined}>{deviceOf(s.userAgent)}</Table.Td>
                  <Table.Td>{s.ip ?? '—'}</Table.Td>
                  <Table.Td>{fmt.dateTime(s.createdAt)}</Table.Td>
                  <Table.Td>{fmt.dateTime(s.lastSeenAt)}</Table.Td>
                  <Table.Td ta="right">
                    {s.current ? (
                      <Badge size="sm" variant="light" color="teal">{t('account.sessions.current')}</Badge>
                    ) : (
                      <Button size="compact-xs" variant="light" color="red" onClick={() => void ask(s)} loading={revoke.isPending && revoke.variables === s.id}>
                        {t('account.sessions.revoke')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Section>
  );
}
