import { Anchor, Badge, Code, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AlertSource } from '@lachan/contracts';
import { useFormat } from '../../i18n/useFormat.ts';
import { FORMAT_LABELS } from './alertLabels.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

const STALE_MS = 15 * 60_000;
const SILENT_MS = 60 * 60_000;

/** Last-seen colour: orange after 15 minutes of silence, red after an hour. */
export function silenceOf(lastSeenAt: string | null, now: number): 'live' | 'stale' | 'silent' {
  if (!lastSeenAt) return 'silent';
  const age = now - new Date(lastSeenAt).getTime();
  return age > SILENT_MS ? 'silent' : age > STALE_MS ? 'stale' : 'live';
}

const SILENCE_COLOR = { live: undefined, stale: 'orange.7', silent: 'red.7' } as const;

/** One connector: what it sends, how fast, when last, and what was refused. */
export function SourceRow({ source: s, now }: { source: AlertSource; now: number }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const fmt = useFormat();
  const silence = silenceOf(s.lastSeenAt, now);
  const num = { ta: 'right' as const, style: { fontVariantNumeric: 'tabular-nums' } };
  return (
    <Table.Tr data-testid="source-row" data-source-id={s.id} data-silence={silence}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {s.name}
        </Text>
        <Text size="xs" c="dimmed">
          <Badge size="xs" variant="light" color={s.kind === 'syslog' ? 'cyan' : 'indigo'} radius="sm" mr={6}>
            {t(`alerts.sources.kinds.${s.kind}`)}
          </Badge>
          {s.syslogAddress && <Code fz="xs">{s.syslogAddress}</Code>}
        </Text>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/orgs/${s.orgId}`} size="sm">
          {nameOf(s.orgId, s.orgName)}
        </Anchor>
      </Table.Td>
      <Table.Td>{FORMAT_LABELS[s.format]}</Table.Td>
      <Table.Td {...num}>{fmt.number(Math.round(s.ratePerMinute * 10) / 10)}</Table.Td>
      <Table.Td>
        {s.lastSeenAt ? (
          <Text size="sm" c={SILENCE_COLOR[silence]} fw={silence === 'live' ? undefined : 500} title={`${fmt.dateTime(s.lastSeenAt)}${silence === 'live' ? '' : ` — ${t(silence === 'stale' ? 'alerts.sources.staleHint' : 'alerts.sources.silentHint')}`}`}>
            {fmt.relative(s.lastSeenAt, now)}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('alerts.sources.never')}
          </Text>
        )}
      </Table.Td>
      <Table.Td {...num}>{fmt.number(s.accepted)}</Table.Td>
      <Table.Td {...num}>{fmt.number(s.duplicates)}</Table.Td>
      <Table.Td {...num}>
        {s.rejected > 0 ? (
          <Anchor component={Link} to={`/alerts/quarantine?sourceId=${s.id}`} size="sm" title={t('alerts.sources.viewRejects')}>
            {fmt.number(s.rejected)}
          </Anchor>
        ) : (
          '0'
        )}
      </Table.Td>
      <Table.Td {...num} c={s.rejectedLast5Min > 0 ? 'red.7' : 'dimmed'} fw={s.rejectedLast5Min > 0 ? 600 : undefined}>
        {fmt.number(s.rejectedLast5Min)}
      </Table.Td>
    </Table.Tr>
  );
}
