import { lazy } from 'react';
import { Button, Center, Loader, Stack } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './components/ErrorAlert.tsx';
import { LoginPage } from './features/auth/LoginPage.tsx';
import { SecondFactorPage } from './features/auth/SecondFactorPage.tsx';
import { EnrolmentPage } from './features/auth/EnrolmentPage.tsx';
import { useMe } from './features/auth/auth.api.ts';
import { AppLayout } from './features/shell/AppLayout.tsx';
import { NotFoundPage, RequirePermission } from './features/shell/StatusPages.tsx';
import { StreamProvider } from './features/stream/StreamProvider.tsx';

// pages load on first visit, so the sign-in page stays light
const DashboardPage = lazy(() => import('./features/dashboard/index.ts').then((m) => ({ default: m.DashboardPage })));
const ScopeDashboardPage = lazy(() => import('./features/dashboard/index.ts').then((m) => ({ default: m.ScopeDashboardPage })));
const OrgDirectoryPage = lazy(() => import('./features/orgs/index.ts').then((m) => ({ default: m.OrgDirectoryPage })));
const OrgDetailPage = lazy(() => import('./features/orgs/index.ts').then((m) => ({ default: m.OrgDetailPage })));
const UsersPage = lazy(() => import('./features/users/index.ts').then((m) => ({ default: m.UsersPage })));
const ApiKeysPage = lazy(() => import('./features/apikeys/index.ts').then((m) => ({ default: m.ApiKeysPage })));
const AlertStreamPage = lazy(() => import('./features/alerts/index.ts').then((m) => ({ default: m.AlertStreamPage })));
const AlertDetailPage = lazy(() => import('./features/alerts/index.ts').then((m) => ({ default: m.AlertDetailPage })));
const SourcesPage = lazy(() => import('./features/alerts/index.ts').then((m) => ({ default: m.SourcesPage })));
const QuarantinePage = lazy(() => import('./features/alerts/index.ts').then((m) => ({ default: m.QuarantinePage })));
const ConstituencyPage = lazy(() => import('./features/constituency/index.ts').then((m) => ({ default: m.ConstituencyPage })));
const SuppressionsPage = lazy(() => import('./features/alerts/index.ts').then((m) => ({ default: m.SuppressionsPage })));
const IncidentsPage = lazy(() => import('./features/incidents/index.ts').then((m) => ({ default: m.IncidentsPage })));
const IncidentDetailPage = lazy(() => import('./features/incidents/index.ts').then((m) => ({ default: m.IncidentDetailPage })));
const ReportFormPage = lazy(() => import('./features/incidents/index.ts').then((m) => ({ default: m.ReportFormPage })));
const DeadlinesPage = lazy(() => import('./features/incidents/index.ts').then((m) => ({ default: m.DeadlinesPage })));
const CampaignsPage = lazy(() => import('./features/campaigns/index.ts').then((m) => ({ default: m.CampaignsPage })));
const CampaignDetailPage = lazy(() => import('./features/campaigns/index.ts').then((m) => ({ default: m.CampaignDetailPage })));
const MassScanningPage = lazy(() => import('./features/campaigns/index.ts').then((m) => ({ default: m.MassScanningPage })));
const WarningsPage = lazy(() => import('./features/warnings/index.ts').then((m) => ({ default: m.WarningsPage })));
const WarningInboxPage = lazy(() => import('./features/warnings/index.ts').then((m) => ({ default: m.WarningInboxPage })));
const WarningComposerPage = lazy(() => import('./features/warnings/index.ts').then((m) => ({ default: m.WarningComposerPage })));
const WarningWebhooksPage = lazy(() => import('./features/warnings/index.ts').then((m) => ({ default: m.WarningWebhooksPage })));
const KnowledgeSearchPage = lazy(() => import('./features/intel/index.ts').then((m) => ({ default: m.KnowledgeSearchPage })));
const IntelObjectPage = lazy(() => import('./features/intel/index.ts').then((m) => ({ default: m.IntelObjectPage })));
const IntakePage = lazy(() => import('./features/intel/index.ts').then((m) => ({ default: m.IntakePage })));
const CollectionsPage = lazy(() => import('./features/intel/index.ts').then((m) => ({ default: m.CollectionsPage })));
const StatisticsPage = lazy(() => import('./features/statistics/index.ts').then((m) => ({ default: m.StatisticsPage })));
const AccountPage = lazy(() => import('./features/account/index.ts').then((m) => ({ default: m.AccountPage })));
const SettingsPage = lazy(() => import('./features/settings/index.ts').then((m) => ({ default: m.SettingsPage })));
const AuditPage = lazy(() => import('./features/audit/index.ts').then((m) => ({ default: m.AuditPage })));
const ExercisesPage = lazy(() => import('./features/exercises/index.ts').then((m) => ({ default: m.ExercisesPage })));
const ExercisePage = lazy(() => import('./features/exercises/index.ts').then((m) => ({ default: m.ExercisePage })));
const ScenarioPage = lazy(() => import('./features/exercises/index.ts').then((m) => ({ default: m.ScenarioPage })));
const ExerciseReportPage = lazy(() => import('./features/exercises/index.ts').then((m) => ({ default: m.ReportPage })));
const SystemsPage = lazy(() => import('./features/systems/index.ts').then((m) => ({ default: m.SystemsPage })));
const SystemPage = lazy(() => import('./features/systems/index.ts').then((m) => ({ default: m.SystemPage })));
const SystemFormPage = lazy(() => import('./features/systems/index.ts').then((m) => ({ default: m.SystemFormPage })));
const AssessmentsPage = lazy(() => import('./features/assessments/index.ts').then((m) => ({ default: m.AssessmentsPage })));
const CataloguesPage = lazy(() => import('./features/assessments/index.ts').then((m) => ({ default: m.CataloguesPage })));
const CataloguePage = lazy(() => import('./features/assessments/index.ts').then((m) => ({ default: m.CataloguePage })));
const AssessmentOverviewPage = lazy(() => import('./features/assessments/index.ts').then((m) => ({ default: m.OverviewPage })));
const AssessmentTaskPage = lazy(() => import('./features/assessments/index.ts').then((m) => ({ default: m.TaskPage })));
const WarningDeliveryPage = lazy(() => import('./features/warnings/index.ts').then((m) => ({ default: m.WarningDeliveryPage })));

