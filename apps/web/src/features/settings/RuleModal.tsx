import { useState } from 'react';
import { Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PROMOTION_GROUP_FIELDS, type PromotionGroupField, type PromotionRule } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useCurrentUser } from '../auth/auth.api.ts';
import { OrgPicker } from '../orgs/OrgPicker.tsx';
import { RulePreviewCard } from './RulePreviewCard.tsx';
import { useOrgNames } from './useOrgNames.ts';
import { conditionsOf, EMPTY_RULE, valuesOf, type RuleFormValues } from './ruleForm.ts';
import { settingsApi, settingsKeys } from './settings.api.ts';

const RSIT = ['abusive-content', 'malicious-code', 'information-gathering', 'intrusion-attempts', 'intrusions', 'availability', 'information-content-security', 'fraud', 'vulnerable', 'other', 'test'] as const;
const SEVERITY = ['low', 'medium', 'high', 'critical'] as const;

/** Creates or edits a promotion rule; "Preview" shows what it would have opened over the last 7 days before saving. */
export function RuleModal({ rule, onClose }: { rule: PromotionRule | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const centre = me.role === 'national_coordinator';
  const orgName = useOrgNames();
  const [v, setV] = useState<RuleFormValues>(rule ? valuesOf(rule) : { ...EMPTY_RULE, orgId: centre ? null : me.org.id });
  const set = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]) => setV((old) => ({ ...old, [key]: value }));
  const preview = useApiMutation(settingsApi.previewRule);
  const create = useApiMutation(settingsApi.createRule, { invalidate: [settingsKeys.rules], success: t('settings.rules.saved'), onSuccess: onClose });
  const update = useApiMutation(settingsApi.updateRule, { invalidate: [settingsKeys.rules], success: t('settings.rules.saved'), onSuccess: onClose });
  const save = () => {
    if (!v.name.trim()) return;
    if (rule) update.mutate({ id: rule.id, patch: { name: v.name.trim(), conditions: conditionsOf(v) } });
    else create.mutate({ name: v.name.trim(), orgId: v.orgId, conditions: conditionsOf(v) });
  };
  const error = create.error ?? update.error ?? preview.error;
  return (
    <Modal opened onClose={onClose} size="xl" title={t(rule ? 'settings.rules.editTitle' : 'settings.rules.newTitle')}>
      <Stack gap="xs" data-testid="rule-form">
        {error && <ErrorAlert error={error} />}
        <SimpleGrid cols={2} spacing="xs">
          <TextInput label={t('settings.rules.name')} value={v.name} onChange={(e) => set('name', e.currentTarget.value)} required data-testid="rule-name" />
          {rule ? (
            <TextInput label={t('settings.rules.owner')} value={rule.orgId === null ? t('settings.rules.national') : orgName(rule.orgId)} readOnly />
          ) : centre ? (
            <OrgPicker label={t('settings.rules.owner')} placeholder={t('settings.rules.national')} value={v.orgId} onChange={(id) => set('orgId', id)} clearable />
          ) : (
            <TextInput label={t('settings.rules.owner')} value={me.org.name} readOnly />
          )}
          <Select
            label={t('settings.rules.minSeverity')}
            data={[{ value: '', label: t('settings.rules.anySeverity') }, ...SEVERITY.map((s, i) => ({ value: String(i + 1), label: t(`severity.${s}`) }))]}
            value={v.minSeverity}
            onChange={(x) => set('minSeverity', x ?? '')}
            allowDeselect={false}
            data-testid="rule-min-severity"
          />
          <MultiSelect label={t('settings.rules.rsit')} data={RSIT.map((c) => ({ value: c, label: t(`rsit.${c}`) }))} value={v.rsitClasses} onChange={(x) => set('rsitClasses', x)} clearable />
          <TagsInput label={t('settings.rules.ruleIds')} value={v.ruleIds} onChange={(x) => set('ruleIds', x)} data-testid="rule-ids" />
          <TagsInput label={t('settings.rules.attack')} value={v.attack} onChange={(x) => set('attack', x)} placeholder="T1190" />
          <NumberInput label={t('settings.rules.countThreshold')} value={v.countThreshold} onChange={(x) => set('countThreshold', typeof x === 'number' ? x : '')} min={1} allowDecimal={false} />
          <NumberInput label={t('settings.rules.countWindow')} value={v.countWindow} onChange={(x) => set('countWindow', typeof x === 'number' ? x : '')} min={1} max={10080} allowDecimal={false} />
          <MultiSelect
            label={t('settings.rules.groupBy')}
            data={PROMOTION_GROUP_FIELDS.map((f) => ({ value: f, label: t(`settings.rules.group.${f}`) }))}
            value={v.groupBy}
            onChange={(x) => set('groupBy', x as PromotionGroupField[])}
            maxValues={4}
          />
          <NumberInput label={t('settings.rules.groupWindow')} value={v.groupWindow} onChange={(x) => set('groupWindow', typeof x === 'number' ? x : '')} min={1} max={43200} allowDecimal={false} placeholder="1440" />
        </SimpleGrid>
        {preview.data && <RulePreviewCard preview={preview.data} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="light" size="xs" loading={preview.isPending} onClick={() => preview.mutate({ orgId: rule ? rule.orgId : v.orgId, conditions: conditionsOf(v) })} data-testid="rule-preview">
            {t('settings.rules.preview')}
          </Button>
          <Button size="xs" loading={create.isPending || update.isPending} disabled={!v.name.trim()} onClick={save} data-testid="rule-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
