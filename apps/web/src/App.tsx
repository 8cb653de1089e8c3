import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router-dom';
import { LessonsPage } from './pages/LessonsPage/LessonsPage';
import { Heading } from '@rijkshuisstijl-community/components-react';
import { AppLayout } from './components/AppLayout/AppLayout';
import { AuthGate } from './components/AuthGate/AuthGate';
import { usePageTitle } from './hooks/usePageTitle';
import { AssessmentPage } from './pages/AssessmentPage/AssessmentPage';
import { AuditCheckpointsPage } from './pages/AuditCheckpointsPage/AuditCheckpointsPage';
import { CasePage } from './pages/CasePage/CasePage';
import { NotFoundPage } from './pages/NotFoundPage/NotFoundPage';
import { PageGate } from './components/PageGate/PageGate';
import { OverviewPage } from './pages/OverviewPage/OverviewPage';
import { PolicyAdminPage } from './pages/PolicyAdminPage/PolicyAdminPage';
import { PolicyVersionPage } from './pages/PolicyAdminPage/PolicyVersionPage';
import { DeviationReportPage } from './pages/PolicyAdminPage/DeviationReportPage';
import { RegisterCasePage } from './pages/RegisterCasePage/RegisterCasePage';
import { AgendaPage } from './pages/AgendaPage/AgendaPage';
import { PersonPage } from './pages/PersonPage/PersonPage';
import { UnitsPage } from './pages/MasterDataPage/UnitsPage';
import { OfficersPage } from './pages/MasterDataPage/OfficersPage';
import { AssignmentInboxPage } from './pages/AssignmentsPage/AssignmentInboxPage';
import { AssignmentPage } from './pages/AssignmentsPage/AssignmentPage';
import { MyAssignmentsPage } from './pages/AssignmentsPage/MyAssignmentsPage';
import { ExtractPage } from './pages/AssignmentsPage/ExtractPage';
import { WorkPage } from './pages/WorkPage/WorkPage';
import { AuditLogPage } from './pages/OversightPages/AuditLogPage';
import { BreakGlassReviewPage } from './pages/OversightPages/BreakGlassReviewPage';
import { AnomalyAlertsPage } from './pages/OversightPages/AnomalyAlertsPage';

// ECharts is large: the statistics page (and it) load only when opened.
const StatisticsPage = lazy(() => import('./pages/StatisticsPage/StatisticsPage').then((m) => ({ default: m.StatisticsPage })));
const QualityMonitorPage = lazy(() => import('./pages/StatisticsPage/QualityMonitorPage').then((m) => ({ default: m.QualityMonitorPage })));
import { RosterPage } from './pages/RosterPage/RosterPage';
import { CapacityPage } from './pages/RosterPage/CapacityPage';
import { RosterVersionPage } from './pages/RosterPage/RosterVersionPage';
import { RosterCasePage, RosterOfficerPage, RosterUnitPage } from './pages/RosterPage/RosterDetailPages';
import { CoordinationPage, COORDINATION_PATH } from './pages/CoordinationPage/CoordinationPage';

/** Shown while the user is not known yet (loading, or on the way to the login page). */
function Waiting({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation();
  usePageTitle(t('app.loading'));
  return (
    <AppLayout me={undefined}>
      <Heading level={1}>{t('app.name')}</Heading>
      {children}
    </AppLayout>
  );
}

export function App() {
  return (
    <AuthGate fallback={(content) => <Waiting>{content}</Waiting>}>
      {(me) => (
        <AppLayout me={me}>
          <PageGate me={me}>{/* Routes left unindented inside the gate, so route lines merge cleanly. */}
          <Routes>
            <Route path="/" element={<OverviewPage />} />
            <Route path="/casussen/nieuw" element={<RegisterCasePage />} />
            <Route path="/casussen/:caseId" element={<CasePage />} />
            <Route path="/casussen/:caseId/dreigingsinschatting" element={<AssessmentPage />} />
            <Route path="/casussen/:caseId/agenda" element={<AgendaPage />} />
            <Route path="/eenheden" element={<UnitsPage />} />
            <Route path="/medewerkers" element={<OfficersPage />} />
            <Route path="/beleid" element={<PolicyAdminPage />} />
            <Route path="/beleid/afwijkingen" element={<DeviationReportPage />} />
            <Route path="/beleid/:version" element={<PolicyVersionPage />} />
            <Route path="/toezicht/auditlog-checkpoints" element={<AuditCheckpointsPage />} />
            <Route path="/opdrachten" element={<AssignmentInboxPage />} />
            <Route path="/opdrachten/:assignmentId" element={<AssignmentPage />} />
            <Route path="/mijn-opdrachten" element={<MyAssignmentsPage />} />
            <Route path="/mijn-opdrachten/:assignmentId" element={<ExtractPage />} />
            <Route path="/voor-mij" element={<WorkPage />} />
            <Route path="/lessen" element={<LessonsPage />} />
            <Route path="/toezicht/auditlog" element={<AuditLogPage />} />
            <Route path="/toezicht/noodtoegang" element={<BreakGlassReviewPage />} />
            <Route path="/toezicht/signalen" element={<AnomalyAlertsPage me={me} />} />
            <Route
              path="/kwaliteitsmonitor"
              element={
                <Suspense fallback={null}>
                  <QualityMonitorPage />
                </Suspense>
              }
            />
            <Route
              path="/statistieken"
              element={
                <Suspense fallback={null}>
                  <StatisticsPage />
                </Suspense>
              }
            />
            <Route path="/roosters" element={<RosterPage me={me} />} />
            <Route path="/capaciteit" element={<CapacityPage />} />
            <Route path="/roosters/:versionId" element={<RosterVersionPage me={me} />} />
            <Route path="/roosters/:versionId/eenheden/:unitId" element={<RosterUnitPage />} />
            <Route path="/roosters/:versionId/casussen/:caseId" element={<RosterCasePage />} />
            <Route path="/roosters/:versionId/medewerkers/:officerId" element={<RosterOfficerPage me={me} />} />
            <Route path={COORDINATION_PATH} element={<CoordinationPage />} />
            <Route path="/personen/:personId" element={<PersonPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
          </PageGate>
        </AppLayout>
      )}
    </AuthGate>
  );
}
