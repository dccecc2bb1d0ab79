import { Stack, Tabs, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../auth/auth.api.ts';
import { OrgLinksTab } from './OrgLinksTab.tsx';
import { PromotionRulesTab } from './PromotionRulesTab.tsx';
import { RegimesTab } from './RegimesTab.tsx';
import { RetentionTab } from './RetentionTab.tsx';
import { WarningPoliciesTab } from './WarningPoliciesTab.tsx';
import { IdentityProvidersTab } from './IdentityProvidersTab.tsx';

const TABS = ['rules', 'policies', 'regimes', 'links', 'retention', 'identity'] as const;
/** Tabs only the national centre has. */
const CENTRE_TABS: readonly Tab[] = ['policies', 'retention', 'identity'];
type Tab = (typeof TABS)[number];

/** Settings of the centre and the organisation admins: promotion rules, issue policies, reporting regimes, organisation links, retention. */
export function SettingsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const centre = me.role === 'national_coordinator';
  const [params, setParams] = useSearchParams();
  const shown = TABS.filter((tab) => centre || !CENTRE_TABS.includes(tab));
  const asked = params.get('tab') as Tab | null;
  const tab = asked && shown.includes(asked) ? asked : 'rules';
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} size="h3">
          {t('settings.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t(centre ? 'settings.introCentre' : 'settings.introOrg')}
        </Text>
      </div>
      <Tabs value={tab} onChange={(v) => setParams(v && v !== 'rules' ? { tab: v } : {})} keepMounted={false}>
        <Tabs.List>
          {shown.map((key) => (
            <Tabs.Tab key={key} value={key} data-testid={`settings-tab-${key}`}>
              {key === 'identity' ? t('federation.tab') : t(`settings.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="rules" pt="sm">
          <PromotionRulesTab />
        </Tabs.Panel>
        {centre && (
          <Tabs.Panel value="policies" pt="sm">
            <WarningPoliciesTab />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="regimes" pt="sm">
          <RegimesTab />
        </Tabs.Panel>
        <Tabs.Panel value="links" pt="sm">
          <OrgLinksTab />
        </Tabs.Panel>
        {centre && (
          <Tabs.Panel value="retention" pt="sm">
            <RetentionTab />
          </Tabs.Panel>
        )}
        {centre && (
          <Tabs.Panel value="identity" pt="sm">
            <IdentityProvidersTab />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}
