import { useTranslation } from 'react-i18next';
import { Paragraph } from '@rijkshuisstijl-community/components-react';
import type { CaseView, Me } from '@hoeder/contracts';
import { allowedActions, hasCommandRole } from '../../lib/permissions';
import { Section } from '../CaseSections/Section';
import { DafLink } from '../../pages/AssessmentPage/AssessmentStatus';
import { DecisionProposalForm } from './DecisionProposalForm';
import { DecisionReviewForm } from './DecisionReviewForm';
import { EndCaseForm } from './EndCaseForm';
import { TeamMemberForm } from './TeamMemberForm';
import { TriageForm } from './TriageForm';

/** Id of the actions section (the "acties" tab of the case page). */
export const ACTIONS_ANCHOR = 'acties';

/** The actions this user may take on the case now: by role, by phase and by four-eyes. */
interface Props {
  view: CaseView;
  me: Me;
  onSaved: (version: number) => void;
  /** Changes after each successful command. */
  savedCount: number;
}

export function CaseActions({ view, me, onSaved, savedCount }: Props) {
  const { t } = useTranslation();
  const pending = view.decision?.pending;
  const actions = allowedActions({ roles: me.roles, userId: me.userId, phase: view.phase, pendingProposedBy: pending?.proposedBy.userId, viewingPast: false });
  const ownProposal = pending !== undefined && pending.proposedBy.userId === me.userId && hasCommandRole(me.roles, 'ApproveDecision');
  // Keyed by the save count, not the version: a saved form starts empty, while a form whose submit
  // was refused keeps its input even after the case is reloaded to a newer version.
  return (
    <Section id={ACTIONS_ANCHOR} title={t('case.actionsHeading')}>
      {actions.size === 0 && !ownProposal && <Paragraph>{t('case.noActions')}</Paragraph>}
      {ownProposal && <Paragraph>{t('reviewForm.ownProposal')}</Paragraph>}
      {actions.has('CompleteTriage') && <TriageForm key={`triage-${savedCount}`} view={view} onSaved={onSaved} />}
      {actions.has('RecordAssessment') && <DafLink caseId={view.caseId} />}
      {actions.has('ProposeDecision') && <DecisionProposalForm key={`proposal-${savedCount}`} view={view} onSaved={onSaved} />}
      {actions.has('ApproveDecision') && pending && <DecisionReviewForm key={`review-${savedCount}`} view={view} decisionId={pending.decisionId} onSaved={onSaved} />}
      {actions.has('AssignMember') && <TeamMemberForm key={`team-${savedCount}`} view={view} onSaved={onSaved} />}
      {actions.has('EndCase') && <EndCaseForm key={`end-${savedCount}`} view={view} onSaved={onSaved} />}
    </Section>
  );
}
