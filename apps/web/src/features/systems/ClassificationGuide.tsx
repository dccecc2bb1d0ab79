import { useState } from 'react';
import { Alert, Badge, Button, Checkbox, Divider, Group, List, Modal, MultiSelect, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SYSTEM_DATA_CLASSES, SYSTEM_FUNCTION_TYPES, type ClassificationAnswers, type ClassificationResult } from '@lachan/contracts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useClassify } from './systems.api.ts';

const SCOPES = ['none', 'one_org', 'sector_or_province', 'national'] as const;
const WORKS = ['none', 'grade_2_to_4', 'grade_1_or_special', 'national_security'] as const;

/** One component's answers, as the guide's form keeps them. */
function ComponentForm({ value, onChange, index, onRemove }: { value: ClassificationAnswers; onChange: (v: ClassificationAnswers) => void; index: number; onRemove?: () => void }) {
  const { t } = useTranslation();
  const set = (patch: Partial<ClassificationAnswers>) => onChange({ ...value, ...patch });
  return (
    <Paper withBorder p="xs" data-testid="guide-component">
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600} size="sm">{t('systems.guide.component', { n: index + 1 })}</Text>
          {onRemove && <Button size="compact-xs" variant="subtle" color="red" onClick={onRemove}>{t('common.remove')}</Button>}
        </Group>
        <TextInput size="xs" label={t('systems.guide.label')} value={value.label ?? ''} onChange={(e) => set({ label: e.currentTarget.value || undefined })} />
        <Select size="xs" label={t('systems.guide.q.functionType')} data={SYSTEM_FUNCTION_TYPES.map((f) => ({ value: f, label: t(`systems.functionType.${f}`) }))}
          value={value.functionType} onChange={(v) => v && set({ functionType: v as ClassificationAnswers['functionType'] })} allowDeselect={false} data-testid="guide-function" />
        <MultiSelect size="xs" label={t('systems.guide.q.dataClasses')} data={SYSTEM_DATA_CLASSES.map((c) => ({ value: c, label: t(`systems.dataClass.${c}`) }))}
          value={value.dataClasses} onChange={(v) => set({ dataClasses: v as ClassificationAnswers['dataClasses'] })} data-testid="guide-data-classes" comboboxProps={{ withinPortal: true }} />
        <Select size="xs" label={t('systems.guide.q.onlineServiceLevel')} data={['0', '1', '2', '3', '4'].map((n) => ({ value: n, label: n === '0' ? t('systems.guide.none') : t('systems.guide.serviceLevel', { n }) }))}
          value={String(value.onlineServiceLevel ?? 0)} onChange={(v) => set({ onlineServiceLevel: Number(v ?? 0) })} allowDeselect={false} />
        <NumberInput size="xs" label={t('systems.guide.q.personalDataUsers')} min={0} value={value.personalDataUsers ?? ''} onChange={(v) => set({ personalDataUsers: typeof v === 'number' ? v : undefined })} thousandSeparator="." decimalSeparator="," data-testid="guide-users" />
        <Select size="xs" label={t('systems.guide.q.infrastructureScope')} data={SCOPES.map((s) => ({ value: s, label: t(`systems.guide.scope.${s}`) }))}
          value={value.infrastructureScope ?? 'none'} onChange={(v) => set({ infrastructureScope: (v ?? 'none') as ClassificationAnswers['infrastructureScope'] })} allowDeselect={false} />
        <Select size="xs" label={t('systems.guide.q.controlledWorks')} data={WORKS.map((s) => ({ value: s, label: t(`systems.guide.works.${s}`) }))}
          value={value.controlledWorks ?? 'none'} onChange={(v) => set({ controlledWorks: (v ?? 'none') as ClassificationAnswers['controlledWorks'] })} allowDeselect={false} />
        <Checkbox size="xs" label={t('systems.guide.q.conditionalBusiness')} checked={value.conditionalBusiness ?? false} onChange={(e) => set({ conditionalBusiness: e.currentTarget.checked })} />
        <Checkbox size="xs" label={t('systems.guide.q.nationalEgov247')} checked={value.nationalEgov247 ?? false} onChange={(e) => set({ nationalEgov247: e.currentTarget.checked })} />
        <Checkbox size="xs" label={t('systems.guide.q.nationalSectorSystem')} checked={value.nationalSectorSystem ?? false} onChange={(e) => set({ nationalSectorSystem: e.currentTarget.checked })} data-testid="guide-national-sector" />
        <Checkbox size="xs" label={t('systems.guide.q.servesDefenceSecurity')} checked={value.servesDefenceSecurity ?? false} onChange={(e) => set({ servesDefenceSecurity: e.currentTarget.checked })} />
      </Stack>
    </Paper>
  );
}

