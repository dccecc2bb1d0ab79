import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WebhookCreated, WebhookTestResult } from '@lachan/contracts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { SecretOnceModal } from '../../components/SecretOnceModal.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { OrgPicker } from '../orgs/index.ts';
import { useAddWebhook, useDeleteWebhook, useTestWebhook, useWebhooks } from './webhooks.api.ts';

const STATE_COLORS = { delivered: 'teal', pending: 'yellow', dead: 'red' } as const;

/** An organisation admin's warning webhooks: list with the last delivery, add (secret shown once), test-send, delete. */
export function WarningWebhooksPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [orgId, setOrgId] = useState<string | null>(me.org.id);
  return (
    <Stack gap="sm" data-testid="warning-webhooks">
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3">
          {t('warnings.hooks.title')}
        </Title>
        <OrgPicker size="xs" label={t('warnings.hooks.org')} value={orgId} onChange={setOrgId} clearable={false} testId="webhook-org" />
      </Group>
      <Text size="sm" c="dimmed">
        {t('warnings.hooks.intro')}
      </Text>
      {orgId && <WebhookList key={orgId} orgId={orgId} />}
    </Stack>
  );
}

function WebhookList({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const hooks = useWebhooks(orgId);
  const [url, setUrl] = useState('');
  const [created, setCreated] = useState<WebhookCreated | null>(null);
  const [tests, setTests] = useState<Record<string, WebhookTestResult>>({});
  const add = useAddWebhook(orgId, (w) => {
    setUrl('');
    setCreated(w);
  });
  const remove = useDeleteWebhook(orgId, t('warnings.hooks.deleted'));
  const test = useTestWebhook(orgId);
  const { confirm, modal } = useConfirm();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (url.trim()) add.mutate(url.trim());
  };
  const onDelete = async (id: string, target: string) => {
    if (await confirm({ title: t('warnings.hooks.delete'), message: t('warnings.hooks.deleteConfirm', { url: target }), confirmLabel: t('warnings.hooks.delete') })) remove.mutate(id);
  };
  const onTest = async (id: string) => {
    const result = await test.mutateAsync(id);
    setTests((all) => ({ ...all, [id]: result }));
  };
  return (
    <Stack gap="sm">
      {modal}
      <form onSubmit={submit}>
        <Group gap="xs" align="flex-end">
          <TextInput size="xs" w={420} label={t('warnings.hooks.url')} placeholder="https://soc.example.vn/lachan" value={url} onChange={(e) => setUrl(e.currentTarget.value)} data-testid="webhook-url" />
          <Button size="xs" type="submit" loading={add.isPending} data-testid="webhook-add">
            {t('warnings.hooks.add')}
          </Button>
        </Group>
      </form>
      {add.error && <ErrorAlert error={add.error} />}
      <QueryState query={hooks}>
        {(list) =>
          list.length === 0 ? (
            <Text size="sm" c="dimmed">{t('warnings.hooks.empty')}</Text>
          ) : (
            <Table verticalSpacing={4} fz="sm" data-testid="webhook-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('warnings.hooks.url')}</Table.Th>
                  <Table.Th w={160}>{t('warnings.hooks.added')}</Table.Th>
                  <Table.Th>{t('warnings.hooks.last')}</Table.Th>
                  <Table.Th w={220} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((h) => {
                  const r = tests[h.id];
                  return (
                    <Table.Tr key={h.id} data-webhook={h.url}>
                      <Table.Td>{h.url}</Table.Td>
                      <Table.Td>{fmt.dateTime(h.createdAt)}</Table.Td>
                      <Table.Td>
                        {h.lastDelivery ? (
                          <Group gap={4}>
                            <Badge size="xs" variant="light" tt="none" color={STATE_COLORS[h.lastDelivery.status]}>{t(`warnings.delivery_.state.${h.lastDelivery.status}`)}</Badge>
                            <Text span size="xs" c="dimmed">{fmt.dateTime(h.lastDelivery.at)} · {t('warnings.delivery_.attempts', { count: h.lastDelivery.attempts })}{h.lastDelivery.lastError ? ` · ${h.lastDelivery.lastError}` : ''}</Text>
                          </Group>
                        ) : (
                          <Text span size="xs" c="dimmed">{t('warnings.hooks.never')}</Text>
                        )}
                        {r && (
                          <Text size="xs" c={r.ok ? 'teal' : 'red'} data-testid="webhook-test-result">
                            {r.ok ? t('warnings.hooks.testOk', { status: r.httpStatus, ms: r.ms }) : t('warnings.hooks.testFailed', { error: r.error })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} justify="flex-end">
                          <Button size="compact-xs" variant="default" onClick={() => void onTest(h.id).catch(() => undefined)} loading={test.isPending && test.variables === h.id} data-testid="webhook-test">
                            {t('warnings.hooks.test')}
                          </Button>
                          <Button size="compact-xs" variant="subtle" color="red" onClick={() => void onDelete(h.id, h.url)} data-testid="webhook-delete">
                            {t('warnings.hooks.delete')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
      <SecretOnceModal secret={created?.secret ?? null} title={t('warnings.hooks.createdTitle')} label={t('warnings.hooks.secret')} description={created ? t('warnings.hooks.createdFor', { url: created.url }) : undefined} onClose={() => setCreated(null)} />
    </Stack>
  );
}
