import { assessment, projectCaseAsOf, type Classification, type RecordedCaseEvent } from '@hoeder/domain';
import type { DecisionBasisView } from '@hoeder/contracts';
import { findUsersByIds, type Db } from '@hoeder/db';
import type { DafAccess } from '../platform/guard/daf-check';
import { dafAssessmentId } from './daf-ids';

/**
 * "As of" for one decision (ADR 0008): which DAF version was in effect, which items were
 * registered, and what each member of the case team could see of them at that moment. The items
 * listed are those the reader may see the grading of today; content is never part of this view.
 */
export async function decisionBasisView(
  db: Db,
  caseId: string,
  caseEvents: readonly RecordedCaseEvent[],
  daf: DafAccess,
  dafEvents: readonly assessment.RecordedAssessmentEvent[],
  decisionId: string,
): Promise<DecisionBasisView | undefined> {
  const proposed = caseEvents.find((e) => e.body.type === 'DecisionProposed' && e.body.decisionId === decisionId);
  if (!proposed) return undefined;
  const decided = caseEvents.find((e) => (e.body.type === 'DecisionApproved' || e.body.type === 'DecisionRejected') && e.body.decisionId === decisionId);
  const at = decided?.occurredAt ?? proposed.occurredAt;
  const team = projectCaseAsOf(caseEvents, at)?.memberIds ?? [];
  const users = await findUsersByIds(db, team);
  const subjects = users.map((u) => ({ userId: u.userId, roles: u.roles, organisation: u.organisation, clearance: u.clearance as Classification }));
  const basis = assessment.decisionBasis(caseEvents, dafEvents, decisionId, subjects as Parameters<typeof assessment.decisionBasis>[3]);
  if (!basis) return undefined;
  const names = new Map(users.map((u) => [u.userId, u.displayName]));
  const graded = new Set(daf.view.gradedItemIds);
  const inEffect = basis.assessment.versionInEffect?.versionNumber;
  return {
    decisionId,
    at: basis.at,
    proposedAt: basis.proposedAt,
    decidedAt: basis.decidedAt,
    caseVersion: basis.caseVersion,
    versionInEffect: inEffect,
    assessmentId: inEffect === undefined ? undefined : dafAssessmentId(caseId, inEffect),
    openVersion: basis.assessment.openVersion?.versionNumber,
    itemsRegistered: basis.assessment.itemsRegistered
      .filter((i) => graded.has(i.itemId))
      .map((i) => ({ itemId: i.itemId, kind: i.kind, originator: i.originator, registeredAt: i.registeredAt })),
    reassessmentDue: basis.assessment.reassessment.due,
    visibility: basis.visibility.map((v) => ({
      userId: v.userId,
      displayName: names.get(v.userId) ?? v.userId,
      member: v.member,
      parts: v.view.parts,
      gradedItemIds: v.view.gradedItemIds.filter((id) => graded.has(id)),
      contentItemIds: v.view.contentItemIds.filter((id) => graded.has(id)),
    })),
  };
}
