import { Alert, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PromotionRulePreview } from '@lachan/contracts';
import { useFormat } from '../../i18n/useFormat.ts';
import { useOrgNames } from './useOrgNames.ts';

/** What a rule would have opened over the last days: totals, then its busiest groups. */
export function RulePreviewCard({ preview }: { preview: PromotionRulePreview }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const orgName = useOrgNames();
  return (
    <Alert variant="light" color={preview.incidents > 0 ? 'orange' : 'gray'} title={t('settings.rules.previewTitle', { days: preview.days })} data-testid="rule-preview-result">
      <Text size="sm">
        {t('settings.rules.previewSummary', { count: preview.incidents, incidents: fmt.number(preview.incidents), matched: fmt.number(preview.alertsMatched), scanned: fmt.number(preview.alertsScanned) })}
      </Text>
      {preview.truncated && (
        <Text size="xs" c="dimmed">
          {t('settings.rules.previewTruncated')}
        </Text>
      )}
      {preview.groups.length > 0 && (
        <Table fz="xs" mt="xs" verticalSpacing={2}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.rules.previewOrg')}</Table.Th>
              <Table.Th>{t('settings.rules.previewGroup')}</Table.Th>
              <Table.Th ta="right">{t('settings.rules.previewAlerts')}</Table.Th>
              <Table.Th ta="right">{t('settings.rules.previewIncidents')}</Table.Th>
              <Table.Th>{t('settings.rules.previewLast')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.groups.map((g, i) => (
              <Table.Tr key={i} data-testid="rule-preview-group">
                <Table.Td>{orgName(g.orgId)}</Table.Td>
                <Table.Td>{Object.values(g.label).join(' · ') || '—'}</Table.Td>
                <Table.Td ta="right">{fmt.number(g.alerts)}</Table.Td>
                <Table.Td ta="right">{fmt.number(g.incidents)}</Table.Td>
                <Table.Td>{fmt.dateTime(g.lastSeen)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Alert>
  );
}
