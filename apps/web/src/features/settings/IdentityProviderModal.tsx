import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, PasswordInput, SimpleGrid, Stack, Switch, TagsInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ClaimRule, IdentityProvider } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { CopyField } from '../../components/CopyField.tsx';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { ClaimRulesEditor, type DraftRule } from './ClaimRulesEditor.tsx';
import { identityProvidersApi, identityProvidersKey } from './identityProviders.api.ts';

interface Draft {
  displayName: string;
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string[];
  enabled: boolean;
  rules: DraftRule[];
}

const draftOf = (p: IdentityProvider | null): Draft =>
  p
    ? { displayName: p.displayName, issuer: p.issuer, clientId: p.clientId, clientSecret: '', scopes: p.scopes, enabled: p.enabled, rules: p.rules }
    : { displayName: '', issuer: 'https://', clientId: '', clientSecret: '', scopes: ['openid', 'email', 'profile'], enabled: true, rules: [] };

const complete = (rules: DraftRule[]): rules is ClaimRule[] => rules.every((r) => r.orgId !== null && r.claim.trim() !== '' && r.values.length > 0);

/** Adds or edits an identity provider; the client secret is write-only (empty on edit keeps the stored one). */
export function IdentityProviderModal({ provider, onClose }: { provider: IdentityProvider | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [v, setV] = useState<Draft>(() => draftOf(provider));
  const [tried, setTried] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setV((d) => ({ ...d, [key]: value }));
  const options = { invalidate: [identityProvidersKey], success: t('federation.saved'), onSuccess: onClose };
  const create = useApiMutation(identityProvidersApi.create, options);
  const update = useApiMutation(identityProvidersApi.update, options);
  const required = t('validation.required');
  const missing = {
    displayName: !v.displayName.trim(),
    issuer: !v.issuer.trim(),
    clientId: !v.clientId.trim(),
    clientSecret: !provider && !v.clientSecret,
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTried(true);
    if (Object.values(missing).some(Boolean) || !complete(v.rules)) return;
    const body = { displayName: v.displayName.trim(), issuer: v.issuer.trim(), clientId: v.clientId.trim(), scopes: v.scopes, enabled: v.enabled, rules: v.rules };
    if (provider) update.mutate({ id: provider.id, patch: { ...body, ...(v.clientSecret ? { clientSecret: v.clientSecret } : {}) } });
    else create.mutate({ ...body, clientSecret: v.clientSecret });
  };

  return (
    <Modal opened onClose={onClose} size="80rem" title={t(provider ? 'federation.editTitle' : 'federation.newTitle')}>
      <form onSubmit={submit} noValidate data-testid="idp-form">
        <Stack gap="sm">
          {(create.error ?? update.error) && <ErrorAlert error={create.error ?? update.error} />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('federation.fields.displayName')} value={v.displayName} onChange={(e) => set('displayName', e.currentTarget.value)} error={tried && missing.displayName && required} required data-autofocus name="displayName" />
            <TextInput label={t('federation.fields.issuer')} value={v.issuer} onChange={(e) => set('issuer', e.currentTarget.value)} error={tried && missing.issuer && required} required name="issuer" />
            <TextInput label={t('federation.fields.clientId')} value={v.clientId} onChange={(e) => set('clientId', e.currentTarget.value)} error={tried && missing.clientId && required} required name="clientId" />
            <PasswordInput
              label={t('federation.fields.clientSecret')}
              description={t('federation.fields.clientSecretHelp')}
              placeholder={provider ? t('federation.fields.clientSecretKeep') : undefined}
              value={v.clientSecret}
              onChange={(e) => set('clientSecret', e.currentTarget.value)}
              error={tried && missing.clientSecret && required}
              required={!provider}
              autoComplete="new-password"
              name="clientSecret"
            />
            <TagsInput label={t('federation.fields.scopes')} value={v.scopes} onChange={(scopes) => set('scopes', scopes)} />
            <Switch mt="lg" label={t('federation.fields.enabled')} checked={v.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} data-testid="idp-enabled" />
          </SimpleGrid>
          {provider && <CopyField label={t('federation.fields.redirectUri')} value={provider.redirectUri} />}
          <ClaimRulesEditor rules={v.rules} onChange={(rules) => set('rules', rules)} />
          {tried && !complete(v.rules) && <ErrorAlert error={new Error(required)} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('federation.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} data-testid="idp-save">
              {t('federation.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
