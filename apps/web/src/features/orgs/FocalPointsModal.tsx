import { useState, type FormEvent } from 'react';
import { ActionIcon, Button, Checkbox, Group, Modal, Paper, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Organization } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { blankRow, MAX_FOCAL_POINTS, rowsToInput, toRows, validateRows, type FocalRow, type FocalRowErrors } from './focalPointsForm.ts';
import { orgApi, orgKeys } from './orgs.api.ts';

interface FocalPointsModalProps {
  org: Organization;
  opened: boolean;
  onClose: () => void;
}

/** Edits the list of 24/7 focal points; the whole list replaces the old one (PUT). */
export function FocalPointsModal({ org, opened, onClose }: FocalPointsModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('orgs.focal.editTitle', { name: org.name })} size="xl">
      <FocalPointsForm org={org} onClose={onClose} />
    </Modal>
  );
}

function FocalPointsForm({ org, onClose }: Omit<FocalPointsModalProps, 'opened'>) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<FocalRow[]>(() => toRows(org.focalPoints));
  const [errors, setErrors] = useState<FocalRowErrors[]>([]);
  const save = useApiMutation((r: FocalRow[]) => orgApi.replaceFocalPoints(org.id, rowsToInput(r)), {
    invalidate: [orgKeys.detail(org.id)],
    success: t('common.saved'),
    onSuccess: onClose,
  });

  const update = (key: string, patch: Partial<FocalRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  // one primary contact at most: choosing one clears the others
  const makePrimary = (key: string) => setRows((rs) => rs.map((r) => ({ ...r, isPrimary: r.key === key })));
  const primaryKey = rows.find((r) => r.isPrimary)?.key ?? null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateRows(rows, t);
    setErrors(found);
    if (found.some((e) => Object.keys(e).length)) return;
    save.mutate(rows);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs">
        {save.error && <ErrorAlert error={save.error} />}
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('orgs.focal.empty')}
          </Text>
        )}
        <Radio.Group value={primaryKey} onChange={makePrimary} aria-label={t('orgs.focal.primary')}>
          <Stack gap="xs">
            {rows.map((row, i) => (
              <Paper key={row.key} withBorder p="xs" data-testid="focal-point-row">
                <SimpleGrid cols={{ base: 1, sm: 4 }} spacing="xs">
                  <TextInput size="xs" label={t('orgs.focal.name')} required value={row.name} error={errors[i]?.name} onChange={(e) => update(row.key, { name: e.currentTarget.value })} />
                  <TextInput size="xs" label={t('orgs.focal.position')} value={row.position} error={errors[i]?.position} onChange={(e) => update(row.key, { position: e.currentTarget.value })} />
                  <TextInput size="xs" label={t('orgs.focal.phone')} required type="tel" value={row.phone} error={errors[i]?.phone} onChange={(e) => update(row.key, { phone: e.currentTarget.value })} />
                  <TextInput size="xs" label={t('orgs.focal.email')} required type="email" value={row.email} error={errors[i]?.email} onChange={(e) => update(row.key, { email: e.currentTarget.value })} />
                </SimpleGrid>
                <Group justify="space-between" mt={6}>
                  <Group gap="md">
                    <Checkbox size="xs" label={t('orgs.focal.available247')} checked={row.available247} onChange={(e) => update(row.key, { available247: e.currentTarget.checked })} />
                    <Radio size="xs" value={row.key} label={t('orgs.focal.primary')} />
                  </Group>
                  <ActionIcon variant="subtle" color="red" onClick={() => setRows((rs) => rs.filter((r) => r.key !== row.key))} aria-label={t('orgs.focal.remove')}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Paper>
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="space-between" mt="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPlus size={14} />}
            disabled={rows.length >= MAX_FOCAL_POINTS}
            onClick={() => setRows((rs) => [...rs, blankRow(rs.length === 0)])}
            data-testid="focal-point-add"
          >
            {t('orgs.focal.add')}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
