import { Badge, Button, Code, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Warning } from '@lachan/contracts';
import { SeverityBadge } from '../../components/SeverityBadge.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { TlpBadge } from './WarningBadges.tsx';
import { useAckWarning, useMarkRead } from './warnings.api.ts';
import { useWarningText } from './useWarningText.ts';
import { DocumentMenu } from '../documents/index.ts';
import { WarningProvinces } from './WarningProvinces.tsx';
import { ExerciseBadge } from './ExerciseFilter.tsx';
import { RecordExerciseBanner } from '../exercises/RecordExerciseBanner.tsx';

/** One warning in the inbox: unread marked, opened on click (marks it read), acknowledged in one click. */
export function WarningCard({ warning: w, open, onToggle }: { warning: Warning; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const text = useWarningText();
  const ack = useAckWarning(t('warnings.ackDone'));
  const read = useMarkRead();
  const unread = !w.mine?.readAt;
  const acked = w.mine?.ackedAt ?? null;
  const toggle = () => {
    if (!open && unread) read.mutate(w.id);
    onToggle();
  };
  return (
    <Paper withBorder p="xs" data-testid="inbox-warning" data-warning-id={w.id} data-unread={unread} data-acked={acked !== null} style={{ borderLeft: unread ? '3px solid var(--mantine-color-orange-6)' : undefined }}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Group gap="xs" wrap="nowrap" style={{ minWidth: 0, cursor: 'pointer' }} onClick={toggle}>
          <SeverityBadge level={w.severity} size="xs" />
          {w.exerciseId && <ExerciseBadge />}
          <TlpBadge tlp={w.tlp} />
          {unread && (
            <Badge size="xs" color="orange" variant="filled">
              {t('warnings.unread')}
            </Badge>
          )}
          <Text size="sm" fw={unread ? 700 : 500} truncate component="button" type="button" aria-expanded={open} style={{ background: 'none', border: 0, padding: 0, textAlign: 'left', cursor: 'pointer' }}>
            {text.title(w)}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed">
            {fmt.dateTime(w.issuedAt)}
          </Text>
          {acked ? (
            <Text size="xs" c="teal" data-testid="inbox-acked">
              {t('warnings.acked', { at: fmt.dateTime(acked) })}
            </Text>
          ) : (
            <Button size="compact-xs" onClick={() => ack.mutate(w.id)} loading={ack.isPending} data-testid="inbox-ack">
              {t('warnings.ack')}
            </Button>
          )}
        </Group>
      </Group>
      {open && (
        <Stack gap={6} mt="xs">
          <RecordExerciseBanner exerciseId={w.exerciseId} />
          <Group justify="flex-end">
            <DocumentMenu path={`/warnings/${w.id}/document`} />
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {text.body(w)}
          </Text>
          {w.actions.length > 0 && (
            <>
              <Text size="xs" fw={600}>
                {t('warnings.actionsTitle')}
              </Text>
              <List size="sm">
                {w.actions.map((a, i) => (
                  <List.Item key={i}>{text.action(a)}</List.Item>
                ))}
              </List>
            </>
          )}
          {w.indicators.length > 0 && (
            <Group gap={4}>
              <Text size="xs" fw={600}>
                {t('warnings.indicatorsTitle')}:
              </Text>
              {w.indicators.map((ind, i) => (
                <Code key={i}>{`${ind.type}: ${ind.value}`}</Code>
              ))}
            </Group>
          )}
          {w.cves.length > 0 && (
            <Text size="xs" data-testid="warning-cves">
              {w.cves.map((c) => [c.id, c.cvss !== undefined && `CVSS ${c.cvss}`, c.epss !== undefined && `EPSS ${c.epss}`, c.knownExploited && t('warnings.knownExploited')].filter(Boolean).join(' · ')).join('; ')}
            </Text>
          )}
          {(w.targeting.keywords?.length ?? 0) > 0 && (
            <Text size="xs">
              {t('warnings.form.keywords')}: {w.targeting.keywords!.join(', ')}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {t('warnings.validity', { from: fmt.dateTime(w.validFrom), until: fmt.dateTime(w.validUntil) })}
          </Text>
          {(w.targeting.provinces?.length ?? 0) > 0 && <WarningProvinces provinces={w.targeting.provinces!} />}
        </Stack>
      )}
    </Paper>
  );
}
