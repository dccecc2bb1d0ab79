import { useState } from 'react';
import { Anchor, Button, Group, Menu, Stack, Text, Title } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail, IncidentStatus } from '@lachan/contracts';
import { SeverityBadge } from '../../../components/SeverityBadge.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { IncidentStatusBadge, PapBadge, SeriousBadge, TlpBadge } from '../IncidentBadges.tsx';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys } from '../incidents.api.ts';
import { isFinished, nextStatuses } from '../incidentLabels.ts';
import { useIncidentTitle } from '../madeTitle.ts';
import { EditIncidentModal } from './EditIncidentModal.tsx';
import { EscalateModal } from './EscalateModal.tsx';
import { TransferModal } from './TransferModal.tsx';
import { TransitionModal } from './TransitionModal.tsx';
import { DocumentMenu } from '../../documents/index.ts';
import { useOrgName } from '../../orgs/useOrgName.ts';

/** Reference, title, markings and status, with the moves the lifecycle allows and the coordination actions. */
export function IncidentHeader({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const titleOf = useIncidentTitle();
  const [to, setTo] = useState<IncidentStatus | null>(null);
  const [dialog, setDialog] = useState<'edit' | 'escalate' | 'transfer' | null>(null);
  const complete = useApiMutation(() => incidentApi.completeResponse(i.id), { invalidate: [incidentKeys.all], success: t('incidents.actions.completed') });
  const { canWrite, canManage } = i.access;
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="nowrap" align="center">
        <Text ff="monospace" size="sm" c="dimmed" data-testid="incident-reference">{i.reference}</Text>
        <SeverityBadge level={i.severity} size="xs" />
        <TlpBadge tlp={i.tlp} />
        <PapBadge pap={i.pap} />
        {i.serious && <SeriousBadge />}
        <IncidentStatusBadge status={i.status} />
        <Group ml="auto" gap={6}>
          <DocumentMenu path={`/incidents/${i.id}/document`} testId="incident-document" />
        </Group>
      </Group>
      <Title order={2} size="h3" data-testid="incident-title">{titleOf(i)}</Title>
      <Group gap="xs" justify="space-between" wrap="wrap">
        <Text size="sm" c="dimmed">
          {t('incidents.fields.owner')}:{' '}
          <Anchor component={Link} to={`/orgs/${i.orgId}`} size="sm">{nameOf(i.orgId, i.orgName)}</Anchor>
          {' · '}
          {t(`incidents.profiles.${i.access.profile}`)}
        </Text>
        {canWrite && (
          <Group gap={6} data-testid="incident-transitions">
            <Text size="xs" c="dimmed">{t('incidents.transition.moveTo')}</Text>
            {nextStatuses(i.status)
              .filter((s) => canManage || !isFinished(s))
              .map((s) => (
                <Button key={s} size="compact-xs" variant={isFinished(s) ? 'default' : 'light'} onClick={() => setTo(s)} data-testid={`transition-${s}`}>
                  {t(`incidents.statuses.${s}`)}
                </Button>
              ))}
            <Menu position="bottom-end" withinPortal shadow="sm">
              <Menu.Target>
                <Button size="compact-xs" variant="outline" rightSection={<IconChevronDown size={12} />} data-testid="incident-actions">
                  {t('common.actions')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={() => setDialog('edit')} data-testid="action-edit">
                  {t('incidents.edit.title')}
                </Menu.Item>
                <Menu.Item disabled={Boolean(i.responseEndedAt) || isFinished(i.status)} onClick={() => complete.mutate(undefined)} data-testid="action-complete">
                  {t('incidents.actions.completeResponse')}
                </Menu.Item>
                <Menu.Item disabled={Boolean(i.escalatedAt)} onClick={() => setDialog('escalate')} data-testid="action-escalate">
                  {t('incidents.actions.escalate')}
                </Menu.Item>
                {canManage && (
                  <Menu.Item onClick={() => setDialog('transfer')} data-testid="action-transfer">
                    {t('incidents.actions.transfer')}
                  </Menu.Item>
                )}
              </Menu.Dropdown>
            </Menu>
          </Group>
        )}
      </Group>
      <TransitionModal incidentId={i.id} to={to} onClose={() => setTo(null)} />
      {dialog === 'edit' && <EditIncidentModal incident={i} opened onClose={() => setDialog(null)} />}
      <EscalateModal incidentId={i.id} opened={dialog === 'escalate'} onClose={() => setDialog(null)} />
      <TransferModal incidentId={i.id} ownerId={i.orgId} opened={dialog === 'transfer'} onClose={() => setDialog(null)} />
    </Stack>
  );
}
