import { fail, ok, type Result } from '../shared/result';
import type { Organisation } from '../shared/vocabulary';
import type { Participant } from './coordination-events';

/**
 * Participants in a consultation or weighing (ADR 0030): a Hoeder user, picked by id from the
 * case's team (name and organisation come from the user record, never from the form), or an
 * external participant with a name and an organisation. Stored as `Participant`: a user carries
 * its id, an external does not.
 */
export type ParticipantInput = { userId: string } | { name: string; organisation: Organisation };

export const isUserParticipant = (p: Participant): p is Participant & { userId: string } => typeof p.userId === 'string' && p.userId.length > 0;

const same = (a: string, b: string) => a.trim().toLocaleLowerCase('nl').replace(/\s+/g, ' ') === b.trim().toLocaleLowerCase('nl').replace(/\s+/g, ' ');

/**
 * Resolves the participants a writer named: users must be on the case's team; the author is always
 * listed (as a user); an external may not be a team member entered by name (that would slip past
 * the independence check); nobody twice.
 */
export function resolveParticipants(
  input: readonly ParticipantInput[],
  author: { userId: string; name: string; organisation: Organisation },
  team: readonly { userId: string; name: string; organisation: Organisation }[],
): Result<Participant[]> {
  const out: Participant[] = [{ name: author.name, organisation: author.organisation, userId: author.userId }];
  for (const p of input) {
    if ('userId' in p) {
      const user = p.userId === author.userId ? author : team.find((t) => t.userId === p.userId);
      if (!user) return fail('VALIDATION_FAILED', 'participants: not a user on this case', { field: 'participants', userId: p.userId });
      if (!out.some((o) => o.userId === user.userId)) out.push({ name: user.name, organisation: user.organisation, userId: user.userId });
      continue;
    }
    if ([author, ...team].some((t) => same(t.name, p.name) && t.organisation === p.organisation)) return fail('VALIDATION_FAILED', 'participants: a user of this case is picked as a user, not named as an external', { field: 'participants' });
    if (out.some((o) => !isUserParticipant(o) && same(o.name, p.name) && o.organisation === p.organisation)) return fail('VALIDATION_FAILED', 'participants: an external participant is listed twice', { field: 'participants' });
    out.push({ name: p.name, organisation: p.organisation });
  }
  return ok(out);
}

/**
 * The reviewer of a weighing is independent of it: not its author, not a user who took part, and
 * not an external participant under the reviewer's own name and organisation (older records, or
 * a name typed in before users were picked, still count).
 */
export function independentOf(weighing: { recordedBy: string; participants: readonly Participant[] }, reviewer: { userId: string; name?: string | undefined; organisation?: Organisation | undefined }): boolean {
  if (weighing.recordedBy === reviewer.userId) return false;
  return !weighing.participants.some((p) =>
    isUserParticipant(p) ? p.userId === reviewer.userId : reviewer.name !== undefined && reviewer.organisation === p.organisation && same(p.name, reviewer.name),
  );
}
