import { Badge, Divider, Group, Stack, Text } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deadline } from '@lachan/contracts';
import { EmptyNote } from '../../../components/EmptyNote.tsx';
import { Section } from '../../../components/Section.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { Countdown } from '../Countdown.tsx';
import { useRegimeName } from '../incidents.api.ts';
import { useReportRecipients } from '../reportRecipients.ts';

const STATE_COLORS: Record<Deadline['state'], string> = { pending: 'gray', due: 'blue', overdue: 'red', met: 'teal', met_late: 'orange' };

/** One clock: the report it asks for and to whom, then the countdown, or when it was met, or that it has not started. */
function Clock({ d }: { d: Deadline }) {
  const { t } = useTranslation();
  const recipients = useReportRecipients();
  const fmt = useFormat();
  const met = d.state === 'met' || d.state === 'met_late';
  return (
    <Stack gap={0} data-testid="incident-clock" data-state={d.state}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text size="sm" fw={500}>{t(`incidents.reportKinds.${d.kind}`)}</Text>
        {met || !d.dueAt ? (
          <Badge size="xs" variant="light" tt="none" color={met ? STATE_COLORS[d.state] : 'gray'} style={{ flexShrink: 0 }}>
            {met ? t(`incidents.clocks.states.${d.state}`) : t('incidents.clocks.notStarted')}
          </Badge>
        ) : (
          <Countdown dueAt={d.dueAt} testId="clock-countdown" />
        )}
      </Group>
      <Text size="xs" c="dimmed" data-testid="clock-recipients">{recipients(d)}</Text>
      {(met || d.dueAt) && (
        <Text size="xs" c="dimmed">
          {met ? t('incidents.clocks.metAt', { at: fmt.dateTime(d.metAt) }) : t('incidents.clocks.dueAt', { at: fmt.dateTime(d.dueAt) })}
        </Text>
      )}
    </Stack>
  );
}

/** The incident's reporting clocks, grouped by legal regime. */
export function ClocksCard({ deadlines, regimes }: { deadlines: Deadline[]; regimes: { code: string; name: string }[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const regimeName = useRegimeName();
  return (
    <Section title={t('incidents.clocks.title')} testId="incident-clocks">
      {regimes.length === 0 ? (
        <EmptyNote>{t('incidents.clocks.none')}</EmptyNote>
      ) : (
        <Stack gap="xs">
          {regimes.map((r, n) => (
            <Fragment key={r.code}>
              {n > 0 && <Divider />}
              <Text size="xs" fw={600} c="grape.7" title={r.code}>{regimeName(r.code, fmt.lang)}</Text>
              {deadlines.filter((d) => d.regimeCode === r.code).map((d) => <Clock key={d.ruleKey} d={d} />)}
            </Fragment>
          ))}
        </Stack>
      )}
    </Section>
  );
}
