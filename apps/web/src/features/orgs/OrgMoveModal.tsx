import { useMemo, useState, type FormEvent } from 'react';
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { OrgPicker } from './OrgPicker.tsx';
import { subtreeIds, type OrgIndex } from './orgTree.ts';
import { orgApi } from './orgs.api.ts';

interface OrgMoveModalProps {
  org: Organization;
  index: OrgIndex;
  opened: boolean;
  onClose: () => void;
}

/** Moves the organisation under another parent (or to the top level); its own subtree is not offered. */
export function OrgMoveModal(props: OrgMoveModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={props.opened} onClose={props.onClose} title={t('orgs.move.title', { name: props.org.name })}>
      <MoveForm {...props} />
    </Modal>
  );
}

function MoveForm({ org, index, onClose }: OrgMoveModalProps) {
  const { t } = useTranslation();
  const [parentId, setParentId] = useState<string | null>(org.parentId);
  const [error, setError] = useState<string | undefined>();
  const exclude = useMemo(() => subtreeIds(index, org.id), [index, org.id]);
  const currentParent = org.parentId ? index.byId.get(org.parentId)?.name : null;
  const move = useApiMutation((p: string | null) => orgApi.move(org.id, p), {
    invalidate: [['orgs'], ['org']],
    success: t('orgs.move.done'),
    onSuccess: onClose,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (parentId === org.parentId) {
      setError(t('orgs.move.sameParent'));
      return;
    }
    move.mutate(parentId);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {move.error && <ErrorAlert error={move.error} />}
        <Text size="sm">
          {t('orgs.move.current')}: <b>{currentParent ?? t('orgs.topLevel')}</b>
        </Text>
        <OrgPicker
          label={t('orgs.move.newParent')}
          placeholder={t('orgs.topLevel')}
          value={parentId}
          onChange={(v) => {
            setParentId(v);
            setError(undefined);
          }}
          exclude={exclude}
          error={error}
          testId="org-move-parent"
        />
        <Text size="xs" c="dimmed">
          {t('orgs.move.hint')}
        </Text>
        <Group justify="flex-end" gap="xs" mt="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={move.isPending}>
            {t('orgs.actions.move')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
