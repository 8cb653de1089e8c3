/**
 * The letter templates, as data with a version (issue 12 item 3). A letter records the template
 * id and version it was made from, so it can be made again byte for byte; a change of wording is
 * a new version, never an edit of an old one. Plain Dutch at B1: short sentences, "u", no jargon.
 * `{{name}}` is filled from the letter's facts; a `list` block takes one of the facts' lists.
 */

export const LETTER_KINDS = ['decision_letter', 'employer_letter', 'authority_notice'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export type LetterBlock = { kind: 'heading'; text: string } | { kind: 'paragraph'; text: string } | { kind: 'list'; items: LetterListKey; empty?: string };

/** The lists a template may show. */
export type LetterListKey = 'measures' | 'careModules' | 'askedOfPerson' | 'workMeasures' | 'employerDuties';

export interface LetterTemplate {
  kind: LetterKind;
  version: number;
  /** The first day letters are made from this version. */
  effectiveFrom: string;
  subject: string;
  salutation: string;
  blocks: readonly LetterBlock[];
  closing: string;
}

const SIGN_OFF = 'Met vriendelijke groet,\n\nDe Nationaal Coördinator Terrorismebestrijding en Veiligheid\nnamens deze: de besluitnemer bewaken en beveiligen';

export const LETTER_TEMPLATES: readonly LetterTemplate[] = [
  {
    kind: 'decision_letter',
    version: 1,
    effectiveFrom: '2026-01-01',
    subject: 'Besluit over uw beveiliging ({{reference}})',
    salutation: 'Geachte {{addresseeName}},',
    blocks: [
      { kind: 'paragraph', text: 'Wij hebben besloten welke maatregelen u krijgt om u te beschermen. In deze brief leest u wat wij u aanbieden, wat wij van u vragen en wat u kunt doen als u het niet eens bent met dit besluit.' },
      { kind: 'heading', text: 'Wat wij u aanbieden' },
      { kind: 'paragraph', text: 'U krijgt een pakket met het beschermingsniveau {{resistanceLevel}}. Het pakket bestaat uit:' },
      { kind: 'list', items: 'measures', empty: 'geen maatregelen' },
      { kind: 'paragraph', text: 'Daarnaast bieden wij u deze zorg aan:' },
      { kind: 'list', items: 'careModules', empty: 'geen zorg' },
      { kind: 'paragraph', text: 'Dit pakket is op uw situatie afgestemd. Het is wel een besluit: over de inhoud van het pakket kunt u niet onderhandelen.' },
      { kind: 'heading', text: 'Wanneer wij opnieuw kijken' },
      { kind: 'paragraph', text: 'Wij kijken uiterlijk op {{reviewDate}} opnieuw of deze maatregelen nog nodig zijn en of ze nog passen. Verandert uw situatie eerder? Neem dan contact op met uw contactpersoon.' },
      { kind: 'heading', text: 'Wat wij van u vragen' },
      { kind: 'list', items: 'askedOfPerson' },
      { kind: 'heading', text: 'Bent u het niet eens met dit besluit?' },
      { kind: 'paragraph', text: 'Dan kunt u bezwaar maken. Dat moet binnen zes weken. Uw bezwaar moet uiterlijk op {{objectionDeadline}} bij ons binnen zijn. Schrijf in uw bezwaar uw naam en adres, de datum, het kenmerk {{reference}}, waarom u het niet eens bent met het besluit, en zet uw handtekening eronder. Uw contactpersoon kan u hierbij helpen.' },
      { kind: 'paragraph', text: 'Heeft u vragen over deze brief? Neem dan contact op met uw contactpersoon.' },
    ],
    closing: SIGN_OFF,
  },
  {
    kind: 'employer_letter',
    version: 1,
    effectiveFrom: '2026-01-01',
    subject: 'Beveiliging van uw medewerker ({{reference}})',
    salutation: 'Geachte {{addresseeName}},',
    blocks: [
      { kind: 'paragraph', text: 'Een medewerker van uw organisatie wordt bedreigd. Wij hebben besloten deze medewerker te beschermen. U bent als werkgever ook verantwoordelijk voor de veiligheid van uw medewerker. In deze brief leest u wat wij doen en wat wij van u vragen.' },
      { kind: 'heading', text: 'Wat wij doen op het werk' },
      { kind: 'list', items: 'workMeasures', empty: 'geen maatregelen op het werk' },
      { kind: 'heading', text: 'Wat wij van u vragen' },
      { kind: 'list', items: 'employerDuties' },
      { kind: 'paragraph', text: 'Wij kijken uiterlijk op {{reviewDate}} opnieuw naar deze maatregelen.' },
      { kind: 'paragraph', text: 'Bent u het niet eens met dit besluit? Dan kunt u bezwaar maken. Uw bezwaar moet uiterlijk op {{objectionDeadline}} bij ons binnen zijn. Noem daarin het kenmerk {{reference}}.' },
    ],
    closing: SIGN_OFF,
  },
  {
    kind: 'authority_notice',
    version: 1,
    effectiveFrom: '2026-01-01',
    subject: 'Kennisgeving besluit bewaken en beveiligen ({{reference}})',
    salutation: 'Geachte {{addresseeName}},',
    blocks: [
      { kind: 'paragraph', text: 'Hierbij informeren wij u over een besluit in het stelsel bewaken en beveiligen. Het gaat om een persoon in uw {{authorityArea}}. De minister van Justitie en Veiligheid is het gezag; de NCTV voert dit uit.' },
      { kind: 'paragraph', text: 'Wij hebben besloten tot maatregelen met het beschermingsniveau {{resistanceLevel}}. Wij kijken uiterlijk op {{reviewDate}} opnieuw naar dit besluit.' },
      { kind: 'paragraph', text: 'Raken de maatregelen aan uw eigen bevoegdheden? Dan nemen wij contact met u op voor overleg. Deze kennisgeving is vertrouwelijk.' },
    ],
    closing: SIGN_OFF,
  },
];

/** The version of a kind's template in effect on a day (the newest whose start has come). */
export function templateInEffect(kind: LetterKind, on: string, templates: readonly LetterTemplate[] = LETTER_TEMPLATES): LetterTemplate | undefined {
  return templates.filter((t) => t.kind === kind && t.effectiveFrom <= on.slice(0, 10)).sort((a, b) => b.version - a.version)[0];
}

/** One exact version, for regenerating a stored letter. */
export function templateVersion(kind: LetterKind, version: number, templates: readonly LetterTemplate[] = LETTER_TEMPLATES): LetterTemplate | undefined {
  return templates.find((t) => t.kind === kind && t.version === version);
}
