import { Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentTask, IncidentTaskPatch } from '@lachan/contracts';
import { EmptyNote } from '../../../components/EmptyNote.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { Section } from '../../../components/Section.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys, useIncidentPart } from '../incidents.api.ts';
import { TaskForm } from './TaskForm.tsx';
import { useOrgName } from '../../orgs/useOrgName.ts';

const STATUS_COLORS: Record<IncidentTask['status'], string> = { open: 'blue', in_progress: 'cyan', done: 'teal', cancelled: 'gray' };

/** The incident's tasks: who does what by when; open ones can be started, completed or cancelled. */
export function TasksTab({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const tasks = useIncidentPart<IncidentTask>(incidentId, 'tasks');
  const orgName = (id: string | null) => (id ? nameOf(id, '…') : '—');
  const update = useApiMutation(({ id, patch }: { id: string; patch: IncidentTaskPatch }) => incidentApi.updateTask(incidentId, id, patch), { invalidate: [incidentKeys.detail(incidentId)] });
  return (
    <Section title={t('incidents.tabs.tasks')} testId="incident-tasks">
      <Stack gap="sm">
        <QueryState query={tasks}>
          {(list) =>
            list.length === 0 ? (
              <EmptyNote>{t('incidents.tasks.none')}</EmptyNote>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table verticalSpacing={4} fz="sm" striped>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('incidents.tasks.title')}</Table.Th>
                      <Table.Th w={200}>{t('incidents.tasks.assigneeOrg')}</Table.Th>
                      <Table.Th w={150}>{t('incidents.tasks.due')}</Table.Th>
                      <Table.Th w={110}>{t('incidents.columns.status')}</Table.Th>
                      {canWrite && <Table.Th w={190} />}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {list.map((task) => {
                      const open = task.status === 'open' || task.status === 'in_progress';
                      return (
                        <Table.Tr key={task.id} data-testid="task-row" data-status={task.status}>
                          <Table.Td>
                            <Text size="sm" td={task.status === 'done' ? 'line-through' : undefined}>{task.title}</Text>
                            <Text size="xs" c="dimmed">{task.createdByName} · {fmt.dateTime(task.createdAt)}</Text>
                          </Table.Td>
                          <Table.Td><Text size="xs">{orgName(task.assigneeOrgId)}</Text></Table.Td>
                          <Table.Td><Text size="xs" c={task.overdue ? 'red' : undefined} fw={task.overdue ? 600 : undefined}>{fmt.dateTime(task.dueAt)}</Text></Table.Td>
                          <Table.Td><Badge size="xs" variant="light" color={STATUS_COLORS[task.status]}>{t(`incidents.tasks.statuses.${task.status}`)}</Badge></Table.Td>
                          {canWrite && (
                            <Table.Td>
                              {open && (
                                <Group gap={4} justify="flex-end" wrap="nowrap">
                                  {task.status === 'open' && <Button size="compact-xs" variant="subtle" onClick={() => update.mutate({ id: task.id, patch: { status: 'in_progress' } })}>{t('incidents.tasks.start')}</Button>}
                                  <Button size="compact-xs" variant="light" color="teal" onClick={() => update.mutate({ id: task.id, patch: { status: 'done' } })} data-testid="task-done">{t('incidents.tasks.complete')}</Button>
                                  <Button size="compact-xs" variant="subtle" color="gray" onClick={() => update.mutate({ id: task.id, patch: { status: 'cancelled' } })}>{t('incidents.tasks.cancel')}</Button>
                                </Group>
                              )}
                            </Table.Td>
                          )}
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )
          }
        </QueryState>
        {canWrite && <TaskForm incidentId={incidentId} />}
      </Stack>
    </Section>
  );
}
