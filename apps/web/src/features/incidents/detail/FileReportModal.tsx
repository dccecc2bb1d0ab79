import { useState } from 'react';
import { Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REPORT_KINDS, type IncidentDetail, type IncidentReport, type IncidentReportCreate, type ReportKind } from '@lachan/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { useFormat } from '../../../i18n/useFormat.ts';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys } from '../incidents.api.ts';
import { isoToVnLocal } from '../vnTime.ts';
import { ReportFields } from '../report/ReportFields.tsx';
import { contentToForm, formToContent, validateReportForm, type ReportFormErrors, type ReportFormValues } from '../report/reportForm.ts';

interface Props {
  incident: IncidentDetail;
  reports: IncidentReport[];
  kind: ReportKind | null;
  onClose: () => void;
}

/** Files the next version of a report (notification, update, initial, final), prefilled from the last one; updates name the previous report. */
export function FileReportModal({ incident, reports, kind: initialKind, onClose }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const last = reports.at(-1);
  const [kind, setKind] = useState<ReportKind>(initialKind ?? 'update');
  const [regimeCode, setRegimeCode] = useState<string | null>(null);
  const [values, setValues] = useState<ReportFormValues>(() => contentToForm(last?.content ?? {}, incident, isoToVnLocal(incident.discoveredAt ?? incident.createdAt)));
  const [previous, setPrevious] = useState({ number: last ? `${last.kind} v${last.version}` : '', date: last ? fmt.date(last.submittedAt) : '' });
  const [closing, setClosing] = useState({ rootCause: last?.content.rootCause ?? '', lessonsLearned: last?.content.lessonsLearned ?? '' });
  const [errors, setErrors] = useState<ReportFormErrors>({});
  const set = <K extends keyof ReportFormValues>(key: K, value: ReportFormValues[K]) => setValues((prev) => ({ ...prev, [key]: value }));
  const mutation = useApiMutation((body: IncidentReportCreate) => incidentApi.fileReport(incident.id, body), { invalidate: [incidentKeys.all], success: t('incidents.reports.filed'), onSuccess: onClose });
  const submit = () => {
    const found = validateReportForm(values, t, false);
    setErrors(found);
    if (Object.keys(found).length) return;
    const content = { ...formToContent(values) };
    if (kind !== 'notification' && previous.number.trim()) content.previousReport = { number: previous.number.trim(), date: previous.date.trim() };
    if (kind === 'final') Object.assign(content, { rootCause: closing.rootCause.trim() || undefined, lessonsLearned: closing.lessonsLearned.trim() || undefined });
    mutation.mutate({ kind, regimeCode: regimeCode ?? undefined, content });
  };
  return (
    <Modal opened={initialKind !== null} onClose={onClose} title={t('incidents.reports.file')} size="xl">
      <Stack gap="sm" data-testid="file-report">
        <SimpleGrid cols={2} spacing="sm">
          <Select size="xs" label={t('incidents.reports.kind')} data={REPORT_KINDS.map((k) => ({ value: k, label: t(`incidents.reportKinds.${k}`) }))} value={kind} onChange={(v) => v && setKind(v as ReportKind)} allowDeselect={false} data-testid="report-kind" />
          <Select size="xs" label={t('incidents.reports.regime')} placeholder={t('incidents.reports.allRegimes')} data={incident.regimes.map((r) => ({ value: r.code, label: `${r.code} — ${r.name}` }))} value={regimeCode} onChange={setRegimeCode} clearable />
        </SimpleGrid>
        {kind !== 'notification' && (
          <SimpleGrid cols={2} spacing="sm">
            <TextInput size="xs" label={t('incidents.reports.previousNumber')} value={previous.number} onChange={(e) => setPrevious({ ...previous, number: e.currentTarget.value })} />
            <TextInput size="xs" label={t('incidents.reports.previousDate')} value={previous.date} onChange={(e) => setPrevious({ ...previous, date: e.currentTarget.value })} />
          </SimpleGrid>
        )}
        <ReportFields values={values} errors={errors} set={set} />
        {kind === 'final' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Textarea size="xs" label={t('incidents.reports.rootCause')} autosize minRows={3} value={closing.rootCause} onChange={(e) => setClosing({ ...closing, rootCause: e.currentTarget.value })} />
            <Textarea size="xs" label={t('incidents.reports.lessons')} autosize minRows={3} value={closing.lessonsLearned} onChange={(e) => setClosing({ ...closing, lessonsLearned: e.currentTarget.value })} />
          </SimpleGrid>
        )}
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={submit} loading={mutation.isPending} data-testid="report-file-submit">{t('incidents.reports.submit')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
