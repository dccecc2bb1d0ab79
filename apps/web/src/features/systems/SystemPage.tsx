import { useState, type ReactNode } from 'react';
import { Anchor, Badge, Button, Group, Modal, Paper, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InformationSystem } from '@lachan/contracts';
import { QueryState } from '../../components/QueryState.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { usePermission } from '../auth/auth.api.ts';
import { useRetireSystem, useSystem } from './systems.api.ts';
import { LevelBadge } from './LevelBadge.tsx';
import { LayersPanel } from './LayersPanel.tsx';
import { ActivitySection } from './ActivitySection.tsx';
import { useOrgName } from '../orgs/useOrgName.ts';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text size="sm" component="div">{children ?? '—'}</Text>
    </Stack>
  );
}

function RetireModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const retire = useRetireSystem(id, t('systems.retired'));
  return (
    <Modal opened onClose={onClose} title={t('systems.retireTitle')}>
      <Stack gap="xs">
        <Textarea label={t('systems.retireReason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} minLength={3} autosize minRows={2} data-testid="retire-reason" />
        {retire.error && <ErrorAlert error={retire.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button color="red" disabled={reason.trim().length < 3} loading={retire.isPending} onClick={() => retire.mutate(reason.trim(), { onSuccess: onClose })} data-testid="retire-submit">{t('systems.retire')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Details({ s }: { s: InformationSystem }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const f = useFormat();
  const refs = (list: InformationSystem['dependsOn']) =>
    list.length ? list.map((d) => <div key={d.id}><Anchor component={Link} to={`/systems/${d.id}`} size="sm">{d.name}</Anchor></div>) : null;
  return (
    <Paper withBorder p="sm" data-testid="system-details">
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="sm">
        <Fact label={t('systems.field.owner')}><Anchor component={Link} to={`/orgs/${s.orgId}`} size="sm">{nameOf(s.orgId, s.orgName)}</Anchor></Fact>
        <Fact label={t('systems.field.operator')}>{s.operatorName ?? null}</Fact>
        <Fact label={t('systems.field.functionType')}>{t(`systems.functionType.${s.functionType}`)}</Fact>
        <Fact label={t('systems.field.dataClasses')}>{s.dataClasses.length ? s.dataClasses.map((c) => t(`systems.dataClass.${c}`)).join(', ') : null}</Fact>
        <Fact label={t('systems.field.usersServed')}>{s.usersServed === null ? null : f.number(s.usersServed)}</Fact>
        <Fact label={t('systems.field.level')}><LevelBadge level={s.securityLevel} /></Fact>
        <Fact label={t('systems.field.approval')}>{s.approval ? t('systems.approvalText', { number: s.approval.number, date: f.date(s.approval.date), approver: s.approval.approver }) : null}</Fact>
        <Fact label={t('systems.field.critical')}>{s.critical ? t('systems.criticalYes') : t('systems.criticalNo')}</Fact>
        <Fact label={t('systems.field.assets')}>{s.assets.length ? s.assets.map((a) => <div key={a.id}><Text span ff="monospace" size="sm">{a.value}</Text> <Text span size="xs" c="dimmed">({a.kind})</Text></div>) : null}</Fact>
        <Fact label={t('systems.field.dependsOn')}>{refs(s.dependsOn)}</Fact>
        <Fact label={t('systems.field.dependents')}>{refs(s.dependents)}</Fact>
        <Fact label={t('systems.field.updated')}>{f.dateTime(s.updatedAt)}</Fact>
      </SimpleGrid>
      {s.description && <Text size="sm" mt="sm" style={{ whiteSpace: 'pre-wrap' }}>{s.description}</Text>}
    </Paper>
  );
}

/** One system: its Decree 85 facts, the four layers and what happens on it. */
export function SystemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const system = useSystem(id);
  const mayWrite = usePermission('orgs.update');
  const [retiring, setRetiring] = useState(false);
  return (
    <QueryState query={system}>
      {(s) => (
        <Stack gap="md">
          <Group justify="space-between">
            <Group gap="xs">
              <Title order={2} size="h3" data-testid="system-title">{s.name}</Title>
              <LevelBadge level={s.securityLevel} />
              {s.critical && <Badge color="red" variant="light">{t('systems.critical')}</Badge>}
              {s.status === 'retired' && <Badge color="gray">{t('systems.status.retired')}</Badge>}
            </Group>
            {mayWrite && s.status === 'active' && (
              <Group gap="xs">
                <Button size="xs" variant="light" component={Link} to={`/systems/${s.id}/edit`} data-testid="system-edit">{t('systems.edit')}</Button>
                <Button size="xs" variant="subtle" color="red" onClick={() => setRetiring(true)} data-testid="system-retire">{t('systems.retire')}</Button>
              </Group>
            )}
          </Group>
          <Details s={s} />
          <LayersPanel systemId={s.id} mayEdit={mayWrite && s.status === 'active'} />
          <ActivitySection systemId={s.id} />
          {retiring && <RetireModal id={s.id} onClose={() => setRetiring(false)} />}
        </Stack>
      )}
    </QueryState>
  );
}
