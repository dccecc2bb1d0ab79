import { useEffect, useState } from 'react';
import { Button, Checkbox, Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MailPreferences } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { accountApi, MAIL_KEY, useMailPreferences } from './account.api.ts';

const SEVERITIES = ['1', '2', '3', '4'] as const;
const SEVERITY_KEY = { '1': 'low', '2': 'medium', '3': 'high', '4': 'critical' } as const;

/** Which warnings (by severity) and which reminders reach the user by e-mail, beside their organisation's address. */
export function MailSection() {
  const { t } = useTranslation();
  const prefs = useMailPreferences();
  return (
    <Section title={t('account.mail.title')} testId="account-mail">
      <QueryState query={prefs}>{(data) => <MailForm saved={data} />}</QueryState>
    </Section>
  );
}

function MailForm({ saved }: { saved: MailPreferences }) {
  const { t } = useTranslation();
  const [min, setMin] = useState<string>(saved.warningMinSeverity === null ? 'none' : String(saved.warningMinSeverity));
  const [reminders, setReminders] = useState(saved.warningReminders);
  useEffect(() => {
    setMin(saved.warningMinSeverity === null ? 'none' : String(saved.warningMinSeverity));
    setReminders(saved.warningReminders);
  }, [saved]);
  const save = useApiMutation(accountApi.saveMailPreferences, { success: t('account.mail.saved'), invalidate: [MAIL_KEY] });
  const options = [
    { value: 'none', label: t('account.mail.none') },
    ...SEVERITIES.map((s) => ({ value: s, label: t('account.mail.atLeast', { severity: t(`severity.${SEVERITY_KEY[s]}`) }) })),
  ];
  return (
    <Stack gap="xs" maw={420}>
      {save.error && <ErrorAlert error={save.error} />}
      <Text size="xs" c="dimmed">
        {t('account.mail.hint')}
      </Text>
      <Select
        label={t('account.mail.warnings')}
        data={options}
        value={min}
        onChange={(v) => setMin(v ?? 'none')}
        allowDeselect={false}
        data-testid="mail-min-severity"
      />
      <Checkbox label={t('account.mail.reminders')} checked={reminders} onChange={(e) => setReminders(e.currentTarget.checked)} data-testid="mail-reminders" />
      <Button
        size="xs"
        style={{ alignSelf: 'flex-start' }}
        loading={save.isPending}
        onClick={() => save.mutate({ warningMinSeverity: min === 'none' ? null : Number(min), warningReminders: reminders })}
      >
        {t('account.mail.save')}
      </Button>
    </Stack>
  );
}
