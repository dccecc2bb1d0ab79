import { Badge, Button, Group, SegmentedControl, Tooltip } from '@mantine/core';
import { IconPlayerPause, IconPlayerPlay } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Density } from './useDensity.ts';

interface AlertStreamToolbarProps {
  paused: boolean;
  newCount: number;
  density: Density;
  onTogglePause: () => void;
  onDensity: (density: Density) => void;
}

/** Pause/resume with the count of alerts waiting, and the row density switch. */
export function AlertStreamToolbar({ paused, newCount, density, onTogglePause, onDensity }: AlertStreamToolbarProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap">
      {paused && (
        <Tooltip label={t('alerts.newCountHint')} withArrow>
          <Badge variant="light" color={newCount > 0 ? 'orange' : 'gray'} radius="sm" role="status" aria-live="polite" data-testid="alert-new-count" data-count={newCount}>
            {t('alerts.newCount', { count: newCount })}
          </Badge>
        </Tooltip>
      )}
      <Tooltip label={paused ? t('alerts.resumeHint') : t('alerts.pauseHint')} withArrow>
        <Button
          size="xs"
          variant={paused ? 'filled' : 'default'}
          leftSection={paused ? <IconPlayerPlay size={14} /> : <IconPlayerPause size={14} />}
          onClick={onTogglePause}
          aria-pressed={paused}
          data-testid="alert-pause"
          data-paused={paused}
        >
          {paused ? t('alerts.resume') : t('alerts.pause')}
        </Button>
      </Tooltip>
      <SegmentedControl
        size="xs"
        aria-label={t('alerts.density')}
        data={[
          { value: 'compact', label: t('alerts.compact') },
          { value: 'comfortable', label: t('alerts.comfortable') },
        ]}
        value={density}
        onChange={(v) => onDensity(v === 'comfortable' ? 'comfortable' : 'compact')}
        data-testid="alert-density"
      />
    </Group>
  );
}
