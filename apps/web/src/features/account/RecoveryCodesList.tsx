import { Code, SimpleGrid } from '@mantine/core';
import { CopyField } from '../../components/CopyField.tsx';
import { useTranslation } from 'react-i18next';

/** Recovery codes shown once: two columns to read, and one field to copy them all. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <SimpleGrid cols={2} spacing={6}>
        {codes.map((c) => (
          <Code key={c} ta="center" fz="sm" data-testid="recovery-code">
            {c}
          </Code>
        ))}
      </SimpleGrid>
      <CopyField value={codes.join(' ')} label={t('account.enrol.codesTitle')} />
    </>
  );
}
