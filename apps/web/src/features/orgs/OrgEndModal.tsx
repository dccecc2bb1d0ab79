import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useConfirm } from '../../components/useConfirm.tsx';
import { OrgPicker } from './OrgPicker.tsx';
import { subtreeIds, type OrgIndex } from './orgTree.ts';
import { orgApi } from './orgs.api.ts';

interface OrgEndModalProps {
  org: Organization;
  index: OrgIndex;
  kind: 'merge' | 'retire';
  opened: boolean;
  onClose: () => void;
}

/** Ends an organisation's life: merge into another, or retire; both need a reason and a confirmation. */
export function OrgEndModal(props: OrgEndModalProps) {
  const { t } = useTranslation();
  const title = props.kind === 'merge' ? t('orgs.merge.title', { name: props.org.name }) : t('orgs.retire.title', { name: props.org.name });
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={title}>
      <EndForm {...props} />
    </Modal>
  );
}

function EndForm({ org, index, kind, onClose }: OrgEndModalProps) {
  const { t } = useTranslation();
  const [intoId, setIntoId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ intoId?: string; reason?: string }>({});
  const { confirm, modal } = useConfirm();
  const exclude = useMemo(() => subtreeIds(index, org.id), [index, org.id]);
  const end = useApiMutation(
    (body: { intoId: string | null; reason: string }) => (kind === 'merge' && body.intoId ? orgApi.merge(org.id, { intoId: body.intoId, reason: body.reason }) : orgApi.retire(org.id, body.reason)),
    { invalidate: [['orgs'], ['org']], success: kind === 'merge' ? t('orgs.merge.done') : t('orgs.retire.done'), onSuccess: onClose },
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    const next = {
      intoId: kind === 'merge' && !intoId ? t('validation.required') : undefined,
      reason: text.length < 3 ? t('validation.minLength', { n: 3 }) : text.length > 1000 ? t('validation.maxLength', { n: 1000 }) : undefined,
    };
    setErrors(next);
    if (next.intoId || next.reason) return;
    const target = intoId ? (index.byId.get(intoId)?.name ?? '') : '';
    const ok = await confirm({
      title: kind === 'merge' ? t('orgs.merge.confirmTitle') : t('orgs.retire.confirmTitle'),
      message: kind === 'merge' ? t('orgs.merge.confirm', { name: org.name, target }) : t('orgs.retire.confirm', { name: org.name }),
      confirmLabel: kind === 'merge' ? t('orgs.actions.merge') : t('orgs.actions.retire'),
      danger: true,
    });
    if (ok) end.mutate({ intoId, reason: text });
  };

  return (
    <>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="xs">
          {end.error && <ErrorAlert error={end.error} />}
          <Alert color="orange" variant="light" p="xs">
            {kind === 'merge' ? t('orgs.merge.warning') : t('orgs.retire.warning')}
          </Alert>
          {kind === 'merge' && (
            <OrgPicker label={t('orgs.merge.into')} value={intoId} onChange={setIntoId} exclude={exclude} error={errors.intoId} required testId="org-merge-into" />
          )}
          <Textarea label={t('orgs.reason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={errors.reason} data-testid="org-end-reason" />
          <Group justify="flex-end" gap="xs" mt="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={end.isPending}>
              {kind === 'merge' ? t('orgs.actions.merge') : t('orgs.actions.retire')}
            </Button>
          </Group>
        </Stack>
      </form>
      {modal}
    </>
  );
}
