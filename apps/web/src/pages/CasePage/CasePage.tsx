import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { untyped } from '../../i18n/enums';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Alert, Heading, Link, Paragraph, PreHeading } from '@rijkshuisstijl-community/components-react';
import { Uuid, type CaseView } from '@hoeder/contracts';
import { useCaseView } from '../../api/queries';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { AsOfControl, AsOfNotice } from '../../components/AsOfControl/AsOfControl';
import { useCurrentUser } from '../../components/AuthGate/AuthGate';
import { ACTIONS_ANCHOR, CaseActions } from '../../components/CaseActions/CaseActions';
import { CaseSectionList } from '../../components/CaseSections/CaseSectionList';
import { CaseTimeline } from '../../components/CaseTimeline/CaseTimeline';
import { ClassificationBanner } from '../../components/ClassificationBanner/ClassificationBanner';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { enumLabel } from '../../i18n/enums';
import { isNotFound } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { allowedActions } from '../../lib/permissions';
import { NotFoundPage } from '../NotFoundPage/NotFoundPage';
import { BreakGlassForm, mayBreakGlass } from '../../components/BreakGlassForm/BreakGlassForm';
import { AssessmentStatus } from '../AssessmentPage/AssessmentStatus';
import { agendaPath } from '../AgendaPage/AgendaPage';
import { AssignmentSection } from '../../components/AssignmentSection/AssignmentSection';
import { CrownWitnessPanel } from '../../components/CrownWitnessPanel/CrownWitnessPanel';
import { ContactPanel } from '../../components/ContactPanel/ContactPanel';
import { CaseLettersAndObjections } from '../../components/LettersSection/CaseLettersAndObjections';
import { LearningSection } from '../../components/LearningSection/LearningSection';
import { ArrangementSection } from '../../components/ArrangementSection/ArrangementSection';

export function CasePage() {
  const { t, i18n } = useTranslation();
  const { caseId = '' } = useParams();
  const me = useCurrentUser();
  const [params] = useSearchParams();
  const asOf = params.get('asOf');
  // An address that cannot name a case is "not found" without asking the server.
  const wellFormed = Uuid.safeParse(caseId).success;
  const view = useCaseView(caseId, asOf, wellFormed);
  const notFound = !wellFormed || isNotFound(view.error);
  usePageTitle(view.data ? t('case.title', { reference: view.data.reference }) : notFound ? null : view.error ? t('case.loadFailed') : t('app.loading'));

  // The server answers "not found" for a moment before registration too; say which moment.
  if (notFound && wellFormed && asOf) {
    return <NotFoundPage title={t('asOf.notYetTitle')} text={t('asOf.notYetText', { moment: formatDateTime(asOf, i18n.language) })} back={{ to: `/casussen/${caseId}`, label: t('asOf.backToNow') }} />;
  }
  if (notFound) {
    return (
      <NotFoundPage title={t('case.notFoundTitle')} text={t('case.notFoundText')}>
        {wellFormed && mayBreakGlass(me.roles) ? <BreakGlassForm caseId={caseId} /> : null}
      </NotFoundPage>
    );
  }
  if (view.error) {
    return (
      <>
        <Heading level={1}>{t('case.loadFailed')}</Heading>
        <ApiErrorAlert error={view.error} />
      </>
    );
  }
  if (!view.data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  return <CaseDetails view={view.data} asOf={asOf} />;
}

function CaseDetails({ view, asOf }: { view: CaseView; asOf: string | null }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [saved, setSaved] = useState<{ version: number; count: number }>({ version: 0, count: 0 });
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // The form that was submitted may be gone now (the phase moved on): put focus on the result.
    if (saved.count > 0) savedRef.current?.focus();
  }, [saved.count]);

  const showAsOf = (moment: string) => navigate({ pathname: `/casussen/${view.caseId}`, search: `?asOf=${encodeURIComponent(moment)}` });
  const onSaved = (version: number) => setSaved((s) => ({ version, count: s.count + 1 }));
  const hasActions = allowedActions({ roles: me.roles, userId: me.userId, phase: view.phase, pendingProposedBy: view.decision?.pending?.proposedBy.userId, viewingPast: false }).size > 0;

  return (
    <>
      <ClassificationBanner classification={view.summary.classification} />
      <Paragraph>
        <RouterLink to="/">{t('case.back')}</RouterLink>
      </Paragraph>
      <PreHeading heading={<Heading level={1}>{view.reference}</Heading>}>{t('case.preHeading')}</PreHeading>
      <Paragraph className="hoeder-phase">
        {t('case.phase')}: <strong>{enumLabel(t, 'phase', view.phase)}</strong> · {t('case.version')} {view.version}
      </Paragraph>
      {asOf && <AsOfNotice caseId={view.caseId} asOf={view.asOf ?? asOf} />}
      {!asOf && view.sections.includes('assessment') && <AssessmentStatus caseId={view.caseId} />}
      {view.sections.includes('agenda') && (
        <Paragraph>
          <RouterLink to={agendaPath(view.caseId)}>{untyped(t)('agenda.link')}</RouterLink>
        </Paragraph>
      )}
      {!asOf && hasActions && (
        <Paragraph>
          <Link href={`#${ACTIONS_ANCHOR}`}>{t('case.toActions')}</Link>
        </Paragraph>
      )}
      <div ref={savedRef} tabIndex={-1} aria-live="polite">
        {saved.count > 0 && !asOf && <Alert type="ok">{t('case.saved', { version: saved.version })}</Alert>}
      </div>
      <div className="hoeder-case">
        <div className="hoeder-case__main">
          <CaseSectionList view={view} />
          {!asOf && <AssignmentSection caseId={view.caseId} roles={me.roles} />}
          <CrownWitnessPanel caseId={view.caseId} me={me} asOf={asOf} />
          <ContactPanel view={view} roles={me.roles} asOf={asOf} />
          {!asOf && <CaseLettersAndObjections caseId={view.caseId} roles={me.roles} sections={view.sections} />}
          <LearningSection caseId={view.caseId} asOf={asOf} />
          {!asOf && <ArrangementSection caseId={view.caseId} roles={me.roles} />}
          {!asOf && <CaseActions view={view} me={me} onSaved={onSaved} savedCount={saved.count} />}
          {view.sections.includes('timeline') && <CaseTimeline caseId={view.caseId} asOf={asOf} />}
        </div>
        <aside className="hoeder-case__aside" aria-label={t('asOf.legend')}>
          <AsOfControl key={asOf ?? 'now'} asOf={asOf} onChange={showAsOf} />
        </aside>
      </div>
    </>
  );
}
