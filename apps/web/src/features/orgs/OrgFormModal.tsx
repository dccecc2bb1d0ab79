import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ORG_KINDS, type Organization, type OrgPatch } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { emptyOrgForm, formToCreate, formToPatch, orgToForm, validateOrgForm, type OrgFormErrors, type OrgFormValues } from './orgForm.ts';
import { OrgPicker } from './OrgPicker.tsx';
import { orgApi, orgKeys } from './orgs.api.ts';
import { useOrgLabels } from './useOrgLabels.ts';

export type OrgFormMode = { type: 'create'; parentId: string | null } | { type: 'edit'; org: Organization };

interface OrgFormModalProps {
  opened: boolean;
  onClose: () => void;
  mode: OrgFormMode;
}

/** Creates an organisation (optionally under a parent) or edits one; only changed fields are sent. */
export function OrgFormModal({ opened, onClose, mode }: OrgFormModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={mode.type === 'edit' ? t('orgs.form.editTitle') : t('orgs.form.createTitle')} size="lg">
      <OrgForm mode={mode} onClose={onClose} />
    </Modal>
  );
}

/** The form itself; mounted each time the modal opens, so it starts from the current record. */
function OrgForm({ onClose, mode }: Omit<OrgFormModalProps, 'opened'>) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = useOrgLabels();
  const [values, setValues] = useState<OrgFormValues>(() => (mode.type === 'edit' ? orgToForm(mode.org) : emptyOrgForm(mode.parentId)));
  const [errors, setErrors] = useState<OrgFormErrors>({});
  const orgId = mode.type === 'edit' ? mode.org.id : '';

  const create = useApiMutation(orgApi.create, {
    invalidate: [['orgs']],
    success: t('orgs.form.created'),
    onSuccess: (org) => {
      onClose();
      void navigate(`/orgs/${org.id}`);
    },
  });
  const update = useApiMutation((patch: OrgPatch) => orgApi.update(orgId, patch), {
    invalidate: [['orgs'], orgKeys.detail(orgId)],
    success: t('common.saved'),
    onSuccess: onClose,
  });
  const mutation = mode.type === 'edit' ? update : create;

  const field = <K extends keyof OrgFormValues>(key: K) => (value: OrgFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const text = (key: 'name' | 'nameEn' | 'shortName' | 'website' | 'incidentReceptionEmail' | 'address') => ({
    value: values[key],
    onChange: (e: { currentTarget: { value: string } }) => field(key)(e.currentTarget.value),
    error: errors[key],
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateOrgForm(values, t);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (mode.type === 'edit') {
      const patch = formToPatch(values, mode.org);
      if (Object.keys(patch).length === 0) {
        notifications.show({ message: t('common.unchanged') });
        onClose();
        return;
      }
      update.mutate(patch);
    } else create.mutate(formToCreate(values));
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {mutation.error && <ErrorAlert error={mutation.error} />}
        <TextInput label={t('orgs.fields.name')} required data-autofocus {...text('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput label={t('orgs.fields.nameEn')} {...text('nameEn')} />
          <TextInput label={t('orgs.fields.shortName')} {...text('shortName')} />
          <Select
            label={t('orgs.fields.kind')}
            required
            data={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))}
            value={values.kind}
            onChange={(v) => field('kind')(v as OrgFormValues['kind'])}
            error={errors.kind}
          />
          <Select label={t('orgs.fields.province')} data={labels.provinceOptions} value={values.provinceCode} onChange={field('provinceCode')} searchable clearable />
          <Select
            label={t('orgs.fields.securityLevel')}
            data={['1', '2', '3', '4', '5'].map((l) => ({ value: l, label: t('orgs.securityLevelValue', { level: l }) }))}
            value={values.securityLevel}
            onChange={field('securityLevel')}
            clearable
          />
          {mode.type === 'create' && (
            <OrgPicker label={t('orgs.fields.parent')} placeholder={t('orgs.topLevel')} value={values.parentId} onChange={field('parentId')} />
          )}
        </SimpleGrid>
        <MultiSelect label={t('orgs.fields.sectors')} data={labels.sectorOptions} value={values.sectors} onChange={field('sectors')} searchable clearable maxValues={20} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <TextInput label={t('orgs.fields.website')} {...text('website')} />
          <TextInput label={t('orgs.fields.incidentReceptionEmail')} type="email" {...text('incidentReceptionEmail')} />
        </SimpleGrid>
        <Textarea label={t('orgs.fields.address')} autosize minRows={2} {...text('address')} />
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {mode.type === 'edit' ? t('common.save') : t('common.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
