import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/useFormat.ts';
import { useSurgeWatch } from './warnings.api.ts';

/** When the hourly surge watcher last looked (it proposes the warnings of origin "surge"). */
export function SurgeWatchNote() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const watch = useSurgeWatch().data?.watcher;
  if (!watch) return null;
  return (
    <Text size="xs" c="dimmed" data-testid="surge-watch">
      {watch.lastRunAt
        ? t('warnings.surgeWatch.lastRun', { at: fmt.relative(watch.lastRunAt), groups: fmt.number(watch.groups), signals: fmt.number(watch.signals) })
        : t('warnings.surgeWatch.never')}
    </Text>
  );
}
