import { useEffect, useState } from 'react';
import { Button, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { OrgPicker } from '../orgs/OrgPicker.tsx';
import { EMPTY_FILTERS, type AuditFilterForm } from './auditFilters.ts';

/** The viewer's filters; text fields apply after a short pause in typing. */
export function AuditFilterBar({ value, onChange }: { value: AuditFilterForm; onChange: (f: AuditFilterForm) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => onChange(draft), 300);
    return () => clearTimeout(timer);
  }, [draft, onChange]);
  const set = <K extends keyof AuditFilterForm>(key: K, v: AuditFilterForm[K]) => setDraft((old) => ({ ...old, [key]: v }));
  return (
    <Group gap="xs" align="flex-end" data-testid="audit-filters">
      <TextInput size="xs" label={t('audit.filter.action')} placeholder="incident." value={draft.action} onChange={(e) => set('action', e.currentTarget.value)} data-testid="audit-filter-action" />
      <TextInput size="xs" label={t('audit.filter.actor')} value={draft.actor} onChange={(e) => set('actor', e.currentTarget.value)} data-testid="audit-filter-actor" />
      <TextInput size="xs" label={t('audit.filter.entityType')} placeholder="incident" value={draft.entityType} onChange={(e) => set('entityType', e.currentTarget.value)} />
      <TextInput size="xs" label={t('audit.filter.entityId')} value={draft.entityId} onChange={(e) => set('entityId', e.currentTarget.value)} />
      <OrgPicker size="xs" label={t('audit.filter.org')} value={draft.orgId} onChange={(id) => set('orgId', id)} />
      <TextInput size="xs" type="date" label={t('audit.filter.from')} value={draft.fromDay} onChange={(e) => set('fromDay', e.currentTarget.value)} />
      <TextInput size="xs" type="date" label={t('audit.filter.to')} value={draft.toDay} onChange={(e) => set('toDay', e.currentTarget.value)} />
      <Button size="xs" variant="subtle" onClick={() => setDraft(EMPTY_FILTERS)}>
        {t('audit.filter.clear')}
      </Button>
    </Group>
  );
}
