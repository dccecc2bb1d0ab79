import { Alert, Anchor, Text } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/auth.api.ts';
import { useWarningInbox } from './warnings.api.ts';

/**
 * Shown above every page while my organisation has issued warnings it has not acknowledged; the
 * stream's `warning.*` events refresh the inbox, so it appears live.
 */
export function WarningBanner() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const inbox = useWarningInbox(me.permissions.includes('warnings.ack'));
  const pending = (inbox.data?.items ?? []).filter((w) => w.status === 'issued' && !w.mine?.ackedAt);
  if (pending.length === 0) return null;
  return (
    <Alert color="red" variant="filled" radius="sm" py={6} mb="sm" icon={<IconAlertOctagon size={18} />} data-testid="warning-banner" data-count={pending.length} role="alert">
      <Text size="sm" span fw={600}>
        {t('warnings.banner', { count: pending.length })}
      </Text>{' '}
      <Anchor component={Link} to="/warnings/inbox" c="white" size="sm" underline="always" data-testid="warning-banner-open">
        {t('warnings.bannerOpen')}
      </Anchor>
    </Alert>
  );
}