/** Signed-in routes; the home page is the national picture. */
function SignedInApp() {
  return (
    <StreamProvider>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to="/dashboard" replace />} />
          <Route path="login" element={<Navigate to="/dashboard" replace />} />
          <Route path="dashboard" element={<RequirePermission permission="stats.read"><DashboardPage /></RequirePermission>} />
          <Route path="dashboard/sector/:code" element={<RequirePermission permission="stats.read"><ScopeDashboardPage kind="sector" /></RequirePermission>} />
          <Route path="dashboard/province/:code" element={<RequirePermission permission="stats.read"><ScopeDashboardPage kind="province" /></RequirePermission>} />
          <Route path="statistics" element={<RequirePermission permission="stats.read"><StatisticsPage /></RequirePermission>} />
          <Route path="orgs" element={<OrgDirectoryPage />} />
          <Route path="orgs/:id" element={<OrgDetailPage />} />
          <Route path="alerts" element={<RequirePermission permission="alerts.read"><AlertStreamPage /></RequirePermission>} />
          <Route path="alerts/sources" element={<RequirePermission permission="alerts.read"><SourcesPage /></RequirePermission>} />
          <Route path="alerts/quarantine" element={<RequirePermission permission="alerts.read"><QuarantinePage /></RequirePermission>} />
          <Route path="alerts/suppressions" element={<RequirePermission permission="alerts.read"><SuppressionsPage /></RequirePermission>} />
          <Route path="alerts/constituency" element={<RequirePermission permission="alerts.read"><ConstituencyPage /></RequirePermission>} />
          <Route path="alerts/:id" element={<RequirePermission permission="alerts.read"><AlertDetailPage /></RequirePermission>} />
          <Route path="incidents" element={<RequirePermission permission="incidents.read"><IncidentsPage /></RequirePermission>} />
          <Route path="incidents/new" element={<RequirePermission permission="incidents.write"><ReportFormPage /></RequirePermission>} />
          <Route path="incidents/deadlines" element={<RequirePermission permission="incidents.read"><DeadlinesPage /></RequirePermission>} />
          <Route path="incidents/:id" element={<RequirePermission permission="incidents.read"><IncidentDetailPage /></RequirePermission>} />
          <Route path="campaigns" element={<RequirePermission permission="campaigns.read"><CampaignsPage /></RequirePermission>} />
          <Route path="campaigns/mass-scanning" element={<RequirePermission permission="campaigns.read"><MassScanningPage /></RequirePermission>} />
          <Route path="campaigns/:id" element={<RequirePermission permission="campaigns.read"><CampaignDetailPage /></RequirePermission>} />
          <Route path="warnings" element={<RequirePermission permission="warnings.read"><WarningsPage /></RequirePermission>} />
          <Route path="warnings/inbox" element={<RequirePermission permission="warnings.ack"><WarningInboxPage /></RequirePermission>} />
          <Route path="warnings/webhooks" element={<RequirePermission permission="warnings.endpoints"><WarningWebhooksPage /></RequirePermission>} />
          <Route path="warnings/new" element={<RequirePermission permission="warnings.write"><WarningComposerPage /></RequirePermission>} />
          <Route path="warnings/:id/edit" element={<RequirePermission permission="warnings.write"><WarningComposerPage /></RequirePermission>} />
          <Route path="warnings/:id/delivery" element={<RequirePermission permission="warnings.read"><WarningDeliveryPage /></RequirePermission>} />
          <Route path="exercises" element={<RequirePermission permission="exercises.read"><ExercisesPage /></RequirePermission>} />
          <Route path="exercises/scenarios/:id" element={<RequirePermission permission="exercises.manage"><ScenarioPage /></RequirePermission>} />
          <Route path="exercises/:id" element={<RequirePermission permission="exercises.read"><ExercisePage /></RequirePermission>} />
          <Route path="exercises/:id/teams/:orgId/report" element={<RequirePermission permission="exercises.read"><ExerciseReportPage /></RequirePermission>} />
          <Route path="systems" element={<RequirePermission permission="orgs.read"><SystemsPage /></RequirePermission>} />
          <Route path="systems/new" element={<RequirePermission permission="orgs.update"><SystemFormPage /></RequirePermission>} />
          <Route path="systems/:id" element={<RequirePermission permission="orgs.read"><SystemPage /></RequirePermission>} />
          <Route path="systems/:id/edit" element={<RequirePermission permission="orgs.update"><SystemFormPage /></RequirePermission>} />
          <Route path="assessments" element={<RequirePermission permission="orgs.read"><AssessmentsPage /></RequirePermission>} />
          <Route path="assessments/catalogues" element={<RequirePermission permission="orgs.read"><CataloguesPage /></RequirePermission>} />
          <Route path="assessments/catalogues/:id" element={<RequirePermission permission="orgs.read"><CataloguePage /></RequirePermission>} />
          <Route path="assessments/campaigns/:id" element={<RequirePermission permission="orgs.read"><AssessmentOverviewPage /></RequirePermission>} />
          <Route path="assessments/tasks/:id" element={<RequirePermission permission="orgs.read"><AssessmentTaskPage /></RequirePermission>} />
          <Route path="intel" element={<RequirePermission permission="intel.read"><KnowledgeSearchPage /></RequirePermission>} />
          <Route path="intel/objects/:id" element={<RequirePermission permission="intel.read"><IntelObjectPage /></RequirePermission>} />
          <Route path="intel/intake" element={<RequirePermission permission="intel.write"><IntakePage /></RequirePermission>} />
          <Route path="intel/collections" element={<RequirePermission permission="intel.manage"><CollectionsPage /></RequirePermission>} />
          <Route path="users" element={<RequirePermission permission="users.read"><UsersPage /></RequirePermission>} />
          <Route path="api-keys" element={<RequirePermission permission="apikeys.manage"><ApiKeysPage /></RequirePermission>} />
          <Route path="account" element={<AccountPage />} />
          <Route path="audit" element={<RequirePermission permission="audit.read"><AuditPage /></RequirePermission>} />
          <Route path="settings" element={<RequirePermission permission="alerts.manage"><SettingsPage /></RequirePermission>} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </StreamProvider>
  );
}

/**
 * Sign-in gate: asks GET /me once, then shows the login page, the second step (code), the enrolment
 * a role requires, or the console.
 */
export function App() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.data === null) return <LoginPage />;
  if (me.data?.stage === 'second_factor') return <SecondFactorPage />;
  if (me.data?.stage === 'enrolment') return <EnrolmentPage />;
  if (me.data) return <SignedInApp />;
  if (me.isPending)
    return (
      <Center h="100vh">
        <Loader size="sm" aria-label={t('app.loading')} />
      </Center>
    );
  return (
    <Center h="100vh" px="md">
      <Stack gap="sm" maw={420}>
        <ErrorAlert error={me.error} title={t('app.unreachable')} />
        <Button size="xs" variant="light" onClick={() => void me.refetch()}>
          {t('common.retry')}
        </Button>
      </Stack>
    </Center>
  );
}
