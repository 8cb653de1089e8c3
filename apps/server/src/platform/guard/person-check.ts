import {
  addressScope,
  applicableRules,
  isAssignmentBased,
  mayIssueCommand,
  mayOnPerson,
  postRulesetInEffect,
  type AccessSubject,
  type ActivityDomain,
  type AddressScope,
  type Classification,
  type PersonCaseFacts,
} from '@hoeder/domain';
import { assignmentRefs, findUnit, loadAssignmentVersions, personCaseRefs, type AssignmentRef, type CaseReadGrant, type ContactLogGrant, type Db, type PersonCaseRef, type PersonDetailsWriteGrant, type PersonMatchGrant, type PersonReadGrant } from '@hoeder/db';
import { mintAssignment, mintCaseRead, mintContactLog, mintPersonDetailsWrite, mintPersonMatch, mintPersonRead } from '@hoeder/db/grant-mint';
import type { AuthenticatedActor } from '../actor';
import { caseAccess, processingActivity, type CaseAccess } from './case-check';
import { forbidden, hidden, type Checked } from './guard';

/**
 * The person's file and the contact log (issue 12, ADR 0021). Identity follows the `persons`
 * section of a case the person is in; contact details and addresses the stricter `addressScope`
 * (packages/domain/src/access/person-access.ts); the contact log the case plus `mayOnPerson`.
 */

/** The activity domains where an assignment's current measures make posts this unit (or, for the LCC, any unit) may staff. */
async function postDomains(trx: Db, actor: AccessSubject, ref: AssignmentRef, now: Date): Promise<Set<ActivityDomain>> {
  const latest = (await loadAssignmentVersions(trx, mintAssignment([ref.assignmentId], { concepts: false, write: false }), ref.assignmentId)).at(-1);
  const ruleset = postRulesetInEffect(now.toISOString().slice(0, 10));
  if (latest?.kind !== 'issued' || !ruleset) return new Set();
  const unit = actor.roles.includes('lcc_coordinator') || !actor.unitId ? undefined : await findUnit(trx, actor.unitId);
  if (!actor.roles.includes('lcc_coordinator') && !unit) return new Set();
  const rules = applicableRules(ruleset, new Set(Object.values(latest.content.measures).flat())).filter((r) => !unit || r.allowedUnitKinds.includes(unit.kind));
  return new Set(rules.flatMap((r) => r.domains));
}

interface PersonCase {
  ref: PersonCaseRef;
  access: CaseAccess | undefined;
  facts: PersonCaseFacts;
}

async function personCases(trx: Db, actor: AccessSubject, refs: readonly PersonCaseRef[], now: Date): Promise<PersonCase[]> {
  const out: PersonCase[] = [];
  for (const ref of refs) {
    const access = await caseAccess(trx, actor, ref.caseId, now);
    const [assignment] = isAssignmentBased(actor) ? await assignmentRefs(trx, { caseIds: [ref.caseId] }) : [];
    const member = !!access && access.memberOf.has(ref.caseId) && !isAssignmentBased(actor);
    const domains = assignment ? await postDomains(trx, actor, assignment, now) : new Set<ActivityDomain>();
    out.push({ ref, access, facts: { caseId: ref.caseId, classification: ref.classification as Classification, member, assignment, postDomains: domains } });
  }
  return out;
}

export interface PersonReading {
  read: PersonReadGrant;
  /** The person's cases this reader may see (the others are not named). */
  cases: PersonCaseRef[];
  scope: AddressScope;
  /** The liaison on a case of the person's records new contact details. */
  mayEdit: boolean;
}

/** The purpose of a person access: that of the first case that gave the basis. */
const purposeOf = (actor: AccessSubject, cases: readonly PersonCase[]) => {
  const first = cases.find((c) => c.access);
  return first?.access ? processingActivity(actor, first.access.memberOf, first.ref.caseId, first.access.breakGlass) : 'protection.execution';
};

/**
 * Reading a person's file: identity where a case of theirs shows its `persons` section, or where
 * an assignment gives an address basis (the unit already has the name in its extract). Anyone
 * else gets the 404 of a missing person.
 */
