import { useMemo } from 'react';
import { Code, ScrollArea, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyButton } from '../../components/CopyButton.tsx';
import { Section } from '../../components/Section.tsx';

/** The record re-indented when it is JSON (Wazuh, Suricata EVE, ECS, Lachan); null for syslog and CEF lines. */
export function prettyJson(raw: string): string | null {
  const text = raw.trim();
  if (!text.startsWith('{') && !text.startsWith('[')) return null;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return null;
  }
}

/** A raw record in a scrollable monospace block, pretty-printed when it is JSON, with a copy of the original. */
export function RawRecord({ raw, testId, maxHeight = 480 }: { raw: string; testId?: string; maxHeight?: number }) {
  const pretty = useMemo(() => prettyJson(raw), [raw]);
  return (
    <ScrollArea.Autosize mah={maxHeight} type="auto" offsetScrollbars>
      <Code block fz="xs" data-testid={testId} data-pretty={pretty !== null} style={{ whiteSpace: pretty ? 'pre' : 'pre-wrap', wordBreak: 'break-all' }}>
        {pretty ?? raw}
      </Code>
    </ScrollArea.Autosize>
  );
}

/** The alert exactly as the connector sent it. */
export function RawRecordCard({ raw }: { raw: string }) {
  const { t } = useTranslation();
  const pretty = prettyJson(raw) !== null;
  return (
    <Section title={t('alerts.raw.title')} actions={<CopyButton value={raw} label={t('alerts.raw.copy')} testId="alert-raw-copy" />}>
      {pretty && (
        <Text size="xs" c="dimmed" mb={4}>
          {t('alerts.raw.pretty')}
        </Text>
      )}
      <RawRecord raw={raw} testId="alert-raw" />
    </Section>
  );
}
