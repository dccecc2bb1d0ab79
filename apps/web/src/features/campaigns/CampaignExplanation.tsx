import { Alert, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, CampaignReason } from '@lachan/contracts';
import { useFormat } from '../../i18n/useFormat.ts';

/** Parameters the server leaves out for readers outside the centre (counts, values) read as an ellipsis. */
const HIDDEN = { count: '…', values: '…', hits: '…', base: '…', value: '…', orgs: '…', alerts: '…', network: '…' };

/** A reason or factor in the reader's language (an unknown code reads as itself). */
export function useReasonText(): (group: 'factor' | 'reason', r: CampaignReason) => string {
  const { t } = useTranslation();
  return (group, r) => t(`campaignClusters.${group}.${r.code}` as never, { ...HIDDEN, ...r.params, defaultValue: r.code });
}

/** Why the engine is as confident as it is, from the campaign's evidence. */
export function CampaignWhy({ campaign: c }: { campaign: CampaignDetail }) {
  const text = useReasonText();
  const { t } = useTranslation();
  return (
    <Stack gap={4} data-testid="campaign-why">
      {c.status === 'retracted' && c.retractedReasons && (
        <Alert color="gray" title={t('campaignClusters.retracted')} data-testid="campaign-retracted">
          <List size="sm">{c.retractedReasons.map((r, i) => <List.Item key={i}>{text('reason', r)}</List.Item>)}</List>
        </Alert>
      )}
      <List size="sm">
        {c.explanation.factors.map((f) => <List.Item key={f.code}>{text('factor', f)}</List.Item>)}
      </List>
    </Stack>
  );
}

/** What happened to the campaign: detected, merges, splits, retraction, each with why. */
export function CampaignHistory({ campaign: c }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const text = useReasonText();
  if (!c.history.length) return <Text size="sm" c="dimmed">{t('campaignClusters.noHistory')}</Text>;
  return (
    <Stack gap={6} data-testid="campaign-history">
      {c.history.map((h, i) => (
        <div key={i} data-action={h.action}>
          <Text size="sm">
            <Text span size="xs" c="dimmed">{fmt.dateTime(h.at)}</Text> · {t(`campaignClusters.action.${h.action}`)}
          </Text>
          {h.action !== 'detected' && h.reasons.map((r, j) => <Text key={j} size="xs" c="dimmed" pl="md">{text('reason', r)}</Text>)}
        </div>
      ))}
    </Stack>
  );
}
