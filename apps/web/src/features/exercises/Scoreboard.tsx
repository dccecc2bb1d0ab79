import { Anchor, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Exercise } from '@lachan/contracts';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useScoreboard } from './exercises.api.ts';

/** The live scoreboard (white team): refreshed by the event stream as teams act and injects go out. */
export function Scoreboard({ exercise: e }: { exercise: Exercise }) {
  const { t } = useTranslation();
  const board = useScoreboard(e.id, true);
  return (
    <Section title={t('exercises.scoreboard')} testId="scoreboard"
      actions={board.data && <Text size="xs" c="dimmed">{t('exercises.injectsDelivered', { n: board.data.injectsDelivered, total: board.data.injectsTotal })}</Text>}>
      <QueryState query={board}>
        {(b) => (
          <Table striped verticalSpacing={4} fz="sm" data-testid="scoreboard-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>{t('exercises.sb.rank')}</Table.Th>
                <Table.Th>{t('exercises.sb.team')}</Table.Th>
                <Table.Th ta="right">{t('exercises.sb.points')}</Table.Th>
                <Table.Th ta="right">{t('exercises.sb.met')}</Table.Th>
                <Table.Th ta="right">{t('exercises.sb.late')}</Table.Th>
                <Table.Th ta="right">{t('exercises.sb.missed')}</Table.Th>
                <Table.Th ta="right">{t('exercises.sb.pending')}</Table.Th>
                <Table.Th ta="right">{t('exercises.sb.mean')}</Table.Th>
                <Table.Th>{t('exercises.sb.report')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {b.teams.map((r, i) => (
                <Table.Tr key={r.orgId} data-testid="scoreboard-row" data-org-id={r.orgId} data-points={r.points}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td ta="right" fw={600}>{t('exercises.score', { points: r.points, possible: r.possible })}</Table.Td>
                  <Table.Td ta="right">{r.met}</Table.Td>
                  <Table.Td ta="right">{r.late}</Table.Td>
                  <Table.Td ta="right">{r.missed}</Table.Td>
                  <Table.Td ta="right">{r.pending}</Table.Td>
                  <Table.Td ta="right">{r.meanMinutes ?? '—'}</Table.Td>
                  <Table.Td><Anchor component={Link} to={`/exercises/${e.id}/teams/${r.orgId}/report`} size="sm">{t('exercises.report')}</Anchor></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
    </Section>
  );
}
