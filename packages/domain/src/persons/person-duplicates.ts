/**
 * Intake's duplicate warning (issue 12 item 1): a person is one record across cases, so a new
 * registration is compared with the persons already known. Similar name AND similar date of birth
 * is a likely duplicate; the same name where a date of birth is missing is a possible one. It is a
 * warning for the triage officer, never a refusal: namesakes exist.
 */
export interface PersonIdentity {
  fullName: string;
  dateOfBirth?: string | null | undefined;
}

export interface KnownPerson extends PersonIdentity {
  personId: string;
}

export type DuplicateStrength = 'likely' | 'possible';

export interface DuplicateMatch {
  personId: string;
  strength: DuplicateStrength;
  /** Name similarity, 0..1 (1: the same after normalising). */
  nameScore: number;
  sameDateOfBirth: boolean;
}

/** Name parts that are written in many ways (or left out) in Dutch names. */
const PARTICLES = new Set(['van', 'de', 'der', 'den', 'het', 't', 'ter', 'ten', 'te', 'la', 'le', 'du', 'op', 'in']);

/** Lower case, no accents, no particles, parts sorted: "Jan de Vries" and "Vries, Jan" compare equal. */
export function normaliseName(name: string): string {
  const parts = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z\s-]/g, ' ')
    .split(/[\s-]+/)
    .filter((p) => p.length > 0 && !PARTICLES.has(p));
  return parts.sort().join(' ');
}

/** Edit distance (insert, delete, substitute), two rows. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

export function nameSimilarity(a: string, b: string): number {
  const x = normaliseName(a);
  const y = normaliseName(b);
  const longest = Math.max(x.length, y.length);
  return longest === 0 ? 0 : 1 - editDistance(x, y) / longest;
}

/** The same date, day and month swapped, or one typed digit off. */
export function similarDates(a: string, b: string): boolean {
  if (a === b) return true;
  const [ya, ma, da] = a.split('-');
  const [yb, mb, db] = b.split('-');
  if (ya === yb && ma === db && da === mb) return true;
  return a.length === b.length && editDistance(a, b) === 1;
}

/** From this name similarity on, two names count as the same person's. */
export const NAME_THRESHOLD = 0.85;

/** The known persons that may be the one being registered, strongest first. */
export function likelyDuplicates(candidate: PersonIdentity, known: readonly KnownPerson[]): DuplicateMatch[] {
  const matches: DuplicateMatch[] = [];
  for (const person of known) {
    const nameScore = Math.round(nameSimilarity(candidate.fullName, person.fullName) * 100) / 100;
    if (nameScore < NAME_THRESHOLD) continue;
    const both = candidate.dateOfBirth && person.dateOfBirth;
    const sameDateOfBirth = !!both && candidate.dateOfBirth === person.dateOfBirth;
    if (both && similarDates(candidate.dateOfBirth!, person.dateOfBirth!)) matches.push({ personId: person.personId, strength: 'likely', nameScore, sameDateOfBirth });
    else if (!both && nameScore === 1) matches.push({ personId: person.personId, strength: 'possible', nameScore, sameDateOfBirth: false });
  }
  const rank = (m: DuplicateMatch) => (m.strength === 'likely' ? 2 : 1) + m.nameScore + (m.sameDateOfBirth ? 1 : 0);
  return matches.sort((a, b) => rank(b) - rank(a));
}
