import { useState, type FormEvent } from 'react';
import { Button, Center, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SecondFactorEnrolment } from '@lachan/contracts';
import { CopyField } from '../../components/CopyField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { RecoveryCodesList } from './RecoveryCodesList.tsx';
import { accountApi } from './account.api.ts';

/**
 * Enrols the authenticator app: the secret is shown once (QR code and text), a first code confirms it,
 * then the ten recovery codes are shown once; `onDone` when the user has saved them.
 */
export function EnrolmentPanel({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<SecondFactorEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const start = useMutation({ mutationFn: accountApi.startEnrolment, onSuccess: setEnrolment });
  const confirm = useMutation({ mutationFn: accountApi.confirmEnrolment, onSuccess: (r) => setCodes(r.recoveryCodes) });

  if (codes) {
    return (
      <Stack gap="sm" data-testid="recovery-codes">
        <Text size="sm" fw={600}>
          {t('account.enrol.codesTitle')}
        </Text>
        <Text size="sm">{t('account.enrol.codesIntro')}</Text>
        <RecoveryCodesList codes={codes} />
        <Button onClick={onDone} data-testid="recovery-codes-saved">
          {t('account.enrol.codesSaved')}
        </Button>
      </Stack>
    );
  }
  if (!enrolment) {
    return (
      <Stack gap="sm">
        {start.error && <ErrorAlert error={start.error} />}
        <Button onClick={() => start.mutate()} loading={start.isPending} data-testid="enrol-start">
          {t('account.enrol.start')}
        </Button>
      </Stack>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (/^\d{6}$/.test(code.replace(/\s/g, ''))) confirm.mutate(code.trim());
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('account.enrol.step1')}</Text>
        <Center>
          <Image src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`} alt={t('account.enrol.qrAlt')} w={200} h={200} data-testid="enrol-qr" />
        </Center>
        <CopyField value={enrolment.secret} label={t('account.enrol.secret')} testId="enrol-secret" />
        <Text size="sm">{t('account.enrol.step2')}</Text>
        {confirm.error && <ErrorAlert error={confirm.error} />}
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            name="code"
            label={t('account.secondStep.code')}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={7}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: 2 } }}
            style={{ flex: 1 }}
            required
          />
          <Button type="submit" loading={confirm.isPending} data-testid="enrol-confirm">
            {t('account.enrol.confirm')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
