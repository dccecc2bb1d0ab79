import { useState } from 'react';
import { Button, Group, NumberInput, Paper, PasswordInput, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Section } from '../../components/Section.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useFeeds, useRegisterFeed, useRunFeed, type FeedForm } from './intel.api.ts';

const EMPTY: FeedForm = { name: '', kind: 'misp', location: '', intervalMinutes: 60 };
type AuthKind = 'none' | 'basic' | 'bearer';

/** Registered feeds with "run now", and the registration form. */
export function FeedsPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const feeds = useFeeds();
  const runFeed = useRunFeed(t('intel.intake.feedStarted'));
  const register = useRegisterFeed(t('intel.intake.registered'));
  const [form, setForm] = useState<FeedForm>(EMPTY);
  const [auth, setAuth] = useState<{ kind: AuthKind; username: string; password: string; token: string }>({ kind: 'none', username: '', password: '', token: '' });
  const set = <K extends keyof FeedForm>(k: K) => (v: FeedForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const taxii = form.kind === 'taxii';
  const submitted = (): FeedForm => {
    if (!taxii) return { name: form.name, kind: form.kind, location: form.location, intervalMinutes: form.intervalMinutes };
    const credentials = auth.kind === 'basic' ? { kind: 'basic' as const, username: auth.username, password: auth.password } : auth.kind === 'bearer' ? { kind: 'bearer' as const, token: auth.token } : undefined;
    return { ...form, ...(credentials ? { auth: credentials } : {}) };
  };
  return (
    <Section title={t('intel.intake.feeds')} testId="intel-feeds">
      <Stack gap="sm">
        <ListTable
          query={feeds}
          empty={t('intel.intake.noFeeds')}
          testId="intel-feed-table"
          minWidth={800}
          head={
            <>
              <Table.Th>{t('intel.intake.feedCol.name')}</Table.Th>
              <Table.Th w={90}>{t('intel.intake.feedCol.kind')}</Table.Th>
              <Table.Th>{t('intel.intake.feedCol.location')}</Table.Th>
              <Table.Th w={110} ta="right">{t('intel.intake.feedCol.interval')}</Table.Th>
              <Table.Th w={150}>{t('intel.intake.feedCol.lastRun')}</Table.Th>
              <Table.Th w={110} />
            </>
          }
        >
          {(items) =>
            items.map((f) => (
              <Table.Tr key={f.id} data-testid="intel-feed">
                <Table.Td>{f.name}</Table.Td>
                <Table.Td>{f.kind.toUpperCase()}</Table.Td>
                <Table.Td><Text size="xs" lineClamp={1} style={{ wordBreak: 'break-all' }}>{f.location}</Text></Table.Td>
                <Table.Td ta="right">{fmt.number(f.intervalMinutes)}</Table.Td>
                <Table.Td><Text size="xs">{f.lastRunAt ? fmt.dateTime(f.lastRunAt) : '—'}</Text></Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="light" leftSection={<IconPlayerPlay size={12} />} loading={runFeed.isPending && runFeed.variables === f.id} onClick={() => runFeed.mutate(f.id)}>{t('intel.intake.runNow')}</Button>
                </Table.Td>
              </Table.Tr>
            ))
          }
        </ListTable>
        <Paper withBorder p="xs">
          <form onSubmit={(e) => { e.preventDefault(); register.mutate(submitted(), { onSuccess: () => { setForm(EMPTY); setAuth({ kind: 'none', username: '', password: '', token: '' }); } }); }}>
            <Group gap="xs" align="flex-end">
              <TextInput size="xs" required label={t('intel.intake.feedForm.name')} data-testid="feed-name" value={form.name} onChange={(e) => set('name')(e.currentTarget.value)} w={200} />
              <Select size="xs" data-testid="feed-kind" label={t('intel.intake.feedForm.kind')} data={[{ value: 'misp', label: 'MISP' }, { value: 'csv', label: 'CSV / TXT' }, { value: 'taxii', label: 'TAXII 2.1' }]} value={form.kind} onChange={(v) => set('kind')((v ?? 'misp') as FeedForm['kind'])} allowDeselect={false} w={120} />
              <TextInput size="xs" required label={t(taxii ? 'intel.intake.feedForm.apiRoot' : 'intel.intake.feedForm.location')} data-testid="feed-location" value={form.location} onChange={(e) => set('location')(e.currentTarget.value)} w={320} />
              {taxii && (
                <>
                  <TextInput size="xs" required label={t('intel.intake.feedForm.collection')} value={form.collectionId ?? ''} onChange={(e) => set('collectionId')(e.currentTarget.value)} w={220} data-testid="feed-collection" />
                  <Select size="xs" data-testid="feed-auth" label={t('intel.intake.feedForm.auth')} allowDeselect={false} w={170} value={auth.kind} onChange={(v) => setAuth((a) => ({ ...a, kind: (v ?? 'none') as AuthKind }))}
                    data={[{ value: 'none', label: t('intel.intake.feedForm.authNone') }, { value: 'basic', label: t('intel.intake.feedForm.authBasic') }, { value: 'bearer', label: t('intel.intake.feedForm.authBearer') }]} />
                  {auth.kind === 'basic' && (
                    <>
                      <TextInput size="xs" required label={t('intel.intake.feedForm.username')} value={auth.username} onChange={(e) => setAuth({ ...auth, username: e.currentTarget.value })} w={150} />
                      <PasswordInput size="xs" required label={t('intel.intake.feedForm.password')} value={auth.password} onChange={(e) => setAuth({ ...auth, password: e.currentTarget.value })} w={150} />
                    </>
                  )}
                  {auth.kind === 'bearer' && <PasswordInput size="xs" required data-testid="feed-token" label={t('intel.intake.feedForm.token')} value={auth.token} onChange={(e) => setAuth({ ...auth, token: e.currentTarget.value })} w={220} />}
                </>
              )}
              <NumberInput size="xs" label={t('intel.intake.feedForm.interval')} min={1} max={10080} value={form.intervalMinutes} onChange={(v) => set('intervalMinutes')(Number(v) || 60)} w={130} />
              <Button size="xs" type="submit" data-testid="feed-register" loading={register.isPending}>{t('intel.intake.register')}</Button>
            </Group>
          </form>
          {register.error && <ErrorAlert error={register.error} title={t('intel.intake.register')} />}
        </Paper>
      </Stack>
    </Section>
  );
}
