import { randomUUID } from 'node:crypto';
import type { CaseAddressesView, DuplicateCheckRequest, DuplicateCheckResponse, PersonView, SavePersonDetailsRequest } from '@hoeder/contracts';
import { appendPersonDetails, findPersons, findUsersByIds, knownPersons, loadPersonDetails, type PersonDetailsVersionRow } from '@hoeder/db';
import { fail, likelyDuplicates, ok, type PersonDetails, type PersonRole, type Result } from '@hoeder/domain';
import { actingRole, type AuthenticatedActor, type RequestContext } from '../platform/actor';
import type { Guard } from '../platform/guard/guard';
import { caseAddressesRead, personDetailsWrite, personMatch, personRead, type PersonReading } from '../platform/guard/person-check';

async function detailsDto(trx: Parameters<typeof findUsersByIds>[0], current: PersonDetailsVersionRow | undefined): Promise<PersonView['details']> {
  if (!current) return null;
  const [user] = await findUsersByIds(trx, [current.recordedBy]);
  return { version: current.version, ...current.details, recordedAt: current.recordedAt, recordedBy: user?.displayName ?? current.recordedBy };
}

/**
 * The person's file (issue 12 item 1) on the guarded layer: one record across cases; contact
 * details and addresses cut to the reader's address scope (ADR 0021); every new version of the
 * details is a whole new version, who and when recorded, never an update.
 */
export function createPersonService({ guard }: { guard: Guard }) {
  async function view(trx: Parameters<typeof findPersons>[0], grant: PersonReading, personId: string): Promise<Result<PersonView>> {
    const [person] = await findPersons(trx, grant.read, [personId]);
    if (!person) return fail('NOT_FOUND', 'person not found');
    const current = (await loadPersonDetails(trx, grant.read, personId)).at(-1);
    return ok({
      personId,
      fullName: person.fullName,
      dateOfBirth: person.dateOfBirth,
      cases: grant.cases.map((c) => ({ caseId: c.caseId, reference: c.reference, role: c.role as PersonRole, relation: c.relation, relationCode: c.relationCode, relationCodeBasis: c.relationCodeBasis })),
      addressAccess: grant.scope.kind,
      details: await detailsDto(trx, current),
      mayEdit: grant.mayEdit,
    });
  }

  return {
    view: (ctx: RequestContext, actor: AuthenticatedActor, personId: string): Promise<Result<PersonView>> =>
      guard.withAccess(ctx, actor, { operation: 'person.view', objectType: 'person', objectId: personId, check: personRead(personId) }, async ({ trx, grant, note }) => {
        const result = await view(trx, grant, personId);
        if (result.ok) note({ detailsVersion: result.value.details?.version ?? 0, addresses: result.value.details?.addresses.length ?? 0 });
        return result;
      }),

    saveDetails: (ctx: RequestContext, actor: AuthenticatedActor, personId: string, input: SavePersonDetailsRequest): Promise<Result<PersonView>> =>
      guard.withAccess(
        ctx,
        actor,
        { operation: 'person.details.record', objectType: 'person', objectId: personId, check: personDetailsWrite(personId), conflict: () => ({ code: 'VERSION_CONFLICT', message: 'the contact details were changed by someone else; reload them' }) },
        async ({ trx, grant, note }) => {
          const currentVersion = (await loadPersonDetails(trx, grant.write, personId)).at(-1)?.version ?? 0;
          if (input.expectedVersion !== currentVersion) return fail('VERSION_CONFLICT', `the contact details are at version ${currentVersion}, not ${input.expectedVersion}`, { currentVersion });
          const details: PersonDetails = { phone: input.phone, email: input.email, addresses: input.addresses.map((a) => ({ ...a, addressId: a.addressId ?? randomUUID() })) };
          await appendPersonDetails(trx, grant.write, { version: currentVersion + 1, details, recordedBy: actor.userId, recordedRole: actingRole(actor) }, ctx.now);
          note({ detailsVersion: currentVersion + 1, addresses: details.addresses.length });
          const reading = await personRead(personId)(trx, actor, ctx.now);
          return reading.ok ? view(trx, reading.grant, personId) : fail('NOT_FOUND', 'person not found');
        },
      ),

    /** The addresses a case's protectors need, cut to their scope (no phone, no e-mail here). */
    caseAddresses: (ctx: RequestContext, actor: AuthenticatedActor, caseId: string): Promise<Result<CaseAddressesView>> =>
      guard.withAccess(ctx, actor, { operation: 'person.case_addresses', objectType: 'case', objectId: caseId, dataSubjectId: caseId, check: caseAddressesRead(caseId) }, async ({ trx, grant, note }) => {
        const ids = grant.persons.map((p) => p.personId);
        const names = new Map((await findPersons(trx, grant.read, ids)).map((p) => [p.personId, p.fullName]));
        const persons = [];
        for (const p of grant.persons) {
          const current = (await loadPersonDetails(trx, grant.read, p.personId)).at(-1);
          persons.push({ personId: p.personId, fullName: names.get(p.personId) ?? '', role: p.role as PersonRole, addresses: current?.details.addresses ?? [] });
        }
        note({ addresses: persons.reduce((n, p) => n + p.addresses.length, 0) });
        return ok({ caseId, addressAccess: grant.scope.kind === 'all' ? 'all' : 'domains', persons });
      }),

    /** Intake's warning: the known persons that look like those being registered (never a refusal). */
    duplicates: (ctx: RequestContext, actor: AuthenticatedActor, input: DuplicateCheckRequest): Promise<Result<DuplicateCheckResponse>> =>
      guard.withAccess(ctx, actor, { operation: 'person.duplicate_check', objectType: 'person', check: personMatch() }, async ({ trx, grant, note }) => {
        const known = await knownPersons(trx, grant);
        const matches = input.persons.flatMap((p, index) =>
          likelyDuplicates(p, known).slice(0, 3).map((m) => {
            const person = known.find((k) => k.personId === m.personId)!;
            return { index, personId: m.personId, fullName: person.fullName, dateOfBirth: person.dateOfBirth, strength: m.strength };
          }),
        );
        note({ matchedPersonIds: matches.map((m) => m.personId) });
        return ok({ matches });
      }),
  };
}

export type PersonService = ReturnType<typeof createPersonService>;
