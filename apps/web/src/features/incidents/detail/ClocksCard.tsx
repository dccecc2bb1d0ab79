import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deadline } from '@lachan/contracts';
import { EmptyNote } from '../../../components/EmptyNote.tsx';
import { Section } from '../../../components/Section.tsx';
import { useFormat } from '../../../i18n/useFormat.ts';
import { Countdown } from '../Countdown.tsx';

const STATE_COLORS: Record<Deadline['state'], string> = { pending: 'gray', due: 'blue', overdue: 'red', met: 'teal', met_late: 'orange' };

/** The incident's reporting clocks, one line per regime rule: kind, recipients, due time and what is left. */
export function ClocksCard({ deadlines, regimes }: { deadlines: Deadline[]; regimes: { code: string; name: string }[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  return (
    <Section title={t('incidents.clocks.title')} testId="incident-clocks">
      <Group gap={4} mb={6}>
        {regimes.map((r) => (
          <Badge key={r.code} size="xs" variant="light" color="grape" tt="none" title={r.name}>{r.code}</Badge>
        ))}
      </Group>
      {deadlines.length === 0 ? (
        <EmptyNote>{t('incidents.clocks.none')}</EmptyNote>
      ) : (
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            {deadlines.map((d) => (
              <Table.Tr key={`${d.regimeId}-${d.ruleKey}`} data-testid="incident-clock" data-state={d.state}>
                <Table.Td>
                  <Text size="sm" fw={500}>{t(`incidents.reportKinds.${d.kind}`)}</Text>
                  <Text size="xs" c="dimmed" lineClamp={1} title={d.recipients}>{d.regimeCode} · {d.recipients}</Text>
                </Table.Td>
                <Table.Td ta="right">
                  {d.state === 'met' || d.state === 'met_late' ? (
                    <Text size="xs" c={STATE_COLORS[d.state]}>{t(`incidents.clocks.states.${d.state}`)} · {fmt.dateTime(d.metAt)}</Text>
                  ) : d.dueAt ? (
                    <>
                      <Countdown dueAt={d.dueAt} testId="clock-countdown" />
                      <Text size="xs" c="dimmed">{fmt.dateTime(d.dueAt)}</Text>
                    </>
                  ) : (
                    <Text size="xs" c="dimmed">{t('incidents.clocks.notStarted')}</Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}
