import { useEffect, useState } from 'react';
import { Button, Checkbox, Group, NumberInput, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Retention } from '@lachan/contracts';
import { api } from '../../api/client.ts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { settingsApi, settingsKeys } from './settings.api.ts';

/** How long alerts and quarantined records are kept (the centre's); applied every hour. */
export function RetentionTab() {
  const { t } = useTranslation();
  const retention = useQuery({ queryKey: settingsKeys.retention, queryFn: () => api.get<Retention>('/retention') });
  return (
    <Stack gap="xs" maw={560}>
      <Text size="sm" c="dimmed">
        {t('settings.retention.intro')}
      </Text>
      <QueryState query={retention}>{(data) => <RetentionForm saved={data} />}</QueryState>
    </Stack>
  );
}

/** One kept-for field: a number of days, or "for ever". */
function DaysField({ label, min, value, onChange, testId }: { label: string; min: number; value: number | null; onChange: (v: number | null) => void; testId: string }) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="xs">
      <NumberInput size="xs" w={160} label={label} min={min} max={3650} allowDecimal={false} disabled={value === null} value={value ?? ''} onChange={(v) => onChange(typeof v === 'number' ? v : min)} data-testid={testId} />
      <Checkbox size="xs" mb={6} label={t('settings.retention.forever')} checked={value === null} onChange={(e) => onChange(e.currentTarget.checked ? null : min * 6)} />
    </Group>
  );
}

function RetentionForm({ saved }: { saved: Retention }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [alertDays, setAlertDays] = useState(saved.alertDays);
  const [quarantineDays, setQuarantineDays] = useState(saved.quarantineDays);
  useEffect(() => {
    setAlertDays(saved.alertDays);
    setQuarantineDays(saved.quarantineDays);
  }, [saved]);
  const save = useApiMutation(settingsApi.setRetention, { invalidate: [settingsKeys.retention], success: t('settings.retention.saved') });
  return (
    <Stack gap="xs" data-testid="retention-form">
      {save.error && <ErrorAlert error={save.error} />}
      <DaysField label={t('settings.retention.alertDays')} min={30} value={alertDays} onChange={setAlertDays} testId="retention-alert-days" />
      <DaysField label={t('settings.retention.quarantineDays')} min={7} value={quarantineDays} onChange={setQuarantineDays} testId="retention-quarantine-days" />
      <Text size="xs" c="dimmed">
        {t('settings.retention.kept')}
      </Text>
      <Group gap="xs">
        <Button size="xs" loading={save.isPending} onClick={() => save.mutate({ alertDays, quarantineDays })} data-testid="retention-save">
          {t('common.save')}
        </Button>
        {saved.updatedBy && (
          <Text size="xs" c="dimmed">
            {t('settings.retention.updated', { by: saved.updatedBy, at: fmt.dateTime(saved.updatedAt) })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
