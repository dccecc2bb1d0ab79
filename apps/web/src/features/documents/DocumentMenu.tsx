import { Button, Menu } from '@mantine/core';
import { IconFileTypePdf, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { documentLinks } from './documentLinks.ts';

/**
 * "Print / PDF" for one document (an incident report, a warning): the HTML view opens in a new tab to
 * print, the PDF downloads in Vietnamese or English. The server decides what the document holds.
 */
export function DocumentMenu({ path, testId = 'document-menu' }: { path: string; testId?: string }) {
  const { t, i18n } = useTranslation();
  const links = documentLinks(path, i18n.language === 'en' ? 'en' : 'vi');
  return (
    <Menu position="bottom-end" withinPortal shadow="sm">
      <Menu.Target>
        <Button size="compact-xs" variant="default" leftSection={<IconPrinter size={12} />} data-testid={testId}>
          {t('documents.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('documents.label')}</Menu.Label>
        <Menu.Item component="a" href={links.html} target="_blank" rel="noopener" leftSection={<IconPrinter size={14} />} data-testid="document-html">
          {t('documents.view')}
        </Menu.Item>
        <Menu.Item component="a" href={links.pdfVi} download leftSection={<IconFileTypePdf size={14} />} data-testid="document-pdf-vi">
          {t('documents.pdfVi')}
        </Menu.Item>
        <Menu.Item component="a" href={links.pdfEn} download leftSection={<IconFileTypePdf size={14} />} data-testid="document-pdf-en">
          {t('documents.pdfEn')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