export const personRead =
  (personId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<PersonReading>> => {
    const cases = await personCases(trx, actor, await personCaseRefs(trx, { personId }), now);
    const scope = addressScope(actor, cases.map((c) => c.facts));
    const visible = cases.filter((c) => c.access?.sections.has('persons') || (scope.kind === 'domains' && c.facts.postDomains.size > 0 && c.access));
    if (visible.length === 0 && scope.kind === 'none') return hidden('person');
    const read = mintPersonRead([personId], scope.kind === 'domains' ? { kind: 'domains', domains: scope.domains } : scope);
    const mayEdit = scope.kind === 'all' && mayOnPerson(actor, 'writeContactDetails');
    return { ok: true, grant: { read, cases: visible.map((c) => c.ref), scope, mayEdit }, purpose: purposeOf(actor, cases), details: { caseIds: visible.map((c) => c.ref.caseId), addresses: scope.kind } };
  };

/** Recording a person's contact details: the liaison on a case of theirs (403 if the file is visible, else 404). */
export const personDetailsWrite =
  (personId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<{ write: PersonDetailsWriteGrant }>> => {
    const readable = await personRead(personId)(trx, actor, now);
    if (!readable.ok) return readable;
    if (!readable.grant.mayEdit) return forbidden('contact details are recorded by the liaison on a case of this person', readable.purpose);
    return { ok: true, grant: { write: mintPersonDetailsWrite(personId) }, purpose: readable.purpose, details: readable.details };
  };

/** Intake's duplicate warning: whoever registers cases compares with the known persons. */
export const personMatch =
  () =>
  async (_trx: Db, actor: AuthenticatedActor): Promise<Checked<PersonMatchGrant>> =>
    mayIssueCommand(actor, 'RegisterCase', undefined, new Set()) ? { ok: true, grant: mintPersonMatch(), purpose: 'protection.case_handling' } : forbidden('only intake compares new persons with the known ones', 'protection.case_handling');

export interface ContactLogReading {
  log: ContactLogGrant;
  /** The case stream for the decision in force and what was offered (sections `decision`, `persons`). */
  caseRead: CaseReadGrant;
  access: CaseAccess;
  mayWrite: boolean;
}

const writesLog = (actor: AuthenticatedActor, access: CaseAccess, caseId: string) => mayOnPerson(actor, 'writeContactLog') && access.memberOf.has(caseId) && !access.breakGlass;

/** The contact log and told-timeline: a reader of the case's persons and decision sections in a role that reads the log. */
export const contactLogRead =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<ContactLogReading>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access || !access.sections.has('persons') || !access.sections.has('decision') || !mayOnPerson(actor, 'readContactLog')) return hidden();
    const basis = access.memberOf.has(caseId) ? 'member' : access.breakGlass ? 'break_glass' : 'oversight';
    const mayWrite = writesLog(actor, access, caseId);
    return {
      ok: true,
      grant: { log: mintContactLog(caseId, mayWrite), caseRead: mintCaseRead(caseId, access.sections, basis), access, mayWrite },
      purpose: processingActivity(actor, access.memberOf, caseId, access.breakGlass),
    };
  };

/** Logging a contact: the liaison on the case's team (not under break-glass). 404 when the case is hidden, else 403. */
export const contactLogWrite =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<ContactLogReading>> => {
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access) return hidden();
    const purpose = processingActivity(actor, access.memberOf, caseId, access.breakGlass);
    if (!writesLog(actor, access, caseId)) return forbidden('the contact log is kept by the liaison on the case', purpose);
    return { ok: true, grant: { log: mintContactLog(caseId, true), caseRead: mintCaseRead(caseId, access.sections, 'member'), access, mayWrite: true }, purpose };
  };

export interface CaseAddressesReading {
  read: PersonReadGrant;
  persons: PersonCaseRef[];
  scope: AddressScope;
}

/**
 * The addresses of a case's persons for whoever protects them (issue 12): the scope comes from
 * this case's basis only (the liaison on its team; the LCC or a tasked unit through its live
 * assignment, then only the threatened person, as in the operational extract). A hidden case is
 * a 404; a visible one without an address basis a 403.
 */
export const caseAddressesRead =
  (caseId: string) =>
  async (trx: Db, actor: AuthenticatedActor, now: Date): Promise<Checked<CaseAddressesReading>> => {
    const refs = await personCaseRefs(trx, { caseId });
    const access = await caseAccess(trx, actor, caseId, now);
    if (!access) return hidden();
    const purpose = processingActivity(actor, access.memberOf, caseId, access.breakGlass);
    const [one] = await personCases(trx, actor, refs.slice(0, 1), now);
    const scope = one ? addressScope(actor, [one.facts]) : ({ kind: 'none' } as const);
    if (scope.kind === 'none') return forbidden('addresses are for the liaison on the case and, through the assignment, for the units that protect the person', purpose);
    const persons = scope.kind === 'all' ? refs : refs.filter((r) => r.role === 'threatened_person');
    const read = mintPersonRead(persons.map((p) => p.personId), scope.kind === 'domains' ? { kind: 'domains', domains: scope.domains } : scope);
    return { ok: true, grant: { read, persons, scope }, purpose, details: { personIds: persons.map((p) => p.personId), addresses: scope.kind } };
  };
