import { useState } from 'react';
import { Button, Group, Modal, NumberInput, Select, Stack, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SystemLayers, SystemLayersPut } from '@lachan/contracts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgPicker } from '../orgs/index.ts';
import { usePutLayers } from './systems.api.ts';

/** The layers the owner declares (the fourth is measured). */
export type DeclaredLayer = 'onSite' | 'monitoring' | 'assessment';

const today = () => new Date().toISOString().slice(0, 10);
const RESULTS = ['passed', 'passed_with_findings', 'failed'] as const;

/** Edits one declared layer: its facts, the evidence and the day it was recorded. */
export function LayerEditModal({ systemId, layer, layers, onClose }: { systemId: string; layer: DeclaredLayer; layers: SystemLayers; onClose: () => void }) {
  const { t } = useTranslation();
  const current = layers[layer].record;
  const [evidence, setEvidence] = useState(current?.evidence ?? '');
  const [recordedOn, setRecordedOn] = useState(today());
  const [unit, setUnit] = useState(layers.onSite.unit ?? '');
  const [contact, setContact] = useState(layers.onSite.contact ?? '');
  const [staff, setStaff] = useState<number | null>(layers.onSite.staff);
  const [contractFrom, setContractFrom] = useState(layers.monitoring.contractFrom ?? '');
  const [contractTo, setContractTo] = useState(layers.monitoring.contractTo ?? '');
  const [note, setNote] = useState(layers.monitoring.note ?? '');
  const [assessor, setAssessor] = useState(layers.assessment.assessor ?? '');
  const [assessorOrgId, setAssessorOrgId] = useState<string | null>(layers.assessment.assessorOrgId);
  const [date, setDate] = useState(layers.assessment.date ?? '');
  const [result, setResult] = useState<string | null>(layers.assessment.result);
  const put = usePutLayers(systemId, t('common.saved'), onClose);
  const common = { evidence: evidence.trim() || null, recordedOn };
  const body = (): SystemLayersPut => {
    if (layer === 'onSite') return { onSite: { unit: unit.trim(), contact: contact.trim(), staff, ...common } };
    if (layer === 'monitoring') return { monitoring: { contractFrom: contractFrom || null, contractTo: contractTo || null, note: note.trim() || null, ...common } };
    return { assessment: { assessor: assessor.trim(), assessorOrgId, date, result: (result ?? 'passed') as (typeof RESULTS)[number], ...common } };
  };
  return (
    <Modal opened onClose={onClose} title={t('systems.layers.editTitle', { layer: t(`systems.layers.${layer}`) })}>
      <form onSubmit={(e) => { e.preventDefault(); put.mutate(body()); }} data-testid="layer-form">
        <Stack gap="xs">
          {layer === 'onSite' && (
            <>
              <TextInput label={t('systems.layers.unit')} value={unit} onChange={(e) => setUnit(e.currentTarget.value)} required minLength={2} data-testid="layer-unit" />
              <TextInput label={t('systems.layers.contact')} description={t('systems.layers.contactHint')} value={contact} onChange={(e) => setContact(e.currentTarget.value)} required minLength={3} data-testid="layer-contact" />
              <NumberInput label={t('systems.layers.staff')} min={0} value={staff ?? ''} onChange={(v) => setStaff(typeof v === 'number' ? v : null)} />
            </>
          )}
          {layer === 'monitoring' && (
            <>
              <Group grow>
                <TextInput type="date" label={t('systems.layers.contractFrom')} value={contractFrom} onChange={(e) => setContractFrom(e.currentTarget.value)} />
                <TextInput type="date" label={t('systems.layers.contractTo')} value={contractTo} onChange={(e) => setContractTo(e.currentTarget.value)} />
              </Group>
              <Textarea label={t('systems.layers.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
            </>
          )}
          {layer === 'assessment' && (
            <>
              <TextInput label={t('systems.layers.assessor')} value={assessor} onChange={(e) => setAssessor(e.currentTarget.value)} required minLength={2} />
              <OrgPicker label={t('systems.layers.assessorOrg')} value={assessorOrgId} onChange={setAssessorOrgId} />
              <TextInput type="date" label={t('systems.layers.date')} value={date} max={today()} onChange={(e) => setDate(e.currentTarget.value)} required />
              <Select label={t('systems.layers.result')} data={RESULTS.map((r) => ({ value: r, label: t(`systems.assessmentResult.${r}`) }))} value={result} onChange={setResult} required allowDeselect={false} />
            </>
          )}
          <TextInput label={t('systems.layers.evidence')} description={t('systems.layers.evidenceHint')} value={evidence} onChange={(e) => setEvidence(e.currentTarget.value)} maxLength={2000} data-testid="layer-evidence" />
          <TextInput type="date" label={t('systems.layers.recordedOn')} value={recordedOn} max={today()} onChange={(e) => setRecordedOn(e.currentTarget.value)} required />
          {put.error && <ErrorAlert error={put.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={put.isPending} data-testid="layer-save">{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
