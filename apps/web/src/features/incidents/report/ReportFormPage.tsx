import { useState } from 'react';
import { Anchor, Breadcrumbs, Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, TLP_LEVELS, type IncidentCreate, type Tlp } from '@lachan/contracts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { useApiMutation } from '../../../api/useApiMutation.ts';
import { useCurrentUser } from '../../auth/auth.api.ts';
import { OrgPicker } from '../../orgs/OrgPicker.tsx';
import { incidentApi } from '../incidents.actions.ts';
import { incidentKeys } from '../incidents.api.ts';
import { isoToVnLocal } from '../vnTime.ts';
import { ReportFields } from './ReportFields.tsx';
import { emptyReportForm, formToCreate, validateReportForm, type ReportFormErrors, type ReportFormValues } from './reportForm.ts';
import { useOrgName } from '../../orgs/useOrgName.ts';

/** "/incidents/new": an organisation notifies an incident with the Circular 20 form; the server opens it and starts its clocks. */
export function ReportFormPage() {
  const { t } = useTranslation();
  const nameOf = useOrgName();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const orgName = (id: string | null) => nameOf(id);
  const [orgId, setOrgId] = useState<string | null>(me.org.id);
  const [values, setValues] = useState<ReportFormValues>(() => emptyReportForm({ unitName: me.org.name, name: me.name, email: me.email }, isoToVnLocal(new Date())));
  const [errors, setErrors] = useState<ReportFormErrors>({});
  const set = <K extends keyof ReportFormValues>(key: K, value: ReportFormValues[K]) => {
    setValues((prev) => ({ ...prev, [key]: value }));
    setErrors((prev) => ({ ...prev, [key]: undefined }));
  };
  const create = useApiMutation((body: IncidentCreate) => incidentApi.create(body), {
    invalidate: [incidentKeys.all],
    success: t('incidents.report.sent'),
    onSuccess: (incident) => void navigate(`/incidents/${incident.id}`),
  });
  const submit = () => {
    const found = validateReportForm(values, t, true);
    setErrors(found);
    if (Object.keys(found).length > 0 || !orgId) {
      document.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    create.mutate(formToCreate(values, orgId));
  };

  return (
    <Stack gap="sm" maw={1100} data-testid="report-form">
      <Breadcrumbs separator="›" fz="xs">
        <Anchor component={Link} to="/incidents" size="xs">{t('incidents.title')}</Anchor>
        <Text size="xs">{t('incidents.report.title')}</Text>
      </Breadcrumbs>
      <div>
        <Title order={2} size="h3">{t('incidents.report.title')}</Title>
        <Text size="sm" c="dimmed">{t('incidents.report.intro')}</Text>
      </div>
      <form noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
        <Stack gap="sm">
          <Fieldset legend={t('incidents.report.sections.incidentHeader')} variant="filled" p="sm">
            <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm" verticalSpacing="xs">
              <div style={{ gridColumn: 'span 2' }}>
                <TextInput size="xs" label={t('incidents.report.fields.title')} value={values.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} required data-testid="report-title" />
              </div>
              <OrgPicker size="xs" label={t('incidents.report.fields.org')} value={orgId} onChange={(id) => { setOrgId(id); if (id) set('unitName', orgName(id)); }} clearable={false} required testId="report-org" />
              <SimpleGrid cols={2} spacing="xs">
                <Select size="xs" label={t('incidents.columns.severity')} data={SEVERITIES.map((s, i) => ({ value: String(i + 1), label: t(`severity.${s}`) }))} value={values.severity} onChange={(v) => v && set('severity', v)} allowDeselect={false} data-testid="report-severity" />
                <Select size="xs" label="TLP" data={TLP_LEVELS.map((l) => ({ value: l, label: `TLP:${l}` }))} value={values.tlp} onChange={(v) => v && set('tlp', v as Tlp)} allowDeselect={false} data-testid="report-tlp" />
              </SimpleGrid>
            </SimpleGrid>
          </Fieldset>
          <ReportFields values={values} errors={errors} set={set} />
          {create.error && <ErrorAlert error={create.error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" component={Link} to="/incidents">{t('common.cancel')}</Button>
            <Button type="submit" loading={create.isPending} data-testid="report-submit">{t('incidents.report.submit')}</Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
