import { useState } from 'react';
import { Badge, Button, Group, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PromotionRule } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { useCurrentUser } from '../auth/auth.api.ts';
import { useOrgNames } from './useOrgNames.ts';
import { conditionParts } from './ruleForm.ts';
import { RuleModal } from './RuleModal.tsx';
import { settingsApi, settingsKeys, usePromotionRuleList } from './settings.api.ts';
import { useRuleName } from '../incidents/madeTitle.ts';

/** Promotion rules: which alerts open incidents; national rules are the centre's, an organisation's its admins'. */
export function PromotionRulesTab() {
  const { t } = useTranslation();
  const ruleName = useRuleName();
  const fmt = useFormat();
  const me = useCurrentUser();
  const rules = usePromotionRuleList();
  const orgName = useOrgNames();
  const [editing, setEditing] = useState<PromotionRule | 'new' | null>(null);
  const toggle = useApiMutation(settingsApi.updateRule, { invalidate: [settingsKeys.rules], success: t('settings.rules.saved') });
  const mayEdit = (r: PromotionRule) => (r.orgId === null ? me.role === 'national_coordinator' : true);
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">
          {t('settings.rules.intro')}
        </Text>
        <Button size="xs" onClick={() => setEditing('new')} data-testid="rule-new">
          {t('settings.rules.new')}
        </Button>
      </Group>
      {toggle.error && <ErrorAlert error={toggle.error} />}
      <QueryState query={rules}>
        {(items) => (
          <Table fz="sm" verticalSpacing={4} highlightOnHover data-testid="rules-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.rules.name')}</Table.Th>
                <Table.Th>{t('settings.rules.owner')}</Table.Th>
                <Table.Th>{t('settings.rules.conditions')}</Table.Th>
                <Table.Th>{t('settings.rules.updated')}</Table.Th>
                <Table.Th>{t('settings.rules.enabled')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id} data-testid="rule-row">
                  <Table.Td>
                    {mayEdit(r) ? (
                      <Button variant="subtle" size="compact-sm" onClick={() => setEditing(r)}>
                        {ruleName(r.name)}
                      </Button>
                    ) : (
                      ruleName(r.name)
                    )}
                  </Table.Td>
                  <Table.Td>{r.orgId === null ? <Badge size="sm" variant="light">{t('settings.rules.national')}</Badge> : orgName(r.orgId)}</Table.Td>
                  <Table.Td>
                    {conditionParts(r.conditions).map((p) => t(`settings.rules.part.${p.key}`, p.key === 'minSeverity' ? { severity: t(`severity.${SEVERITY[Number(p.params.severity) - 1] ?? 'critical'}`) } : p.params)).join(' · ') || t('settings.rules.anyAlert')}
                  </Table.Td>
                  <Table.Td>{fmt.dateTime(r.updatedAt)}</Table.Td>
                  <Table.Td>
                    <Switch
                      size="xs"
                      checked={r.enabled}
                      disabled={!mayEdit(r) || toggle.isPending}
                      onChange={(e) => toggle.mutate({ id: r.id, patch: { enabled: e.currentTarget.checked } })}
                      aria-label={t('settings.rules.enabled')}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {editing && <RuleModal rule={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}

const SEVERITY = ['low', 'medium', 'high', 'critical'] as const;
