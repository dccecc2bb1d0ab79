import { useState } from 'react';
import { Anchor, Badge, Button, FileButton, Group, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ANSWERS, type AnswerValue, type AssessmentAnswer, type AssessmentTaskDetail } from '@lachan/contracts';
import { apiUrl } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { pickText, useAnswer, useReview, useUploadEvidence } from './assessments.api.ts';

type Requirement = AssessmentTaskDetail['requirements'][number];
const REVIEW_COLOR = { pending: 'gray', confirmed: 'teal', returned: 'orange' } as const;
const ANSWER_COLOR = { met: 'teal', partly: 'yellow', not_met: 'red', not_applicable: 'gray' } as const;

/** The assessor's side: confirm the answer or return it with a comment. */
function ReviewControls({ taskId, req, answer }: { taskId: string; req: Requirement; answer: AssessmentAnswer }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState(answer.reviewComment ?? '');
  const review = useReview(taskId);
  const send = (r: 'confirmed' | 'returned') => review.mutate({ reqId: req.id, body: { review: r, comment: comment.trim() || null } });
  return (
    <Stack gap={4}>
      <Textarea size="xs" placeholder={t('assessments.task.reviewComment')} aria-label={t('assessments.task.reviewComment')} autosize minRows={1} value={comment} onChange={(e) => setComment(e.currentTarget.value)} data-testid="review-comment" />
      <Group gap="xs">
        <Button size="compact-xs" color="teal" onClick={() => send('confirmed')} loading={review.isPending} data-testid="review-confirm">{t('assessments.task.confirm')}</Button>
        <Button size="compact-xs" color="orange" variant="light" disabled={!comment.trim()} onClick={() => send('returned')} loading={review.isPending} data-testid="review-return">{t('assessments.task.return')}</Button>
      </Group>
      {review.error && <ErrorAlert error={review.error} />}
    </Stack>
  );
}

/** One applicable requirement: the owner's answer, comment and evidence, and the assessor's review. */
export function RequirementAnswer({ taskId, req, answer, mode }: { taskId: string; req: Requirement; answer: AssessmentAnswer | undefined; mode: 'answer' | 'review' | 'read' }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const [comment, setComment] = useState(answer?.comment ?? '');
  const put = useAnswer(taskId);
  const upload = useUploadEvidence(taskId);
  const save = (value: AnswerValue) => put.mutate({ reqId: req.id, body: { answer: value, comment: comment.trim() || null } });
  const title = pickText(req.title, i18n.language);
  return (
    <Paper withBorder p="xs" data-testid="requirement-answer" data-req={req.id} data-answer={answer?.answer ?? ''} data-review={answer?.review ?? ''}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={0}>
            <Text size="xs" ff="monospace" c="dimmed">{req.id}</Text>
            {title && <Text size="sm" fw={600}>{title}</Text>}
            <Text size="sm">{pickText(req.text, i18n.language)}</Text>
          </Stack>
          {answer && <Badge size="sm" variant="light" color={REVIEW_COLOR[answer.review]} style={{ flexShrink: 0 }}>{t(`assessments.review.${answer.review}`)}</Badge>}
        </Group>
        {mode === 'answer' ? (
          <Group gap="xs" align="flex-start">
            <SegmentedControl size="xs" data={ANSWERS.map((a) => ({ value: a, label: t(`assessments.answer.${a}`) }))} value={answer?.answer ?? ''}
              onChange={(v) => save(v as AnswerValue)} data-testid="answer-choice" aria-label={t('assessments.task.answer')} />
            <Textarea size="xs" style={{ flex: 1, minWidth: 220 }} placeholder={t('assessments.task.comment')} aria-label={t('assessments.task.comment')} autosize minRows={1} value={comment}
              onChange={(e) => setComment(e.currentTarget.value)} onBlur={() => answer && comment.trim() !== (answer.comment ?? '') && save(answer.answer)} data-testid="answer-comment" />
            {answer && (
              <FileButton onChange={(file) => file && upload.mutate({ reqId: req.id, file })}>
                {(props) => <Button {...props} size="compact-xs" variant="default" loading={upload.isPending} data-testid="evidence-upload">{t('assessments.task.addEvidence')}</Button>}
              </FileButton>
            )}
          </Group>
        ) : answer ? (
          <Group gap="xs">
            <Badge color={ANSWER_COLOR[answer.answer]} variant="light" data-testid="answer-value">{t(`assessments.answer.${answer.answer}`)}</Badge>
            {answer.comment && <Text size="xs">{answer.comment}</Text>}
            <Text size="xs" c="dimmed">{answer.answeredBy} · {f.dateTime(answer.answeredAt)}</Text>
          </Group>
        ) : <Text size="xs" c="dimmed">{t('assessments.task.notAnswered')}</Text>}
        {answer && answer.evidence.length > 0 && (
          <Group gap="xs">
            <Text size="xs" c="dimmed">{t('assessments.task.evidence')}:</Text>
            {answer.evidence.map((e) => <Anchor key={e.id} size="xs" href={apiUrl(`/assessment-evidence/${e.id}`)} data-testid="evidence-file">{e.fileName}</Anchor>)}
          </Group>
        )}
        {answer && answer.review !== 'pending' && (
          <Text size="xs" c={answer.review === 'returned' ? 'orange' : 'dimmed'} data-testid="review-note">
            {t(`assessments.review.${answer.review}`)}{answer.reviewedBy ? ` · ${answer.reviewedBy}` : ''}{answer.reviewComment ? `: ${answer.reviewComment}` : ''}
          </Text>
        )}
        {mode === 'review' && answer && <ReviewControls key={answer.answeredAt} taskId={taskId} req={req} answer={answer} />}
        {(put.error || upload.error) && <ErrorAlert error={put.error ?? upload.error} />}
      </Stack>
    </Paper>
  );
}
