import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { EmptyNote } from '../../components/EmptyNote.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useInbox } from './exercises.api.ts';
import { usePick } from './labels.ts';

/** What reached a team, newest first: messages in full, and links to the alerts, incident or warning an inject made. */
export function TeamInbox({ exerciseId, orgId }: { exerciseId: string; orgId: string }) {
  const { t } = useTranslation();
  const pick = usePick();
  const fmt = useFormat();
  const inbox = useInbox(exerciseId, orgId);
  return (
    <Section title={t('exercises.inbox')} testId="team-inbox">
      <QueryState query={inbox}>
        {({ items }) => items.length === 0 ? <EmptyNote>{t('exercises.noInbox')}</EmptyNote> : (
          <Stack gap="xs">
            {[...items].reverse().map((i) => (
              <Paper key={i.injectKey} withBorder p="xs" data-testid="inbox-item" data-kind={i.kind}>
                <Group gap="xs">
                  <Badge size="xs" variant="light">{t(`exercises.kind.${i.kind}`)}</Badge>
                  <Text size="sm" fw={600}>{pick(i.title)}</Text>
                  <Text size="xs" c="dimmed">{fmt.timeOfDay(i.deliveredAt)}</Text>
                </Group>
                {i.message && (
                  <Stack gap={2} mt={4}>
                    <Text size="xs" c="dimmed">{i.message.from} — {pick(i.message.subject)}</Text>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{pick(i.message.body)}</Text>
                  </Stack>
                )}
                <Group gap="sm" mt={4}>
                  {i.alerts !== null && <Anchor component={Link} to={`/alerts?exerciseId=${exerciseId}`} size="xs">{t('exercises.alertsSent', { n: i.alerts })}</Anchor>}
                  {i.incidentId && <Anchor component={Link} to={`/incidents/${i.incidentId}`} size="xs">{t('exercises.openIncident')}</Anchor>}
                  {i.warningId && <Anchor component={Link} to={`/warnings/inbox?exerciseId=${exerciseId}`} size="xs">{t('exercises.openWarning')}</Anchor>}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
      </QueryState>
    </Section>
  );
}
