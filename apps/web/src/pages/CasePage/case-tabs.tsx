import type { ReactNode } from 'react';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import type { CaseView, Me } from '@hoeder/contracts';
import { mayOnLetters, mayOnObjections } from '@hoeder/domain';
import { AssignmentSection, maySeeAssignmentSection } from '../../components/AssignmentSection/AssignmentSection';
import { CaseActions } from '../../components/CaseActions/CaseActions';
import { IntakeSection, PersonsSection, SummarySection, TeamSection } from '../../components/CaseSections/BasicSections';
import { DecisionSection } from '../../components/CaseSections/DecisionSection';
import { AssessmentsSection, MeasuresSection, TriageSection } from '../../components/CaseSections/ProcessSections';
import { CaseTimeline } from '../../components/CaseTimeline/CaseTimeline';
import { RouterLink } from '../../components/RouterLink/RouterLink';
import { CaseLettersAndObjections } from '../../components/LettersSection/CaseLettersAndObjections';
import { ObjectionsAsOf } from '../../components/ObjectionsAsOf/ObjectionsAsOf';
import { ContactPanel, mayReadContactLog } from '../../components/ContactPanel/ContactPanel';
import { CaseAddresses, throughAssignment } from '../../components/ContactPanel/CaseAddresses';
import { ArrangementSection, maySeeArrangements } from '../../components/ArrangementSection/ArrangementSection';
import { LearningSection, maySeeLearningSection } from '../../components/LearningSection/LearningSection';
import { CrownWitnessPanel, maySeeCoordination } from '../../components/CrownWitnessPanel/CrownWitnessPanel';
import { AssessmentStatus } from '../AssessmentPage/AssessmentStatus';
import { agendaPath } from '../AgendaPage/AgendaPage';

/** What a tab gets to decide whether it shows and what it renders. */
export interface CaseTabContext {
  view: CaseView;
  me: Me;
  /** The moment the page shows the case as it stood, or null for now. */
  asOf: string | null;
  onSaved: (version: number) => void;
  /** Changes after each successful command (forms start empty after a save). */
  savedCount: number;
  /** Label for keys outside the typed i18n tree (agenda.link). */
  text: (key: string) => string;
}

export interface CaseTab {
  /** In the address: `?tab=<id>`. Dutch, as users see and share the address. */
  id: string;
  /** i18n key of the tab's label, under caseTabs. */
  labelKey: `caseTabs.${string}`;
  visible: (ctx: CaseTabContext) => boolean;
  render: (ctx: CaseTabContext) => ReactNode;
}

const has = (view: CaseView, section: CaseView['sections'][number]) => view.sections.includes(section);

/**
 * The case page's tabs, in the order of the primary process, summary first. Each part of the
 * case appears in exactly one tab. A feature adds its panel with one entry here; a tab whose
 * sections the server withheld (need-to-know) is not offered at all.
 */
