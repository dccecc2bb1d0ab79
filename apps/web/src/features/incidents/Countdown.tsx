import { useCallback } from 'react';
import { Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';
import { useNow } from '../../lib/useNow.ts';
import { durationParts, urgency } from './incidentLabels.ts';

const COLORS = { overdue: 'red', soon: 'orange', later: undefined } as const;

/** "2 days 3 h" / "5 h 12 min" in the current language. */
export function useDuration() {
  const { t } = useTranslation();
  return useCallback(
    (seconds: number) => {
      const p = durationParts(seconds);
      return p.d > 0 ? t('incidents.clock.daysHours', { d: p.d, h: p.h }) : t('incidents.clock.hoursMinutes', { h: p.h, m: p.m });
    },
    [t],
  );
}

/** Time left until a deadline, ticking; red once it has passed, orange within a day. */
export function Countdown({ dueAt, size = 'xs', testId }: { dueAt: string | null; size?: 'xs' | 'sm'; testId?: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const duration = useDuration();
  const now = useNow(15_000);
  if (!dueAt) return <Text size={size} c="dimmed">—</Text>;
  const left = Math.round((new Date(dueAt).getTime() - now) / 1000);
  const level = urgency(left);
  return (
    <Tooltip label={fmt.dateTime(dueAt)} withArrow openDelay={300}>
      <Text size={size} c={COLORS[level]} fw={level === 'later' ? 400 : 600} data-testid={testId} data-urgency={level} style={{ whiteSpace: 'nowrap' }}>
        {level === 'overdue' ? t('incidents.clock.overdueBy', { time: duration(left) }) : t('incidents.clock.dueIn', { time: duration(left) })}
      </Text>
    </Tooltip>
  );
}
