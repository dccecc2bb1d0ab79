import { useMemo, useState } from 'react';
import { Anchor, Badge, Grid, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AssessmentTaskDetail } from '@lachan/contracts';
import { QueryState } from '../../components/QueryState.tsx';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { useCurrentUser } from '../auth/auth.api.ts';
import { LevelBadge } from '../systems/LevelBadge.tsx';
import { useTask } from './assessments.api.ts';
import { DueBadge } from './DueBadge.tsx';
import { RequirementAnswer } from './RequirementAnswer.tsx';
import { AssessorPanel, SubmitPanel, useIsAssessor, VersionsPanel } from './TaskSidePanels.tsx';
import { useOrgName } from '../orgs/useOrgName.ts';

const FILTERS = ['all', 'unanswered', 'pending', 'returned'] as const;
type Filter = (typeof FILTERS)[number];

function TaskBody({ d }: { d: AssessmentTaskDetail }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const me = useCurrentUser();
  const { task } = d;
  const assessor = useIsAssessor(task, me.org.id);
  const maySign = me.permissions.includes('orgs.update') && !assessor;
  const mode = task.status === 'submitted' ? 'read' : assessor ? 'review' : 'answer';
  const [filter, setFilter] = useState<Filter>('all');
  const answers = useMemo(() => new Map(d.answers.map((a) => [a.reqId, a])), [d.answers]);
  const shown = d.requirements.filter((r) => r.applicable).filter((r) => {
    const a = answers.get(r.id);
    if (filter === 'unanswered') return !a;
    if (filter === 'pending') return a?.review === 'pending';
    if (filter === 'returned') return a?.review === 'returned';
    return true;
  });
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Group gap="xs">
            <Title order={2} size="h3" data-testid="task-title">{task.systemName}</Title>
            <LevelBadge level={task.securityLevel} />
            <Badge variant="light" color={task.status === 'submitted' ? 'teal' : 'blue'} data-testid="task-status">{t(`assessments.taskStatus.${task.status as 'open'}`, { defaultValue: task.status })}</Badge>
            {task.version > 0 && <Badge variant="outline">v{task.version}</Badge>}
          </Group>
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to={`/systems/${task.systemId}`} size="sm">{nameOf(task.orgId, task.orgName)}</Anchor> · {task.campaignTitle}
          </Text>
        </Stack>
        <DueBadge dueDate={task.dueDate} done={task.status === 'submitted'} overdue={task.overdue} />
      </Group>
      {assessor && <Text size="sm" c="blue" data-testid="assessor-view">{t('assessments.task.assessorView')}</Text>}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="xs">
            <Group justify="space-between">
              <Text size="sm">{t('assessments.tasks.progress', { answered: task.answered, applicable: task.applicable, confirmed: task.confirmed })}</Text>
              <SegmentedControl size="xs" data={FILTERS.map((f) => ({ value: f, label: t(`assessments.task.filter.${f}`) }))} value={filter} onChange={(v) => setFilter(v as Filter)} data-testid="answer-filter" />
            </Group>
            {shown.length === 0 && <EmptyNote>{t('assessments.task.nothingHere')}</EmptyNote>}
            {shown.map((r) => <RequirementAnswer key={r.id} taskId={task.id} req={r} answer={answers.get(r.id)} mode={mode} />)}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="sm">
            <AssessorPanel task={task} mayAssign={maySign} />
            {maySign && <SubmitPanel task={task} />}
            <VersionsPanel task={task} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** One system's assessment task: the owner answers, the assessor reviews, the owner signs and submits. */
export function TaskPage() {
  const { id = '' } = useParams();
  const task = useTask(id);
  return <QueryState query={task}>{(d) => <TaskBody d={d} />}</QueryState>;
}