export const CASE_TABS: readonly CaseTab[] = [
  {
    id: 'samenvatting',
    labelKey: 'caseTabs.summary',
    visible: () => true,
    render: ({ view, asOf, text }) => (
      <>
        {has(view, 'summary') && <SummarySection summary={view.summary} phase={view.phase} />}
        {!asOf && has(view, 'assessment') && <AssessmentStatus caseId={view.caseId} />}
        {has(view, 'agenda') && (
          <Paragraph>
            <RouterLink to={agendaPath(view.caseId)}>{text('agenda.link')}</RouterLink>
          </Paragraph>
        )}
      </>
    ),
  },
  {
    id: 'personen',
    labelKey: 'caseTabs.persons',
    visible: ({ view }) => view.persons !== undefined,
    render: ({ view }) => view.persons && <PersonsSection persons={view.persons} />,
  },
  {
    id: 'aanmelding',
    labelKey: 'caseTabs.intake',
    visible: ({ view }) => view.intake !== undefined || view.triage !== undefined,
    render: ({ view }) => (
      <>
        {view.intake && <IntakeSection intake={view.intake} />}
        {view.triage && <TriageSection triage={view.triage} />}
      </>
    ),
  },
  {
    id: 'dreiging',
    labelKey: 'caseTabs.assessment',
    visible: ({ view }) => view.assessments !== undefined,
    render: ({ view }) => view.assessments && <AssessmentsSection caseId={view.caseId} assessments={view.assessments} />,
  },
  {
    id: 'besluit',
    labelKey: 'caseTabs.decision',
    visible: ({ view }) => view.decision !== undefined || has(view, 'measures'),
    render: ({ view }) => (
      <>
        {has(view, 'measures') && <MeasuresSection measures={view.measures ?? null} />}
        {view.decision && <DecisionSection decision={view.decision} measuresShown={has(view, 'measures')} />}
      </>
    ),
  },
  {
    id: 'contact',
    labelKey: 'caseTabs.contact',
    // The liaison's one line of contact and what the person has been told (issue 12, ADR 0021).
    visible: ({ view, me }) => mayReadContactLog(me.roles) && has(view, 'persons') && has(view, 'decision'),
    render: ({ view, me, asOf }) => <ContactPanel view={view} roles={me.roles} asOf={asOf} />,
  },
  {
    id: 'afspraken',
    labelKey: 'caseTabs.arrangements',
    // Agreements, care referrals and the employer's duties; as of a moment read-only, with their statuses then (ADR 0031).
    visible: ({ me }) => maySeeArrangements(me.roles),
    render: ({ view, me, asOf }) => <ArrangementSection caseId={view.caseId} roles={me.roles} asOf={asOf} />,
  },
  {
    id: 'brieven',
    labelKey: 'caseTabs.letters',
    // Letters and objections act on the decision as it is now (issue 12); as of a moment, the decisions under objection then (ADR 0031).
    visible: ({ view, me, asOf }) => has(view, 'decision') && (asOf ? mayOnObjections(me.roles, 'read') : mayOnLetters(me.roles, 'read') || mayOnObjections(me.roles, 'read')),
    render: ({ view, me, asOf }) => (asOf ? <ObjectionsAsOf caseId={view.caseId} roles={me.roles} asOf={asOf} /> : <CaseLettersAndObjections caseId={view.caseId} roles={me.roles} sections={view.sections} />),
  },
  {
    id: 'beveiliging',
    labelKey: 'caseTabs.security',
    visible: ({ view, me, asOf }) => view.team !== undefined || (!asOf && maySeeAssignmentSection(me.roles)),
    render: ({ view, me, asOf }) => (
      <>
        {view.team && <TeamSection team={view.team} />}
        {!asOf && <AssignmentSection caseId={view.caseId} roles={me.roles} />}
        {!asOf && throughAssignment(me.roles) && <CaseAddresses caseId={view.caseId} roles={me.roles} />}
      </>
    ),
  },
  {
    id: 'incidenten',
    labelKey: 'caseTabs.learning',
    // Incidents, evaluations and lessons, also as of a past moment (issue 14).
    visible: ({ me }) => maySeeLearningSection(me.roles),
    render: ({ view, asOf }) => <LearningSection caseId={view.caseId} asOf={asOf} />,
  },
  {
    id: 'kroongetuige',
    labelKey: 'caseTabs.coordination',
    // The crown-witness track and the NCTV–OM weighings, under the OM's marking (issue 14).
    visible: ({ me }) => maySeeCoordination(me),
    render: ({ view, me, asOf }) => <CrownWitnessPanel caseId={view.caseId} me={me} asOf={asOf} />,
  },
  {
    id: 'acties',
    labelKey: 'caseTabs.actions',
    // Actions act on the case as it is now, never on a past state.
    visible: ({ asOf }) => !asOf,
    render: ({ view, me, onSaved, savedCount }) => <CaseActions view={view} me={me} onSaved={onSaved} savedCount={savedCount} />,
  },
  {
    id: 'tijdlijn',
    labelKey: 'caseTabs.timeline',
    visible: ({ view }) => has(view, 'timeline'),
    render: ({ view, asOf }) => <CaseTimeline caseId={view.caseId} asOf={asOf} />,
  },
];

/** The tab named in the address when it is offered to this reader, else the first (the summary). */
export function selectedTab(tabs: readonly CaseTab[], requested: string | null): CaseTab | undefined {
  return tabs.find((tab) => tab.id === requested) ?? tabs[0];
}
