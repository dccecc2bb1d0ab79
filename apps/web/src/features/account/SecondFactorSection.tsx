import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { QueryState } from '../../components/QueryState.tsx';
import { Section } from '../../components/Section.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { ME_KEY } from '../auth/auth.api.ts';
import { EnrolmentPanel } from './EnrolmentPanel.tsx';
import { RecoveryCodesList } from './RecoveryCodesList.tsx';
import { accountApi, SECOND_FACTOR_KEY, useSecondFactorStatus } from './account.api.ts';

type Dialog = 'enrol' | 'renew' | 'disable' | null;

/** The account page's second-factor card: state, turn on, new recovery codes, turn off. */
export function SecondFactorSection() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const queryClient = useQueryClient();
  const status = useSecondFactorStatus();
  const [dialog, setDialog] = useState<Dialog>(null);
  const refresh = async () => {
    setDialog(null);
    await Promise.all([queryClient.invalidateQueries({ queryKey: SECOND_FACTOR_KEY }), queryClient.invalidateQueries({ queryKey: ME_KEY, exact: true })]);
  };
  const titles = { enrol: t('account.enrol.title'), renew: t('account.secondFactor.renew'), disable: t('account.secondFactor.disable') };

  return (
    <Section title={t('account.secondFactor.title')} testId="account-second-factor">
      <QueryState query={status}>
        {(s) => (
          <Stack gap="xs">
            <Group gap="xs">
              <Badge color={s.enabled ? 'teal' : 'gray'} variant="light">
                {s.enabled ? t('account.admin.secondFactorOn') : t('account.admin.secondFactorOff')}
              </Badge>
              <Text size="sm">{s.enabled && s.enabledAt ? t('account.secondFactor.on', { at: fmt.dateTime(s.enabledAt) }) : t('account.secondFactor.off')}</Text>
            </Group>
            <Text size="xs" c="dimmed">
              {s.required ? t('account.secondFactor.requiredNote') : t('account.secondFactor.optionalNote')}
            </Text>
            {s.enabled && <Text size="sm">{t('account.secondFactor.codesLeft', { count: s.recoveryCodesLeft })}</Text>}
            <Group gap="xs">
              {!s.enabled && (
                <Button size="xs" onClick={() => setDialog('enrol')} data-testid="second-factor-enable">
                  {t('account.secondFactor.enable')}
                </Button>
              )}
              {s.enabled && (
                <>
                  <Button size="xs" variant="default" onClick={() => setDialog('renew')}>
                    {t('account.secondFactor.renew')}
                  </Button>
                  <Button size="xs" variant="light" color="red" onClick={() => setDialog('disable')} data-testid="second-factor-disable">
                    {t('account.secondFactor.disable')}
                  </Button>
                </>
              )}
            </Group>
          </Stack>
        )}
      </QueryState>
      <Modal opened={dialog !== null} onClose={() => setDialog(null)} title={dialog ? titles[dialog] : ''} closeOnClickOutside={false}>
        {dialog === 'enrol' && <EnrolmentPanel onDone={() => void refresh()} />}
        {dialog === 'renew' && <RenewForm onDone={() => void refresh()} />}
        {dialog === 'disable' && <DisableForm onDone={() => void refresh()} />}
      </Modal>
    </Section>
  );
}

function RenewForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const renew = useApiMutation(accountApi.renewRecoveryCodes, { onSuccess: (r) => setCodes(r.recoveryCodes) });
  if (codes) {
    return (
      <Stack gap="sm">
        <RecoveryCodesList codes={codes} />
        <Button onClick={onDone}>{t('account.enrol.codesSaved')}</Button>
      </Stack>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) renew.mutate(code.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('account.secondFactor.renewHint')}</Text>
        {renew.error && <ErrorAlert error={renew.error} />}
        <TextInput label={t('account.secondStep.code')} autoComplete="one-time-code" inputMode="numeric" value={code} onChange={(e) => setCode(e.currentTarget.value)} required data-autofocus />
        <Button type="submit" loading={renew.isPending}>
          {t('account.secondFactor.renew')}
        </Button>
      </Stack>
    </form>
  );
}

function DisableForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const disable = useApiMutation(accountApi.disable, { success: t('account.secondFactor.disabled'), onSuccess: onDone });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password && code.trim()) disable.mutate({ password, code: code.trim() });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('account.secondFactor.disableHint')}</Text>
        {disable.error && <ErrorAlert error={disable.error} />}
        <PasswordInput label={t('account.secondFactor.password')} autoComplete="current-password" value={password} onChange={(e) => setPassword(e.currentTarget.value)} required data-autofocus />
        <TextInput label={t('account.secondFactor.code')} autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.currentTarget.value)} required />
        <Button type="submit" color="red" loading={disable.isPending}>
          {t('account.secondFactor.disable')}
        </Button>
      </Stack>
    </form>
  );
}
