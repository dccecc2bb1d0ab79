import { useState } from 'react';
import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { IncidentSummary } from '@lachan/contracts';
import { api, type Page } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { useIncidentTitle } from '../incidents/madeTitle.ts';
import { incidentApi } from '../incidents/incidents.actions.ts';
import { useOrgName } from '../orgs/useOrgName.ts';

/** Adds the chosen alerts to an open incident found by its title or reference. */
export function AddToIncidentModal({ ids, opened, onClose, onDone }: { ids: string[]; opened: boolean; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const titleOf = useIncidentTitle();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search.trim(), 250);
  const [incidentId, setIncidentId] = useState<string | null>(null);
  const open = useQuery({
    queryKey: ['incidents', 'pick', query],
    queryFn: () => api.get<Page<IncidentSummary>>('/incidents', { status: 'open', q: query || undefined, limit: 20 }),
    enabled: opened,
  });
  const mutation = useApiMutation((id: string) => incidentApi.linkAlerts(id, ids), {
    invalidate: [['alerts'], ['incidents']],
    success: t('alerts.bulk.added', { count: ids.length }),
    onSuccess: () => {
      setIncidentId(null);
      onClose();
      onDone();
    },
  });
  const options = (open.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.reference} · ${titleOf(i)} (${nameOf(i.orgId, i.orgName)})` }));
  return (
    <Modal opened={opened} onClose={onClose} title={t('alerts.addToIncident.title', { count: ids.length })} size="lg">
      <Stack gap="sm">
        <Select
          label={t('alerts.addToIncident.incident')}
          placeholder={t('alerts.addToIncident.search')}
          searchable
          searchValue={search}
          onSearchChange={setSearch}
          filter={({ options: all }) => all}
          data={options}
          value={incidentId}
          onChange={setIncidentId}
          nothingFoundMessage={open.isFetching ? t('app.loading') : t('alerts.addToIncident.none')}
          data-testid="add-incident-pick"
        />
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={mutation.isPending} disabled={!incidentId} onClick={() => incidentId && mutation.mutate(incidentId)} data-testid="add-incident-confirm">
            {t('alerts.addToIncident.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
