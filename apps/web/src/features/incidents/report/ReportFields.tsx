import type { ReactNode } from 'react';
import { Checkbox, Fieldset, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RSIT_CLASSES, useRsitLabel } from '../../alerts/alertLabels.ts';
import { foldedFilter } from '../../orgs/OrgPicker.tsx';
import type { ReportFormErrors, ReportFormValues } from './reportForm.ts';

type Setter = <K extends keyof ReportFormValues>(key: K, value: ReportFormValues[K]) => void;
interface Props {
  values: ReportFormValues;
  errors: ReportFormErrors;
  set: Setter;
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <Fieldset legend={legend} variant="filled" p="sm">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        {children}
      </SimpleGrid>
    </Fieldset>
  );
}

/** The Circular 20 notification fields (reporting unit, focal point, system, times, class, facts, actions, support). */
export function ReportFields({ values: v, errors: e, set }: Props) {
  const { t } = useTranslation();
  const rsit = useRsitLabel();
  const l = (key: string) => t(`incidents.report.fields.${key}` as 'incidents.report.fields.unitName');
  const text = (key: keyof ReportFormValues & string, props: { required?: boolean; type?: string; description?: string } = {}) => (
    <TextInput size="xs" label={l(key)} value={v[key] as string} onChange={(ev) => set(key, ev.currentTarget.value as never)} error={e[key]} name={key} data-testid={`report-${key}`} {...props} />
  );
  const area = (key: keyof ReportFormValues & string, props: { required?: boolean; description?: string; minRows?: number } = {}) => (
    <Textarea size="xs" label={l(key)} value={v[key] as string} onChange={(ev) => set(key, ev.currentTarget.value as never)} error={e[key]} autosize minRows={props.minRows ?? 2} maxRows={12} name={key} required={props.required} description={props.description} data-testid={`report-${key}`} style={{ gridColumn: '1 / -1' }} />
  );
  return (
    <Stack gap="sm">
      <Group legend={t('incidents.report.sections.reporter')}>
        {text('unitName', { required: true })}
        {text('unitAddress')}
        {text('fpName', { required: true })}
        {text('fpPosition')}
        {text('fpPhone', { type: 'tel', description: t('incidents.report.contactHint') })}
        {text('fpEmail', { type: 'email' })}
      </Group>
      <Group legend={t('incidents.report.sections.system')}>
        {text('sysName', { required: true })}
        <Select
          size="xs"
          label={l('securityLevel')}
          description={t('incidents.report.securityLevelHint')}
          data={[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t('incidents.report.level', { n }) }))}
          value={v.sysLevel}
          onChange={(x) => set('sysLevel', x)}
          clearable
          data-testid="report-sysLevel"
        />
        {text('sysOwner')}
        {text('sysOperator')}
        {text('sysFunction')}
        {text('sysLocation')}
      </Group>
      <Group legend={t('incidents.report.sections.incident')}>
        {text('discoveredAt', { required: true, type: 'datetime-local', description: t('incidents.report.vnTime') })}
        {text('occurredAt', { type: 'datetime-local', description: t('incidents.report.vnTime') })}
        <Select size="xs" label={l('category')} data={RSIT_CLASSES.map((c) => ({ value: c, label: rsit(c) }))} value={v.category} onChange={(x) => set('category', x)} error={e.category} required searchable filter={foldedFilter} data-testid="report-category" />
        <Select
          size="xs"
          label={l('status')}
          data={(['ongoing', 'contained', 'resolved'] as const).map((s) => ({ value: s, label: t(`incidents.report.statuses.${s}`) }))}
          value={v.status}
          onChange={(x) => set('status', x as ReportFormValues['status'])}
          error={e.status}
          required
          data-testid="report-status"
        />
        {area('description', { required: true, minRows: 4 })}
        {area('scopeImpact')}
        {area('suspectedSource')}
        {area('iocs', { description: t('incidents.report.iocsHint'), minRows: 3 })}
      </Group>
      <Group legend={t('incidents.report.sections.response')}>
        {area('actionsTaken', { minRows: 3 })}
        <Checkbox
          label={l('beyondCapacity')}
          description={t('incidents.report.beyondCapacityHint')}
          checked={v.beyondCapacity}
          onChange={(ev) => set('beyondCapacity', ev.currentTarget.checked)}
          data-testid="report-beyondCapacity"
          style={{ gridColumn: '1 / -1' }}
        />
        {area('supportRequested')}
      </Group>
    </Stack>
  );
}
