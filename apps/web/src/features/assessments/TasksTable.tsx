import { Anchor, Badge, Progress, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ListTable } from '../../components/ListTable.tsx';
import { LevelBadge } from '../systems/LevelBadge.tsx';
import { useTasks } from './assessments.api.ts';
import { DueBadge } from './DueBadge.tsx';
import { useOrgName } from '../orgs/useOrgName.ts';

/** Assessment tasks of the user's organisations: as owner (to answer) or as assessor (to review). */
export function TasksTable({ role, campaignId }: { role: 'owner' | 'assessor'; campaignId?: string }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const tasks = useTasks(role, campaignId);
  return (
    <ListTable
      query={tasks}
      empty={t(role === 'owner' ? 'assessments.tasks.emptyOwner' : 'assessments.tasks.emptyAssessor')}
      testId={`tasks-${role}`}
      head={
        <>
          <Table.Th>{t('assessments.tasks.col.system')}</Table.Th>
          <Table.Th>{t('assessments.tasks.col.campaign')}</Table.Th>
          <Table.Th w={90}>{t('assessments.tasks.col.level')}</Table.Th>
          <Table.Th w={180}>{t('assessments.tasks.col.progress')}</Table.Th>
          <Table.Th w={120}>{t('assessments.tasks.col.status')}</Table.Th>
          <Table.Th w={170}>{t('assessments.tasks.col.due')}</Table.Th>
        </>
      }
    >
      {(items) => items.map((task) => (
        <Table.Tr key={task.id} data-testid="task-row" data-id={task.id} data-status={task.status}>
          <Table.Td>
            <Anchor component={Link} to={`/assessments/tasks/${task.id}`} size="sm" fw={500}>{task.systemName}</Anchor>
            <Text size="xs" c="dimmed">{nameOf(task.orgId, task.orgName)}</Text>
          </Table.Td>
          <Table.Td><Text size="sm">{task.campaignTitle}</Text></Table.Td>
          <Table.Td><LevelBadge level={task.securityLevel} /></Table.Td>
          <Table.Td>
            <Text size="xs">{t('assessments.tasks.progress', { answered: task.answered, applicable: task.applicable, confirmed: task.confirmed })}</Text>
            <Progress size="sm" value={task.applicable ? (100 * task.answered) / task.applicable : 0} />
          </Table.Td>
          <Table.Td><Badge size="sm" variant="light" color={task.status === 'submitted' ? 'teal' : 'blue'}>{t(`assessments.taskStatus.${task.status as 'open'}`, { defaultValue: task.status })}</Badge></Table.Td>
          <Table.Td><DueBadge dueDate={task.dueDate} done={task.status === 'submitted'} overdue={task.overdue} /></Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}
