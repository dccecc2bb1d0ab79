import { createElement } from 'react';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { QuarantineReplayResult } from '@lachan/contracts';
import { useApiMutation } from '../../api/useApiMutation.ts';
import { alertApi } from './alerts.api.ts';

/** POST /quarantine/replay, then a notification with how many records became alerts and how many still fail. */
export function useQuarantineReplay(onDone: () => void) {
  const { t } = useTranslation();
  return useApiMutation(alertApi.replay, {
    invalidate: [['quarantine'], ['alerts'], ['alert-sources']],
    onSuccess: (result: QuarantineReplayResult) => {
      notifications.show({
        color: result.stillFailing > 0 ? 'orange' : 'teal',
        title: t('alerts.quarantine.replayResultTitle'),
        message: createElement('span', { 'data-testid': 'quarantine-replay-result' }, t('alerts.quarantine.replayResult', result)),
      });
      onDone();
    },
  });
}
