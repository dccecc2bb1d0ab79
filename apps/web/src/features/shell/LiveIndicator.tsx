import { Box, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useStreamState } from '../stream/StreamProvider.tsx';

/** Dot and text telling whether the live event stream is connected. */
export function LiveIndicator() {
  const { t } = useTranslation();
  const state = useStreamState();
  const connected = state === 'connected';
  return (
    <Tooltip label={connected ? t('live.connectedHint') : t('live.disconnectedHint')} withArrow>
      <Group gap={6} data-testid="live-indicator" data-state={state} role="status" aria-live="polite" wrap="nowrap">
        <Box
          w={8}
          h={8}
          aria-hidden
          style={{ borderRadius: '50%', background: connected ? 'var(--mantine-color-teal-6)' : 'var(--mantine-color-gray-5)' }}
        />
        <Text size="xs" c={connected ? 'teal.8' : 'dimmed'} fw={500}>
          {connected ? t('live.connected') : t('live.disconnected')}
        </Text>
      </Group>
    </Tooltip>
  );
}
