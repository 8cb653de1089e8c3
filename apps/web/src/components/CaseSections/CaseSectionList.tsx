import type { CaseView } from '@hoeder/contracts';
import { IntakeSection, PersonsSection, SummarySection, TeamSection } from './BasicSections';
import { DecisionSection } from './DecisionSection';
import { AssessmentsSection, MeasuresSection, TriageSection } from './ProcessSections';

/**
 * The sections the server released to this reader, in the order of the primary process. A
 * withheld section is absent from the view, so it is simply not rendered.
 */
export function CaseSectionList({ view }: { view: CaseView }) {
  const has = (section: CaseView['sections'][number]) => view.sections.includes(section);
  return (
    <>
      {has('summary') && <SummarySection summary={view.summary} phase={view.phase} />}
      {view.persons && <PersonsSection persons={view.persons} />}
      {view.intake && <IntakeSection intake={view.intake} />}
      {view.triage && <TriageSection triage={view.triage} />}
      {view.assessments && <AssessmentsSection caseId={view.caseId} assessments={view.assessments} />}
      {view.decision && <DecisionSection decision={view.decision} />}
      {has('measures') && <MeasuresSection measures={view.measures ?? null} />}
      {view.team && <TeamSection team={view.team} />}
    </>
  );
}
