/**
 * Dutch explanations of the planner's shortfall reasons (ADR 0101: every unfilled need has a
 * reason). Pure: the planner's English detail carries the count, this gives the sentence a
 * coordinator reads ("geen vrije medewerker met kwalificatie X: 14 zouden een rustregel breken").
 */
export const SHORTFALL_REASONS = [
  'no-qualified-officer',
  'no-tasked-unit',
  'qualified-officers-on-leave',
  'qualified-officers-assigned-elsewhere',
  'working-time-limit-reached',
  'outweighed-by-preferences',
  'search-budget',
] as const;
export type ShortfallReasonCode = (typeof SHORTFALL_REASONS)[number];

/** Dutch names of the planner's qualifications. */
export const QUALIFICATION_LABELS: Record<string, string> = {
  'close-protection': 'persoonsbeveiliging',
  armed: 'bewapend',
  driver: 'chauffeur',
  surveillance: 'observatie en bewaking',
  'team-lead': 'teamleider',
};

export const qualificationLabel = (q: string | null): string => (q === null ? 'willekeurige medewerker' : (QUALIFICATION_LABELS[q] ?? q));

/** The count the planner's detail names (free, qualified or blocked officers), if any. */
export const shortfallCount = (detail: string): number | null => {
  const m = /\d+/.exec(detail);
  return m ? Number(m[0]) : null;
};

export function explainShortfall(s: { reason: string; qualification: string | null; missing: number; detail: string }): string {
  const q = qualificationLabel(s.qualification);
  const n = shortfallCount(s.detail);
  const missing = s.missing === 1 ? '1 medewerker' : `${s.missing} medewerkers`;
  switch (s.reason as ShortfallReasonCode) {
    case 'no-qualified-officer':
      return `${missing} tekort: geen medewerker met kwalificatie ${q} in een eenheid die deze post mag bemensen`;
    case 'no-tasked-unit':
      return `${missing} tekort: de eenheden die de LCC met deze opdracht heeft belast, hebben geen medewerker met kwalificatie ${q} die deze post mag bemensen (of er is nog geen eenheid belast)`;
    case 'qualified-officers-on-leave':
      return `${missing} tekort: alle ${n ?? ''} medewerkers met kwalificatie ${q} zijn met verlof of afwezig`.replace('  ', ' ');
    case 'qualified-officers-assigned-elsewhere':
      return `${missing} tekort: alle ${n ?? ''} beschikbare medewerkers met kwalificatie ${q} staan al op een andere post`.replace('  ', ' ');
    case 'working-time-limit-reached':
      return `${missing} tekort: geen vrije medewerker met kwalificatie ${q}: ${n ?? 'alle'} zouden een rust- of arbeidstijdregel breken`;
    case 'outweighed-by-preferences':
      return `${missing} tekort: ${n ?? 'de'} vrije medewerkers met kwalificatie ${q} zijn bewust niet ingezet (verlofwensen wegen zwaarder dan deze post)`;
    case 'search-budget':
      return `${missing} tekort: de rekentijd was op; ${n ?? 'er'} vrije medewerkers met kwalificatie ${q} kunnen nog worden ingezet`;
    default:
      return `${missing} tekort (${s.reason})`;
  }
}

/** The protected person's activity domains in the order capacity goes to them (DOMAIN §5). */
export const DOMAIN_PRIORITY = ['home', 'transport', 'work', 'private'] as const;
export type ActivityClass = (typeof DOMAIN_PRIORITY)[number];

export const DOMAIN_LABELS: Record<ActivityClass, string> = { home: 'woning', transport: 'vervoer', work: 'werk', private: 'privé' };
