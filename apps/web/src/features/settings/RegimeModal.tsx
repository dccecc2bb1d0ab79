import { useState } from 'react';
import { Button, Group, JsonInput, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReportingRegime, ReportingRegimePatch } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { settingsApi, settingsKeys } from './settings.api.ts';

const TEMPLATE: ReportingRegimePatch = {
  name: '', nameEn: '', legalBasis: '', applies: { track: 'serious' }, active: true,
  rules: [{ key: 'notify', kind: 'notification', trigger: 'discovery', amount: 24, unit: 'hours', recipients: '' }],
};

/** The editable part of a regime, as the API takes it. */
const editable = (r: ReportingRegime): ReportingRegimePatch => ({
  name: r.name, nameEn: r.nameEn, legalBasis: r.legalBasis, applies: r.applies, rules: r.rules, active: r.active, effectiveFrom: r.effectiveFrom, effectiveTo: r.effectiveTo,
});

/**
 * Creates or edits a reporting regime as its JSON document (names, legal basis, when it applies, its clock
 * rules): the server checks it against the regime schema and names any wrong field.
 */
export function RegimeModal({ regime, onClose }: { regime: ReportingRegime | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [text, setText] = useState(JSON.stringify(regime ? editable(regime) : TEMPLATE, null, 2));
  const [parseError, setParseError] = useState(false);
  const create = useApiMutation(settingsApi.createRegime, { invalidate: [settingsKeys.regimes], success: t('settings.regimes.saved'), onSuccess: onClose });
  const update = useApiMutation(settingsApi.updateRegime, { invalidate: [settingsKeys.regimes], success: t('settings.regimes.saved'), onSuccess: onClose });
  const save = () => {
    let doc: ReportingRegimePatch;
    try {
      doc = JSON.parse(text) as ReportingRegimePatch;
    } catch {
      setParseError(true);
      return;
    }
    setParseError(false);
    if (regime) update.mutate({ id: regime.id, patch: doc });
    else create.mutate({ ...doc, code } as Parameters<typeof settingsApi.createRegime>[0]);
  };
  const error = create.error ?? update.error;
  return (
    <Modal opened onClose={onClose} size="xl" title={regime ? `${t('settings.regimes.editTitle')} · ${regime.code}` : t('settings.regimes.newTitle')}>
      <Stack gap="xs" data-testid="regime-form">
        {error && <ErrorAlert error={error} />}
        <Text size="xs" c="dimmed">
          {t('settings.regimes.jsonHint')}
        </Text>
        {!regime && <TextInput label={t('settings.regimes.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} placeholder="nd-13-2023" required data-testid="regime-code" />}
        <JsonInput
          label={t('settings.regimes.document')}
          value={text}
          onChange={setText}
          autosize
          minRows={12}
          maxRows={24}
          formatOnBlur
          error={parseError ? t('settings.regimes.badJson') : undefined}
          data-testid="regime-json"
        />
        <Group justify="flex-end">
          <Button size="xs" loading={create.isPending || update.isPending} onClick={save} data-testid="regime-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
