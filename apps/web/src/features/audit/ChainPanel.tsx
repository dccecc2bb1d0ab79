import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditHead } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { Section } from '../../components/Section.tsx';
import { useFormat } from '../../i18n/useFormat.ts';
import { auditApi } from './audit.api.ts';

/** Saves the signed head as a file, to keep outside this system. */
function download(head: AuditHead): void {
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(head)}\n`], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `lachan-audit-head-${head.lastId}.json`;
  a.click();
  URL.revokeObjectURL(url);
}

/** The centre's checks of the hash chain: verify every link (and the signed checkpoints), take the signed head. */
export function ChainPanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const verify = useApiMutation(auditApi.verify);
  const head = useApiMutation(auditApi.head, { onSuccess: download });
  const r = verify.data;
  return (
    <Section title={t('audit.chain.title')} testId="audit-chain">
      <Group gap="xs" mb={r || verify.error || head.error ? 'xs' : 0}>
        <Button size="xs" loading={verify.isPending} onClick={() => verify.mutate(undefined)} data-testid="audit-verify">
          {t('audit.chain.verify')}
        </Button>
        <Button size="xs" variant="light" loading={head.isPending} onClick={() => head.mutate(undefined)} data-testid="audit-head">
          {t('audit.chain.head')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('audit.chain.hint')}
        </Text>
      </Group>
      {(verify.error ?? head.error) && <ErrorAlert error={verify.error ?? head.error} />}
      {r && (
        <Alert color={r.ok ? 'teal' : 'red'} variant="light" data-testid="audit-verify-result" title={t(r.ok ? 'audit.chain.ok' : 'audit.chain.broken')}>
          {t('audit.chain.checked', { count: r.checked, n: fmt.number(r.checked), anchors: fmt.number(r.anchors) })}
          {r.firstBroken && ` ${t('audit.chain.firstBroken', { id: r.firstBroken.id, reason: r.firstBroken.reason })}`}
        </Alert>
      )}
    </Section>
  );
}
