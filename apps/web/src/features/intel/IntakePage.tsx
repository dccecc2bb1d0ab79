import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { BundleUpload } from './BundleUpload.tsx';
import { FeedsPanel } from './FeedsPanel.tsx';
import { IntakeRunsTable } from './IntakeRunsTable.tsx';

/** Intake: bundle upload with progress, ATT&CK import, the runs (live while running) and the feeds. */
export function IntakePage() {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Title order={2} size="h3">{t('intel.intake.title')}</Title>
      <BundleUpload />
      <Title order={3} size="h5">{t('intel.intake.runs')}</Title>
      <IntakeRunsTable />
      <FeedsPanel />
    </Stack>
  );
}
