import { Group, SegmentedControl, TextInput } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PERIOD_PRESETS, periodOf } from './period.ts';

/** 24 hours, 7 / 30 / 90 / 180 days or a custom range, kept in the address (?days= or ?from=&to=). */
export function PeriodPicker() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period = periodOf(params);
  const update = (change: (p: URLSearchParams) => void) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        change(next);
        return next;
      },
      { replace: true },
    );
  const choose = (value: string) =>
    update((p) => {
      if (value === 'custom') {
        p.set('from', period.from);
        p.set('to', period.to);
        p.delete('days');
      } else {
        p.set('days', value);
        p.delete('from');
        p.delete('to');
      }
    });
  const setDay = (key: 'from' | 'to', value: string) => update((p) => (value ? p.set(key, value) : p.delete(key)));
  return (
    <Group gap="xs" wrap="nowrap">
      <SegmentedControl
        size="xs"
        aria-label={t('dashboard.period.label')}
        value={period.days === null ? 'custom' : String(period.days)}
        onChange={choose}
        data={[...PERIOD_PRESETS.map((d) => ({ value: String(d), label: d === 1 ? t('dashboard.period.h24') : t('dashboard.period.days', { n: d }) })), { value: 'custom', label: t('dashboard.period.custom') }]}
        data-testid="period-picker"
      />
      {period.days === null && (
        <>
          <TextInput size="xs" type="date" w={130} aria-label={t('dashboard.period.from')} value={params.get('from') ?? ''} max={params.get('to') ?? undefined} onChange={(e) => setDay('from', e.currentTarget.value)} />
          <TextInput size="xs" type="date" w={130} aria-label={t('dashboard.period.to')} value={params.get('to') ?? ''} min={params.get('from') ?? undefined} onChange={(e) => setDay('to', e.currentTarget.value)} />
        </>
      )}
    </Group>
  );
}
