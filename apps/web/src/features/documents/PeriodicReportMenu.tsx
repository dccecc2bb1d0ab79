import { Button, Menu } from '@mantine/core';
import { IconFileTypePdf, IconReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { apiUrl } from '../../api/client.ts';
import { reportPeriods } from './documentLinks.ts';

/**
 * The Circular 20 periodic report (six-monthly, annual) of the organisation in view, or the whole country
 * for the centre: each period as the HTML view to print or a PDF in the console's language.
 */
export function PeriodicReportMenu({ orgId }: { orgId?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <Menu position="bottom-end" withinPortal shadow="sm">
      <Menu.Target>
        <Button size="xs" variant="default" leftSection={<IconReport size={14} />} data-testid="periodic-report">
          {t('documents.periodic.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('documents.periodic.label')}</Menu.Label>
        {reportPeriods(new Date()).map((p) => {
          const name = p.half ? t('documents.periodic.half', { half: p.half === 1 ? 'I' : 'II', year: p.year }) : t('documents.periodic.year', { year: p.year });
          const url = (format: 'html' | 'pdf') => apiUrl('/stats/reports/periodic', { period: p.period, orgId, format, lang });
          return [
            <Menu.Item key={`${p.period}-html`} component="a" href={url('html')} target="_blank" rel="noopener" fz="xs" data-testid={`periodic-${p.period}-html`}>
              {name} · HTML
            </Menu.Item>,
            <Menu.Item key={`${p.period}-pdf`} component="a" href={url('pdf')} download fz="xs" leftSection={<IconFileTypePdf size={12} />} data-testid={`periodic-${p.period}-pdf`}>
              {name} · PDF
            </Menu.Item>,
          ];
        })}
      </Menu.Dropdown>
    </Menu>
  );
}
