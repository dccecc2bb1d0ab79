import { Badge, Group, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ScenarioDocument } from '@lachan/contracts';
import { usePick } from './labels.ts';

/** The timeline view of a scenario: injects in the order they come, with what each expects and its points. */
export function ScenarioTimeline({ doc }: { doc: ScenarioDocument }) {
  const { t } = useTranslation();
  const pick = usePick();
  const injects = [...doc.injects].sort((a, b) => a.offsetMinutes - b.offsetMinutes);
  return (
    <Timeline bulletSize={18} lineWidth={2} data-testid="scenario-timeline">
      {injects.map((i) => (
        <Timeline.Item key={i.key} title={<Group gap="xs"><Text size="sm" fw={600}>{t('exercises.atMinute', { n: i.offsetMinutes })}</Text><Badge size="xs" variant="light">{t(`exercises.kind.${i.kind}`)}</Badge><Text size="sm">{pick(i.title)}</Text></Group>}>
          <Stack gap={2} mt={4}>
            {i.expectations.map((e) => (
              <Text key={e.key} size="xs" c="dimmed">
                {t(`exercises.expKind.${e.kind}`)}: {pick(e.label)} — {t('exercises.withinPoints', { points: e.points, n: e.withinMinutes })}
              </Text>
            ))}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
