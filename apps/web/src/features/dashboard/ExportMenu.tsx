import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { STATS_DIMENSIONS, type StatsQuery } from '@lachan/contracts';
import { exportUrl } from './dashboard.api.ts';

/** CSV download of one breakdown of the figures on screen (same period and filters). */
export function ExportMenu({ query }: { query: StatsQuery }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" leftSection={<IconDownload size={14} />} data-testid="export-csv">
          {t('dashboard.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('dashboard.export.label')}</Menu.Label>
        {STATS_DIMENSIONS.map((d) => (
          <Menu.Item key={d} component="a" href={exportUrl(query, d)} download fz="xs">
            {t(`dashboard.dimension.${d}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
