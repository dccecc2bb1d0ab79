import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { RemovableTable } from '../../components/RemovableTable.tsx';
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
  const revoke = useApiMutation(accountApi.revokeSession, { success: t('account.sessions.revoked'), invalidate: [SESSIONS_KEY] });
  return (
    <Section title={t('account.sessions.title')} testId="account-sessions">
      {revoke.error && <ErrorAlert error={revoke.error} />}
      <Text size="xs" c="dimmed" mb="xs">
        {t('account.sessions.hint')}
      </Text>
      <QueryState query={sessions}>
        {(data) => (
          <RemovableTable
            items={data.items}
            empty={t('account.sessions.none')}
            testId="sessions-table"
            rowTestId="session-row"
            removeLabel={t('account.sessions.revoke')}
            confirm={(s) => ({ title: t('account.sessions.revokeTitle'), message: t('account.sessions.revokeConfirm', { device: deviceOf(s.userAgent) }) })}
            onRemove={(s) => revoke.mutate(s.id)}
            removingId={revoke.isPending ? revoke.variables : null}
            fixed={(s) => (s.current ? <Badge size="sm" variant="light" color="teal">{t('account.sessions.current')}</Badge> : null)}
            columns={[
              { header: t('account.sessions.device'), cell: (s) => deviceOf(s.userAgent), hint: (s) => s.userAgent ?? undefined },
              { header: t('account.sessions.ip'), cell: (s) => s.ip ?? '—' },
              { header: t('account.sessions.signedIn'), cell: (s) => fmt.dateTime(s.createdAt) },
              { header: t('account.sessions.lastSeen'), cell: (s) => fmt.dateTime(s.lastSeenAt) },
            ]}
          />
        )}
      </QueryState>
    </Section>
  );
}
