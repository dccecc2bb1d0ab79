import { Alert, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useErrorText } from '../i18n/useErrorText.ts';

/** A translated error from the API (or the network), with the server's message as a detail when useful. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const errorText = useErrorText();
  if (!error) return null;
  const { text, detail } = errorText(error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={title ?? text} role="alert" p="xs">
      {title && <Text size="sm">{text}</Text>}
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Alert>
  );
}
