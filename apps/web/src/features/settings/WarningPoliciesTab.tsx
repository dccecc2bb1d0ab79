import { useState } from 'react';
import { Button, Checkbox, Group, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { RemovableTable } from '../../components/RemovableTable.tsx';
import { useOrgLabels } from '../orgs/useOrgLabels.ts';
import { settingsApi, settingsKeys, useWarningPolicies } from './settings.api.ts';

const SEVERITY = ['low', 'medium', 'high', 'critical'] as const;

/** The centre's issue policies: proposals at or above a severity (optionally of one sector) issued at once, or held. */
export function WarningPoliciesTab() {
  const { t } = useTranslation();
  const labels = useOrgLabels();
  const policies = useWarningPolicies(true);
  const [severity, setSeverity] = useState('4');
  const [sector, setSector] = useState<string | null>(null);
  const [autoIssue, setAutoIssue] = useState(true);
  const create = useApiMutation(settingsApi.createPolicy, { invalidate: [settingsKeys.policies], success: t('settings.policies.saved') });
  const remove = useApiMutation(settingsApi.deletePolicy, { invalidate: [settingsKeys.policies], success: t('settings.policies.removed') });
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {t('settings.policies.intro')}
      </Text>
      {(create.error ?? remove.error) && <ErrorAlert error={create.error ?? remove.error} />}
      <Group align="flex-end" gap="xs" mb="sm" data-testid="policy-form">
        <Select size="xs" label={t('settings.policies.minSeverity')} data={SEVERITY.map((s, i) => ({ value: String(i + 1), label: t(`severity.${s}`) }))} value={severity} onChange={(v) => setSeverity(v ?? '4')} allowDeselect={false} />
        <Select size="xs" label={t('settings.policies.sector')} placeholder={t('settings.policies.anySector')} data={labels.sectorOptions} value={sector} onChange={setSector} clearable searchable />
        <Checkbox label={t('settings.policies.autoIssue')} checked={autoIssue} onChange={(e) => setAutoIssue(e.currentTarget.checked)} mb={6} />
        <Button size="xs" loading={create.isPending} onClick={() => create.mutate({ minSeverity: Number(severity), sectorCode: sector, autoIssue })} data-testid="policy-add">
          {t('settings.policies.add')}
        </Button>
      </Group>
      <QueryState query={policies}>
        {(items) => (
          <RemovableTable
            items={items}
            empty={t('settings.policies.none')}
            testId="policies-table"
            rowTestId="policy-row"
            removeLabel={t('settings.policies.remove')}
            confirm={() => ({ title: t('settings.policies.removeTitle'), message: t('settings.policies.removeConfirm') })}
            onRemove={(p) => remove.mutate(p.id)}
            removingId={remove.isPending ? remove.variables : null}
            columns={[
              { header: t('settings.policies.minSeverity'), cell: (p) => t(`severity.${SEVERITY[p.minSeverity - 1] ?? 'critical'}`) },
              { header: t('settings.policies.sector'), cell: (p) => (p.sectorCode ? labels.sector(p.sectorCode) : t('settings.policies.anySector')) },
              { header: t('settings.policies.action'), cell: (p) => t(p.autoIssue ? 'settings.policies.issueAtOnce' : 'settings.policies.hold') },
            ]}
          />
        )}
      </QueryState>
    </>
  );
}