/** The proposed level and why, reason by reason. */
function GuideResult({ result }: { result: ClassificationResult }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" data-testid="guide-result" data-level={result.level}>
      <Stack gap={4}>
        <Title order={4} size="h5">{t('systems.guide.proposed', { n: result.level })}</Title>
        <List size="xs" spacing={2}>
          {result.reasons.map((r, i) => (
            <List.Item key={i} data-testid="guide-reason">
              {t(`systems.reason.${r.code}`, { defaultValue: r.code, ...r.params })}
              {' '}<Text span size="xs" c="dimmed">({r.article}; {t('systems.guide.componentShort', { n: r.component + 1 })}; {t('systems.levelN', { n: r.level })})</Text>
              {r.unconfirmed && <Badge ml={4} size="xs" color="yellow" variant="outline">{t('systems.guide.unconfirmed')}</Badge>}
            </List.Item>
          ))}
        </List>
        <Text size="xs">{t('systems.guide.approver')}: {t(`systems.authority.${result.approvalAuthority}`, { defaultValue: result.approvalAuthority })}</Text>
        {result.criticalSuggested && <Text size="xs" c="red">{t('systems.guide.criticalSuggested')}</Text>}
      </Stack>
    </Alert>
  );
}

const blank = (functionType: ClassificationAnswers['functionType']): ClassificationAnswers => ({ functionType, dataClasses: [] });

/**
 * The Decree 85 classification guide: the questions for each component, the level the server proposes
 * (the highest component wins) with its reasons, and a button to take it into the form.
 */
export function ClassificationGuide({ initial, onApply, onClose }: {
  initial: Pick<ClassificationAnswers, 'functionType' | 'dataClasses'>;
  onApply: (result: ClassificationResult) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [components, setComponents] = useState<ClassificationAnswers[]>([{ ...blank(initial.functionType), dataClasses: initial.dataClasses }]);
  const classify = useClassify();
  const update = (i: number, v: ClassificationAnswers) => { setComponents((cs) => cs.map((c, j) => (j === i ? v : c))); classify.reset(); };
  return (
    <Modal opened onClose={onClose} title={t('systems.guide.title')} size="lg">
      <Stack gap="sm" data-testid="classification-guide">
        <Text size="xs" c="dimmed">{t('systems.guide.intro')}</Text>
        {components.map((c, i) => (
          <ComponentForm key={i} index={i} value={c} onChange={(v) => update(i, v)} onRemove={components.length > 1 ? () => setComponents((cs) => cs.filter((_, j) => j !== i)) : undefined} />
        ))}
        <Group>
          <Button size="xs" variant="default" onClick={() => setComponents((cs) => [...cs, blank(initial.functionType)])}>{t('systems.guide.addComponent')}</Button>
          <Button size="xs" onClick={() => classify.mutate(components)} loading={classify.isPending} data-testid="guide-propose">{t('systems.guide.propose')}</Button>
        </Group>
        {classify.error && <ErrorAlert error={classify.error} />}
        {classify.data && (
          <>
            <Divider />
            <GuideResult result={classify.data} />
            <Group justify="flex-end">
              <Button size="xs" onClick={() => onApply(classify.data)} data-testid="guide-apply">{t('systems.guide.apply', { n: classify.data.level })}</Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
