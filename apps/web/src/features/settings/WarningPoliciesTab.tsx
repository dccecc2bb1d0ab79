import { useState } from 'react';
import { Button, Checkbox, Group, Select, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WarningPolicy } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { useOrgLabels } from '../orgs/useOrgLabels.ts';
import { settingsApi, settingsKeys, useWarningPolicies } from './settings.api.ts';

const SEVERITY = ['low', 'medium', 'high', 'critical'] as const;

/** The centre's issue policies: proposals at or above a severity (optionally of one sector) issued at once, or held. */
export function WarningPoliciesTab() {
  const { t } = useTranslation();
  const labels = useOrgLabels();
  const policies = useWarningPolicies(true);
  const { confirm, modal } = useConfirm();
  const [severity, setSeverity] = useState('4');
  const [sector, setSector] = useState<string | null>(null);
  const [autoIssue, setAutoIssue] = useState(true);
  const create = useApiMutation(settingsApi.createPolicy, { invalidate: [settingsKeys.policies], success: t('settings.policies.saved') });
  const remove = useApiMutation(settingsApi.deletePolicy, { invalidate: [settingsKeys.policies], success: t('settings.policies.removed') });
  const ask = async (p: WarningPolicy) => {
    if (await confirm({ title: t('settings.policies.removeTitle'), message: t('settings.policies.removeConfirm'), confirmLabel: t('settings.policies.remove'), danger: true })) remove.mutate(p.id);
  };
  return (
    <>
      {modal}
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
        {(items) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('settings.policies.none')}
            </Text>
          ) : (
            <Table fz="sm" verticalSpacing={4} data-testid="policies-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('settings.policies.minSeverity')}</Table.Th>
                  <Table.Th>{t('settings.policies.sector')}</Table.Th>
                  <Table.Th>{t('settings.policies.action')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id} data-testid="policy-row">
                    <Table.Td>{t(`severity.${SEVERITY[p.minSeverity - 1] ?? 'critical'}`)}</Table.Td>
                    <Table.Td>{p.sectorCode ? labels.sector(p.sectorCode) : t('settings.policies.anySector')}</Table.Td>
                    <Table.Td>{t(p.autoIssue ? 'settings.policies.issueAtOnce' : 'settings.policies.hold')}</Table.Td>
                    <Table.Td ta="right">
                      <Button size="compact-xs" variant="light" color="red" onClick={() => void ask(p)}>
                        {t('settings.policies.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )
        }
      </QueryState>
    </>
  );
}
