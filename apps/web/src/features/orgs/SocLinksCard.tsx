import { useState } from 'react';
import { ActionIcon, Anchor, Badge, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Organization, SocLink } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { usePermission } from '../auth/auth.api.ts';
import { orgApi } from './orgs.api.ts';
import { Section } from '../../components/Section.tsx';
import { SocClientModal } from './SocClientModal.tsx';

function LinkLine({ id, name, link, onRemove }: { id: string; name: string; link: SocLink; onRemove?: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid="soc-link">
      <Stack gap={2}>
        <Anchor component={Link} to={`/orgs/${id}`} size="sm">
          {name}
        </Anchor>
        <Group gap={4}>
          {link.services.map((s) => (
            <Badge key={s} size="xs" variant="light" color="gray" radius="sm">
              {s}
            </Badge>
          ))}
          <Text size="xs" c="dimmed">
            {t('orgs.soc.since', { date: fmt.date(link.since) })}
          </Text>
        </Group>
      </Stack>
      {onRemove && (
        <Tooltip label={t('orgs.soc.removeClient')}>
          <ActionIcon variant="subtle" color="red" onClick={onRemove} aria-label={t('orgs.soc.removeClientNamed', { name })}>
            <IconX size={16} />
          </ActionIcon>
        </Tooltip>
      )}
    </Group>
  );
}

/** SOC providers serving this organisation, and the clients it serves (with add/remove for restructurers). */
export function SocLinksCard({ org }: { org: Organization }) {
  const { t } = useTranslation();
  const canManage = usePermission('orgs.restructure');
  const [adding, setAdding] = useState(false);
  const { confirm, modal } = useConfirm();
  const remove = useApiMutation((clientId: string) => orgApi.removeSocClient(org.id, clientId), {
    invalidate: [['org']],
    success: t('orgs.soc.removed'),
  });

  const askRemove = async (link: SocLink) => {
    const ok = await confirm({
      title: t('orgs.soc.removeClient'),
      message: t('orgs.soc.removeConfirm', { client: link.clientName, provider: org.name }),
      confirmLabel: t('common.remove'),
      danger: true,
    });
    if (ok) remove.mutate(link.clientId);
  };

  const showClients = org.kind === 'soc_provider' || org.socClients.length > 0;
  return (
    <Section title={t('orgs.soc.title')} testId="soc-links">
      <Stack gap="sm">
        <div>
          <Text size="xs" c="dimmed" fw={600} mb={4}>
            {t('orgs.soc.providers')}
          </Text>
          {org.socProviders.length === 0 ? (
            <EmptyNote>{t('orgs.soc.noProviders')}</EmptyNote>
          ) : (
            org.socProviders.map((l) => <LinkLine key={l.providerId} id={l.providerId} name={l.providerName} link={l} />)
          )}
        </div>
        {showClients && (
          <div>
            <Group justify="space-between" mb={4}>
              <Text size="xs" c="dimmed" fw={600}>
                {t('orgs.soc.clients')}
              </Text>
              {canManage && org.status === 'active' && (
                <Button size="compact-xs" variant="light" leftSection={<IconPlus size={12} />} onClick={() => setAdding(true)} data-testid="soc-client-add">
                  {t('orgs.soc.addClient')}
                </Button>
              )}
            </Group>
            {remove.error && <ErrorAlert error={remove.error} />}
            {org.socClients.length === 0 ? (
              <EmptyNote>{t('orgs.soc.noClients')}</EmptyNote>
            ) : (
              org.socClients.map((l) => (
                <LinkLine key={l.clientId} id={l.clientId} name={l.clientName} link={l} onRemove={canManage ? () => void askRemove(l) : undefined} />
              ))
            )}
          </div>
        )}
      </Stack>
      {canManage && <SocClientModal org={org} opened={adding} onClose={() => setAdding(false)} />}
      {modal}
    </Section>
  );
}
