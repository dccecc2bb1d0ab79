import { useState } from 'react';
import { Anchor, Badge, Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { IncidentDetail, SystemSummary } from '@lachan/contracts';
import { api, type Page } from '../../../api/client.ts';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys } from '../incidents.api.ts';

/**
 * The registered information systems the incident affects: attached by promotion from the alerts' assets or
 * chosen by the analyst. A level 4-5 or critical system raises the severity and adds the reporting duty.
 */
export function IncidentSystemsCard({ incident: i }: { incident: IncidentDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <Section
      title={t('incidents.systems.title', { count: i.systems.length })}
      testId="incident-systems"
      actions={i.access.canManage && !i.exerciseId ? <Button size="compact-xs" variant="subtle" onClick={() => setEditing(true)} data-testid="incident-systems-edit">{t('incidents.systems.edit')}</Button> : undefined}
    >
      {i.systems.length === 0 ? (
        <Text size="sm" c="dimmed">{t('incidents.systems.none')}</Text>
      ) : (
        <Group gap={6}>
          {i.systems.map((s) => (
            <Group key={s.id} gap={4} wrap="nowrap">
              <Anchor component={Link} to={`/systems/${s.id}`} size="sm">{s.name}</Anchor>
              {s.securityLevel !== null && <Badge size="xs" variant="light" color={s.securityLevel >= 4 ? 'red' : 'gray'}>{t('incidents.systems.level', { level: s.securityLevel })}</Badge>}
              {s.critical && <Badge size="xs" color="red">{t('incidents.systems.critical')}</Badge>}
            </Group>
          ))}
        </Group>
      )}
      {editing && <SystemsModal incident={i} onClose={() => setEditing(false)} />}
    </Section>
  );
}

function SystemsModal({ incident: i, onClose }: { incident: IncidentDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(i.systems.map((s) => s.id));
  const systems = useQuery({
    queryKey: ['systems', 'list', { orgId: i.orgId, status: 'active' }],
    queryFn: () => api.get<Page<SystemSummary>>('/systems', { orgId: i.orgId, status: 'active', limit: 2000 }),
  });
  const save = useApiMutation((systemIds: string[]) => incidentApi.setSystems(i.id, systemIds), { invalidate: [incidentKeys.all], success: t('common.saved'), onSuccess: onClose });
  const data = [
    ...i.systems.map((s) => ({ value: s.id, label: s.name })),
    ...(systems.data?.items ?? []).filter((s) => !i.systems.some((x) => x.id === s.id)).map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <Modal opened onClose={onClose} title={t('incidents.systems.editTitle')} size="md">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">{t('incidents.systems.hint')}</Text>
        <MultiSelect searchable clearable data={data} value={chosen} onChange={setChosen} label={t('incidents.systems.pick')} data-testid="incident-systems-pick" />
        {save.error && <ErrorAlert error={save.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={save.isPending} onClick={() => save.mutate(chosen)} data-testid="incident-systems-save">{t('common.save')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
