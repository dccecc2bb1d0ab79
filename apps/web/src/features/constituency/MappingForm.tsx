import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CONSTITUENCY_MAPPED_FIELDS, type ConstituencyMapping, type ConstituencyMappingCreate } from '@lachan/contracts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { constituencyKeys, mappingApi } from './constituency.api.ts';

const DELIMITERS = [[',', 'comma'], [';', 'semicolon'], ['|', 'bar'], ['\t', 'tab']] as const;
const EMPTY: ConstituencyMappingCreate = { name: '', reportType: '', delimiter: ',', columns: {}, rsitClass: null, rsitType: null, severity: 2, timeZone: 'Asia/Ho_Chi_Minh' };

/** Creates or edits a CSV mapping: which column holds each field; the server validates and explains a refusal. */
export function MappingForm({ mapping, onClose }: { mapping: ConstituencyMapping | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ConstituencyMappingCreate>(() => (mapping ? { ...mapping } : EMPTY));
  const save = useApiMutation(
    (body: ConstituencyMappingCreate) => (mapping ? mappingApi.update(mapping.id, body) : mappingApi.create(body)),
    { invalidate: [constituencyKeys.mappings], success: t('constituency.mappings.saved'), onSuccess: onClose },
  );
  const set = <K extends keyof ConstituencyMappingCreate>(k: K, v: ConstituencyMappingCreate[K]) => setForm((f) => ({ ...f, [k]: v }));
  const setColumn = (field: string, value: string) =>
    setForm((f) => {
      const columns: Record<string, string> = { ...f.columns };
      if (value.trim() === '') delete columns[field];
      else columns[field] = value;
      return { ...f, columns };
    });
  const columns = form.columns as Record<string, string | undefined>;
  return (
    <Modal opened onClose={onClose} title={mapping ? t('constituency.mappings.edit') : t('constituency.mappings.create')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate(form);
        }}
      >
        <Stack gap="xs">
          {save.error && <ErrorAlert error={save.error} />}
          <SimpleGrid cols={2}>
            <TextInput required label={t('constituency.mappings.name')} value={form.name} onChange={(e) => set('name', e.currentTarget.value)} data-testid="mapping-name" />
            <TextInput required label={t('constituency.mappings.reportType')} value={form.reportType} onChange={(e) => set('reportType', e.currentTarget.value)} data-testid="mapping-report" />
            <Select
              label={t('constituency.mappings.delimiter')}
              data={DELIMITERS.map(([value, key]) => ({ value, label: t(`constituency.mappings.delimiters.${key}`) }))}
              value={form.delimiter}
              onChange={(v) => v && set('delimiter', v as ConstituencyMappingCreate['delimiter'])}
              allowDeselect={false}
            />
            <TextInput label={t('constituency.mappings.timeZone')} value={form.timeZone} onChange={(e) => set('timeZone', e.currentTarget.value)} />
            <TextInput label={t('constituency.mappings.rsitClass')} value={form.rsitClass ?? ''} onChange={(e) => set('rsitClass', e.currentTarget.value || null)} />
            <TextInput label={t('constituency.mappings.rsitType')} value={form.rsitType ?? ''} onChange={(e) => set('rsitType', e.currentTarget.value || null)} />
            <NumberInput label={t('constituency.mappings.severity')} min={1} max={4} value={form.severity} onChange={(v) => typeof v === 'number' && set('severity', v)} />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            {CONSTITUENCY_MAPPED_FIELDS.map((field) => (
              <TextInput
                key={field}
                label={t(`constituency.mappings.fields.${field}`)}
                placeholder={t('constituency.mappings.columnPlaceholder')}
                value={columns[field] ?? ''}
                onChange={(e) => setColumn(field, e.currentTarget.value)}
                data-testid={`mapping-column-${field}`}
              />
            ))}
          </SimpleGrid>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending} data-testid="mapping-save">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
