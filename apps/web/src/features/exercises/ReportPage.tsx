import { Fragment, useState } from 'react';
import { Badge, Button, Group, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ExpectationResult, TeamReport } from '@lachan/contracts';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { downloadJson, useAddLesson, useJudge, useTeamReport } from './exercises.api.ts';
import { ExerciseBanner } from './ExerciseBanner.tsx';
import { EXPECTATION_COLOR, usePick } from './labels.ts';

/** A team's after-action report: timeline with times against targets and points, lessons, earlier runs; printable and exportable. */
export function ReportPage() {
  const { id = '', orgId = '' } = useParams();
  const query = useTeamReport(id, orgId);
  return <QueryState query={query}>{(r) => <Report report={r} />}</QueryState>;
}

function Report({ report: r }: { report: TeamReport }) {
  const { t } = useTranslation();
  const pick = usePick();
  const fmt = useFormat();
  const white = r.exercise.role === 'white';
  const judge = useJudge(r.exercise.id);
  return (
    <Stack gap="sm" data-testid="team-report">
      <ExerciseBanner exercise={r.exercise} />
      <Group justify="space-between">
        <Stack gap={0}>
          <Title order={2} size="h3">{t('exercises.report')}: {r.team.name}</Title>
          <Text size="sm" c="dimmed">{r.exercise.title} · {pick(r.exercise.scenarioTitle)}</Text>
        </Stack>
        <Group gap="xs" className="no-print">
          <Button size="xs" variant="default" onClick={() => window.print()}>{t('exercises.print')}</Button>
          <Button size="xs" variant="default" onClick={() => downloadJson(`lachan-exercise-report-${r.exercise.id.slice(0, 8)}.json`, r)}>{t('exercises.exportReport')}</Button>
        </Group>
      </Group>
      <Group gap="lg" data-testid="report-summary">
        <Text fw={700} size="lg" data-testid="report-points">{t('exercises.score', { points: r.team.points, possible: r.team.possible })}</Text>
        <Text size="sm">{t('exercises.sb.met')}: {r.team.met}</Text>
        <Text size="sm">{t('exercises.sb.late')}: {r.team.late}</Text>
        <Text size="sm">{t('exercises.sb.missed')}: {r.team.missed}</Text>
        <Text size="sm">{t('exercises.sb.pending')}: {r.team.pending}</Text>
      </Group>
      <Section title={t('exercises.timeline')}>
        <Table verticalSpacing={4} fz="sm" data-testid="report-timeline">
          <Table.Tbody>
            {r.timeline.map((step) => (
              <Fragment key={step.item.injectKey}>
                <Table.Tr bg="var(--mantine-color-gray-light)">
                  <Table.Td w={110}>{t('exercises.atMinute', { n: step.item.offsetMinutes })}</Table.Td>
                  <Table.Td colSpan={3}>
                    <Group gap="xs"><Badge size="xs" variant="light">{t(`exercises.kind.${step.item.kind}`)}</Badge><Text size="sm" fw={600}>{pick(step.item.title)}</Text>
                      <Text size="xs" c="dimmed">{fmt.timeOfDay(step.item.deliveredAt)}</Text></Group>
                  </Table.Td>
                </Table.Tr>
                {step.expectations.map((x) => (
                  <Table.Tr key={`${step.item.injectKey}-${x.expectationKey}`} data-testid="report-expectation" data-status={x.status}>
                    <Table.Td />
                    <Table.Td>{pick(x.label)} <Text span size="xs" c="dimmed">({t(`exercises.expKind.${x.kind}`)})</Text></Table.Td>
                    <Table.Td w={220}><Badge size="xs" color={EXPECTATION_COLOR[x.status]}>{t(`exercises.expStatus.${x.status}`)}</Badge>{' '}
                      <Text span size="xs">{x.tookMinutes !== null ? t('exercises.took', { took: x.tookMinutes, within: x.withinMinutes }) : t('exercises.minutes', { n: x.withinMinutes })}</Text></Table.Td>
                    <Table.Td w={200}>
                      <Group gap={4}>
                        <Text size="sm" fw={600}>{x.awarded} / {x.points}</Text>
                        {white && <JudgeButtons x={x} onJudge={(met) => judge.mutate({ teamOrgId: r.team.orgId, injectKey: x.injectKey, expectationKey: x.expectationKey, met })} />}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Section>
      {r.notDelivered.length > 0 && (
        <Section title={t('exercises.notDelivered')}>
          <Table fz="sm" data-testid="report-not-delivered">
            <Table.Tbody>
              {r.notDelivered.map((n) => (
                <Table.Tr key={n.injectKey}>
                  <Table.Td w={90}>+{t('exercises.minutes', { n: n.offsetMinutes })}</Table.Td>
                  <Table.Td>{pick(n.title)}</Table.Td>
                  <Table.Td>{t(`exercises.undelivered.${n.reason}`)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
      )}
      <Lessons report={r} />
      <Section title={t('exercises.previous')}>
        {r.previous.length === 0 ? <EmptyNote>{t('exercises.noPrevious')}</EmptyNote> : (
          <Table fz="sm" data-testid="report-previous">
            <Table.Tbody>
              {r.previous.map((p) => (
                <Table.Tr key={p.exerciseId}><Table.Td>{p.title}</Table.Td><Table.Td>{fmt.date(p.endedAt)}</Table.Td><Table.Td>{t('exercises.score', { points: p.points, possible: p.possible })}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
    </Stack>
  );
}

function JudgeButtons({ x, onJudge }: { x: ExpectationResult; onJudge: (met: boolean) => void }) {
  const { t } = useTranslation();
  if (x.kind !== 'evaluator') return null;
  return (
    <Group gap={2} className="no-print">
      <Button size="compact-xs" variant={x.status === 'met' ? 'filled' : 'light'} color="teal" onClick={() => onJudge(true)} data-testid="judge-met">{t('exercises.judgeMet')}</Button>
      <Button size="compact-xs" variant={x.status === 'missed' ? 'filled' : 'light'} color="red" onClick={() => onJudge(false)}>{t('exercises.judgeMissed')}</Button>
    </Group>
  );
}

function Lessons({ report: r }: { report: TeamReport }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [body, setBody] = useState('');
  const add = useAddLesson(r.exercise.id, t('exercises.lessonAdded'));
  return (
    <Section title={t('exercises.lessons')} testId="report-lessons">
      <Stack gap="xs">
        {r.lessons.length === 0 && <EmptyNote>{t('exercises.noLessons')}</EmptyNote>}
        {r.lessons.map((l) => (
          <Text key={l.id} size="sm" style={{ whiteSpace: 'pre-wrap' }}><b>{l.authorName}</b> · {fmt.dateTime(l.createdAt)} — {l.body}</Text>
        ))}
        {r.exercise.role === 'white' && (
          <Group align="flex-end" className="no-print">
            <Textarea style={{ flex: 1 }} size="xs" value={body} onChange={(e) => setBody(e.currentTarget.value)} autosize minRows={2} aria-label={t('exercises.lessonAdd')} data-testid="lesson-body" />
            <Button size="xs" disabled={!body.trim()} loading={add.isPending} onClick={() => add.mutate({ teamOrgId: r.team.orgId, body }, { onSuccess: () => setBody('') })}>{t('exercises.lessonAdd')}</Button>
          </Group>
        )}
      </Stack>
    </Section>
  );
}
