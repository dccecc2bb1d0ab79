import { useState } from 'react';
import { Badge, Button, Group, Switch, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportingRegime } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useCurrentUser } from '../auth/auth.api.ts';
import { RegimeModal } from './RegimeModal.tsx';
import { settingsApi, settingsKeys, useRegimeList } from './settings.api.ts';

/** Reporting regimes (laws and their clocks): everyone reads them, the centre edits them. */
export function RegimesTab() {
  const { t, i18n } = useTranslation();
  const me = useCurrentUser();
  const centre = me.role === 'national_coordinator';
  const regimes = useRegimeList();
  const [editing, setEditing] = useState<ReportingRegime | 'new' | null>(null);
  const toggle = useApiMutation(settingsApi.updateRegime, { invalidate: [settingsKeys.regimes], success: t('settings.regimes.saved') });
  return (
    <>
      <Group justify="space-between" mb="xs">
        <Text size="sm" c="dimmed">
          {t(centre ? 'settings.regimes.introCentre' : 'settings.regimes.introOrg')}
        </Text>
        {centre && (
          <Button size="xs" onClick={() => setEditing('new')} data-testid="regime-new">
            {t('settings.regimes.new')}
          </Button>
        )}
      </Group>
      {toggle.error && <ErrorAlert error={toggle.error} />}
      <QueryState query={regimes}>
        {(items) => (
          <Table fz="sm" verticalSpacing={4} data-testid="regimes-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('settings.regimes.name')}</Table.Th>
                <Table.Th>{t('settings.regimes.legalBasis')}</Table.Th>
                <Table.Th>{t('settings.regimes.rules')}</Table.Th>
                <Table.Th>{t('settings.regimes.effective')}</Table.Th>
                <Table.Th>{t('settings.regimes.active')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id} data-testid="regime-row">
                  <Table.Td>
                    {centre ? (
                      <Button variant="subtle" size="compact-sm" onClick={() => setEditing(r)}>
                        {i18n.language === 'en' ? r.nameEn : r.name}
                      </Button>
                    ) : (
                      i18n.language === 'en' ? r.nameEn : r.name
                    )}
                    <Badge size="xs" variant="outline" ml={4}>{r.code}</Badge>
                  </Table.Td>
                  <Table.Td>{r.legalBasis || '—'}</Table.Td>
                  <Table.Td>
                    {r.rules.map((rule) => t('settings.regimes.rule', { kind: rule.kind, amount: rule.amount, unit: t(`settings.regimes.unit.${rule.unit}`), trigger: t(`settings.regimes.trigger.${rule.trigger}`) })).join('; ')}
                  </Table.Td>
                  <Table.Td>
                    {r.effectiveFrom}
                    {r.effectiveTo ? ` → ${r.effectiveTo}` : ''}
                  </Table.Td>
                  <Table.Td>
                    <Switch size="xs" checked={r.active} disabled={!centre || toggle.isPending} onChange={(e) => toggle.mutate({ id: r.id, patch: { active: e.currentTarget.checked } })} aria-label={t('settings.regimes.active')} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </QueryState>
      {editing && <RegimeModal regime={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
