import { useState } from 'react';
import { Button, Group, Paper, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IncidentComment, IncidentStatus, TimelineEntry } from '@lachan/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { QueryState } from '../../../components/QueryState.tsx';
import { Section } from '../../../components/Section.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { IncidentStatusBadge } from '../IncidentBadges.tsx';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys, useIncidentPart } from '../incidents.api.ts';
import { useRuleName } from '../madeTitle.ts';
import { entryCommentId, entryDetail, entryGrouped, entryMoved, entryStatus, isSystemActor, isTimelineKind, visibleEntries } from './timelineText.ts';

/** Adds a comment; Ctrl+Enter sends. */
function CommentBox({ incidentId }: { incidentId: string }) {
  const { t } = useTranslation();
  const [body, setBody] = useState('');
  const mutation = useApiMutation((text: string) => incidentApi.comment(incidentId, text), { invalidate: [incidentKeys.detail(incidentId)], onSuccess: () => setBody('') });
  const send = () => body.trim() && mutation.mutate(body.trim());
  return (
    <Stack gap={6}>
      <Textarea
        aria-label={t('incidents.timeline.comment')}
        placeholder={t('incidents.timeline.commentPlaceholder')}
        autosize
        minRows={2}
        maxRows={10}
        value={body}
        onChange={(e) => setBody(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Enter' && (e.ctrlKey || e.metaKey) && send()}
        data-testid="comment-body"
      />
      {mutation.error && <ErrorAlert error={mutation.error} />}
      <Group justify="flex-end">
        <Button size="xs" onClick={send} loading={mutation.isPending} disabled={!body.trim()} data-testid="comment-send">
          {t('incidents.timeline.send')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Everything that happened to the incident, oldest first, comments written out in full; a box to add one. */
export function TimelineTab({ incidentId, canWrite }: { incidentId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const ruleName = useRuleName();
  const fmt = useFormat();
  const timeline = useIncidentPart<TimelineEntry>(incidentId, 'timeline');
  const comments = useIncidentPart<IncidentComment>(incidentId, 'comments');
  const bodies = new Map((comments.data ?? []).map((c) => [c.id, c.body]));
  return (
    <Section title={t('incidents.tabs.timeline')} testId="incident-timeline">
      <QueryState query={timeline}>
        {(entries) => (
          <Timeline bulletSize={10} lineWidth={1} mb="sm">
            {visibleEntries(entries).map((e) => {
              const commentId = entryCommentId(e);
              const status = entryStatus(e);
              const grouped = entryGrouped(e);
              const moved = entryMoved(e);
              const detail = grouped ? t('incidents.timeline.grouped', { ...grouped, rule: ruleName(grouped.rule) }) : moved !== null ? t('incidents.timeline.moved', { count: moved }) : entryDetail(e);
              return (
                <Timeline.Item key={e.id} mt={10} data-testid="timeline-entry" data-kind={e.kind} title={
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm" fw={500}>{isTimelineKind(e.kind) ? t(`incidents.timeline.kinds.${e.kind}`) : t('incidents.timeline.kinds.other')}</Text>
                    {status && <IncidentStatusBadge status={status as IncidentStatus} />}
                    <Text size="xs" c="dimmed">{isSystemActor(e.actorName, e.actorOrgId) ? t(`incidents.timeline.actors.${e.actorName}`) : e.actorName} · {fmt.dateTime(e.at)}</Text>
                  </Group>
                }>
                  {commentId ? (
                    <Paper withBorder p="xs" mt={4} bg="var(--mantine-color-default-hover)" data-testid="timeline-comment">
                      <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{bodies.get(commentId) ?? (e.data as { excerpt?: string } | null)?.excerpt}</Text>
                    </Paper>
                  ) : (
                    detail && <Text size="xs" c="dimmed" lineClamp={3}>{detail}</Text>
                  )}
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
      </QueryState>
      {canWrite && <CommentBox incidentId={incidentId} />}
    </Section>
  );
}
