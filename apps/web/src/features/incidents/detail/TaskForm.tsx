import { useState } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentTaskCreate } from '@lachan/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { useCurrentUser, usePermission } from '../../auth/auth.api.ts';
import { OrgPicker } from '../../orgs/OrgPicker.tsx';
import { useUsers } from '../../users/users.api.ts';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys } from '../incidents.api.ts';
import { vnLocalToIso } from '../vnTime.ts';

/** People of the chosen organisation one may assign: its users when the role may list them, else only oneself. */
function usePeople(orgId: string | null) {
  const me = useCurrentUser();
  const canList = usePermission('users.read');
  const users = useUsers({ orgId: canList ? orgId : null, q: '' });
  const listed = canList && orgId ? (users.data?.items ?? []).filter((u) => u.orgId === orgId).map((u) => ({ value: u.id, label: u.name })) : [];
  return listed.some((u) => u.value === me.id) ? listed : [{ value: me.id, label: me.name }, ...listed];
}

/** One line to add a task: title, assignee organisation and person, due time (Vietnam time). */
export function TaskForm({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [orgId, setOrgId] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [due, setDue] = useState('');
  const people = usePeople(orgId);
  const mutation = useApiMutation((body: IncidentTaskCreate) => incidentApi.addTask(incidentId, body), {
    invalidate: [incidentKeys.detail(incidentId)],
    onSuccess: () => {
      setTitle('');
      setDue('');
    },
  });
  const submit = () => title.trim() && mutation.mutate({ title: title.trim(), assigneeOrgId: orgId, assigneeUserId: userId, dueAt: vnLocalToIso(due) });
  return (
    <form onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <Group gap="xs" align="flex-end" wrap="wrap">
        <TextInput size="xs" style={{ flex: 1, minWidth: 220 }} label={t('incidents.tasks.title')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required data-testid="task-title" />
        <div style={{ width: 220 }}>
          <OrgPicker size="xs" label={t('incidents.tasks.assigneeOrg')} value={orgId} onChange={setOrgId} testId="task-org" />
        </div>
        <Select size="xs" w={170} label={t('incidents.tasks.assigneeUser')} data={people} value={userId} onChange={setUserId} clearable searchable data-testid="task-user" />
        <TextInput size="xs" w={180} type="datetime-local" label={t('incidents.tasks.due')} value={due} onChange={(e) => setDue(e.currentTarget.value)} data-testid="task-due" />
        <Button size="xs" type="submit" loading={mutation.isPending} disabled={!title.trim()} data-testid="task-add">
          {t('common.add')}
        </Button>
      </Group>
      {mutation.error && <ErrorAlert error={mutation.error} />}
    </form>
  );
}
