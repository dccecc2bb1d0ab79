import { Suspense } from 'react';
import { AppShell, Center, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { WarningBanner } from '../warnings/WarningBanner.tsx';
import { ExerciseBanner } from '../exercises/ExerciseBanner.tsx';
import { AppHeader } from './AppHeader.tsx';
import { MainNav } from './MainNav.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { useShortcuts } from './useShortcuts.ts';

/** The signed-in frame: header, navbar and the current page. */
export function AppLayout() {
  const { t } = useTranslation();
  const [navOpened, nav] = useDisclosure(false);
  const [helpOpened, help] = useDisclosure(false);
  useShortcuts(help.open);
  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="md">
      <ShortcutHelp opened={helpOpened} onClose={help.close} />
      <a href="#main-content" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <AppHeader navOpened={navOpened} onToggleNav={nav.toggle} />
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <MainNav onNavigate={nav.close} onHelp={help.open} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        <ExerciseBanner />
        <WarningBanner />
        <Suspense
          fallback={
            <Center py="xl">
              <Loader size="sm" aria-label={t('app.loading')} />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
