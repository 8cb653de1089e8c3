import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Alert, Heading, Paragraph, PreHeading } from '@rijkshuisstijl-community/components-react';
import { Uuid, type AssessmentView, type Me } from '@hoeder/contracts';
import { classificationRank, type Classification } from '@hoeder/domain';
import { useCaseView } from '../../api/queries';
import { ApiErrorAlert } from '../../components/ApiErrorAlert/ApiErrorAlert';
import { useCurrentUser } from '../../components/AuthGate/AuthGate';
import { Section } from '../../components/CaseSections/Section';
import { ClassificationBanner } from '../../components/ClassificationBanner/ClassificationBanner';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { usePageTitle } from '../../hooks/usePageTitle';
import { isNotFound } from '../../lib/errors';
import { NotFoundPage } from '../NotFoundPage/NotFoundPage';
import { useAssessment, useTemplates } from './assessmentQueries';
import { DraftEditor } from './DraftEditor';
import { ItemForm } from './ItemForm';
import { ItemRegister } from './ItemRegister';
import { AssumptionTestForm, AssumptionTests, DecisionBasisSection } from './MonitoringForms';
import { ReassessmentNotice } from './ReassessmentNotice';
import { VersionList } from './VersionCompare';
import { VersionView } from './VersionView';
import { ChallengeForm, FinaliseForm, ReturnToDraftForm, StartDraftForm, SubmitForm } from './WorkflowForms';

/** The DAF page of a case (dreigingsinschatting): the register, the versions and the analysts' work. */
export function AssessmentPage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const wellFormed = Uuid.safeParse(caseId).success;
  const caseView = useCaseView(caseId, null, wellFormed);
  const daf = useAssessment(caseId, wellFormed);
  const notFound = !wellFormed || isNotFound(daf.error) || isNotFound(caseView.error);
  usePageTitle(caseView.data ? t('daf.title', { reference: caseView.data.reference }) : notFound ? null : t('app.loading'));
  if (notFound) return <NotFoundPage title={t('case.notFoundTitle')} text={t('case.notFoundText')} />;
  const error = daf.error ?? caseView.error;
  if (error) {
    return (
      <>
        <Heading level={1}>{t('daf.loadFailed')}</Heading>
        <ApiErrorAlert error={error} />
      </>
    );
  }
  if (!daf.data || !caseView.data) return <Paragraph role="status">{t('app.loading')}</Paragraph>;
  const d = caseView.data.decision;
  const decisionIds = d ? [...d.superseded, ...d.rejected, ...(d.active ? [d.active] : []), ...(d.pending ? [d.pending] : [])].map((x) => x.decisionId) : [];
  return <AssessmentDetails view={daf.data} reference={caseView.data.reference} caseClassification={caseView.data.summary.classification} decisionIds={decisionIds} />;
}

const highest = (cs: readonly Classification[]) => cs.reduce((a, b) => (classificationRank(b) > classificationRank(a) ? b : a));

function AssessmentDetails({ view, reference, caseClassification, decisionIds }: { view: AssessmentView; reference: string; caseClassification: Classification; decisionIds: string[] }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [saved, setSaved] = useState({ version: 0, count: 0 });
  const savedRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (saved.count > 0) savedRef.current?.focus();
  }, [saved.count]);
  const onSaved = (version: number) => setSaved((s) => ({ version, count: s.count + 1 }));
  // Forms act on the version they show: until the refetch has brought the saved version, they wait.
  const fresh = view.version >= saved.version;
  const templates = useTemplates(true);
  const templateOf = (v: AssessmentView['versions'][number]) => templates.data?.find((x) => x.templateId === v.content.template.templateId && x.version === v.content.template.version);
  const final = view.versions.find((v) => v.status === 'final');
  const open = view.versions.find((v) => v.status === 'draft' || v.status === 'in_challenge');
  const earlier = view.versions.filter((v) => v.status === 'superseded').reverse();
  const analyst = me.roles.includes('threat_analyst');
  const classification = highest([caseClassification, 'stg_confidential', ...view.versions.map((v) => v.content.classification)]);

  return (
    <>
      <ClassificationBanner classification={classification} />
      <Paragraph>
        <RouterLink to={`/casussen/${view.caseId}`}>{t('daf.backToCase')}</RouterLink>
      </Paragraph>
      <PreHeading heading={<Heading level={1}>{t('daf.heading')}</Heading>}>{reference}</PreHeading>
      <Paragraph>{t('daf.intro', { version: view.version })}</Paragraph>
      <ReassessmentNotice view={view} />
      <div ref={savedRef} tabIndex={-1} aria-live="polite">
        {saved.count > 0 && fresh && <Alert type="ok">{t('daf.saved', { version: saved.version })}</Alert>}
      </div>
      <Section title={t('daf.current.heading')} id="huidig">
        {final ? <VersionView version={final} names={view.names} template={templateOf(final)} /> : <Paragraph>{t('daf.current.none')}</Paragraph>}
        <AssumptionTests view={view} />
        {analyst && fresh && final?.content.assumptions && final.content.assumptions.length > 0 && (
          <AssumptionTestForm key={`test-${saved.count}`} caseId={view.caseId} version={view.version} assumptions={final.content.assumptions} onSaved={onSaved} />
        )}
      </Section>
      {(open || analyst) && (
        <Section title={t('daf.open.heading')} id="in-bewerking">
          {open ? <VersionView version={open} names={view.names} template={templateOf(open)} /> : <Paragraph>{t('daf.open.none')}</Paragraph>}
          {analyst && fresh && <AnalystActions key={saved.count} view={view} me={me} open={open} hasFinal={!!final} templates={templates.data ?? []} onSaved={onSaved} />}
        </Section>
      )}
      <ItemRegister items={view.items} />
      {analyst && fresh && <ItemForm key={`item-${saved.count}`} caseId={view.caseId} version={view.version} onSaved={onSaved} />}
      <VersionList caseId={view.caseId} view={view} />
      <DecisionBasisSection caseId={view.caseId} decisionIds={decisionIds} />
      {earlier.length > 0 && (
        <Section title={t('daf.earlier.heading')}>
          {earlier.map((v) => (
            <VersionView key={v.versionNumber} version={v} names={view.names} template={templateOf(v)} />
          ))}
        </Section>
      )}
    </>
  );
}

interface ActionProps {
  view: AssessmentView;
  me: Me;
  open: AssessmentView['versions'][number] | undefined;
  hasFinal: boolean;
  templates: Parameters<typeof StartDraftForm>[0]['templates'];
  onSaved: (version: number) => void;
}

/** What this analyst can do next: by the state of the open version and whether they wrote it. */
function AnalystActions({ view, me, open, hasFinal, templates, onSaved }: ActionProps) {
  const props = { caseId: view.caseId, version: view.version, onSaved };
  if (!open) return <StartDraftForm {...props} templates={templates} reasonNeeded={hasFinal} />;
  const author = open.authorId === me.userId;
  if (open.status === 'draft') {
    if (!author) return null;
    const template = templates.find((x) => x.templateId === open.content.template.templateId && x.version === open.content.template.version);
    return (
      <>
        <DraftEditor {...props} draft={open} items={view.items} template={template} />
        <SubmitForm {...props} />
      </>
    );
  }
  if (!author) return <ChallengeForm {...props} />;
  const dissent = (open.challenges ?? []).some((c) => c.revision === open.revision && c.verdict === 'dissent');
  return (
    <>
      <FinaliseForm {...props} dissent={dissent} />
      <ReturnToDraftForm {...props} />
    </>
  );
}
